public import Logging
public import ServiceLifecycle
import Synchronization

/// The fan-out of events: holds the configured sinks and the in-process subscribers, as one `Service`.
///
/// ``publish(_:)`` never blocks: it offers the event to every sink (each has its own bounded queue and counts its
/// drops) and yields it to every subscriber (``subscribe(bufferingNewest:)``: a bounded stream that keeps the newest
/// events, so a slow reader loses the oldest, never slows the honeypot). `run()` runs the sinks; on graceful
/// shutdown they drain what is queued and the subscribers' streams end. Put the hub in the `ServiceGroup` before
/// the services that publish, so that it stops after them.
public final class EventHub: Service, Sendable {
    /// The sinks, in the order given.
    public let sinks: [any EventSink]
    let logger: Logger
    private let subscribers = Mutex(Subscribers())

    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<HoneyphoneEvent>.Continuation] = [:]
        var finished = false
        var published = 0
    }

    /// A hub over `sinks`.
    public init(sinks: [any EventSink], logger: Logger) {
        self.sinks = sinks
        self.logger = logger
    }

    /// Hands `event` to every sink and subscriber; never blocks.
    public func publish(_ event: HoneyphoneEvent) {
        for sink in self.sinks {
            sink.offer(event)
        }
        let continuations = self.subscribers.withLock { state in
            state.published += 1
            return Array(state.continuations.values)
        }
        for continuation in continuations {
            continuation.yield(event)
        }
    }

    /// A stream of the events published from now on, keeping at most `bufferingNewest` (≥ 1) unread ones (the
    /// oldest are dropped). It ends when the hub stops or the reader cancels.
    public func subscribe(bufferingNewest: Int = 256) -> AsyncStream<HoneyphoneEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: HoneyphoneEvent.self,
            bufferingPolicy: .bufferingNewest(max(1, bufferingNewest))
        )
        let id: Int? = self.subscribers.withLock { state in
            guard !state.finished else { return nil }
            defer { state.next += 1 }
            state.continuations[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Whether anything takes events (a sink or a subscriber): publishers may skip building events otherwise.
    public var hasListeners: Bool {
        !self.sinks.isEmpty || self.subscribers.withLock { !$0.continuations.isEmpty }
    }

    /// How many in-process subscribers are listening.
    public var subscriberCount: Int { self.subscribers.withLock { $0.continuations.count } }

    /// How many events were published.
    public var publishedCount: Int { self.subscribers.withLock { $0.published } }

    /// Each sink's name and counters, in the order of ``sinks``.
    public var statistics: [(name: String, statistics: SinkStatistics)] {
        self.sinks.map { ($0.name, $0.statistics) }
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for sink in self.sinks {
                group.addTask {
                    do {
                        try await sink.run()
                    } catch {
                        self.logger.error(
                            "event sink stopped",
                            metadata: [LogKey.sink: "\(sink.name)", LogKey.error: "\(error)"]
                        )
                    }
                }
            }
            group.addTask {
                // Subscribers' streams end with the hub's graceful shutdown (or cancellation).
                try? await gracefulShutdown()
                self.finishSubscribers()
            }
            await group.waitForAll()
        }
        self.finishSubscribers()
        for (name, statistics) in self.statistics {
            self.logger.info(
                "event sink stopped",
                metadata: [
                    LogKey.sink: "\(name)", LogKey.accepted: "\(statistics.accepted)",
                    LogKey.dropped: "\(statistics.dropped)", LogKey.delivered: "\(statistics.delivered)",
                    LogKey.failed: "\(statistics.failed)",
                ]
            )
        }
    }

    private func finishSubscribers() {
        let continuations = self.subscribers.withLock { state in
            state.finished = true
            defer { state.continuations.removeAll() }
            return Array(state.continuations.values)
        }
        for continuation in continuations {
            continuation.finish()
        }
    }

    /// The metadata keys of the hub's log lines.
    enum LogKey {
        static let sink = "honeyphone.events.sink"
        static let accepted = "honeyphone.events.accepted"
        static let dropped = "honeyphone.events.dropped"
        static let delivered = "honeyphone.events.delivered"
        static let failed = "honeyphone.events.failed"
        static let error = "honeyphone.events.error"
    }
}
