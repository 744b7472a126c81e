import Synchronization

/// The bounded hand-off between the event loop (which must never block) and the investigation service.
///
/// ``offer(_:)`` never waits: an element is either buffered (at most ``capacity`` wait) or dropped and counted.
/// The one consumer takes everything waiting at once with ``next()`` (a flood is read in batches: one wake-up
/// and one lock per batch, not per request); ``finish()`` ends the queue once the buffered elements are read
/// (graceful shutdown).
public final class InvestigationQueue<Element: Sendable>: Sendable {
    /// The most elements waiting.
    public let capacity: Int
    let state: Mutex<State>

    /// What went through the queue.
    public struct Counters: Sendable, Hashable {
        /// Elements buffered.
        public var accepted = 0
        /// Elements dropped because the queue was full or finished.
        public var dropped = 0
    }

    struct State: ~Copyable {
        var buffer: [Element] = []
        var waiter: CheckedContinuation<[Element]?, Never>?
        var finished = false
        var counters = Counters()
    }

    /// A queue holding at most `capacity` (≥ 1) waiting elements.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.state = Mutex(State())
    }

    /// Buffers `element`, or drops and counts it; returns whether it was buffered. Never blocks.
    @discardableResult
    public func offer(_ element: Element) -> Bool {
        let capacity = self.capacity
        let (accepted, waiter) = self.state.withLock { state -> (Bool, CheckedContinuation<[Element]?, Never>?) in
            guard !state.finished, state.buffer.count < capacity else {
                state.counters.dropped += 1
                return (false, nil)
            }
            state.counters.accepted += 1
            state.buffer.append(element)
            guard let waiter = state.waiter else { return (true, nil) }
            state.waiter = nil
            return (true, waiter)
        }
        if let waiter { waiter.resume(returning: self.takeAll() ?? []) }
        return accepted
    }

    /// Everything waiting, in order, waiting for at least one element; `nil` once the queue is finished and
    /// empty. One consumer only.
    public func next() async -> [Element]? {
        if let batch = self.takeAll() { return batch }
        return await withCheckedContinuation { continuation in
            let ready: [Element]?? = self.state.withLock { state in
                if !state.buffer.isEmpty {
                    defer { state.buffer = [] }
                    return .some(state.buffer)
                }
                if state.finished { return .some(nil) }
                state.waiter = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// The buffered elements (`nil` when there are none: a finished queue then stays `nil`, an open one
    /// makes the caller wait).
    private func takeAll() -> [Element]? {
        self.state.withLock { state in
            if state.buffer.isEmpty { return nil }
            defer { state.buffer = [] }
            return state.buffer
        }
    }

    /// The counters so far.
    public var statistics: Counters { self.state.withLock { $0.counters } }

    /// Ends the queue after the buffered elements; later offers are dropped.
    public func finish() {
        let waiter = self.state.withLock { state -> CheckedContinuation<[Element]?, Never>? in
            state.finished = true
            guard state.buffer.isEmpty, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: nil)
    }
}
