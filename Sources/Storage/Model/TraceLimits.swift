/// The bounds on what one ``TraceRecord`` holds. Every string in a record is attacker text (or derived from
/// it), so every one is bounded before it reaches memory queues or the database.
public enum TraceLimits {
    /// The most UTF-8 bytes kept of one summary field (Call-ID, URIs, tags, User-Agent, …): 1 KiB.
    public static let maxFieldLength = 1_024
    /// The most UTF-8 bytes kept of an endpoint's address text (an IPv6 address is at most 45).
    public static let maxAddressLength = 64
    /// The most raw bytes kept of one message: 64 KiB, above `SIPParserLimits.maxMessageSize` (65,535)
    /// so that every message the parser accepts is kept whole.
    public static let maxRawBytes = 65_536
    /// The most anomalies kept per message (the parser's default `maxAnomalies`).
    public static let maxAnomalies = 64
}
