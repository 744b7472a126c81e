#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A wall-clock instant, in nanoseconds since 1970-01-01T00:00:00Z.
///
/// Recon records when each lookup started with one of these; durations and cache ages are
/// differences between two instants read from the same ``ReconClock``.
public struct ReconInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch.
    public var nanosecondsSinceEpoch: Int64

    /// Creates an instant from nanoseconds since the Unix epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Creates an instant from whole seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = secondsSinceEpoch &* 1_000_000_000
    }

    /// This instant moved by `duration` (saturating).
    public func advanced(by duration: Duration) -> Self {
        let (seconds, attoseconds) = duration.components
        let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let delta =
            nanos.overflow ? (seconds < 0 ? Int64.min : Int64.max) : nanos.partialValue &+ attoseconds / 1_000_000_000
        let sum = self.nanosecondsSinceEpoch.addingReportingOverflow(delta)
        return Self(nanosecondsSinceEpoch: sum.overflow ? (delta < 0 ? Int64.min : Int64.max) : sum.partialValue)
    }

    /// The duration from this instant to `other` (negative when `other` is earlier).
    public func duration(to other: Self) -> Duration {
        .nanoseconds(other.nanosecondsSinceEpoch &- self.nanosecondsSinceEpoch)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }

    public var description: String { "\(self.nanosecondsSinceEpoch / 1_000_000_000)s" }
}

/// The source of "now" for Recon: injected everywhere so tests control time.
///
/// ``system`` reads `CLOCK_REALTIME`; tests use a manual clock from `ReconTestSupport`.
public struct ReconClock: Sendable {
    /// Returns the current instant.
    public var now: @Sendable () -> ReconInstant

    /// Creates a clock from a closure.
    public init(now: @escaping @Sendable () -> ReconInstant) {
        self.now = now
    }

    /// The system's wall clock (`clock_gettime(CLOCK_REALTIME)`).
    public static let system = ReconClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return ReconInstant(nanosecondsSinceEpoch: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }
}
