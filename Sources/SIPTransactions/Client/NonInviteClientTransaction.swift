import NIOCore
public import SIPCore

/// The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6): REGISTER, OPTIONS, BYE, CANCEL and
/// every other request but INVITE and ACK. RFC 6026 leaves it unchanged.
///
///                                  | request from TU
///                                  | send it, start E (unreliable) and F
///                                  V
///        Timer E: resend,    +------------+   Timer F, or transport error: inform TU
///        E = min(2E, T2)     |   Trying   |-------------------------------------------+
///                            +------------+                                           |
///                              |        |  200-699: pass to TU, start K               |
///          1xx: pass to TU     |        +-----------------------------+               |
///                              V                                      |               |
///        Timer E: resend,    +------------+   Timer F, or transport error: inform TU  |
///        E = T2              | Proceeding |---------------------------|---------------+
///        1xx: pass to TU     +------------+                           |               |
///                              |  200-699: pass to TU, start K        |               |
///                              V                                      |               |
///                            +------------+ <-------------------------+               |
///        response: absorb    | Completed  |                                           |
///                            +------------+                                           |
///                              | Timer K                                              |
///                              V                                                      |
///                            +------------+ <-----------------------------------------+
///                            | Terminated |
///                            +------------+
///
/// ### What the TU must do
///
/// The TU builds the request with a fresh RFC 3261 branch in its top Via, parses the bytes and starts the
/// transaction with ``send(request:)``. Provisional and final responses arrive through
/// ``SIPTransactionAction/deliverToTU(_:)``; retransmissions of the final response do not. ``SIPTransactionAction/timeout``
/// means no final response came within 64·T1 (§8.1.3.1: treat it as a 408).
///
/// ### Timers
///
/// Over unreliable transports Timer E starts at T1 and doubles up to T2 while Trying; once a provisional
/// response has arrived it is reset to T2 each time it fires. With the defaults the request goes out at 0, 0.5,
/// 1.5, 3.5, 7.5, 11.5, 15.5 … s until a final response or Timer F (64·T1 = 32 s). K is T4 (zero over reliable
/// transports, where E never runs).
///
/// ### Peer misbehaviour
///
/// A request, a provisional response after the final one, or a status outside 100–699 is ignored with a reason.
///
/// ### Implementation
///
/// Trying and Proceeding both carry the request's bytes and adopt ``RetransmitsRequest``; Trying also carries
/// the current Timer E interval. Completed carries nothing: the final response is never resent by a client.
public struct NonInviteClientTransaction: Sendable {
    /// The observable state, without payloads (Figure 6 of RFC 3261).
    public enum Phase: Sendable, Hashable {
        /// Created, before the request is sent.
        case idle
        /// The request was sent; no response yet.
        case trying
        /// A provisional response arrived.
        case proceeding
        /// A final response arrived; absorbing its retransmissions until Timer K.
        case completed
        /// Finished: the owner destroys the transaction.
        case terminated
    }

    private enum State: Sendable {
        case idle
        case trying(Trying)
        case proceeding(Proceeding)
        case completed
        case terminated
    }

    /// Trying: the request and the current Timer E interval (`nil` when E is not running).
    struct Trying: RetransmitsRequest, Sendable {
        /// Timer E retransmits the request.
        static var retransmitTimer: SIPTimer { .e }
        /// Timer F gives up.
        static var timeoutTimer: SIPTimer { .f }

        /// The request's bytes.
        var request: ByteBuffer
        /// The interval Timer E was last started with.
        var retransmitInterval: Duration?

        /// Whether Timer E runs (unreliable transports).
        var isRetransmitting: Bool { self.retransmitInterval != nil }
    }

    /// Proceeding: the request; Timer E, when running, now fires every T2.
    struct Proceeding: RetransmitsRequest, Sendable {
        /// Timer E retransmits the request.
        static var retransmitTimer: SIPTimer { .e }
        /// Timer F gives up.
        static var timeoutTimer: SIPTimer { .f }

        /// The request's bytes.
        var request: ByteBuffer
        /// Whether Timer E runs (unreliable transports).
        var isRetransmitting: Bool

        /// Proceeding after Trying: Timer E keeps running if it was.
        init(from trying: Trying) {
            self.request = trying.request
            self.isRetransmitting = trying.isRetransmitting
        }
    }

    private var state: State
    private let timers: SIPTimerConfiguration

    /// A transaction waiting for its request.
    /// - Parameter timers: T1, T2, T4 and whether the transport the request goes over is reliable.
    public init(timers: SIPTimerConfiguration = .default) {
        self.state = .idle
        self.timers = timers
    }

    /// The current state.
    public var phase: Phase {
        switch self.state {
        case .idle: .idle
        case .trying: .trying
        case .proceeding: .proceeding
        case .completed: .completed
        case .terminated: .terminated
        }
    }

    /// Whether the transaction has terminated and can be destroyed.
    public var isTerminated: Bool { self.phase == .terminated }

    /// The buffer storage (in bytes) the transaction holds: the request until a final response.
    public var retainedByteCount: Int {
        switch self.state {
        case .trying(let trying): trying.request.storageCapacity
        case .proceeding(let proceeding): proceeding.request.storageCapacity
        case .idle, .completed, .terminated: 0
        }
    }

    /// The TU's request, parsed from the bytes it built: the machine sends its ``SIPCore/SIPMessage/messageBytes``.
    /// Ignored unless the machine is idle and `request` is neither INVITE nor ACK and has a branch in its top Via.
    public mutating func send(request: SIPMessage) -> [SIPTransactionAction] {
        switch self.state {
        case .idle:
            guard request.isRequest, request.method != .invite, request.method != .ack,
                request.topVia?.branch?.isEmpty == false
            else { return [.ignore(.notAllowedInState)] }
            let trying = Trying(
                request: request.messageBytes,
                retransmitInterval: self.timers.initialRetransmitInterval
            )
            self.state = .trying(trying)
            var actions: [SIPTransactionAction] = [.send(trying.request)]
            if let interval = trying.retransmitInterval { actions.append(.startTimer(.e, after: interval)) }
            actions.append(.startTimer(.f, after: self.timers.transactionTimeout))
            return actions
        case .trying, .proceeding, .completed, .terminated:
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
        case .trying(let trying):
            guard status >= 200 else {
                self.state = .proceeding(Proceeding(from: trying))
                return [.deliverToTU(response)]
            }
            return self.complete(cancelling: trying.cancelTimers(), response)
        case .proceeding(let proceeding):
            guard status >= 200 else { return [.deliverToTU(response)] }
            return self.complete(cancelling: proceeding.cancelTimers(), response)
        case .completed:
            // §17.1.2.2: Completed buffers retransmissions of the final response.
            return status >= 200 ? [.ignore(.retransmission)] : [.ignore(.unexpectedMessage)]
        }
    }

    private mutating func complete(
        cancelling cancel: [SIPTransactionAction],
        _ response: SIPMessage
    ) -> [SIPTransactionAction] {
        self.state = .completed
        return cancel + [.startTimer(.k, after: self.timers.timerK), .deliverToTU(response)]
    }

    /// A timer the machine started has fired.
    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch self.state {
        case .idle, .terminated:
            return [.ignore(.staleTimer)]

        case .trying(var trying):
            switch timer {
            case .e:
                guard let interval = trying.retransmitInterval else { return [.ignore(.staleTimer)] }
                let next = self.timers.nextCapped(after: interval)
                trying.retransmitInterval = next
                self.state = .trying(trying)
                return [.send(trying.request), .startTimer(.e, after: next)]
            case .f:
                self.state = .terminated
                return trying.timeoutActions()
            case .a, .b, .d, .g, .h, .i, .j, .k, .l, .m, .trying:
                return [.ignore(.staleTimer)]
            }

        case .proceeding(let proceeding):
            switch timer {
            case .e:
                guard proceeding.isRetransmitting else { return [.ignore(.staleTimer)] }
                return [.send(proceeding.request), .startTimer(.e, after: self.timers.safeT2)]
            case .f:
                self.state = .terminated
                return proceeding.timeoutActions()
            case .a, .b, .d, .g, .h, .i, .j, .k, .l, .m, .trying:
                return [.ignore(.staleTimer)]
            }

        case .completed:
            guard timer == .k else { return [.ignore(.staleTimer)] }
            self.state = .terminated
            return [.terminate]
        }
    }

    /// The transport failed to send the request: inform the TU and terminate (§17.1.2.2, §17.1.4).
    public mutating func transportFailed() -> [SIPTransactionAction] {
        switch self.state {
        case .trying(let trying):
            self.state = .terminated
            return trying.transportFailureActions()
        case .proceeding(let proceeding):
            self.state = .terminated
            return proceeding.transportFailureActions()
        case .idle, .completed, .terminated:
            return [.ignore(.notAllowedInState)]
        }
    }

    /// The TU gives the transaction up: running timers are cancelled and the transaction terminates.
    public mutating func abandon() -> [SIPTransactionAction] {
        let cancel: [SIPTransactionAction]
        switch self.state {
        case .terminated:
            return [.ignore(.notAllowedInState)]
        case .idle:
            cancel = []
        case .trying(let trying):
            cancel = trying.cancelTimers()
        case .proceeding(let proceeding):
            cancel = proceeding.cancelTimers()
        case .completed:
            cancel = [.cancelTimer(.k)]
        }
        self.state = .terminated
        return cancel + [.terminate]
    }
}
