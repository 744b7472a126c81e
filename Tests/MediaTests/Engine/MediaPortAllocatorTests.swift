import Media
import Testing

@Suite struct MediaPortAllocatorTests {
    @Test func handsOutEvenPortsRoundRobin() {
        var allocator = MediaPortAllocator(range: 10_001...10_008)
        #expect(allocator.lowestPort == 10_002)
        #expect(allocator.capacity == 3)  // 10002, 10004, 10006 (10008 has no RTCP port)
        #expect(allocator.reserve() == 10_002)
        #expect(allocator.reserve() == 10_004)
        allocator.release(10_002)
        #expect(allocator.reserve() == 10_006)
        #expect(allocator.reserve() == 10_002)  // the released port comes back last
        #expect(allocator.reserve() == nil)
        #expect(allocator.reservedCount == 3)
    }

    @Test func emptyRanges() {
        var allocator = MediaPortAllocator(range: 10_001...10_001)
        #expect(allocator.capacity == 0)
        #expect(allocator.reserve() == nil)
        #expect(MediaPortAllocator(range: 65_534...70_000).capacity == 1)  // clamped to 65535
        #expect(MediaPortAllocator(range: 65_534...65_535).capacity == 1)
    }
}
