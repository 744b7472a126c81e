/// Which traced messages to read, in which order, and how many.
///
/// Every filter that is set must match (they are combined with AND). Filters are compared exactly and passed
/// to the database as bound arguments, never spliced into SQL.
public struct TraceQuery: Sendable, Hashable {
    /// The order of the results.
    public enum Order: String, Sendable, Hashable {
        /// Oldest first (by timestamp, then by id).
        case ascending
        /// Newest first (by timestamp, then by id).
        case descending
    }

    /// The default ``limit``.
    public static let defaultLimit = 1_000

    /// Only messages at or after this time.
    public var since: TraceTimestamp?
    /// Only messages before this time (exclusive).
    public var until: TraceTimestamp?
    /// Only messages to or from this remote address (exact text, as in ``TraceEndpoint/address``).
    public var remoteAddress: String?
    /// Only messages with this Call-ID (exact).
    public var callID: String?
    /// Only requests with this method (exact, case-sensitive as sent).
    public var method: String?
    /// Only messages in this direction.
    public var direction: TraceDirection?
    /// Only messages with an id greater than this (a cursor for paging in ascending order).
    public var afterID: Int64?
    /// The most records returned (`nil`: no limit; negative values count as 0).
    public var limit: Int?
    /// The order of the results.
    public var order: Order

    /// Creates a query; with no arguments it returns the first ``defaultLimit`` messages, oldest first.
    public init(
        since: TraceTimestamp? = nil,
        until: TraceTimestamp? = nil,
        remoteAddress: String? = nil,
        callID: String? = nil,
        method: String? = nil,
        direction: TraceDirection? = nil,
        afterID: Int64? = nil,
        limit: Int? = Self.defaultLimit,
        order: Order = .ascending
    ) {
        self.since = since
        self.until = until
        self.remoteAddress = remoteAddress
        self.callID = callID
        self.method = method
        self.direction = direction
        self.afterID = afterID
        self.limit = limit
        self.order = order
    }
}
