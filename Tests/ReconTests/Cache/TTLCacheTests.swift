import Recon
import ReconTestSupport
import Testing

@Suite struct TTLCacheTests {
    @Test func expiresAfterTTL() {
        let clock = ManualClock()
        var cache = TTLCache<String, Int>(maximumEntries: 4)
        cache.insert(1, for: "a", timeToLive: .seconds(10), now: clock.now)
        #expect(cache.lookup("a", now: clock.now)?.value == 1)
        clock.advance(by: .seconds(10))
        #expect(cache.lookup("a", now: clock.now) == nil)
    }

    @Test func evictsOldestFirst() {
        let clock = ManualClock()
        var cache = TTLCache<Int, Int>(maximumEntries: 3)
        for key in 0..<3 { cache.insert(key, for: key, timeToLive: .seconds(60), now: clock.now) }
        cache.insert(0, for: 0, timeToLive: .seconds(60), now: clock.now)  // re-inserted: now the newest
        cache.insert(3, for: 3, timeToLive: .seconds(60), now: clock.now)
        #expect(cache.count == 3)
        #expect(cache.lookup(1, now: clock.now) == nil)
        #expect(cache.lookup(0, now: clock.now) != nil)
        for key in 4..<1000 { cache.insert(key, for: key, timeToLive: .seconds(60), now: clock.now) }
        #expect(cache.count == 3)
        #expect(cache.lookup(999, now: clock.now)?.value == 999)
    }
}
