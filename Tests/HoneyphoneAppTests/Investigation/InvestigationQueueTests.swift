import Testing

@testable import HoneyphoneApp

@Suite struct InvestigationQueueTests {
    @Test func dropsBeyondCapacityWithoutBlocking() async {
        let queue = InvestigationQueue<Int>(capacity: 3)
        let clock = ContinuousClock()
        let started = clock.now
        var results: [Bool] = []
        for value in 0..<10 { results.append(queue.offer(value)) }
        #expect(clock.now - started < .seconds(1))
        #expect(results == [true, true, true] + Array(repeating: false, count: 7))
        #expect(queue.statistics == .init(accepted: 3, dropped: 7))
        queue.finish()
        #expect(queue.offer(99) == false)
        var read: [Int] = []
        for await value in queue.stream { read.append(value) }
        #expect(read == [0, 1, 2])
        #expect(queue.statistics.dropped == 8)
    }

    @Test func acceptsAgainOnceTheConsumerReads() async {
        let queue = InvestigationQueue<Int>(capacity: 1)
        #expect(queue.offer(1))
        #expect(!queue.offer(2))
        var iterator = queue.stream.makeAsyncIterator()
        #expect(await iterator.next() == 1)
        #expect(queue.offer(3))
        #expect(queue.statistics == .init(accepted: 2, dropped: 1))
    }
}
