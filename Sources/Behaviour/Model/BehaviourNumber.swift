/// A number of seconds in a profile: a constant, or (in a `Randomized` profile) a distribution sampled each
/// time the operator runs.
///
/// Samples are turned into durations by ``BehaviourMachine``: negative values and NaN become 0, values above
/// ``BehaviourMachine/Configuration/maximumDuration`` become that maximum.
public enum BehaviourNumber: Sendable, Hashable, CustomStringConvertible {
    /// A fixed value.
    case constant(Double)
    /// `uniform(low, high)`: every value in `[low, high)` equally likely (`low ≤ high`).
    case uniform(low: Double, high: Double)
    /// `exponential(mean)`: memoryless waiting times with this mean (`mean > 0`), sampled by inverse CDF.
    case exponential(mean: Double)
    /// `normal(mu, sigma)`: the bell curve (`sigma ≥ 0`), sampled by the Marsaglia polar form of Box–Muller.
    case normal(mean: Double, deviation: Double)

    /// Whether the value is random.
    public var isRandom: Bool {
        switch self {
        case .constant:
            return false
        case .uniform, .exponential, .normal:
            return true
        }
    }

    /// The profile syntax: `5`, `uniform(2, 8)`, `exponential(3)`, `normal(10, 2)`.
    public var description: String {
        switch self {
        case .constant(let value):
            return Self.format(value)
        case .uniform(let low, let high):
            return "uniform(\(Self.format(low)), \(Self.format(high)))"
        case .exponential(let mean):
            return "exponential(\(Self.format(mean)))"
        case .normal(let mean, let deviation):
            return "normal(\(Self.format(mean)), \(Self.format(deviation)))"
        }
    }

    /// Profile syntax for a number: `5` rather than `5.0`, never an exponent (`0.0000001`, not `1e-07`), at
    /// most nine decimals. Profile numbers are within ±1e9 (``BehaviourError/Code/outOfRange`` otherwise).
    static func format(_ value: Double) -> String {
        guard value.isFinite && abs(value) < 1e9 + 1 else { return String(value) }
        let scaled = Int64((abs(value) * 1e9).rounded())
        let whole = scaled / 1_000_000_000
        var fraction = String(scaled % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
