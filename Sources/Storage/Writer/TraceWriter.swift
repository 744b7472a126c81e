import Synchronization

/// Batches trace records off the receive path into a ``TraceStore``.
///
/// The receive (and send) path calls ``submit(_:)``: synchronous, constant time, never blocking or awaiting.
/// Records wait in a bounded queue (``Configuration/capacity`` records and ``Configuration/maxBytes``
/// bytes, counting the batch being written); when it is full ``submit(_:)`` returns `false` and the loss is
/// counted in ``Statistics/dropped`` — never silent. ``run()`` wakes every ``Configuration/flushInterval``,
/// takes everything queued and stores it in transactions of at most ``Configuration/batchSize`` records.
///
/// What a crash can lose: a process crash loses what was submitted since the last flush (at most one flush
/// interval, 250 ms by default, plus the batch being written); committed batches survive it, and with the
/// SQLite driver's `synchronous = FULL`, a power loss too. A store error loses that batch and counts it in
/// ``Statistics/failed``; the writer keeps going.
///
/// On cancellation ``run()`` stops accepting (later submits count as dropped), flushes everything pending,
/// and returns. Store calls run in a task of their own so that cancellation does not abort a flush.
public final class TraceWriter: Sendable {
    /// The writer's bounds and pacing.
    public struct Configuration: Sendable, Hashable {
        /// The most records pending (queued or being written). Default 65,536.
        public var capacity: Int
        /// The most approximate bytes pending (raw bytes plus a fixed overhead per record). Default 64 MiB.
        public var maxBytes: Int
        /// The most records per store transaction. Default 4,096.
        public var batchSize: Int
        /// How often queued records are stored. Default 250 ms, so that a crash loses well under a second.
        public var flushInterval: Duration

        /// Creates a configuration; values below 1 are raised to 1.
        public init(
            capacity: Int = 65_536,
            maxBytes: Int = 64 * 1_024 * 1_024,
            batchSize: Int = 4_096,
            flushInterval: Duration = .milliseconds(250)
        ) {
            self.capacity = max(1, capacity)
            self.maxBytes = max(1, maxBytes)
            self.batchSize = max(1, batchSize)
            self.flushInterval = flushInterval
        }
    }

    /// Counters for monitoring; every record submitted ends up in exactly one of `written`, `failed` or
    /// `pending`, and every refused one in `dropped`.
    public struct Statistics: Sendable, Hashable {
        /// Records accepted by ``TraceWriter/submit(_:)``.
        public var submitted: UInt64
        /// Records stored.
        public var written: UInt64
        /// Records refused because the queue was full or the writer had stopped.
        public var dropped: UInt64
        /// Records lost because the store failed to write their batch.
        public var failed: UInt64
        /// Records accepted and not yet written or failed (the queue depth, with the batch in flight).
        public var pending: Int
        /// The approximate bytes of the pending records.
        public var pendingBytes: Int
    }

    private let store: any TraceStore
    private let configuration: Configuration
    private let sleep: @Sendable (Duration) async throws -> Void
    private let state: Mutex<StateMachine>

    /// Creates a writer whose flush interval is timed by `sleep` (which throws when cancelled).
    public init(
        store: any TraceStore,
        configuration: Configuration = Configuration(),
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.store = store
        self.configuration = configuration
        self.sleep = sleep
        self.state = Mutex(
            StateMachine(
                capacity: configuration.capacity,
                maxBytes: configuration.maxBytes,
                batchSize: configuration.batchSize
            )
        )
    }

    /// Creates a writer whose flush interval is timed by `clock` (by default the continuous clock).
    public convenience init<C: Clock<Duration>>(
        store: any TraceStore,
        configuration: Configuration = Configuration(),
        clock: C = ContinuousClock()
    ) {
        self.init(store: store, configuration: configuration) { try await clock.sleep(for: $0) }
    }

    /// Queues `record` for storing; `false` if it was dropped (queue full or writer stopped). Never blocks.
    @discardableResult
    public func submit(_ record: TraceRecord) -> Bool {
        switch self.state.withLock({ $0.submit(record) }) {
        case .accepted: true
        case .dropped: false
        }
    }

    /// The current counters.
    public var statistics: Statistics {
        self.state.withLock { $0.statistics }
    }

    /// Stores queued records every flush interval until the task is cancelled, then flushes and returns.
    public func run() async throws {
        while true {
            do {
                try await self.sleep(self.configuration.flushInterval)
            } catch {
                break
            }
            if Task.isCancelled { break }
            await self.flush()
        }
        self.state.withLock { $0.close() }
        await self.flush()
    }

    /// Stores everything queued now, in transactions of at most ``Configuration/batchSize`` records.
    func flush() async {
        var batches = self.state.withLock { $0.takeAll() }
        for index in batches.indices {
            // Each batch is let go once stored, not at the end of the flush.
            let batch = batches[index]
            batches[index] = []
            let bytes = batch.reduce(0) { $0 + $1.approximateSize }
            let store = self.store
            // A task of its own: a flush that starts must finish even if `run()` is being cancelled.
            let result = await Task { () -> Bool in
                do {
                    try await store.append(batch)
                    return true
                } catch {
                    return false
                }
            }.value
            self.state.withLock {
                if result {
                    $0.written(count: batch.count, bytes: bytes)
                } else {
                    $0.failed(count: batch.count, bytes: bytes)
                }
            }
        }
    }
}
