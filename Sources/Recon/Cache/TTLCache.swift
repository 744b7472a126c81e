/// A bounded cache whose entries expire after a time to live; the oldest entry is evicted first.
///
/// A value type with no clock of its own: every call takes `now` from the caller's ``ReconClock``.
/// Share it between tasks behind a `Mutex` (as ``DNSClient`` does).
public struct TTLCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var value: Value
        var storedAt: ReconInstant
        var expiresAt: ReconInstant
        var sequence: UInt64
    }

    /// The most entries kept; inserting beyond it evicts the oldest insertion.
    public let maximumEntries: Int
    private var entries: [Key: Entry] = [:]
    /// Insertion order as (key, sequence); stale pairs (key re-inserted or removed) are skipped lazily.
    private var order: [(key: Key, sequence: UInt64)] = []
    private var orderHead = 0
    private var nextSequence: UInt64 = 0

    /// Creates an empty cache holding at most `maximumEntries` (at least 1).
    public init(maximumEntries: Int) {
        self.maximumEntries = max(1, maximumEntries)
    }

    /// The number of entries held (expired ones included until they are touched or evicted).
    public var count: Int { self.entries.count }

    /// The value for `key` if it has not expired at `now`, and when it was stored.
    public mutating func lookup(_ key: Key, now: ReconInstant) -> (value: Value, storedAt: ReconInstant)? {
        guard let entry = self.entries[key] else { return nil }
        guard now < entry.expiresAt else {
            self.entries[key] = nil
            return nil
        }
        return (entry.value, entry.storedAt)
    }

    /// Stores `value` for `key` until `now + timeToLive`; a non-positive time to live stores nothing.
    public mutating func insert(_ value: Value, for key: Key, timeToLive: Duration, now: ReconInstant) {
        guard timeToLive > .zero else { return }
        self.nextSequence += 1
        self.entries[key] = Entry(
            value: value,
            storedAt: now,
            expiresAt: now.advanced(by: timeToLive),
            sequence: self.nextSequence
        )
        self.order.append((key, self.nextSequence))
        while self.entries.count > self.maximumEntries {
            self.evictOldest()
        }
        self.compactOrderIfNeeded()
    }

    /// Removes the entry for `key`.
    public mutating func remove(_ key: Key) {
        self.entries[key] = nil
    }

    /// Removes every entry that has expired at `now`.
    public mutating func removeExpired(now: ReconInstant) {
        self.entries = self.entries.filter { now < $0.value.expiresAt }
        self.compactOrderIfNeeded()
    }

    private mutating func evictOldest() {
        while self.orderHead < self.order.count {
            let candidate = self.order[self.orderHead]
            self.orderHead += 1
            if let entry = self.entries[candidate.key], entry.sequence == candidate.sequence {
                self.entries[candidate.key] = nil
                return
            }
        }
    }

    private mutating func compactOrderIfNeeded() {
        // Keep the order log within twice the live entries so repeated re-insertion cannot grow it.
        guard self.order.count - self.orderHead > 2 * self.maximumEntries + 16 || self.orderHead > self.order.count / 2
        else { return }
        self.order = self.order[self.orderHead...].filter { self.entries[$0.key]?.sequence == $0.sequence }
        self.orderHead = 0
    }
}
