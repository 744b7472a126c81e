public import NIOCore
public import SIPCore

/// The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8), for every request but INVITE and ACK:
/// REGISTER, OPTIONS, BYE, CANCEL, MESSAGE, and methods nobody defined. RFC 6026 leaves it unchanged.
///
///                                  | request
///                                  | pass to TU
///                                  V
///        request: absorb     +------------+
///                            |   Trying   |
///                            +------------+
///                              |        |  200-699 from TU: send, start J
///          1xx from TU: send   |        +-----------------------------+
///                              V                                      |
///        request: resend     +------------+                           |
///        the last 1xx;       | Proceeding |                           |
///        1xx from TU: send   +------------+                           |
///                              |        |  200-699 from TU:           |
///      transport error:        |        |  send, start J              |
///      inform TU               |        V                             |
///                              |      +------------+ <----------------+
///                              |      | Completed  |   request: resend the final response
///                              |      +------------+   200-699 from TU: discard
///                              |        |  Timer J, or transport error (inform TU)
///                              V        V
///                            +------------+
///                            | Terminated |
///                            +------------+
///
/// ### What the TU must do
///
/// The TU receives the request through ``SIPTransactionAction/deliverToTU(_:)`` and answers it with
/// ``send(response:status:)``, bytes already serialized: any provisional responses, then one final response,
/// which the transaction resends unchanged for every retransmitted request until Timer J. Unlike the INVITE
/// transaction this one has no timer in Trying or Proceeding, and no "100 Trying" of its own (§17.2.2: it is
/// not needed, and a provisional response to a non-INVITE only makes sense when the TU knows it is slow). A TU
/// that will not answer calls ``abandon()``; otherwise the transaction lives until it answers.
///
/// ### Timers
///
/// Only Timer J: 64·T1 over unreliable transports (the longest a retransmission of the request can still
/// arrive), zero over reliable ones (§17.2.2).
///
/// ### Peer misbehaviour
///
/// A response given to this transaction, or a request in Terminated, is ignored with a reason; nothing traps.
///
/// ### Implementation
///
/// `State` carries the last provisional response in Proceeding and the final response in Completed; both adopt
/// ``ResendsLastResponse``, which Trying does not: its retransmissions are absorbed (§17.2.2).
public struct NonInviteServerTransaction: Sendable {
    /// The observable state, without payloads (Figure 8 of RFC 3261).
    public enum Phase: Sendable, Hashable {
        /// Created, before the request.
        case idle
        /// The request was passed to the TU; no response yet.
        case trying
        /// A provisional response was sent.
        case proceeding
        /// A final response was sent; absorbing retransmissions until Timer J.
        case completed
        /// Finished: the owner destroys the transaction.
        case terminated
    }

    private enum State: Sendable {
        case idle
        case trying
        case proceeding(Proceeding)
        case completed(Completed)
        case terminated
    }

    /// Proceeding: the most recent provisional response.
    struct Proceeding: ResendsLastResponse, Sendable {
        /// The most recent provisional response.
        var provisional: ByteBuffer
        /// A retransmitted request gets the provisional response.
        var lastResponse: ByteBuffer? { self.provisional }
    }

    /// Completed: the final response.
    struct Completed: ResendsLastResponse, Sendable {
        /// The final response.
        var response: ByteBuffer
        /// A retransmitted request gets the final response.
        var lastResponse: ByteBuffer? { self.response }
    }

    private var state: State
    private let timers: SIPTimerConfiguration

    /// A transaction waiting for its request.
    /// - Parameter timers: T1 and whether the transport the request came over is reliable.
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

    /// The buffer storage (in bytes) of the responses the transaction holds for retransmission.
    public var retainedByteCount: Int {
        switch self.state {
        case .proceeding(let proceeding): proceeding.provisional.storageCapacity
        case .completed(let completed): completed.response.storageCapacity
        case .idle, .trying, .terminated: 0
        }
    }

    /// A request from the transport that matched this transaction: the one that creates it, or a retransmission.
    public mutating func received(_ request: SIPMessage) -> [SIPTransactionAction] {
        let method = request.isRequest ? request.method : nil
        guard let method, method != .invite, method != .ack else {
            return [.ignore(.unexpectedMessage)]
        }
        switch self.state {
        case .idle:
            self.state = .trying
            return [.deliverToTU(request)]
        case .trying, .terminated:
            return [.ignore(.retransmission)]
        case .proceeding(let proceeding):
            return proceeding.requestRetransmitted()
        case .completed(let completed):
            return completed.requestRetransmitted()
        }
    }

    /// A response from the TU, already serialized. `status` is its status code, which decides the transition.
    public mutating func send(response: ByteBuffer, status: Int) -> [SIPTransactionAction] {
        guard (100...699).contains(status) else { return [.ignore(.notAllowedInState)] }
        switch self.state {
        case .idle, .completed, .terminated:
            // §17.2.2: final responses passed in Completed are discarded.
            return [.ignore(.notAllowedInState)]
        case .trying, .proceeding:
            if status < 200 {
                self.state = .proceeding(Proceeding(provisional: response))
                return [.send(response)]
            }
            self.state = .completed(Completed(response: response))
            return [.send(response), .startTimer(.j, after: self.timers.timerJ)]
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
        case .idle, .trying, .proceeding, .terminated:
            return [.ignore(.staleTimer)]
        case .completed:
            guard timer == .j else { return [.ignore(.staleTimer)] }
            self.state = .terminated
            return [.terminate]
        }
    }

    /// The transport failed to send a response: inform the TU and terminate (§17.2.2, §17.2.4).
    public mutating func transportFailed() -> [SIPTransactionAction] {
        switch self.state {
        case .proceeding:
            self.state = .terminated
            return [.transportError, .terminate]
        case .completed:
            self.state = .terminated
            return [.cancelTimer(.j), .transportError, .terminate]
        case .idle, .trying, .terminated:
            return [.ignore(.notAllowedInState)]
        }
    }

    /// The TU gives the transaction up: Timer J is cancelled if running and the transaction terminates.
    /// Not an RFC 3261 event: it lets a honeypot stay silent without leaking state.
    public mutating func abandon() -> [SIPTransactionAction] {
        switch self.state {
        case .terminated:
            return [.ignore(.notAllowedInState)]
        case .idle, .trying, .proceeding:
            self.state = .terminated
            return [.terminate]
        case .completed:
            self.state = .terminated
            return [.cancelTimer(.j), .terminate]
        }
    }
}
