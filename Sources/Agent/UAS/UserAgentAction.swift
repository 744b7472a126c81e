public import NIOCore
public import SIPCore
public import SIPTransactions
public import SIPTransport

/// Timers of the UA core (the transaction layer's timers are separate).
public enum UserAgentTimer: Sendable, Hashable {
    /// A named timer of a call's controller.
    case controller(DialogID, String)
    /// Retransmit the 2xx awaiting its ACK (§13.3.1.4: T1, doubling up to T2).
    case retransmit2xx(DialogID)
    /// No ACK after 64·T1: hang up (§13.3.1.4).
    case ackTimeout(DialogID)
}

/// What the UA core asks the stack to do.
public enum UserAgentAction: Sendable {
    /// Send this response on the server transaction `key`.
    case respond(SIPTransactionKey, SIPMessageBuilder)
    /// Retransmit these bytes (a 2xx) on the INVITE transaction `key` (RFC 6026 Accepted state).
    case retransmit(SIPTransactionKey, ByteBuffer, status: Int)
    /// Start a client transaction for this request, sent to `target`.
    case sendRequest(SIPMessageBuilder, to: SIPTarget)
    /// Start (or restart) a timer.
    case startTimer(UserAgentTimer, after: Duration)
    /// Cancel a timer.
    case cancelTimer(UserAgentTimer)
    /// A call-level event for the log and the store.
    case callEvent(DialogID, String)
    /// A command for the call's media; `rtpPort` is the port of the honeypot's SDP.
    case media(DialogID, MediaCommand, rtpPort: UInt16)
}
