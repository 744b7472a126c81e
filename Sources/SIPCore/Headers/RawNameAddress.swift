// name-addr / addr-spec with header parameters (RFC 3261 §20.10, §25.1): From, To, Contact, Route,
// Record-Route, Reply-To, Refer-To, P-Asserted-Identity, …

/// A `[display-name] <URI> *(;param)` or `addr-spec *(;param)` element, as ranges.
struct RawNameAddress: Sendable, Hashable {
    /// The display name, quotes included when quoted.
    var displayName: Range<Int>?
    var uri: RawURI?
    /// The URI text (inside the brackets when bracketed).
    var uriRange: Range<Int>
    var bracketed: Bool
    /// From the first ';' after the URI to the end of the element.
    var parameters: Range<Int>
    /// The value of `tag`, if present.
    var tag: Range<Int>?
    /// The whole element.
    var range: Range<Int>

    /// Parses one element starting at `i`; returns it and where it ended (at `,` when `inList`, else at `end`).
    static func parse(
        _ p: UnsafeRawBufferPointer,
        _ i: Int,
        _ end: Int,
        header: SIPHeaderName,
        inList: Bool,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) -> (RawNameAddress?, Int) {
        let start = Scan.lws(p, i, end)
        var i = start
        var display: Range<Int>? = nil
        var bracketed = false
        if i < end, p[i] == .dquote {
            guard let q = Scan.quoted(p, i, end) else {
                sink.add(
                    .unterminatedQuotedString,
                    .error,
                    "\(header.canonicalName): display name quote not closed",
                    at: i
                )
                return (nil, inList ? HeaderParameters.skipElement(p, i + 1, end, stopAtComma: true) : end)
            }
            display = i..<q
            if !Scan.isValidUTF8(p, i..<q) {
                sink.add(.invalidUTF8, .warning, "\(header.canonicalName): display name is not valid UTF-8", at: i)
            }
            i = Scan.lws(p, q, end)
            guard i < end, p[i] == .lessThan else {
                sink.add(
                    .invalidHeaderSyntax,
                    .error,
                    "\(header.canonicalName): quoted display name not followed by '<'",
                    at: i
                )
                return (nil, HeaderParameters.skipElement(p, i, end, stopAtComma: inList))
            }
            bracketed = true
        } else {
            // An unquoted display name is a run of tokens before '<'; with no '<' the element is an addr-spec.
            var j = i
            while j < end {
                let b = p[j]
                if b == .lessThan || (inList && b == .comma) || b == .dquote { break }
                j += 1
            }
            if j < end, p[j] == .lessThan {
                bracketed = true
                let nameEnd = Scan.trimTrailing(p, i, j)
                if nameEnd > i {
                    display = i..<nameEnd
                    for k in i..<nameEnd where !(p[k].isIn(.token) || p[k] == .sp || p[k] == .htab) {
                        sink.add(
                            .invalidDisplayName,
                            .error,
                            "\(header.canonicalName): unquoted display name with \(Scan.excerpt(p, k..<(k + 1)))",
                            at: k
                        )
                        break
                    }
                }
                i = j
            }
        }
        var uriRange: Range<Int>
        var uri: RawURI? = nil
        var after: Int
        if bracketed {
            let close = Scan.find(p, .greaterThan, i, end)
            guard close < end else {
                sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): '<' without '>'", at: i)
                return (nil, end)
            }
            let inner = Scan.lws(p, i + 1, close)
            let innerEnd = Scan.trimTrailing(p, inner, close)
            if inner > i + 1 || innerEnd < close {
                sink.add(
                    .whitespaceInAddrSpec,
                    .error,
                    "\(header.canonicalName): white space inside '<' '>'",
                    at: i + 1
                )
            }
            uriRange = inner..<innerEnd
            uri = URIParser.parse(p, uriRange, context: .nameAddr, limits: limits, &sink)
            after = close + 1
        } else {
            var j = i
            while j < end {
                let b = p[j]
                if b == .semicolon || b == .sp || b == .htab || b == .cr || b == .lf || (inList && b == .comma) {
                    break
                }
                j += 1
            }
            uriRange = i..<j
            if j == i {
                sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): no URI", at: i)
                return (nil, HeaderParameters.skipElement(p, i, end, stopAtComma: inList))
            }
            uri = URIParser.parse(p, uriRange, context: .addrSpec, limits: limits, &sink)
            after = j
        }
        var tag: Range<Int>? = nil
        let paramStart = Scan.lws(p, after, end)
        let stop = HeaderParameters.scan(
            p,
            from: after,
            to: end,
            stopAtComma: inList,
            header: header,
            limits: limits,
            &sink
        ) { name, value, _ in
            if let value, Scan.equalsLower(p, name, "tag") { tag = value }
        }
        return (
            RawNameAddress(
                displayName: display,
                uri: uri,
                uriRange: uriRange,
                bracketed: bracketed,
                parameters: paramStart..<Scan.trimTrailing(p, paramStart, stop),
                tag: tag,
                range: start..<stop
            ),
            stop
        )
    }
}
