/// A client-transaction state that retransmits its request on a timer and gives up on another: INVITE Calling
/// (Timers A and B, RFC 3261 §17.1.1.2), non-INVITE Trying and Proceeding (Timers E and F, §17.1.2.2).
///
/// Only those states adopt it (the model is apple/swift-nio-ssh's `Operations/` protocols), so leaving any of
/// them stops exactly the timers they run.
protocol RetransmitsRequest {
    /// The retransmit timer (A or E); it runs only over unreliable transports.
    static var retransmitTimer: SIPTimer { get }
    /// The timeout timer (B or F); it always runs.
    static var timeoutTimer: SIPTimer { get }
    /// Whether the retransmit timer is running.
    var isRetransmitting: Bool { get }
}

extension RetransmitsRequest {
    /// The actions that stop both timers, on leaving the state.
    func cancelTimers() -> [SIPTransactionAction] {
        self.isRetransmitting
            ? [.cancelTimer(Self.retransmitTimer), .cancelTimer(Self.timeoutTimer)]
            : [.cancelTimer(Self.timeoutTimer)]
    }

    /// The actions when the timeout timer fires: stop retransmitting, inform the TU, terminate.
    func timeoutActions() -> [SIPTransactionAction] {
        (self.isRetransmitting ? [.cancelTimer(Self.retransmitTimer)] : []) + [.timeout, .terminate]
    }

    /// The actions when the transport fails: stop both timers, inform the TU, terminate (§17.1.4).
    func transportFailureActions() -> [SIPTransactionAction] {
        self.cancelTimers() + [.transportError, .terminate]
    }
}
