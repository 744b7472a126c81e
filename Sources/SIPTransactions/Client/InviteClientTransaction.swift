import NIOCore
public import SIPCore

/// The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5), as corrected by RFC 6026 §7.2.
///
/// RFC 3261 destroyed the client transaction on the first 2xx, leaving retransmitted or forked 2xx responses
/// to arrive as strays. RFC 6026 adds the Accepted state: 2xx responses keep going to the TU (which sends the
/// ACK of each, §13.2.2.4) until Timer M. This is the machine with that correction:
///
///                                  | INVITE from TU
///                                  | send it, start A (unreliable) and B
///                                  V
///        Timer A: resend,    +------------+   Timer B, or transport error: inform TU
///        double A            |  Calling   |-----------------------------------------------+
///                            +------------+                                               |
///                              |   |    |  2xx: pass to TU, start M                       |
///                              |   |    +-----------------------------------+             |
///            300-699: send     |   |  1xx: pass to TU                       |             |
///            ACK, pass to TU,  |   V                                        |             |
///            start D           | +------------+                             |             |
///                              | | Proceeding |  1xx: pass to TU            |             |
///                              | +------------+                             |             |
///                              |   |      |  2xx: pass to TU, start M       |             |
///                              |   |      +-----------------------------+   |             |
///                              |   |  300-699: send ACK,                V   V             |
///                              V   V  pass to TU, start D          +------------+         |
///                            +------------+                        |  Accepted  |         |
///          300-699:          | Completed  |                        +------------+         |
///          resend the ACK    +------------+        2xx: pass to TU        |               |
///                                  |                                      | Timer M       |
///                                  | Timer D, or transport                |               |
///                                  | error (inform TU)                    |               |
///                                  V                                      V               |
///                            +------------+ <-----------------------------+---------------+
///                            | Terminated |
///                            +------------+
///
/// ### What the TU must do
///
/// The TU builds the INVITE, with a fresh RFC 3261 branch in its top Via, parses the bytes it built and starts
/// the transaction with ``send(request:)``; the machine sends ``SIPCore/SIPMessage/messageBytes`` and resends
/// the same bytes on every Timer A. Every response arrives through ``SIPTransactionAction/deliverToTU(_:)``
/// except the retransmissions of a 300–699 response, which the machine answers itself with the ACK it built
/// (``SIPCore/SIPMessageBuilder/ack(for:response:)``, §17.1.1.3). The ACK of a 2xx is the TU's job (it is a
/// request of its own with a new branch). In Proceeding no timer runs: a TU that gives up on an unanswered
/// INVITE sends a CANCEL (its own transaction) and, when it no longer cares, calls ``abandon()``.
///
/// ### Timers
///
/// Over unreliable transports Timer A starts at T1 and doubles without a cap (§17.1.1.2): with the defaults
/// the INVITE goes out at 0, 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s, and Timer B (64·T1 = 32 s) ends the wait.
/// Over reliable transports A never runs. D is at least 32 s (zero over reliable transports), M is 64·T1.
///
/// ### Peer misbehaviour
///
/// A request, a provisional response after a final one, a 2xx after a 300–699 or a response with a status
/// outside 100–699 is ignored with a reason. Nothing traps.
///
/// ### Implementation
///
/// Calling carries the INVITE and the current Timer A interval; Proceeding the INVITE (the ACK is built from
/// it); Completed only the ACK's bytes. Payload fields are replaced, never mutated in place.
public struct InviteClientTransaction: Sendable {
    /// The observable state, without payloads (Figure 5 of RFC 3261 with RFC 6026's Accepted).
    public enum Phase: Sendable, Hashable {
        /// Created, before the INVITE is sent.
        case idle
        /// The INVITE was sent; no response yet.
        case calling
        /// A provisional response arrived.
        case proceeding
        /// A 300–699 response arrived and was acknowledged; absorbing its retransmissions until Timer D.
        case completed
        /// A 2xx arrived; passing further 2xx responses to the TU until Timer M (RFC 6026).
        case accepted
        /// Finished: the owner destroys the transaction.
        case terminated
    }

    private enum State: Sendable {
        case idle
        case calling(Calling)
        case proceeding(Proceeding)
        case completed(Completed)
        case accepted
        case terminated
    }

    /// Calling: the INVITE and the current Timer A interval (`nil` when A is not running).
    struct Calling: RetransmitsRequest, Sendable {
        /// Timer A retransmits the INVITE.
        static var retransmitTimer: SIPTimer { .a }
        /// Timer B gives up.
        static var timeoutTimer: SIPTimer { .b }

        /// The INVITE, as parsed from the bytes sent.
        var invite: SIPMessage
        /// The interval Timer A was last started with.
        var retransmitInterval: Duration?

        /// Whether Timer A runs (unreliable transports).
        var isRetransmitting: Bool { self.retransmitInterval != nil }
    }

    /// Proceeding: the INVITE, kept to build the ACK of a 300–699 response.
    struct Proceeding: Sendable {
        /// The INVITE, as parsed from the bytes sent.
        var invite: SIPMessage
    }

    /// Completed: the ACK, resent for every retransmission of the final response.
    struct Completed: Sendable {
        /// The serialized ACK.
        var ack: ByteBuffer

        /// Builds the ACK of `response` to `invite` (§17.1.1.3).
        init(invite: SIPMessage, response: SIPMessage) {
            self.ack = SIPMessageBuilder.ack(for: invite, response: response).serialized()
        }
    }

    private var state: State
    private let timers: SIPTimerConfiguration

    /// A transaction waiting for its INVITE.
    /// - Parameter timers: T1, T4 and whether the transport the INVITE goes over is reliable.
    public init(timers: SIPTimerConfiguration = .default) {
        self.state = .idle
        self.timers = timers
    }

    /// The current state.
    public var phase: Phase {
        switch self.state {
        case .idle: .idle
        case .calling: .calling
        case .proceeding: .proceeding
        case .completed: .completed
        case .accepted: .accepted
        case .terminated: .terminated
        }
    }

    /// Whether the transaction has terminated and can be destroyed.
    public var isTerminated: Bool { self.phase == .terminated }

    /// The buffer storage (in bytes) the transaction holds: the INVITE until a final response, then the ACK.
    public var retainedByteCount: Int {
        switch self.state {
        case .calling(let calling): calling.invite.bytes.storageCapacity
        case .proceeding(let proceeding): proceeding.invite.bytes.storageCapacity
        case .completed(let completed): completed.ack.storageCapacity
        case .idle, .accepted, .terminated: 0
        }
    }

    /// The TU's INVITE, parsed from the bytes it built: the machine sends its ``SIPCore/SIPMessage/messageBytes``.
    /// Ignored unless the machine is idle and `request` is an INVITE with a branch in its top Via.
    public mutating func send(request: SIPMessage) -> [SIPTransactionAction] {
        switch self.state {
        case .idle:
            guard request.isRequest, request.method == .invite, request.topVia?.branch?.isEmpty == false else {
                return [.ignore(.notAllowedInState)]
            }
            let calling = Calling(invite: request, retransmitInterval: self.timers.initialRetransmitInterval)
            self.state = .calling(calling)
            var actions: [SIPTransactionAction] = [.send(request.messageBytes)]
            if let interval = calling.retransmitInterval { actions.append(.startTimer(.a, after: interval)) }
            actions.append(.startTimer(.b, after: self.timers.transactionTimeout))
            return actions
        case .calling, .proceeding, .completed, .accepted, .terminated:
            return [.ignore(.notAllowedInState)]
        }
    }

    /// A response from the transport that matched this transaction (§17.1.3).
    public mutating func received(_ response: SIPMessage) -> [SIPTransactionAction] {
        guard !response.isRequest, let status = response.statusCode, (100...699).contains(status) else {
            return [.ignore(.unexpectedMessage)]
        }
        switch self.state {
        case .idle, .terminated:
            return [.ignore(.unexpectedMessage)]

        case .calling(let calling):
            return calling.cancelTimers() + self.finalOrProvisional(response, status: status, invite: calling.invite)

        case .proceeding(let proceeding):
            return self.finalOrProvisional(response, status: status, invite: proceeding.invite)

        case .completed(let completed):
            // §17.1.1.2: a retransmitted final response gets the ACK again and is not passed up.
            guard status >= 300 else { return [.ignore(.unexpectedMessage)] }
            return [.send(completed.ack)]

        case .accepted:
            // RFC 6026 §7.2: every 2xx (a retransmission, or another fork's) goes to the TU.
            guard (200...299).contains(status) else { return [.ignore(.unexpectedMessage)] }
            return [.deliverToTU(response)]
        }
    }

    /// The transitions out of Calling and Proceeding, which are the same once Calling's timers are cancelled.
    private mutating func finalOrProvisional(
        _ response: SIPMessage,
        status: Int,
        invite: SIPMessage
    ) -> [SIPTransactionAction] {
        switch status {
        case 100...199:
            self.state = .proceeding(Proceeding(invite: invite))
            return [.deliverToTU(response)]
        case 200...299:
            self.state = .accepted
            return [.startTimer(.m, after: self.timers.transactionTimeout), .deliverToTU(response)]
        default:
            let completed = Completed(invite: invite, response: response)
            self.state = .completed(completed)
            return [.send(completed.ack), .startTimer(.d, after: self.timers.timerD), .deliverToTU(response)]
        }
    }

    /// A timer the machine started has fired.
    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch self.state {
        case .idle, .proceeding, .terminated:
            return [.ignore(.staleTimer)]

        case .calling(var calling):
            switch timer {
            case .a:
                guard let interval = calling.retransmitInterval else { return [.ignore(.staleTimer)] }
                let next = self.timers.nextTimerA(after: interval)
                calling.retransmitInterval = next
                self.state = .calling(calling)
                return [.send(calling.invite.messageBytes), .startTimer(.a, after: next)]
            case .b:
                self.state = .terminated
                return calling.timeoutActions()
            case .d, .e, .f, .g, .h, .i, .j, .k, .l, .m, .trying:
                return [.ignore(.staleTimer)]
            }

        case .completed:
            guard timer == .d else { return [.ignore(.staleTimer)] }
            self.state = .terminated
            return [.terminate]

        case .accepted:
            guard timer == .m else { return [.ignore(.staleTimer)] }
            self.state = .terminated
            return [.terminate]
        }
    }

    /// The transport failed to send the INVITE or an ACK: inform the TU; in Calling and Completed the
    /// transaction terminates (§17.1.1.2, §17.1.4). In Proceeding and Accepted nothing of the transaction's
    /// is in flight, so it stays and the TU decides.
    public mutating func transportFailed() -> [SIPTransactionAction] {
        switch self.state {
        case .calling(let calling):
            self.state = .terminated
            return calling.transportFailureActions()
        case .completed:
            self.state = .terminated
            return [.cancelTimer(.d), .transportError, .terminate]
        case .proceeding, .accepted:
            return [.transportError]
        case .idle, .terminated:
            return [.ignore(.notAllowedInState)]
        }
    }

    /// The TU gives the transaction up: running timers are cancelled and the transaction terminates.
    public mutating func abandon() -> [SIPTransactionAction] {
        let cancel: [SIPTransactionAction]
        switch self.state {
        case .terminated:
            return [.ignore(.notAllowedInState)]
        case .idle, .proceeding:
            cancel = []
        case .calling(let calling):
            cancel = calling.cancelTimers()
        case .completed:
            cancel = [.cancelTimer(.d)]
        case .accepted:
            cancel = [.cancelTimer(.m)]
        }
        self.state = .terminated
        return cancel + [.terminate]
    }
}
