public import NIOCore

/// Frames SIP messages from a byte stream (TCP, TLS) by Content-Length (RFC 3261 §18.3) and parses them.
///
/// A `NIOSingleStepByteToMessageDecoder`: returns `nil` for "need more bytes" and never rescans bytes it has
/// already searched for the end of the header section. CRLF keep-alives between messages (RFC 5626 §3.5.1)
/// are consumed and counted. A stream that cannot be framed (no end of headers within
/// ``SIPParserLimits/maxHeaderSectionSize``, an unusable or conflicting Content-Length, an oversize message,
/// or a first line that is not SIP) throws a ``SIPParseError``: the connection must then be closed, because
/// the next message boundary is unknown.
public struct SIPStreamDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = SIPMessage

    /// The limits every message is held to.
    public let limits: SIPParserLimits
    /// How many CRLF keep-alive bytes were consumed between messages.
    public private(set) var keepAliveBytes = 0

    /// How far the search for the end of the header section has looked (relative to the reader index).
    private var scanned = 0
    /// The length of the header section including its empty line, once found.
    private var headerLength: Int?
    /// The total length of the message being framed, once known.
    private var messageLength: Int?

    public init(limits: SIPParserLimits = .default) {
        self.limits = limits
    }

    public mutating func decode(buffer: inout ByteBuffer) throws(SIPParseError) -> SIPMessage? {
        if self.headerLength == nil && self.scanned == 0 {
            // Keep-alives (CRLF or CRLFCRLF) between messages.
            var skipped = 0
            while let b = buffer.getInteger(at: buffer.readerIndex + skipped, as: UInt8.self), b == .cr || b == .lf {
                skipped += 1
            }
            if skipped > 0 {
                buffer.moveReaderIndex(forwardBy: skipped)
                self.keepAliveBytes += skipped
            }
            if buffer.readableBytes == 0 { return nil }
        }
        if self.messageLength == nil {
            guard let headerLength = try self.findHeaderEnd(buffer) else { return nil }
            self.headerLength = headerLength
            let contentLength = try Self.contentLength(buffer, headerLength: headerLength)
            let total = headerLength + contentLength
            guard total <= self.limits.maxMessageSize else {
                throw .messageTooLarge(size: total, limit: self.limits.maxMessageSize)
            }
            self.messageLength = total
        }
        guard let total = self.messageLength, buffer.readableBytes >= total,
            let slice = buffer.readSlice(length: total)
        else { return nil }
        self.scanned = 0
        self.headerLength = nil
        self.messageLength = nil
        return try SIPMessageParser.parse(slice, framing: .stream, limits: self.limits)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws(SIPParseError) -> SIPMessage? {
        try self.decode(buffer: &buffer)
    }

    /// Finds the end of the header section (CRLFCRLF, or LFLF from lenient peers), resuming where the last
    /// search stopped.
    private mutating func findHeaderEnd(_ buffer: ByteBuffer) throws(SIPParseError) -> Int? {
        let found = buffer.withUnsafeReadableBytes { p -> Int? in
            let n = p.count
            var i = Swift.max(0, self.scanned - 3)
            while i < n {
                if p[i] == .lf {
                    if i + 1 < n, p[i + 1] == .lf { return i + 2 }
                    if i + 2 < n, p[i + 1] == .cr, p[i + 2] == .lf { return i + 3 }
                }
                i += 1
            }
            return nil
        }
        if let found { return found }
        self.scanned = buffer.readableBytes
        if buffer.readableBytes > self.limits.maxHeaderSectionSize {
            throw .headerSectionTooLarge(limit: self.limits.maxHeaderSectionSize)
        }
        return nil
    }

    /// The Content-Length of the header section (0 when absent: the parser then records the anomaly).
    private static func contentLength(_ buffer: ByteBuffer, headerLength: Int) throws(SIPParseError) -> Int {
        let result = buffer.withUnsafeReadableBytes { p -> Result<Int, SIPParseError> in
            var value: Int? = nil
            var i = 0
            while i < headerLength {
                let lineEnd = Scan.find(p, .lf, i, headerLength)
                let nameEnd = Scan.token(p, i, lineEnd)
                var colon = nameEnd
                while colon < lineEnd, p[colon] == .sp || p[colon] == .htab { colon += 1 }
                if colon < lineEnd, p[colon] == .colon,
                    Scan.equalsLower(p, i..<nameEnd, "content-length") || Scan.equalsLower(p, i..<nameEnd, "l")
                {
                    let v = Scan.lws(p, colon + 1, lineEnd)
                    let e = Scan.trimTrailing(p, v, lineEnd)
                    guard case .value(let n) = Scan.number(p, v..<e), n <= UInt64(Int32.max) else {
                        return .failure(.unframeable("Content-Length is not a number", offset: v))
                    }
                    if let value, value != Int(n) {
                        return .failure(.unframeable("conflicting Content-Length values", offset: v))
                    }
                    value = Int(n)
                }
                i = lineEnd + 1
            }
            return .success(value ?? 0)
        }
        return try result.get()
    }
}
