import Storage

/// Writes each event as one line of JSON (``HoneyphoneEvent/json``) appended to a file: SentryPeer's JSON log
/// format plus Honeyphone's fields.
///
/// Lines are written in batches (up to ``batchSize`` events per `write(2)`), the file is created 0640 and rotated
/// by size (`PATH.1`, default 100 MiB). A batch that cannot be written counts its events as failed; the next batch
/// reopens the file.
public final class JSONLinesSink: EventSink, Sendable {
    /// The default rotation size: 100 MiB.
    public static let defaultMaximumBytes: Int64 = 100 << 20
    /// The default queue capacity.
    public static let defaultCapacity = 10_000

    /// The file.
    public let path: String
    public let filter: EventFilter
    /// The size at which the file is rotated.
    public let maximumBytes: Int64
    /// The most events written at once.
    public let batchSize = 256
    let queue: SinkQueue

    /// A sink appending to `path`.
    public init(
        path: String,
        filter: EventFilter = .all,
        maximumBytes: Int64 = JSONLinesSink.defaultMaximumBytes,
        capacity: Int = JSONLinesSink.defaultCapacity
    ) {
        self.path = path
        self.filter = filter
        self.maximumBytes = maximumBytes
        self.queue = SinkQueue(capacity: capacity)
    }

    public var name: String { "jsonl \(self.path)" }

    public func offer(_ event: HoneyphoneEvent) {
        if self.filter.accepts(event) { self.queue.offer(event) }
    }

    public var statistics: SinkStatistics { self.queue.statistics }

    public func run() async throws {
        var file = AppendingFile(path: self.path, maximumBytes: self.maximumBytes)
        await SinkLoop.run(queue: self.queue, batchSize: self.batchSize) { batch in
            var bytes: [UInt8] = []
            for event in batch {
                bytes += event.json.utf8
                bytes.append(0x0A)
            }
            do {
                try file.append(bytes)
                self.queue.record(delivered: batch.count, failed: 0)
            } catch {
                self.queue.record(delivered: 0, failed: batch.count)
            }
        }
        file.close()
    }
}
