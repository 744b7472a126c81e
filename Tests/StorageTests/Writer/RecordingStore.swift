import Storage
import Synchronization

/// A ``TraceStore`` that keeps appended batches in memory, and can be told to fail.
final class RecordingStore: TraceStore {
    private struct State {
        var batches: [[TraceRecord]] = []
        var failing = false
    }

    private let state = Mutex(State())

    var batches: [[TraceRecord]] { self.state.withLock { $0.batches } }
    var records: [TraceRecord] { self.batches.flatMap { $0 } }

    func setFailing(_ failing: Bool) { self.state.withLock { $0.failing = failing } }

    func append(_ records: [TraceRecord]) async throws {
        try self.state.withLock { state in
            if state.failing { throw CancellationError() }
            state.batches.append(records)
        }
    }

    func query(_ query: TraceQuery) async throws -> [TraceRecord] { self.records }

    func count(_ query: TraceQuery) async throws -> Int { self.records.count }

    func record(id: Int64) async throws -> TraceRecord? { nil }
}
