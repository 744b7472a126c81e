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

    /// Requests per second over the window ending at `second` (inclusive), averaged over the part of the window
    /// the counter has seen requests in: from its oldest counted second in the window to `second`, at least one
    /// second. A source that started sending 3 s ago is judged on those 3 s, not diluted over the whole window, so
    /// a flood is recognised within its first second instead of after a tenth of the window; a source active over
    /// the whole window gets the plain window average.
    func rate(at second: Int64) -> Double {
        var total = 0
        var oldest = second
        for (slot, stamp) in self.stamps.enumerated()
        where stamp >= 0 && stamp <= second && second - stamp < Int64(self.counts.count) {
            total += self.counts[slot]
            oldest = min(oldest, stamp)
        }
        return Double(total) / Double(second - oldest + 1)
    }
}
