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
        while let batch = await queue.next() { read += batch }
        #expect(read == [0, 1, 2])
        #expect(queue.statistics.dropped == 8)
    }

    @Test func acceptsAgainOnceTheConsumerReads() async {
        let queue = InvestigationQueue<Int>(capacity: 1)
        #expect(queue.offer(1))
        #expect(!queue.offer(2))
        #expect(await queue.next() == [1])
        #expect(queue.offer(3))
        #expect(queue.statistics == .init(accepted: 2, dropped: 1))
    }

    @Test func aWaitingConsumerIsWokenByAnOfferAndByFinish() async {
        let queue = InvestigationQueue<Int>(capacity: 8)
        async let first = queue.next()
        try? await Task.sleep(for: .milliseconds(50))
        #expect(queue.offer(7))
        #expect(await first == [7])
        async let second = queue.next()
        try? await Task.sleep(for: .milliseconds(50))
        queue.finish()
        #expect(await second == nil)
        #expect(!queue.offer(8))
    }

    @Test func everythingWaitingIsTakenAsOneBatchInOrder() async {
        let queue = InvestigationQueue<Int>(capacity: 100)
        for value in 0..<50 { queue.offer(value) }
        #expect(await queue.next() == Array(0..<50))
        queue.offer(50)
        queue.finish()
        #expect(await queue.next() == [50])
        #expect(await queue.next() == nil)
    }
}
