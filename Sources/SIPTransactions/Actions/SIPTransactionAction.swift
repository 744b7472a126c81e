public import NIOCore
public import SIPCore

/// What a transaction state machine asks its owner to do after an event.
///
/// Every event method returns an ordered list of actions; the stack performs them in order in one
/// `run(_:)` function (the model is `run(_:with:)` in vapor/postgres-nio's `PostgresChannelHandler`).
/// The order is fixed: timers are cancelled, bytes are sent and timers are started before anything is
/// delivered to the TU, so a TU that answers synchronously from `deliverToTU` finds the transaction's
/// timers already in place; `timeout`, `transportError` and `terminate` come last.
///
/// Every timer a machine starts is either fired or cancelled by an action before it returns
/// ``terminate``: the stack needs no bookkeeping of its own to avoid stale timers.
public enum SIPTransactionAction: Sendable, Hashable {
    /// Pass these bytes to the transport: a response to the request's source (server transactions,
    /// RFC 3261 §18.2.2) or a request to its destination (client transactions, §18.1.1).
    case send(ByteBuffer)
    /// Start (or restart) this timer to fire after the duration, then call the machine's `timerFired(_:)`.
    /// A zero duration means "on the next turn of the event loop" (the reliable-transport values of D, I, J, K).
    case startTimer(SIPTimer, after: Duration)
    /// Cancel this timer; it must not fire.
    case cancelTimer(SIPTimer)
    /// Pass this message to the transaction user: the request that created a server transaction, an ACK
    /// for a 2xx (RFC 6026 Accepted state), or a response received by a client transaction.
    case deliverToTU(SIPMessage)
    /// Tell the TU that the transaction timed out (Timers B, F, H).
    case timeout
    /// Tell the TU that the transport failed to deliver a message (§17.1.4, §17.2.4).
    case transportError
    /// The transaction reached Terminated: destroy it (§17.1.1.2, §17.2.1 "MUST be destroyed immediately").
    case terminate
    /// The event changed nothing. It is the only action in its list.
    case ignore(IgnoreReason)

    /// Why an event was ignored. Peer misbehaviour is reported here, never trapped: for a honeypot it is
    /// evidence, and the caller may log it.
    public enum IgnoreReason: Sendable, Hashable {
        /// A retransmission the current state absorbs (an INVITE in Accepted, an ACK in Confirmed, a
        /// request in Trying, a response in Completed, …).
        case retransmission
        /// A message this state does not accept from the peer: a response given to a server transaction,
        /// an ACK before any final response, a provisional response after a final one, an invalid status.
        case unexpectedMessage
        /// A TU event this state does not accept: a second final response, a response after Terminated,
        /// a request that cannot start the transaction, a transport failure when nothing was sent.
        case notAllowedInState
        /// A timer this state is not running (a late fire after a cancellation raced with it).
        case staleTimer
        /// The transaction table has no transaction with this key (it already terminated).
        case noSuchTransaction
    }
}
