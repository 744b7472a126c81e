public import NIOCore

/// Parses SIP messages (RFC 3261 §7) from bytes: whole datagrams, or messages framed from a stream by
/// ``SIPStreamDecoder``.
///
/// Parsing is lenient and single-pass over the header section: the start line and every header line are
/// located once, known header names are resolved (long and compact forms), then each known header's value
/// is checked against its grammar. Deviations become ``SIPAnomaly`` values; only input that cannot be
/// structured at all throws a ``SIPParseError``.
public enum SIPMessageParser {
    /// How the message was delimited, which decides how the body is found (RFC 3261 §18.3).
    public enum Framing: Sendable, Hashable {
        /// A whole datagram: Content-Length is optional; bytes after the body are trailing bytes.
        case datagram
        /// A message framed from a stream: Content-Length is mandatory and the buffer holds exactly the message.
        case stream
    }

    /// Parses one UDP datagram (or any buffer holding one message) into a ``SIPMessage``.
    public static func parseDatagram(
        _ buffer: ByteBuffer,
        limits: SIPParserLimits = .default
    ) throws(SIPParseError) -> SIPMessage {
        try Self.parse(buffer, framing: .datagram, limits: limits)
    }

    /// Parses one message from a byte collection (copied once into a `ByteBuffer`).
    public static func parseDatagram(
        _ bytes: some Collection<UInt8>,
        limits: SIPParserLimits = .default
    ) throws(SIPParseError) -> SIPMessage {
        guard bytes.count <= limits.maxMessageSize else {
            throw .messageTooLarge(size: bytes.count, limit: limits.maxMessageSize)
        }
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return try Self.parse(buffer, framing: .datagram, limits: limits)
    }

    /// Parses `buffer` (its readable bytes) as one message.
    public static func parse(
        _ buffer: ByteBuffer,
        framing: Framing,
        limits: SIPParserLimits = .default
    ) throws(SIPParseError) -> SIPMessage {
        let count = buffer.readableBytes
        guard count <= limits.maxMessageSize else {
            throw .messageTooLarge(size: count, limit: limits.maxMessageSize)
        }
        var sink = AnomalySink(limit: limits.maxAnomalies)
        let result = buffer.withUnsafeReadableBytes { p -> Result<Structure, SIPParseError> in
            do throws(SIPParseError) {
                var structure = try Self.structure(p, framing: framing, limits: limits, &sink)
                SIPMessageValidator.validate(p, &structure, framing: framing, limits: limits, &sink)
                return .success(structure)
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let s):
            return SIPMessage(
                bytes: buffer,
                startLine: s.startLine,
                headerFields: s.fields,
                bodyRange: s.body,
                trailingRange: s.trailing,
                anomalies: sink.list,
                droppedAnomalyCount: sink.dropped,
                limits: limits
            )
        case .failure(let error):
            throw error
        }
    }

    /// The structure found by the first pass.
    struct Structure {
        var startLine: SIPStartLine
        var fields: [SIPHeaderField]
        var headerEnd: Int
        var body: Range<Int>
        var trailing: Range<Int>
    }

    /// Facts about the bytes gathered while scanning lines.
    struct LineFlags {
        var bareLF = -1
        var bareCR = -1
        var control = -1
        var nonASCII = false
    }

    /// Finds the next LF from `i`, noting bare CRs, control bytes and non-ASCII bytes on the way.
    ///
    /// Eight bytes at a time: a word with no byte below 0x20 and none at or above 0x7F is skipped whole
    /// (the SWAR tests of "Bit Twiddling Hacks", `hasless` and a high-bit test); only words holding a line end
    /// or an unusual byte are looked at byte by byte.
    @inline(__always)
    static func lineEnd(_ p: UnsafeRawBufferPointer, _ i: Int, _ n: Int, _ flags: inout LineFlags) -> Int {
        var k = i
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while k + 8 <= n {
            let w = p.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            // A byte < 0x20, or a byte >= 0x7F (its high bit is set, or adding 1 sets it).
            let special = ((w &- ones &* 0x20) & ~w) | w | (w &+ ones)
            if special & highs == 0 {
                k += 8
                continue
            }
            let stop = k + 8
            while k < stop {
                let b = p[k]
                if b &- 0x20 >= 0x5F {
                    if b == .lf { return k }
                    Self.note(b, p, k, i, n, &flags)
                }
                k += 1
            }
        }
        while k < n {
            let b = p[k]
            if b &- 0x20 >= 0x5F {
                if b == .lf { return k }
                Self.note(b, p, k, i, n, &flags)
            }
            k += 1
        }
        return n
    }

    /// Records an unusual byte `b` found at `k` (not LF).
    @inline(__always)
    static func note(_ b: UInt8, _ p: UnsafeRawBufferPointer, _ k: Int, _ i: Int, _ n: Int, _ flags: inout LineFlags) {
        if b >= 0x80 {
            flags.nonASCII = true
        } else if b == .cr {
            if !(k + 1 < n && p[k + 1] == .lf) && flags.bareCR < 0 { flags.bareCR = k }
        } else if b != .htab && flags.control < 0 && !(k > i && p[k - 1] == .backslash) {
            // A control byte is legal only as a quoted-pair ("\\" CTL) inside a quoted string.
            flags.control = k
        }
    }

    static func structure(
        _ p: UnsafeRawBufferPointer,
        framing: Framing,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) throws(SIPParseError) -> Structure {
        let n = p.count
        var flags = LineFlags()
        var i = 0
        while i < n, p[i] == .cr || p[i] == .lf { i += 1 }
        guard i < n else { throw .emptyMessage() }
        if i > 0 { sink.add(.leadingEmptyLines, .warning, "\(i) bytes of CR/LF before the start line", at: 0) }

        // Start line.
        let startLineEnd = Self.lineEnd(p, i, Swift.min(n, i + limits.maxStartLineLength + 2), &flags)
        if startLineEnd == i + limits.maxStartLineLength + 2 {
            throw .startLineTooLong(limit: limits.maxStartLineLength)
        }
        var contentEnd = startLineEnd
        if contentEnd > i, p[contentEnd - 1] == .cr {
            contentEnd -= 1
        } else if startLineEnd < n {
            flags.bareLF = startLineEnd
        }
        let startLine = try SIPStartLineParser.parse(p, i..<contentEnd, limits: limits, &sink)
        i = startLineEnd + 1

        // Header lines.
        var fields: [SIPHeaderField] = []
        fields.reserveCapacity(16)
        var bodyStart = n
        var droppedHeaders = 0
        var terminated = false
        while i < n {
            let b = p[i]
            if b == .cr, i + 1 < n, p[i + 1] == .lf {
                bodyStart = i + 2
                terminated = true
                break
            }
            if b == .lf {
                if flags.bareLF < 0 { flags.bareLF = i }
                bodyStart = i + 1
                terminated = true
                break
            }
            let lineStart = i
            let nameEnd = Scan.token(p, i, n)
            var j = nameEnd
            while j < n, p[j] == .sp || p[j] == .htab { j += 1 }
            var le = Self.lineEnd(p, j, n, &flags)
            guard nameEnd > lineStart, j < le, p[j] == .colon else {
                let what =
                    (b == .sp || b == .htab)
                    ? "continuation line with no header before it" : "header line without a token name and ':'"
                sink.add(.invalidHeaderLine, .error, "\(what): \(Scan.excerpt(p, lineStart..<le))", at: lineStart)
                if le < n, le > lineStart, p[le - 1] != .cr, flags.bareLF < 0 { flags.bareLF = le }
                i = le + 1
                continue
            }
            // Obsolete line folding: following lines that start with SP or HTAB continue this value.
            var folded = false
            while le + 1 < n, p[le + 1] == .sp || p[le + 1] == .htab {
                if p[le - 1] != .cr, flags.bareLF < 0 { flags.bareLF = le }
                folded = true
                le = Self.lineEnd(p, le + 1, n, &flags)
            }
            if le < n, le > lineStart, p[le - 1] != .cr, flags.bareLF < 0 { flags.bareLF = le }
            let valueEnd = Scan.trimTrailing(p, j + 1, le)
            let valueStart = Scan.lws(p, j + 1, valueEnd)
            i = le + 1
            if folded {
                sink.add(.lineFolding, .warning, "header value continued on a new line", at: lineStart)
            }
            if fields.count >= limits.maxHeaderCount {
                droppedHeaders += 1
                continue
            }
            let (name, compact) = SIPHeaderName.lookup(p, lineStart..<nameEnd)
            if le - lineStart > limits.maxHeaderLength {
                sink.add(
                    .oversizeField,
                    .error,
                    "header \(Scan.excerpt(p, lineStart..<nameEnd)) is \(le - lineStart) bytes (limit \(limits.maxHeaderLength)); value ignored",
                    at: lineStart
                )
                fields.append(
                    SIPHeaderField(
                        name: name,
                        isCompact: compact,
                        nameRange: lineStart..<nameEnd,
                        valueRange: valueStart..<valueStart,
                        isFolded: folded
                    )
                )
                continue
            }
            fields.append(
                SIPHeaderField(
                    name: name,
                    isCompact: compact,
                    nameRange: lineStart..<nameEnd,
                    valueRange: valueStart..<valueEnd,
                    isFolded: folded
                )
            )
        }
        if !terminated {
            if framing == .stream { throw .unframeable("header section not terminated", offset: n) }
            sink.add(.missingHeaderTerminator, .error, "no empty line ends the header section", at: n)
            bodyStart = n
        }
        if droppedHeaders > 0 {
            sink.add(
                .tooManyElements,
                .error,
                "\(droppedHeaders) header fields beyond the limit of \(limits.maxHeaderCount) ignored",
                at: bodyStart
            )
        }
        if flags.bareLF >= 0 { sink.add(.bareLineFeed, .warning, "line ended by LF without CR", at: flags.bareLF) }
        if flags.bareCR >= 0 { sink.add(.bareCarriageReturn, .error, "CR not followed by LF", at: flags.bareCR) }
        if flags.control >= 0 {
            sink.add(
                .invalidCharacter,
                .error,
                "control byte \(Scan.excerpt(p, flags.control..<(flags.control + 1))) in a header",
                at: flags.control
            )
        }
        if flags.nonASCII, !Scan.isValidUTF8(p, 0..<bodyStart) {
            sink.add(.invalidUTF8, .warning, "header section is not valid UTF-8", at: 0)
        }
        return Structure(
            startLine: startLine,
            fields: fields,
            headerEnd: bodyStart,
            body: bodyStart..<n,
            trailing: n..<n
        )
    }
}
