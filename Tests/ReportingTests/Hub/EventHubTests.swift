import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

@testable import Reporting

/// A sink that keeps what it is offered.
final class RecordingSink: EventSink, Sendable {
    let filter: EventFilter
    let offered = Mutex<[HoneyphoneEvent]>([])
    let ran = Mutex(false)

    init(filter: EventFilter) { self.filter = filter }

    var name: String { "recording" }
    func offer(_ event: HoneyphoneEvent) {
        if self.filter.accepts(event) { self.offered.withLock { $0.append(event) } }
    }
    var statistics: SinkStatistics {
        var statistics = SinkStatistics()
        statistics.accepted = self.offered.withLock { $0.count }
        return statistics
    }
    func run() async throws {
        self.ran.withLock { $0 = true }
        try? await gracefulShutdown()
    }
}

@Suite struct EventHubTests {
    @Test func fansOutToSinksAndSubscribers() async throws {
        let all = RecordingSink(filter: .all)
        let alerts = RecordingSink(filter: .alerts)
        let hub = EventHub(sinks: [all, alerts], logger: Logger(label: "test"))
        let stream = hub.subscribe(bufferingNewest: 10)
        #expect(hub.subscriberCount == 1)
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await hub.run() }
                hub.publish(Fixtures.event(uuid: "a", alert: true))
                hub.publish(Fixtures.event(uuid: "b", alert: false))
                var iterator = stream.makeAsyncIterator()
                #expect(await iterator.next()?.uuid == "a")
                #expect(await iterator.next()?.uuid == "b")
                trigger.triggerGracefulShutdown()
                // The subscription ends with the hub.
                #expect(await iterator.next() == nil)
            }
        }
        #expect(all.offered.withLock { $0.map(\.uuid) } == ["a", "b"])
        #expect(alerts.offered.withLock { $0.map(\.uuid) } == ["a"])
        #expect(all.ran.withLock { $0 } && alerts.ran.withLock { $0 })
        #expect(hub.publishedCount == 2)
        #expect(hub.statistics.map(\.statistics.accepted) == [2, 1])
        #expect(hub.subscriberCount == 0)
    }

    @Test func slowSubscriberKeepsTheNewest() async {
        let hub = EventHub(sinks: [], logger: Logger(label: "test"))
        let stream = hub.subscribe(bufferingNewest: 3)
        for index in 0..<10 { hub.publish(Fixtures.event(uuid: "e\(index)")) }
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next()?.uuid == "e7")
        #expect(await iterator.next()?.uuid == "e8")
        #expect(await iterator.next()?.uuid == "e9")
    }

    @Test func cancelledSubscriptionIsRemoved() async {
        let hub = EventHub(sinks: [], logger: Logger(label: "test"))
        let task = Task {
            for await _ in hub.subscribe(bufferingNewest: 1) {}
        }
        while hub.subscriberCount == 0 { await Task.yield() }
        task.cancel()
        await task.value
        #expect(hub.subscriberCount == 0)
        hub.publish(Fixtures.event())
    }
}
