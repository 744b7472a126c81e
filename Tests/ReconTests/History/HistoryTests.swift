import Recon
import ReconTestSupport
import Testing

@Suite struct HistoryTests {
    @Test func frequencyGrowsToOneAtTenSightings() {
        let clock = ManualClock()
        var cache = HistoryCache()
        #expect(cache.record("10.0.0.1", now: clock.now) == nil)
        for _ in 0..<4 { cache.record("10.0.0.1", now: clock.now) }
        #expect(cache.entry(for: "10.0.0.1", now: clock.now)?.frequency == 0.5)
        for _ in 0..<20 { cache.record("10.0.0.1", now: clock.now) }
        #expect(cache.entry(for: "10.0.0.1", now: clock.now)?.frequency == 1)
    }

    @Test func entriesAgeOutAndTheCacheIsBounded() {
        let clock = ManualClock()
        var cache = HistoryCache(maximumAge: .seconds(3600), maximumEntries: 2)
        let start = clock.now
        cache.record("a.example", now: clock.now)
        clock.advance(by: .seconds(10))
        cache.record("b.example", now: clock.now)
        clock.advance(by: .seconds(10))
        cache.record("c.example", now: clock.now)
        #expect(cache.count == 2)
        #expect(cache.entry(for: "a.example", now: clock.now) == nil)
        clock.advance(by: .seconds(3590))
        #expect(cache.entry(for: "b.example", now: clock.now) == nil)
        #expect(cache.entry(for: "c.example", now: clock.now)?.firstSeen == start.advanced(by: .seconds(20)))
    }

    @Test func historySurvivesARestartThroughTheFile() async throws {
        let clock = ManualClock()
        let path = "/tmp/recon-history-\(UInt64.random(in: 0 ... .max)).txt"
        let hostile = "evil\thost\n-x%"
        let first = HistoryStore(persistence: HistoryFile(path: path), clock: clock.reconClock)
        for _ in 0..<3 { _ = first.recordSighting(of: "10.0.0.1") }
        _ = first.recordSighting(of: hostile)
        #expect(await first.flush() == nil)
        clock.advance(by: .seconds(60))
        let second = HistoryStore(persistence: HistoryFile(path: path), clock: clock.reconClock)
        #expect(await second.load() == nil)
        let seen = second.recordSighting(of: "10.0.0.1").value??.sightings
        #expect(seen == 3)
        #expect(second.entry(for: hostile).value??.sightings == 1)
        #expect(second.entry(for: "never.example").value! == nil)
        let bytes = try await ReconFile.readAll(path: path, maximumBytes: 4096)
        #expect(bytes.filter { $0 == UInt8(ascii: "\n") }.count == 2)
    }

    @Test func agedEntriesAreDeletedFromTheFile() async throws {
        let clock = ManualClock()
        let path = "/tmp/recon-history-\(UInt64.random(in: 0 ... .max)).txt"
        let cache = HistoryCache(maximumAge: .seconds(100))
        let store = HistoryStore(cache: cache, persistence: HistoryFile(path: path), clock: clock.reconClock)
        _ = store.recordSighting(of: "old.example")
        await store.flush()
        clock.advance(by: .seconds(200))
        await store.flush()
        let reloaded = try await HistoryFile(path: path).loadAll()
        #expect(reloaded.isEmpty)
    }
}
