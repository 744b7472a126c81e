/// The verdicts of one source address that match a block-list query (``VerdictStore/verdictSources(winners:minimumBelief:since:limit:)``).
public struct VerdictSourceSummary: Sendable, Hashable {
    /// The source address as stored (text; not validated here).
    public var address: String
    /// How many matching verdicts.
    public var verdicts: Int
    /// The highest winning belief among them.
    public var highestBelief: Double
    /// The first and last matching verdict's time.
    public var firstSeen: TraceTimestamp
    public var lastSeen: TraceTimestamp

    /// A summary.
    public init(
        address: String,
        verdicts: Int,
        highestBelief: Double,
        firstSeen: TraceTimestamp,
        lastSeen: TraceTimestamp
    ) {
        self.address = address
        self.verdicts = verdicts
        self.highestBelief = highestBelief
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}
