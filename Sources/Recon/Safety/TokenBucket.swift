/// A token bucket: `capacity` tokens, refilled at `ratePerSecond`; a pure value, time passed in.
public struct TokenBucket: Hashable, Sendable {
    /// Most tokens held (the burst).
    public let capacity: Double
    /// Tokens added per second.
    public let ratePerSecond: Double
    private var tokens: Double
    private var updatedAt: ReconInstant?

    /// Creates a full bucket.
    public init(capacity: Int, ratePerSecond: Double) {
        self.capacity = Double(max(1, capacity))
        self.ratePerSecond = max(0, ratePerSecond)
        self.tokens = self.capacity
    }

    /// Takes `count` tokens at `now`; `false` (and nothing taken) when there are not enough.
    public mutating func take(_ count: Int = 1, now: ReconInstant) -> Bool {
        if let updatedAt, updatedAt < now {
            let elapsed =
                Double(updatedAt.duration(to: now).components.attoseconds) / 1e18
                + Double(updatedAt.duration(to: now).components.seconds)
            self.tokens = min(self.capacity, self.tokens + elapsed * self.ratePerSecond)
        }
        if self.updatedAt == nil || self.updatedAt! < now { self.updatedAt = now }
        guard self.tokens >= Double(count) else { return false }
        self.tokens -= Double(count)
        return true
    }

    /// How long from `now` until `count` tokens will be there (zero when they are), assuming nobody else
    /// takes any; `nil` when they never will (no refill, or more than the capacity).
    public func delay(until count: Int = 1, now: ReconInstant) -> Duration? {
        var tokens = self.tokens
        if let updatedAt, updatedAt < now {
            let elapsed = updatedAt.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(self.capacity, tokens + seconds * self.ratePerSecond)
        }
        if tokens >= Double(count) { return .zero }
        guard self.ratePerSecond > 0, Double(count) <= self.capacity else { return nil }
        let missing = (Double(count) - tokens) / self.ratePerSecond
        return .milliseconds(Int64((missing * 1000).rounded(.up)))
    }
}
