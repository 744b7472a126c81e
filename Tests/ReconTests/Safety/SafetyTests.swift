import Recon
import ReconTestSupport
import Testing

@Suite struct SafetyTests {
    @Test func cidrContainment() throws {
        let network = try #require(CIDRNetwork("10.1.0.0/16"))
        #expect(network.contains(IPAddress("10.1.200.3")!))
        #expect(!network.contains(IPAddress("10.2.0.1")!))
        #expect(!network.contains(IPAddress("::1")!))
        #expect(CIDRNetwork("2001:db8::/32")!.contains(IPAddress("2001:db8:ffff::1")!))
        #expect(CIDRNetwork("10.0.0.0/33") == nil)
        #expect(CIDRNetwork("nonsense/8") == nil)
    }

    @Test func scopePolicyForbiddenWins() {
        let policy = ScopePolicy.publicInternet
        #expect(policy.denial(for: IPAddress("8.8.8.8")!) == nil)
        #expect(policy.denial(for: IPAddress("192.168.1.1")!)?.code == "out-of-scope")
        #expect(policy.denial(for: IPAddress("127.0.0.1")!) != nil)
        #expect(ScopePolicy.passive.denial(for: IPAddress("8.8.8.8")!) != nil)
    }

    @Test func tokenBucketRefillsWithTheInjectedClock() {
        let clock = ManualClock()
        var bucket = TokenBucket(capacity: 2, ratePerSecond: 1)
        let ok1 = bucket.take(now: clock.now)
        #expect(ok1)
        let ok2 = bucket.take(now: clock.now)
        #expect(ok2)
        let ok3 = bucket.take(now: clock.now)
        #expect(!ok3)
        clock.advance(by: .milliseconds(999))
        let ok4 = bucket.take(now: clock.now)
        #expect(!ok4)
        clock.advance(by: .milliseconds(1))
        let ok5 = bucket.take(now: clock.now)
        #expect(ok5)
        clock.advance(by: .seconds(100))
        let ok6 = bucket.take(2, now: clock.now)
        #expect(ok6)
        let ok7 = bucket.take(now: clock.now)
        #expect(!ok7)
    }

    @Test func probeGuardCountsPackets() {
        let clock = ManualClock()
        let probeGuard = ProbeGuard(scope: .loopbackOnly, packetsPerSecond: 1, burst: 3, clock: clock.reconClock)
        let address = IPAddress("127.0.0.1")!
        #expect(probeGuard.authorize(address, packets: 3) == nil)
        #expect(probeGuard.authorize(address)?.code == "limit")
        clock.advance(by: .seconds(1))
        #expect(probeGuard.authorize(address) == nil)
        #expect(probeGuard.authorize(IPAddress("10.0.0.1")!)?.code == "out-of-scope")
    }
}

@Suite struct TokenBucketDelayTests {
    @Test func delayIsTheRefillTimeOfTheMissingTokens() {
        let clock = ManualClock()
        var bucket = TokenBucket(capacity: 2, ratePerSecond: 4)
        #expect(bucket.delay(until: 2, now: clock.now) == .zero)
        _ = bucket.take(2, now: clock.now)
        #expect(bucket.delay(until: 1, now: clock.now) == .milliseconds(250))
        clock.advance(by: .milliseconds(100))
        #expect(bucket.delay(until: 1, now: clock.now) == .milliseconds(150))
        #expect(bucket.delay(until: 3, now: clock.now) == nil)
        #expect(TokenBucket(capacity: 1, ratePerSecond: 0).delay(until: 2, now: clock.now) == nil)
    }
}
