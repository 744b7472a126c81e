/// How a sink retries a failed delivery: at most ``maximumAttempts`` tries, waiting an exponentially growing delay
/// between them (``initialDelay`` × 2ⁿ, capped at ``maximumDelay``), with "full jitter" (a uniformly random part of
/// that delay) so that many honeypots do not retry in step.
public struct RetryPolicy: Sendable, Hashable {
    /// Tries per event, the first included (≥ 1).
    public var maximumAttempts: Int
    /// The delay before the second try (before jitter).
    public var initialDelay: Duration
    /// The largest delay (before jitter).
    public var maximumDelay: Duration
    /// Whether delays are drawn uniformly from [delay / 2, delay] instead of being exact.
    public var jitter: Bool

    /// A policy; the default: 5 tries, 0.5 s doubling to at most 30 s, with jitter.
    public init(
        maximumAttempts: Int = 5,
        initialDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        jitter: Bool = true
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = jitter
    }

    /// The delay after failed try number `attempt` (1 for the first), with `random` a number in [0, 1).
    public func delay(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = min(max(0, attempt - 1), 30)
        let base = self.initialDelay * (1 << exponent)
        let capped = base > self.maximumDelay ? self.maximumDelay : base
        guard self.jitter else { return capped }
        return capped * (0.5 + 0.5 * min(max(random, 0), 1))
    }
}
