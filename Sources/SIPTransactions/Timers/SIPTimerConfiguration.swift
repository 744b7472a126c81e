/// The timer values of RFC 3261 §17 (Table 4 of Appendix A, with RFC 6026's Timers L and M) for one
/// transaction, derived from T1, T2 and T4 and from whether the transport is reliable.
///
/// Durations are `Swift.Duration`: a value, not a clock. The machines put them into
/// ``SIPTransactionAction/startTimer(_:after:)`` and never read the time.
///
/// | timer | unreliable (UDP) | reliable (TCP, TLS) |
/// | --- | --- | --- |
/// | A | T1, doubling | not started |
/// | B, F, H, L, M | 64·T1 | 64·T1 |
/// | D | max(32 s, 64·T1) | 0 |
/// | E, G | T1, doubling, capped at T2 | not started |
/// | I, K | T4 | 0 |
/// | J | 64·T1 | 0 |
/// | 100 Trying | 200 ms | 200 ms |
public struct SIPTimerConfiguration: Sendable, Hashable {
    /// The RTT estimate (§17.1.1.1): 500 ms by default. Values below 1 ms are treated as 1 ms, so a
    /// misconfiguration can never make a retransmit timer fire in a zero-length loop.
    public var t1: Duration
    /// The maximum retransmit interval for non-INVITE requests and INVITE responses: 4 s by default.
    public var t2: Duration
    /// The maximum duration a message remains in the network: 5 s by default.
    public var t4: Duration
    /// How long the INVITE server transaction waits for the TU before sending "100 Trying" itself
    /// (§17.2.1: 200 ms). A persona that answers at once can set a shorter delay.
    public var tryingDelay: Duration
    /// Whether the transport is reliable (TCP, TLS, SCTP): no retransmit timers, zero-length D, I, J, K.
    public var reliable: Bool

    /// A configuration; every argument defaults to the RFC 3261 value, over an unreliable transport.
    public init(
        t1: Duration = .milliseconds(500),
        t2: Duration = .seconds(4),
        t4: Duration = .seconds(5),
        tryingDelay: Duration = .milliseconds(200),
        reliable: Bool = false
    ) {
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
        self.tryingDelay = tryingDelay
        self.reliable = reliable
    }

    /// The RFC 3261 defaults over an unreliable transport.
    public static let `default` = SIPTimerConfiguration()

    /// A copy with ``reliable`` set.
    public func with(reliable: Bool) -> SIPTimerConfiguration {
        var copy = self
        copy.reliable = reliable
        return copy
    }

    /// T1, never less than 1 ms.
    var safeT1: Duration { max(self.t1, .milliseconds(1)) }
    /// T2, never less than T1.
    var safeT2: Duration { max(self.t2, self.safeT1) }

    /// 64·T1: Timers B, F, H, L and M, and J over unreliable transports.
    public var transactionTimeout: Duration { self.safeT1 * 64 }

    /// The first interval of Timer A, E or G (T1); `nil` over a reliable transport, where they are not started.
    public var initialRetransmitInterval: Duration? { self.reliable ? nil : self.safeT1 }

    /// Timer D (§17.1.1.2): at least 32 s over unreliable transports (and never less than 64·T1, so it
    /// outlives the server's Timer H), zero over reliable ones.
    public var timerD: Duration { self.reliable ? .zero : max(.seconds(32), self.transactionTimeout) }
    /// Timer I (§17.2.1): T4, zero over reliable transports.
    public var timerI: Duration { self.reliable ? .zero : self.t4 }
    /// Timer J (§17.2.2): 64·T1, zero over reliable transports.
    public var timerJ: Duration { self.reliable ? .zero : self.transactionTimeout }
    /// Timer K (§17.1.2.2): T4, zero over reliable transports.
    public var timerK: Duration { self.reliable ? .zero : self.t4 }

    /// The interval after `interval` for Timer A: doubled, without a cap (§17.1.1.2).
    func nextTimerA(after interval: Duration) -> Duration { interval * 2 }

    /// The interval after `interval` for Timers E (in Trying) and G: doubled, capped at T2 (§17.1.2.2, §17.2.1).
    func nextCapped(after interval: Duration) -> Duration { min(interval * 2, self.safeT2) }
}
