public import NIOCore

/// Builds a SIP request or response and serializes it (RFC 3261 §7), for every message Honeyphone sends.
///
/// Headers are written in the order and spelling given, so a persona can reproduce a real device's header
/// order, casing and compact forms. Content-Length is always computed from the body: written where a
/// `Content-Length` (or `l`) header is listed, else appended last. Values that came from an attacker are
/// made inert: CR, LF and NUL in any name or value become SP, so an echoed header can never inject a line.
/// Round trip: parsing the serialized bytes gives back the same start line, headers and body.
public struct SIPMessageBuilder: Sendable, Hashable {
    /// The start line to write.
    public enum StartLine: Sendable, Hashable {
        case request(method: SIPMethod, uri: String)
        case response(status: Int, reason: String)
    }

    /// One header to write.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var startLine: StartLine
    public var headers: [Header]
    public var body: ByteBuffer
    /// Spaces between `Content-Length:` and its value: 1 by default; pjsip-based devices write 2.
    public var contentLengthSpacing: Int = 1

    public init(_ startLine: StartLine, headers: [Header] = [], body: ByteBuffer = ByteBuffer()) {
        self.startLine = startLine
        self.headers = headers
        self.body = body
    }

    /// Appends a header.
    public mutating func add(_ name: String, _ value: String) {
        self.headers.append(Header(name, value))
    }

    /// The serialized message, in a buffer allocated once at the size it needs (a response of a persona is often
    /// larger than a guess of 512 bytes, and growing the buffer copies it).
    public func serialized() -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: self.serializedSizeEstimate)
        self.serialize(into: &buffer)
        return buffer
    }

    /// An upper bound of the serialized size in the usual case: the start line's texts, every header's name and
    /// value with its separators, the Content-Length line and the body, plus slack for the numbers.
    var serializedSizeEstimate: Int {
        var size = 64 + self.body.readableBytes
        switch self.startLine {
        case .request(let method, let uri): size += method.rawValue.utf8.count + uri.utf8.count
        case .response(_, let reason): size += reason.utf8.count
        }
        for header in self.headers { size += header.name.utf8.count + header.value.utf8.count + 12 }
        return size
    }

    /// Writes the message into `buffer`.
    public func serialize(into buffer: inout ByteBuffer) {
        switch self.startLine {
        case .request(let method, let uri):
            Self.writeInert(method.rawValue, into: &buffer, space: false)
            buffer.writeStaticString(" ")
            Self.writeInert(uri, into: &buffer, space: false)
            buffer.writeStaticString(" SIP/2.0\r\n")
        case .response(let status, let reason):
            buffer.writeStaticString("SIP/2.0 ")
            buffer.writeString(String(min(max(status, 100), 699)))
            buffer.writeStaticString(" ")
            Self.writeInert(reason, into: &buffer, space: true)
            buffer.writeStaticString("\r\n")
        }
        var wroteLength = false
        for header in self.headers {
            let isLength = Self.isContentLength(header.name)
            if isLength && wroteLength { continue }
            Self.writeInert(header.name, into: &buffer, space: false)
            if isLength {
                buffer.writeStaticString(":")
                buffer.writeRepeatingByte(.sp, count: min(max(self.contentLengthSpacing, 1), 8))
            } else {
                buffer.writeStaticString(": ")
            }
            if isLength {
                buffer.writeString(String(self.body.readableBytes))
                wroteLength = true
            } else {
                Self.writeInert(header.value, into: &buffer, space: true)
            }
            buffer.writeStaticString("\r\n")
        }
        if !wroteLength {
            buffer.writeStaticString("Content-Length:")
            buffer.writeRepeatingByte(.sp, count: min(max(self.contentLengthSpacing, 1), 8))
            buffer.writeString(String(self.body.readableBytes))
            buffer.writeStaticString("\r\n")
        }
        buffer.writeStaticString("\r\n")
        var body = self.body
        buffer.writeBuffer(&body)
    }

    /// Whether a header name is Content-Length (or its compact `l`), case-insensitively, without allocating.
    static func isContentLength(_ name: String) -> Bool {
        let utf8 = name.utf8
        if utf8.count == 1 { return utf8.first! | 0x20 == UInt8(ascii: "l") }
        guard utf8.count == 14 else { return false }
        return zip(utf8, "content-length".utf8).allSatisfy { ($0 | 0x20) == $1 }
    }

    /// Writes `text` with CR, LF and NUL (and, where `space` is false, SP and HTAB) replaced by safe bytes.
    private static func writeInert(_ text: String, into buffer: inout ByteBuffer, space: Bool) {
        var text = text
        // Scan the contiguous UTF-8 once; only text with a control byte takes the byte-by-byte path below.
        let clean = text.withUTF8 { bytes in
            for b in bytes where b <= .sp {
                if b == .cr || b == .lf || b == .nul || (!space && (b == .sp || b == .htab)) { return false }
            }
            return true
        }
        if clean {
            buffer.writeString(text)
            return
        }
        for b in text.utf8 {
            switch b {
            case .cr, .lf, .nul: buffer.writeInteger(space ? UInt8.sp : 0x5F)
            case .sp, .htab: buffer.writeInteger(space ? b : 0x5F)
            default: buffer.writeInteger(b)
            }
        }
    }
}

extension SIPMessageBuilder {
    /// A response to `request` that echoes what RFC 3261 §8.2.6.2 requires: every Via in order, From, To (with
    /// `toTag` added when the To has none), Call-ID and CSeq, exactly as received (line folding undone).
    public static func response(
        to request: SIPMessage,
        status: Int,
        reason: String,
        toTag: String?
    ) -> SIPMessageBuilder {
        var builder = SIPMessageBuilder(.response(status: status, reason: reason))
        for field in request.headerFields {
            switch field.name {
            case .via, .from, .callID, .cseq:
                builder.add(field.name.canonicalName, request.value(of: field))
            case .to:
                var value = request.value(of: field)
                if let toTag, request.to?.tag == nil { value += ";tag=\(toTag)" }
                builder.add("To", value)
            default:
                continue
            }
        }
        return builder
    }
}
