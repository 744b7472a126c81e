import Foundation

/// Test signals and measures for the media tests: tones, the Goertzel algorithm, zero crossings, RMS.
public enum Signal {
    /// A sine tone of `frequency` Hz at `rate` Hz, `count` samples, peak `amplitude`.
    public static func tone(frequency: Double, rate: Int, count: Int, amplitude: Double = 10_000) -> [Int16] {
        (0..<count).map { n in
            Int16((amplitude * sin(2 * Double.pi * frequency * Double(n) / Double(rate))).rounded())
        }
    }

    /// The power of `frequency` in `samples` (Goertzel), normalised by the squared length.
    public static func goertzel(_ samples: some Collection<Int16>, frequency: Double, rate: Int) -> Double {
        let coefficient = 2 * cos(2 * Double.pi * frequency / Double(rate))
        var s1 = 0.0
        var s2 = 0.0
        for sample in samples {
            let s0 = Double(sample) + coefficient * s1 - s2
            s2 = s1
            s1 = s0
        }
        let power = s1 * s1 + s2 * s2 - coefficient * s1 * s2
        let n = Double(max(samples.count, 1))
        return power / (n * n)
    }

    /// The number of sign changes (zero crossings) in `samples`.
    public static func zeroCrossings(_ samples: some Collection<Int16>) -> Int {
        var count = 0
        var previous: Int16?
        for sample in samples where sample != 0 {
            if let previous, (previous < 0) != (sample < 0) {
                count += 1
            }
            previous = sample
        }
        return count
    }

    /// The root mean square of `samples`.
    public static func rms(_ samples: some Collection<Int16>) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (sum / Double(samples.count)).squareRoot()
    }
}

/// A deterministic pseudo-random generator (SplitMix64) for reproducible mutation tests.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; the same seed gives the same sequence.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
