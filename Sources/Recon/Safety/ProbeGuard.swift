import Synchronization

/// The gate every active probe passes: the scope policy, then the global packet rate limit.
///
/// One guard is shared by all probers of an ``Investigator`` so the rate limit is global. Packets to
/// sources are counted before they are sent; a probe that is refused sends nothing.
public final class ProbeGuard: Sendable {
    /// The policy in force.
    public let scope: ScopePolicy
    let bucket: Mutex<TokenBucket>
    let clock: ReconClock

    /// Creates a guard: `burst` packets at once, `packetsPerSecond` sustained (defaults 20 and 10).
    public init(scope: ScopePolicy, packetsPerSecond: Double = 10, burst: Int = 20, clock: ReconClock = .system) {
        self.scope = scope
        self.bucket = Mutex(TokenBucket(capacity: burst, ratePerSecond: packetsPerSecond))
        self.clock = clock
    }

    /// Whether `address` is in scope (no token taken).
    public func scopeDenial(for address: IPAddress) -> UnknownReason? {
        self.scope.denial(for: address)
    }

    /// `nil` when `packets` may be sent to `address` now (the tokens are taken), else why not.
    public func authorize(_ address: IPAddress, packets: Int = 1) -> UnknownReason? {
        if let denial = self.scope.denial(for: address) { return denial }
        let now = self.clock.now()
        let granted = self.bucket.withLock { $0.take(packets, now: now) }
        return granted ? nil : .limit("global probe rate limit reached")
    }

    /// Like ``authorize(_:packets:)``, but when the rate limit refuses, waits for the tokens (real time,
    /// never longer than `limit`) instead of giving up at once: an investigation's probes queue behind the
    /// global rate instead of losing fields. Scope denials are immediate.
    public func authorize(_ address: IPAddress, packets: Int = 1, waitingAtMost limit: Duration) async -> UnknownReason?
    {
        if let denial = self.scope.denial(for: address) { return denial }
        let monotonic = ContinuousClock()
        let end = monotonic.now.advanced(by: limit)
        while true {
            let now = self.clock.now()
            let (granted, delay) = self.bucket.withLock { bucket -> (Bool, Duration?) in
                if bucket.take(packets, now: now) { return (true, nil) }
                return (false, bucket.delay(until: packets, now: now))
            }
            if granted { return nil }
            guard let delay, monotonic.now.advanced(by: delay) <= end else {
                return .limit("global probe rate limit reached")
            }
            try? await Task.sleep(for: max(delay, .milliseconds(1)))
            if Task.isCancelled { return .limit("global probe rate limit reached") }
        }
    }
}
