import Synchronization

/// The bounded hand-off between the event loop (which must never block) and the investigation service.
///
/// ``offer(_:)`` never waits: an element is either buffered (at most ``capacity`` wait) or dropped and counted.
/// The service reads ``stream``; ``finish()`` ends it once the buffered elements are read (graceful shutdown).
public final class InvestigationQueue<Element: Sendable>: Sendable {
    /// The most elements waiting.
    public let capacity: Int
    /// The consumer's side.
    public let stream: AsyncStream<Element>
    let continuation: AsyncStream<Element>.Continuation
    let counters = Mutex(Counters())

    /// What went through the queue.
    public struct Counters: Sendable, Hashable {
        /// Elements buffered.
        public var accepted = 0
        /// Elements dropped because the queue was full or finished.
        public var dropped = 0
    }

    /// A queue holding at most `capacity` (≥ 1) waiting elements.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        (self.stream, self.continuation) = AsyncStream.makeStream(
            of: Element.self,
            bufferingPolicy: .bufferingOldest(max(1, capacity))
        )
    }

    /// Buffers `element`, or drops and counts it; returns whether it was buffered. Never blocks.
    @discardableResult
    public func offer(_ element: Element) -> Bool {
        let accepted: Bool
        switch self.continuation.yield(element) {
        case .enqueued: accepted = true
        case .dropped, .terminated: accepted = false
        @unknown default: accepted = false
        }
        self.counters.withLock {
            if accepted {
                $0.accepted += 1
            } else {
                $0.dropped += 1
            }
        }
        return accepted
    }

    /// The counters so far.
    public var statistics: Counters { self.counters.withLock { $0 } }

    /// Ends the stream after the buffered elements; later offers are dropped.
    public func finish() {
        self.continuation.finish()
    }
}
