/// Hands out RTP ports from a range: even ports, round-robin, never one already handed out.
///
/// RTP uses the even port and RTCP the odd port above it (RFC 3550 §11), so a range `l…u` offers the even ports
/// `p` with `l ≤ p` and `p + 1 ≤ u`. Reservation is round-robin from where the last one stopped, so a port just
/// released is the last to be reused (late packets of an old call do not land in a new one). It is a pure
/// value; the engine keeps it behind a mutex and releases a port when its socket could not be bound or its
/// session ends.
public struct MediaPortAllocator: Sendable {
    /// The first even port.
    public let lowestPort: Int

    /// The number of even ports in the range.
    public let capacity: Int

    private var cursor = 0
    private var reserved: Set<Int> = []

    /// Creates an allocator over `range` (clamped to 1…65,535).
    public init(range: ClosedRange<Int>) {
        let lower = max(range.lowerBound, 1)
        let upper = min(range.upperBound, 65_535)
        let first = lower % 2 == 0 ? lower : lower + 1
        self.lowestPort = first
        self.capacity = first + 1 <= upper ? (upper - 1 - first) / 2 + 1 : 0
    }

    /// The number of ports handed out and not released.
    public var reservedCount: Int {
        self.reserved.count
    }

    /// Reserves the next free even port, or returns `nil` if all are reserved.
    public mutating func reserve() -> Int? {
        guard self.reserved.count < self.capacity else {
            return nil
        }
        for _ in 0..<self.capacity {
            let port = self.lowestPort + 2 * self.cursor
            self.cursor = (self.cursor + 1) % self.capacity
            if !self.reserved.contains(port) {
                self.reserved.insert(port)
                return port
            }
        }
        return nil
    }

    /// Reserves `port` itself (an even port of the range not handed out), or returns `false`.
    public mutating func reserve(port: Int) -> Bool {
        guard port % 2 == 0, port >= self.lowestPort, port < self.lowestPort + 2 * self.capacity,
            !self.reserved.contains(port)
        else { return false }
        self.reserved.insert(port)
        return true
    }

    /// Releases a reserved port.
    public mutating func release(_ port: Int) {
        self.reserved.remove(port)
    }
}
