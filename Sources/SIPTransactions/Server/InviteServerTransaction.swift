public import NIOCore
public import SIPCore

/// The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7), as corrected by RFC 6026 §7.1.
///
/// RFC 3261 destroyed the server transaction as soon as the TU sent a 2xx, so a retransmitted INVITE arriving
/// after the 2xx looked like a new request and reached the TU a second time. RFC 6026 adds the Accepted state,
/// which absorbs those retransmissions until Timer L, and passes the ACK of the 2xx to the TU. This is the
/// machine with that correction:
///
///                                  | INVITE
///                                  | start the "100 Trying" timer, pass the INVITE to the TU
///                                  V
///        INVITE: resend      +------------+   101-199 from TU: send
///        the last 1xx        | Proceeding |   transport error: inform TU (RFC 6026 §8.8)
///                            +------------+
///                              |        |  2xx from TU: send, start L
///     300-699 from TU: send,   |        +-----------------------------+
///     start G and H            V                                      V
///        INVITE, Timer G:    +------------+                     +------------+   INVITE: absorb
///        resend the final    | Completed  |                     |  Accepted  |   ACK: pass to TU
///        response            +------------+                     +------------+   2xx from TU: send
///                              |        |  Timer H: inform TU         |
///               ACK: start I   |        +-------------------+         |  Timer L
///                              V                            |         |
///                            +------------+                 |         |
///        ACK, INVITE: absorb | Confirmed  |                 |         |
///                            +------------+                 |         |
///                              |  Timer I                   |         |
///                              V                            V         |
///                            +------------+ <---------------+         |
///                            | Terminated | <-------------------------+
///                            +------------+
///
/// ### What the TU must do
///
/// The TU receives the INVITE through ``SIPTransactionAction/deliverToTU(_:)`` and answers with
/// ``send(response:status:)``: any number of provisional responses, then one final response. It gives the
/// response as bytes that are already serialized, so every retransmission (Timer G, or a retransmitted INVITE)
/// puts the identical bytes back on the wire. Retransmitting a 2xx until its ACK arrives is the TU's job
/// (§13.3.1.4); it sends each retransmission through ``send(response:status:)`` while the transaction is
/// Accepted. A TU that decides not to answer at all (a honeypot staying silent) calls ``abandon()``, which
/// cancels the timers and terminates the transaction; otherwise a Proceeding transaction lives until the TU
/// answers.
///
/// ### Timers
///
/// On the INVITE the machine starts the `trying` timer (200 ms, §17.2.1): if it fires before the TU has sent
/// any response, the machine sends a "100 Trying" built from the INVITE (``tryingResponse(to:extraHeaders:)``).
/// A final non-2xx response starts G (unreliable transports only: T1, doubling up to T2) and H (64·T1); the ACK
/// cancels both and starts I (T4, or zero over a reliable transport). A 2xx starts L (64·T1). Durations come from
/// ``SIPTimerConfiguration``; the machine never reads a clock.
///
/// ### Peer misbehaviour
///
/// An ACK before any final response, a CANCEL or BYE given to this transaction, or a response instead of a
/// request, is answered with ``SIPTransactionAction/ignore(_:)`` and changes nothing. No input from the wire traps.
///
/// ### Implementation
///
/// `State` carries what each state needs: Proceeding the pending "100 Trying" and the last provisional
/// response, Completed the final response and the current Timer G interval. Payloads hold only `ByteBuffer`s
/// and `Duration`s that are replaced, never mutated in place, so there is no copy-on-write to avoid and no
/// `modifying` sentinel. The request itself is not kept: a flood of large INVITEs retains only the responses.
public struct InviteServerTransaction: Sendable {
    /// The observable state, without payloads (Figure 7 of RFC 3261 with RFC 6026's Accepted).
    public enum Phase: Sendable, Hashable {
        /// Created, before the INVITE.
        case idle
        /// The INVITE was passed to the TU; provisional responses may be sent.
        case proceeding
        /// A 300–699 response was sent; waiting for the ACK.
        case completed
        /// The ACK arrived; absorbing ACK retransmissions until Timer I.
        case confirmed
        /// A 2xx was sent; absorbing INVITE retransmissions until Timer L (RFC 6026).
        case accepted
        /// Finished: the owner destroys the transaction.
        case terminated
    }

    private enum State: Sendable {
        case idle
        case proceeding(Proceeding)
        case completed(Completed)
        case confirmed
        case accepted
        case terminated
    }

    /// Proceeding: the "100 Trying" still to send if the TU stays silent, and the last provisional response.
    struct Proceeding: ResendsLastResponse, Sendable {
        /// The "100 Trying" to send when the `trying` timer fires; `nil` once sent or once the TU has answered,
        /// which is also when the timer is no longer running.
        var pendingTrying: ByteBuffer?
        /// The most recent provisional response sent.
        var lastResponse: ByteBuffer?

        /// Proceeding, entered from the INVITE, with the "100 Trying" waiting for its timer.
        init(pendingTrying: ByteBuffer) {
            self.pendingTrying = pendingTrying
            self.lastResponse = nil
        }

        /// Cancels the `trying` timer if it is still running.
        func cancelTrying() -> [SIPTransactionAction] {
            self.pendingTrying == nil ? [] : [.cancelTimer(.trying)]
        }
    }

    /// Completed: the final response, and the current Timer G interval (`nil` when G is not running).
    struct Completed: ResendsLastResponse, Sendable {
        /// The final response.
        var response: ByteBuffer
        /// The interval Timer G was last started with.
        var retransmitInterval: Duration?

        /// The final response is what a retransmitted INVITE gets.
        var lastResponse: ByteBuffer? { self.response }

        /// Completed after Proceeding: Timer G starts at T1 over unreliable transports.
        init(from proceeding: Proceeding, response: ByteBuffer, timers: SIPTimerConfiguration) {
            self.response = response
            self.retransmitInterval = timers.initialRetransmitInterval
        }

        /// The actions that stop Completed's timers.
        func cancelTimers() -> [SIPTransactionAction] {
            self.retransmitInterval == nil ? [.cancelTimer(.h)] : [.cancelTimer(.g), .cancelTimer(.h)]
        }
    }

    private var state: State
    private let timers: SIPTimerConfiguration
    private let tryingHeaders: [SIPMessageBuilder.Header]

    /// A transaction waiting for its INVITE.
    /// - Parameters:
    ///   - timers: T1, T2, T4 and whether the transport the INVITE came over is reliable.
    ///   - tryingHeaders: headers appended to the "100 Trying" the transaction sends on its own (a persona's
    ///     `Server` header, for example).
    public init(timers: SIPTimerConfiguration = .default, tryingHeaders: [SIPMessageBuilder.Header] = []) {
        self.state = .idle
        self.timers = timers
        self.tryingHeaders = tryingHeaders
    }

    /// The current state.
    public var phase: Phase {
        switch self.state {
        case .idle: .idle
        case .proceeding: .proceeding
        case .completed: .completed
        case .confirmed: .confirmed
        case .accepted: .accepted
        case .terminated: .terminated
        }
    }

    /// Whether the transaction has terminated and can be destroyed.
    public var isTerminated: Bool { self.phase == .terminated }

    /// The buffer storage (in bytes) of the responses the transaction holds for retransmission.
    public var retainedByteCount: Int {
        switch self.state {
        case .proceeding(let proceeding):
            (proceeding.pendingTrying?.storageCapacity ?? 0) + (proceeding.lastResponse?.storageCapacity ?? 0)
        case .completed(let completed):
            completed.response.storageCapacity
        case .idle, .confirmed, .accepted, .terminated:
            0
        }
    }

    /// A request from the transport that matched this transaction: the INVITE that creates it, a
    /// retransmission of it, or the ACK of a final response.
    public mutating func received(_ request: SIPMessage) -> [SIPTransactionAction] {
        let method = request.isRequest ? request.method : nil
        switch self.state {
        case .idle:
            guard method == .invite else { return [.ignore(.unexpectedMessage)] }
            let trying = Self.tryingResponse(to: request, extraHeaders: self.tryingHeaders).serialized()
            self.state = .proceeding(Proceeding(pendingTrying: trying))
            return [.startTimer(.trying, after: self.timers.tryingDelay), .deliverToTU(request)]

        case .proceeding(let proceeding):
            // §17.2.1: a retransmission gets the most recent provisional response. An ACK before any final
            // response acknowledges nothing.
            guard method == .invite else { return [.ignore(.unexpectedMessage)] }
            return proceeding.requestRetransmitted()

        case .completed(let completed):
            switch method {
            case .invite?:
                return completed.requestRetransmitted()
            case .ack?:
                self.state = .confirmed
                return completed.cancelTimers() + [.startTimer(.i, after: self.timers.timerI)]
            default:
                return [.ignore(.unexpectedMessage)]
            }

        case .confirmed:
            // Confirmed exists to absorb ACKs triggered by final-response retransmissions still in flight.
            guard method == .invite || method == .ack else { return [.ignore(.unexpectedMessage)] }
            return [.ignore(.retransmission)]

        case .accepted:
            // RFC 6026 §7.1: INVITE retransmissions are absorbed, not passed to the TU; an ACK that matches
            // (same branch: an RFC 2543 peer, or a broken one) is the ACK of the 2xx and goes to the TU.
            switch method {
            case .invite?: return [.ignore(.retransmission)]
            case .ack?: return [.deliverToTU(request)]
            default: return [.ignore(.unexpectedMessage)]
            }

        case .terminated:
            guard method == .invite || method == .ack else { return [.ignore(.unexpectedMessage)] }
            return [.ignore(.retransmission)]
        }
    }

    /// A response from the TU, already serialized. `status` is its status code, which decides the transition.
    public mutating func send(response: ByteBuffer, status: Int) -> [SIPTransactionAction] {
        guard (100...699).contains(status) else { return [.ignore(.notAllowedInState)] }
        switch self.state {
        case .idle, .completed, .confirmed, .terminated:
            return [.ignore(.notAllowedInState)]

        case .proceeding(var proceeding):
            let cancel = proceeding.cancelTrying()
            switch status {
            case 100...199:
                proceeding.pendingTrying = nil
                proceeding.lastResponse = response
                self.state = .proceeding(proceeding)
                return cancel + [.send(response)]
            case 200...299:
                self.state = .accepted
                return cancel + [.send(response), .startTimer(.l, after: self.timers.transactionTimeout)]
            default:
                let completed = Completed(from: proceeding, response: response, timers: self.timers)
                self.state = .completed(completed)
                var actions = cancel + [.send(response)]
                if let interval = completed.retransmitInterval { actions.append(.startTimer(.g, after: interval)) }
                actions.append(.startTimer(.h, after: self.timers.transactionTimeout))
                return actions
            }

        case .accepted:
            // RFC 6026 §8.7: 2xx responses from the TU (its own retransmissions) are sent; nothing else is.
            guard (200...299).contains(status) else { return [.ignore(.notAllowedInState)] }
            return [.send(response)]
        }
    }

    /// A response from the TU as a builder: serialized once here, then handled by ``send(response:status:)``.
    public mutating func send(response: SIPMessageBuilder) -> [SIPTransactionAction] {
        guard case .response(let status, _) = response.startLine else { return [.ignore(.notAllowedInState)] }
        return self.send(response: response.serialized(), status: status)
    }

    /// A timer the machine started has fired.
    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch self.state {
        case .idle, .terminated:
            return [.ignore(.staleTimer)]

        case .proceeding(var proceeding):
            guard timer == .trying, let trying = proceeding.pendingTrying else { return [.ignore(.staleTimer)] }
            proceeding.pendingTrying = nil
            proceeding.lastResponse = trying
            self.state = .proceeding(proceeding)
            return [.send(trying)]

        case .completed(var completed):
            switch timer {
            case .g:
                guard let interval = completed.retransmitInterval else { return [.ignore(.staleTimer)] }
                let next = self.timers.nextCapped(after: interval)
                completed.retransmitInterval = next
                self.state = .completed(completed)
                return [.send(completed.response), .startTimer(.g, after: next)]
            case .h:
                // §17.2.1: the ACK never came; tell the TU the transaction failed.
                self.state = .terminated
                let cancelG: [SIPTransactionAction] = completed.retransmitInterval == nil ? [] : [.cancelTimer(.g)]
                return cancelG + [.timeout, .terminate]
            case .a, .b, .d, .e, .f, .i, .j, .k, .l, .m, .trying:
                return [.ignore(.staleTimer)]
            }

        case .confirmed:
            guard timer == .i else { return [.ignore(.staleTimer)] }
            self.state = .terminated
            return [.terminate]

        case .accepted:
            guard timer == .l else { return [.ignore(.staleTimer)] }
            self.state = .terminated
            return [.terminate]
        }
    }

    /// The transport failed to send a response of this transaction. RFC 6026 §8.8: inform the TU and stay in
    /// the current state (Timers H and L still end the transaction).
    public mutating func transportFailed() -> [SIPTransactionAction] {
        switch self.state {
        case .proceeding, .completed, .accepted:
            return [.transportError]
        case .idle, .confirmed, .terminated:
            return [.ignore(.notAllowedInState)]
        }
    }

    /// The TU gives the transaction up without (further) answers: running timers are cancelled and the
    /// transaction terminates. Not an RFC 3261 event: it lets a honeypot stay silent without leaking state.
    public mutating func abandon() -> [SIPTransactionAction] {
        let cancel: [SIPTransactionAction]
        switch self.state {
        case .terminated:
            return [.ignore(.notAllowedInState)]
        case .idle:
            cancel = []
        case .proceeding(let proceeding):
            cancel = proceeding.cancelTrying()
        case .completed(let completed):
            cancel = completed.cancelTimers()
        case .confirmed:
            cancel = [.cancelTimer(.i)]
        case .accepted:
            cancel = [.cancelTimer(.l)]
        }
        self.state = .terminated
        return cancel + [.terminate]
    }

    /// The "100 Trying" the transaction sends on its own (§8.2.6.1, §17.2.1): Via, From, To (without adding a
    /// tag), Call-ID and CSeq echoed from the INVITE, its Timestamp copied, then `extraHeaders`.
    public static func tryingResponse(
        to invite: SIPMessage,
        extraHeaders: [SIPMessageBuilder.Header] = []
    ) -> SIPMessageBuilder {
        var builder = SIPMessageBuilder.response(to: invite, status: 100, reason: "Trying", toTag: nil)
        if let timestamp = invite.firstValue(.timestamp) { builder.add("Timestamp", timestamp) }
        builder.headers += extraHeaders
        return builder
    }
}
