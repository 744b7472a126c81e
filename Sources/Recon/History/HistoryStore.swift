import Synchronization

/// The shared historical cache: a ``HistoryCache`` behind a `Mutex`, an injected clock, and a
/// persistence driver written in batches by ``flush()``.
public final class HistoryStore: Sendable {
    let cache: Mutex<HistoryCache>
    let persistence: (any HistoryPersistence)?
    let clock: ReconClock

    /// Creates a store (nothing is loaded until ``load()``).
    public init(
        cache: HistoryCache = HistoryCache(),
        persistence: (any HistoryPersistence)? = nil,
        clock: ReconClock = .system
    ) {
        self.cache = Mutex(cache)
        self.persistence = persistence
        self.clock = clock
    }

    /// Loads the persisted entries; a failure is returned, the store stays usable.
    @discardableResult
    public func load() async -> UnknownReason? {
        guard let persistence else { return nil }
        do {
            let entries = try await persistence.loadAll()
            let now = self.clock.now()
            self.cache.withLock { $0.load(entries, now: now) }
            return nil
        } catch {
            return .io("history load: \(error)")
        }
    }

    /// Records a sighting and returns the entry as it was before it (what the investigation reports).
    public func recordSighting(of host: String) -> Lookup<HistoryEntry?> {
        let now = self.clock.now()
        let previous = self.cache.withLock { $0.record(host, now: now) }
        return Lookup(.known(previous), provenance: self.provenance(now))
    }

    /// The entry for `host` without recording a sighting.
    public func entry(for host: String) -> Lookup<HistoryEntry?> {
        let now = self.clock.now()
        let entry = self.cache.withLock { $0.entry(for: host, now: now) }
        return Lookup(.known(entry), provenance: self.provenance(now))
    }

    /// Deletes aged entries and writes the changes since the last flush.
    @discardableResult
    public func flush() async -> UnknownReason? {
        let now = self.clock.now()
        let batch = self.cache.withLock { cache in
            cache.removeAged(now: now)
            return cache.takeDirty()
        }
        guard let persistence, !(batch.changed.isEmpty && batch.deleted.isEmpty) else { return nil }
        do {
            try await persistence.save(batch.changed, deleted: batch.deleted)
            return nil
        } catch {
            return .io("history save: \(error)")
        }
    }

    private func provenance(_ now: ReconInstant) -> LookupProvenance {
        LookupProvenance(
            source: LookupSource(kind: "history", server: "local"),
            startedAt: now,
            duration: .zero,
            fromCache: true
        )
    }
}
