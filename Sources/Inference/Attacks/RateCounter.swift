/// Requests counted per whole second over the last `seconds` seconds, in a fixed ring: memory does not grow
/// with the rate.
struct RateCounter: Sendable {
    private var counts: [Int]
    private var stamps: [Int64]

    /// A ring over `seconds` seconds (at least 1), empty.
    init(seconds: Int) {
        let size = max(1, seconds)
        self.counts = [Int](repeating: 0, count: size)
        self.stamps = [Int64](repeating: -1, count: size)
    }

    /// Counts one request at `second`.
    mutating func add(at second: Int64) {
        let slot = Int(second.magnitude % UInt64(self.counts.count))
        if self.stamps[slot] != second {
            self.stamps[slot] = second
            self.counts[slot] = 0
        }
        self.counts[slot] += 1
    }

    /// Requests per second over the window ending at `second` (inclusive).
    func rate(at second: Int64) -> Double {
        var total = 0
        for (slot, stamp) in self.stamps.enumerated()
        where stamp >= 0 && stamp <= second && second - stamp < Int64(self.counts.count) {
            total += self.counts[slot]
        }
        return Double(total) / Double(self.counts.count)
    }
}
