public import NIOCore

/// One SIP message as received: its raw bytes, its structure, and every deviation found while parsing it.
///
/// The message keeps the exact bytes it was parsed from (``bytes``), and for every header its raw name,
/// raw value, byte offsets and original order (``headerFields``): the order, casing and compact forms
/// that a tool uses are part of its fingerprint. Typed values (``vias``, ``from``, ``cseq``, …) are
/// decoded from those bytes when they are read; the parse itself only finds the structure and checks
/// every known header's grammar, so its cost does not depend on which fields a caller reads.
public struct SIPMessage: Sendable, Hashable {
    /// The bytes the message was parsed from: the whole datagram (including any ``trailingBytes``) or one
    /// framed stream message. Index 0 is the first byte of the input.
    public let bytes: ByteBuffer
    /// The start line.
    public let startLine: SIPStartLine
    /// Every header field in original order, with its raw name and value ranges.
    public let headerFields: [SIPHeaderField]
    /// Where the body is in ``bytes``.
    public let bodyRange: Range<Int>
    /// Bytes of the datagram after the end the Content-Length gives (RFC 3261 §18.3), not part of the message.
    public let trailingRange: Range<Int>
    /// Every deviation found, in the order found (at most ``SIPParserLimits/maxAnomalies``).
    public let anomalies: [SIPAnomaly]
    /// How many anomalies were found beyond ``SIPParserLimits/maxAnomalies`` and not recorded.
    public let droppedAnomalyCount: Int
    /// The limits the message was parsed with (typed accessors reuse them).
    public let limits: SIPParserLimits

    init(
        bytes: ByteBuffer,
        startLine: SIPStartLine,
        headerFields: [SIPHeaderField],
        bodyRange: Range<Int>,
        trailingRange: Range<Int>,
        anomalies: [SIPAnomaly],
        droppedAnomalyCount: Int,
        limits: SIPParserLimits
    ) {
        self.bytes = bytes
        self.startLine = startLine
        self.headerFields = headerFields
        self.bodyRange = bodyRange
        self.trailingRange = trailingRange
        self.anomalies = anomalies
        self.droppedAnomalyCount = droppedAnomalyCount
        self.limits = limits
    }

    /// Whether this is a request.
    public var isRequest: Bool {
        if case .request = self.startLine { return true }
        return false
    }

    /// The message's own bytes: start line, headers and body, without trailing datagram bytes.
    public var messageBytes: ByteBuffer {
        self.bytes.getSlice(at: self.bytes.readerIndex, length: self.bodyRange.upperBound) ?? self.bytes
    }

    /// The body.
    public var body: ByteBuffer {
        self.bytes.getSlice(at: self.bytes.readerIndex + self.bodyRange.lowerBound, length: self.bodyRange.count)
            ?? ByteBuffer()
    }

    /// The trailing bytes of the datagram after the message (empty for stream messages).
    public var trailingBytes: ByteBuffer {
        self.bytes.getSlice(
            at: self.bytes.readerIndex + self.trailingRange.lowerBound,
            length: self.trailingRange.count
        )
            ?? ByteBuffer()
    }

    /// Whether any anomaly has severity `error`.
    public var hasErrors: Bool { self.anomalies.contains { $0.severity == .error } }

    /// Runs `body` with the message's bytes; index 0 is the first byte of the message.
    @inlinable
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try self.bytes.withUnsafeReadableBytes(body)
    }

    /// The bytes of `range` as a `String` (invalid UTF-8 repaired with U+FFFD).
    public func string(_ range: Range<Int>) -> String {
        self.withBytes { Scan.string($0, range) }
    }
}

/// A request line or a status line.
public enum SIPStartLine: Sendable, Hashable {
    /// `Method SP Request-URI SP SIP-Version`.
    case request(method: Range<Int>, uri: Range<Int>, version: Range<Int>)
    /// `SIP-Version SP Status-Code SP Reason-Phrase`; `code` is `nil` when it is not a number.
    case response(version: Range<Int>, code: Int?, reason: Range<Int>)
}

/// One header field: where its name and value are, and which known header it is.
public struct SIPHeaderField: Sendable, Hashable {
    /// The known header, or `.other`.
    public let name: SIPHeaderName
    /// Whether the compact form (`v`, `f`, …) was used.
    public let isCompact: Bool
    /// The raw name as sent (casing kept).
    public let nameRange: Range<Int>
    /// The value, without leading and trailing white space; folded lines keep their CRLF and indentation.
    public let valueRange: Range<Int>
    /// Whether the value was continued on further lines (line folding).
    public let isFolded: Bool

    /// The offset of the header line in the message.
    public var offset: Int { self.nameRange.lowerBound }
}
