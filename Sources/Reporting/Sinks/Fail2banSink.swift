import Storage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends one ``Fail2banLine`` per alert to a file that a fail2ban jail reads (`Contrib/fail2ban`).
///
/// Only alerts are written (the filter is always ``EventFilter/alerts``); the file is created 0640 and rotated like
/// the JSON lines file (`PATH.1`, default 100 MiB), which fail2ban's file backends follow.
public final class Fail2banSink: EventSink, Sendable {
    /// The file.
    public let path: String
    /// The size at which the file is rotated.
    public let maximumBytes: Int64
    /// The process id written in each line.
    public let processID: Int32
    let queue: SinkQueue

    /// A sink appending to `path`.
    public init(
        path: String,
        maximumBytes: Int64 = JSONLinesSink.defaultMaximumBytes,
        capacity: Int = JSONLinesSink.defaultCapacity,
        processID: Int32? = nil
    ) {
        self.path = path
        self.maximumBytes = maximumBytes
        self.processID = processID ?? getpid()
        self.queue = SinkQueue(capacity: capacity)
    }

    public var name: String { "fail2ban \(self.path)" }
    public var filter: EventFilter { .alerts }

    public func offer(_ event: HoneyphoneEvent) {
        if self.filter.accepts(event) { self.queue.offer(event) }
    }

    public var statistics: SinkStatistics { self.queue.statistics }

    public func run() async throws {
        var file = AppendingFile(path: self.path, maximumBytes: self.maximumBytes)
        await SinkLoop.run(queue: self.queue, batchSize: 256) { batch in
            var bytes: [UInt8] = []
            var lines = 0
            for event in batch {
                guard let line = Fail2banLine.line(event, processID: self.processID) else { continue }
                bytes += line.utf8
                bytes.append(0x0A)
                lines += 1
            }
            let invalid = batch.count - lines
            do {
                if lines > 0 { try file.append(bytes) }
                self.queue.record(delivered: lines, failed: invalid)
            } catch {
                self.queue.record(delivered: 0, failed: batch.count)
            }
        }
        file.close()
    }
}
