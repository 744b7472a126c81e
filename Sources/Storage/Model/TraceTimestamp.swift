/// A point in time as nanoseconds since the Unix epoch (1970-01-01T00:00:00Z, UTC).
///
/// The module reads no clock: the receive path stamps each message with the time it was read from the
/// socket and passes it in. Stored as a 64-bit integer, which covers the years 1678 to 2262.
public struct TraceTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch.
    public var nanosecondsSinceEpoch: Int64

    /// Creates a timestamp from nanoseconds since the Unix epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Creates a timestamp from whole seconds and a nanosecond part (`0..<1_000_000_000`), saturating on overflow.
    public init(secondsSinceEpoch seconds: Int64, nanoseconds: Int64 = 0) {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow {
            self.nanosecondsSinceEpoch = seconds < 0 ? .min : .max
        } else {
            let (sum, overflow) = product.addingReportingOverflow(nanoseconds)
            self.nanosecondsSinceEpoch = overflow ? (nanoseconds < 0 ? .min : .max) : sum
        }
    }

    /// Whole seconds since the epoch (rounded towards negative infinity).
    public var seconds: Int64 {
        let (q, r) = self.nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: 1_000_000_000)
        return r < 0 ? q - 1 : q
    }

    /// The nanosecond part within ``seconds`` (`0..<1_000_000_000`).
    public var nanoseconds: Int64 {
        let r = self.nanosecondsSinceEpoch % 1_000_000_000
        return r < 0 ? r + 1_000_000_000 : r
    }

    /// Orders by time.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }

    /// `seconds.nanoseconds` since the epoch.
    public var description: String {
        let fraction = String(self.nanoseconds)
        return "\(self.seconds).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }
}
