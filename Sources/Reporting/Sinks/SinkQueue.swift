import NIOCore
import Synchronization

/// The bounded queue between ``EventSink/offer(_:)`` (any thread, never waits) and a sink's delivery loop.
///
/// At most ``capacity`` events wait; beyond, events are dropped and counted. The loop takes batches with
/// ``nextBatch(maximum:)``; ``finish()`` ends the queue once what is buffered has been taken (graceful shutdown).
/// Cancelling the loop ends it at once, and what was still buffered is counted as dropped.
final class SinkQueue: Sendable {
    /// The most events waiting.
    let capacity: Int
    private let state: Mutex<State>

    private struct State {
        var buffer: CircularBuffer<HoneyphoneEvent>
        var waiter: CheckedContinuation<Void, Never>?
        var finished = false
        var statistics = SinkStatistics()
    }

    /// A queue holding at most `capacity` (≥ 1) events.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.state = Mutex(State(buffer: CircularBuffer(initialCapacity: min(self.capacity, 1_024))))
    }

    /// Buffers `event`, or drops and counts it; returns whether it was buffered.
    @discardableResult
    func offer(_ event: HoneyphoneEvent) -> Bool {
        let (accepted, waiter) = self.state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard !state.finished, state.buffer.count < self.capacity else {
                state.statistics.dropped += 1
                return (false, nil)
            }
            state.buffer.append(event)
            state.statistics.accepted += 1
            defer { state.waiter = nil }
            return (true, state.waiter)
        }
        waiter?.resume()
        return accepted
    }

    /// Up to `maximum` events, waiting for at least one; `nil` once the queue is finished and empty, or when the
    /// calling task is cancelled.
    func nextBatch(maximum: Int) async -> [HoneyphoneEvent]? {
        while true {
            if Task.isCancelled {
                self.abandon()
                return nil
            }
            enum Next {
                case batch([HoneyphoneEvent])
                case end
                case wait
            }
            let next = self.state.withLock { state -> Next in
                if !state.buffer.isEmpty {
                    var batch: [HoneyphoneEvent] = []
                    batch.reserveCapacity(min(maximum, state.buffer.count))
                    while batch.count < maximum, let event = state.buffer.popFirst() {
                        batch.append(event)
                    }
                    return .batch(batch)
                }
                return state.finished ? .end : .wait
            }
            switch next {
            case .batch(let batch): return batch
            case .end: return nil
            case .wait: break
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = self.state.withLock { state -> Bool in
                        if !state.buffer.isEmpty || state.finished || Task.isCancelled { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                self.wake()
            }
        }
    }

    /// Ends the queue: later offers are dropped, ``nextBatch(maximum:)`` returns what is left, then `nil`.
    func finish() {
        self.state.withLock { $0.finished = true }
        self.wake()
    }

    /// Counts `delivered` and `failed` events.
    func record(delivered: Int, failed: Int) {
        self.state.withLock {
            $0.statistics.delivered += delivered
            $0.statistics.failed += failed
        }
    }

    /// The counters, with the number of events waiting.
    var statistics: SinkStatistics {
        self.state.withLock {
            var statistics = $0.statistics
            statistics.pending = $0.buffer.count
            return statistics
        }
    }

    /// Whether ``finish()`` was called.
    var isFinished: Bool { self.state.withLock { $0.finished } }

    private func wake() {
        let waiter = self.state.withLock { state in
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Finishes the queue and counts what was still buffered as dropped.
    private func abandon() {
        self.state.withLock { state in
            state.finished = true
            state.statistics.dropped += state.buffer.count
            state.buffer.removeAll()
        }
        self.wake()
    }
}
