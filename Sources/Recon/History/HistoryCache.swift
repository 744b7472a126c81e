/// Sightings per host with ageing: a pure value, time passed in.
///
/// An entry not seen for ``maximumAge`` is deleted; beyond ``maximumEntries`` the entry seen longest
/// ago is evicted. Each change is remembered as dirty until ``takeDirty()`` hands it to persistence.
public struct HistoryCache: Sendable {
    /// Entries not seen for this long are deleted (default 30 days).
    public let maximumAge: Duration
    /// Most entries (default 100 000).
    public let maximumEntries: Int
    private var entries: [String: HistoryEntry] = [:]
    private var dirty: Set<String> = []

    /// Creates an empty cache.
    public init(maximumAge: Duration = .seconds(30 * 86_400), maximumEntries: Int = 100_000) {
        self.maximumAge = maximumAge
        self.maximumEntries = max(1, maximumEntries)
    }

    /// The number of entries.
    public var count: Int { self.entries.count }

    /// The entry for `host` if it has not aged out at `now` (without counting a sighting).
    public mutating func entry(for host: String, now: ReconInstant) -> HistoryEntry? {
        guard let entry = self.entries[host] else { return nil }
        guard self.isFresh(entry, now: now) else {
            self.entries[host] = nil
            self.dirty.insert(host)
            return nil
        }
        return entry
    }

    /// Records one sighting of `host` at `now` and returns the entry as it was before (nil: never seen).
    @discardableResult
    public mutating func record(_ host: String, now: ReconInstant) -> HistoryEntry? {
        let previous = self.entry(for: host, now: now)
        var entry = previous ?? HistoryEntry(host: host, firstSeen: now, lastSeen: now, sightings: 0)
        entry.sightings += 1
        entry.lastSeen = max(entry.lastSeen, now)
        self.entries[host] = entry
        self.dirty.insert(host)
        if self.entries.count > self.maximumEntries { self.evictOldest() }
        return previous
    }

    /// Merges entries loaded from persistence (the later `lastSeen` wins), dropping aged ones.
    public mutating func load(_ loaded: [HistoryEntry], now: ReconInstant) {
        for entry in loaded where self.isFresh(entry, now: now) {
            if let existing = self.entries[entry.host], existing.lastSeen >= entry.lastSeen { continue }
            self.entries[entry.host] = entry
        }
        while self.entries.count > self.maximumEntries { self.evictOldest() }
    }

    /// Deletes every entry not seen for ``maximumAge``.
    public mutating func removeAged(now: ReconInstant) {
        for (host, entry) in self.entries where !self.isFresh(entry, now: now) {
            self.entries[host] = nil
            self.dirty.insert(host)
        }
    }

    /// The changed entries since the last call: present ones to save, and deleted hosts.
    public mutating func takeDirty() -> (changed: [HistoryEntry], deleted: [String]) {
        let hosts = self.dirty.sorted()
        self.dirty = []
        var changed: [HistoryEntry] = []
        var deleted: [String] = []
        for host in hosts {
            if let entry = self.entries[host] { changed.append(entry) } else { deleted.append(host) }
        }
        return (changed, deleted)
    }

    /// Every entry (for a full save).
    public var allEntries: [HistoryEntry] { self.entries.values.sorted { $0.host < $1.host } }

    private func isFresh(_ entry: HistoryEntry, now: ReconInstant) -> Bool {
        entry.lastSeen.duration(to: now) < self.maximumAge
    }

    private mutating func evictOldest() {
        guard let oldest = self.entries.values.min(by: { $0.lastSeen < $1.lastSeen }) else { return }
        self.entries[oldest.host] = nil
        self.dirty.insert(oldest.host)
    }
}
