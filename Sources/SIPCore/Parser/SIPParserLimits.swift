/// Every length and count the SIP parser accepts, in one place.
///
/// An attacker controls every byte, so nothing the parser allocates or loops over is unbounded.
/// Exceeding a limit is either a ``SIPParseError`` (when the message cannot be structured within it)
/// or an anomaly (`oversize-field`, `too-many-elements`) with the excess ignored — never a trap.
public struct SIPParserLimits: Sendable, Hashable {
    /// Largest message (start line, headers and body) accepted, in bytes. Default 65,535: the largest
    /// UDP payload (RFC 3261 §18.1.1 puts no limit on TCP; 64 KiB is what real stacks accept).
    public var maxMessageSize: Int = 65_535
    /// Longest start line, in bytes. Default 4,096 (RFC 4475's longest Request-URI is under 300 bytes).
    public var maxStartLineLength: Int = 4_096
    /// Largest header section before the empty line, in bytes (stream framing gives up beyond it). Default 32,768.
    public var maxHeaderSectionSize: Int = 32_768
    /// Most header fields kept; later ones are counted in a `too-many-elements` anomaly. Default 256.
    public var maxHeaderCount: Int = 256
    /// Longest header field (name, colon and value, with folded lines), in bytes; longer values are replaced by
    /// an empty value and an `oversize-field` anomaly. Default 8,192 (RFC 4475 `longreq` has 2,000-byte values).
    public var maxHeaderLength: Int = 8_192
    /// Most Via entries in one message (RFC 3261 §16.6 loops are bounded by Max-Forwards ≤ 255). Default 70.
    public var maxViaCount: Int = 70
    /// Most Route or Record-Route entries in one message. Default 70.
    public var maxRouteCount: Int = 70
    /// Most parameters in one header value or URI. Default 64.
    public var maxParameterCount: Int = 64
    /// Most elements in one comma-separated header value (Contact, Allow, Supported, …). Default 128.
    public var maxListElements: Int = 128
    /// Most anomalies recorded per message; the rest are only counted. Default 64.
    public var maxAnomalies: Int = 64
    /// Largest Max-Forwards value (RFC 3261 §20.22: 0–255 in practice; the ABNF allows 1*DIGIT). Default 255.
    public var maxMaxForwards: Int = 255
    /// Largest CSeq sequence number (RFC 3261 §8.1.1.5: a 32-bit unsigned integer). Default 2³² − 1.
    public var maxCSeq: UInt64 = (1 << 32) - 1
    /// Largest delta-seconds value in Expires, Retry-After, Min-Expires (RFC 3261 §20.19: up to 2³² − 1). Default 2³² − 1.
    public var maxDeltaSeconds: UInt64 = (1 << 32) - 1

    /// The defaults above.
    public init() {}

    /// The defaults above.
    public static let `default` = SIPParserLimits()
}
