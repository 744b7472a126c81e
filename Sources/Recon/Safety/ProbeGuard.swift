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
}
