public import ServiceLifecycle

/// A destination for events: a `Service` whose ``offer(_:)`` never blocks the caller.
///
/// Each sink owns a bounded queue: an event the queue has no room for is dropped and counted, never waited for.
/// Its `run()` delivers what is queued until graceful shutdown, then drains what is left (bounded by the sink's
/// own drain rules) and returns. The ``EventHub`` fans events out to its sinks.
public protocol EventSink: Service {
    /// A short description for logs and status (the kind and its target, never a secret such as a header).
    var name: String { get }
    /// Which events it takes.
    var filter: EventFilter { get }
    /// Queues `event` if it passes the filter and the queue has room; never blocks.
    func offer(_ event: HoneyphoneEvent)
    /// What the sink did so far.
    var statistics: SinkStatistics { get }
}

/// What a sink did with the events it was offered.
public struct SinkStatistics: Sendable, Hashable {
    /// Events queued (they passed the filter and the queue had room).
    public var accepted = 0
    /// Events dropped: the queue was full, or the sink had stopped.
    public var dropped = 0
    /// Events written or sent.
    public var delivered = 0
    /// Events that could not be written or sent (after the sink's retries).
    public var failed = 0
    /// Events waiting in the queue now.
    public var pending = 0

    /// Zero counters.
    public init() {}
}
