/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele et al. 2014).
///
/// Identifiers (tags, branches, Call-IDs, nonces) only need to be unpredictable enough not to collide and to
/// look like the persona's; the stack seeds one generator from the system's at start, tests seed it fixed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// A generator seeded from the system generator.
    public init() {
        var system = SystemRandomNumberGenerator()
        self.state = system.next()
    }

    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
