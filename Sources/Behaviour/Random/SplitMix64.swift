/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele et al. 2014).
///
/// The interpreter draws every random value of a `Randomized` profile from one of these, seeded by
/// ``BehaviourMachine/init(profile:configuration:seed:)``, so the same seed gives the same run. The agent
/// uses it too for identifiers (tags, branches, Call-IDs, nonces), which only need to be unpredictable
/// enough not to collide and to look like the persona's: the stack seeds one from the system's generator at
/// start, tests seed it fixed.
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

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in `[0, 1)` with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(self.next() >> 11) * 0x1.0p-53
    }
}
