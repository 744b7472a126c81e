/// The bounds that ``SDPParser`` holds every hostile SDP body to.
///
/// RFC 8866 sets none of these numbers: it allows any number of lines of any length. A honeypot cannot, so
/// each count and length has a named limit with a default well above what real user agents send (a
/// typical audio offer is 10 to 30 lines of under 100 bytes). Exceeding the body size throws
/// ``SDPParseError/Code/tooLarge``; exceeding any other limit records an anomaly (``SDPAnomaly/Code/oversizeField``
/// or one of the `too-many-…` codes) and skips the excess, so memory stays bounded and nothing traps.
///
/// A negative value is treated as zero.
public struct SDPLimits: Sendable, Hashable {
    /// The largest body accepted, in bytes. Default 65,536 (64 KiB): a UDP datagram cannot carry more.
    public var maximumBodySize: Int

    /// The most lines examined, empty lines included. Later lines are skipped with
    /// ``SDPAnomaly/Code/tooManyLines``. Default 1,024.
    public var maximumLineCount: Int

    /// The longest line given meaning, in bytes without its line ending. A longer line is kept in
    /// ``SDPSessionDescription/lines`` but otherwise skipped with ``SDPAnomaly/Code/oversizeField``.
    /// Default 4,096.
    public var maximumLineLength: Int

    /// The most media sections (`m=` lines, RFC 8866 §5.14) modelled. Later sections are skipped with
    /// ``SDPAnomaly/Code/tooManyMedia``. Default 64.
    public var maximumMediaSections: Int

    /// The most `a=` lines (RFC 8866 §5.13) kept per section (the session or one media section). Later ones are
    /// skipped with ``SDPAnomaly/Code/tooManyAttributes``. Default 256.
    public var maximumAttributesPerSection: Int

    /// The most formats kept from one `m=` line (RFC 8866 §5.14 `fmt` list). Later ones are dropped with
    /// ``SDPAnomaly/Code/tooManyFormats``. Default 128 (the whole RTP payload type space).
    public var maximumFormatsPerMedia: Int

    /// The most anomalies recorded for one body; one ``SDPAnomaly/Code/tooManyAnomalies`` marks the cut.
    /// Default 256.
    public var maximumAnomalies: Int

    /// Creates limits; every parameter defaults to the documented default.
    public init(
        maximumBodySize: Int = 65_536,
        maximumLineCount: Int = 1_024,
        maximumLineLength: Int = 4_096,
        maximumMediaSections: Int = 64,
        maximumAttributesPerSection: Int = 256,
        maximumFormatsPerMedia: Int = 128,
        maximumAnomalies: Int = 256
    ) {
        self.maximumBodySize = maximumBodySize
        self.maximumLineCount = maximumLineCount
        self.maximumLineLength = maximumLineLength
        self.maximumMediaSections = maximumMediaSections
        self.maximumAttributesPerSection = maximumAttributesPerSection
        self.maximumFormatsPerMedia = maximumFormatsPerMedia
        self.maximumAnomalies = maximumAnomalies
    }
}
