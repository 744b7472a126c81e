public import Recon
import Synchronization

/// A clock for tests: time moves only when told to.
public final class ManualClock: Sendable {
    private let current: Mutex<ReconInstant>

    /// Creates a clock at `start` (default 2024-01-01T00:00:00Z).
    public init(start: ReconInstant = ReconInstant(secondsSinceEpoch: 1_704_067_200)) {
        self.current = Mutex(start)
    }

    /// The current instant.
    public var now: ReconInstant { self.current.withLock { $0 } }

    /// Moves time forward.
    public func advance(by duration: Duration) {
        self.current.withLock { $0 = $0.advanced(by: duration) }
    }

    /// A ``ReconClock`` reading this clock.
    public var reconClock: ReconClock { ReconClock { self.now } }
}
