/// Keeps alert logs readable under a flood: at most one log line per source and verdict per interval; the
/// line carries how many alerts of that source were not logged since the last one. Every alert is still
/// stored (the verdict table's `alert` column) and counted; only the log is thinned.
///
/// Bounded: at most ``maximumSources`` entries; when full, entries older than the interval are removed, and
/// if none are, the table is cleared (a flood of spoofed sources then logs once per source, at worst).
struct AlertThrottle {
    /// The sources tracked at most.
    static let maximumSources = 4_096

    private struct Entry {
        var lastLogged: Int64
        var suppressed: Int
    }

    private var entries: [String: Entry] = [:]
    /// The interval in nanoseconds.
    let interval: Int64

    init(interval: Duration = .seconds(60)) {
        self.interval = interval.components.seconds * 1_000_000_000
    }

    /// Whether to log an alert of `key` (source and verdict) at `now`, and how many were suppressed before it.
    mutating func shouldLog(_ key: String, now: Int64) -> (log: Bool, suppressed: Int) {
        if var entry = self.entries[key] {
            if now - entry.lastLogged < self.interval {
                entry.suppressed += 1
                self.entries[key] = entry
                return (false, entry.suppressed)
            }
            let suppressed = entry.suppressed
            self.entries[key] = Entry(lastLogged: now, suppressed: 0)
            return (true, suppressed)
        }
        if self.entries.count >= Self.maximumSources {
            self.entries = self.entries.filter { now - $0.value.lastLogged < self.interval }
            if self.entries.count >= Self.maximumSources { self.entries.removeAll(keepingCapacity: true) }
        }
        self.entries[key] = Entry(lastLogged: now, suppressed: 0)
        return (true, 0)
    }
}
