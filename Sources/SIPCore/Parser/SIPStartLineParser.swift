// The start line (RFC 3261 §7.1, §7.2): Request-Line or Status-Line, parsed leniently.

enum SIPStartLineParser {
    static func parse(
        _ p: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) throws(SIPParseError) -> SIPStartLine {
        let s = range.lowerBound
        let e = range.upperBound
        if e - s >= 4, Scan.equalsLower(p, s..<(s + 4), "sip/") {
            return Self.statusLine(p, range, &sink)
        }
        let methodEnd = Scan.token(p, s, e)
        guard methodEnd > s, methodEnd < e, p[methodEnd] == .sp || p[methodEnd] == .htab else {
            throw .notSIP("no method token followed by SP: \(Scan.excerpt(p, range))", offset: s)
        }
        // The version is the last element; trailing white space is a deviation (RFC 4475 §3.1.2.10).
        let trimmedEnd = Scan.trimTrailing(p, methodEnd, e)
        if trimmedEnd < e {
            sink.add(.excessWhitespace, .error, "white space after the SIP-Version", at: trimmedEnd)
        }
        var versionStart = trimmedEnd
        while versionStart > methodEnd, p[versionStart - 1] != .sp, p[versionStart - 1] != .htab { versionStart -= 1 }
        let version = versionStart..<trimmedEnd
        guard version.count >= 4, Scan.equalsLower(p, versionStart..<(versionStart + 4), "sip/") else {
            throw .notSIP("request line does not end in SIP/2.0: \(Scan.excerpt(p, range))", offset: versionStart)
        }
        let uriStart = Scan.lws(p, methodEnd, versionStart)
        let uriEnd = Scan.trimTrailing(p, uriStart, versionStart)
        if uriStart - methodEnd > 1 || versionStart - uriEnd > 1 {
            sink.add(.excessWhitespace, .error, "more than one SP between Request-Line elements", at: methodEnd)
        } else if p[methodEnd] == .htab || (uriEnd < versionStart && p[uriEnd] == .htab) {
            sink.add(.excessWhitespace, .error, "HTAB instead of SP in the Request-Line", at: methodEnd)
        }
        Self.checkVersion(p, version, &sink)
        if !SIPMethod.isKnown(p, s..<methodEnd) {
            sink.add(.unknownMethod, .warning, "method \(Scan.excerpt(p, s..<methodEnd))", at: s)
        }
        var uri = uriStart..<uriEnd
        guard !uri.isEmpty else {
            sink.add(.invalidStartLine, .error, "Request-Line without a Request-URI", at: uriStart)
            return .request(method: s..<methodEnd, uri: uri, version: version)
        }
        if p[uri.lowerBound] == .lessThan {
            sink.add(.requestURIInAngleBrackets, .error, "Request-URI enclosed in '<' '>'", at: uri.lowerBound)
            let close = Scan.find(p, .greaterThan, uri.lowerBound, uri.upperBound)
            uri = (uri.lowerBound + 1)..<close
        }
        var ws = uri.lowerBound
        while ws < uri.upperBound, p[ws] != .sp, p[ws] != .htab { ws += 1 }
        if ws < uri.upperBound {
            sink.add(.whitespaceInRequestURI, .error, "white space inside the Request-URI", at: ws)
            _ = URIParser.parse(p, uri.lowerBound..<ws, context: .requestURI, limits: limits, &sink)
        } else {
            _ = URIParser.parse(p, uri, context: .requestURI, limits: limits, &sink)
        }
        return .request(method: s..<methodEnd, uri: uri, version: version)
    }

    private static func statusLine(
        _ p: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        _ sink: inout AnomalySink
    ) -> SIPStartLine {
        let s = range.lowerBound
        let e = range.upperBound
        var versionEnd = s
        while versionEnd < e, p[versionEnd] != .sp, p[versionEnd] != .htab { versionEnd += 1 }
        let version = s..<versionEnd
        Self.checkVersion(p, version, &sink)
        let codeStart = Scan.lws(p, versionEnd, e)
        if codeStart - versionEnd > 1 {
            sink.add(.excessWhitespace, .error, "more than one SP between Status-Line elements", at: versionEnd)
        }
        var codeEnd = codeStart
        while codeEnd < e, p[codeEnd] != .sp, p[codeEnd] != .htab { codeEnd += 1 }
        var code: Int? = nil
        switch Scan.number(p, codeStart..<codeEnd) {
        case .value(let v) where codeEnd - codeStart == 3 && v >= 100 && v <= 699:
            code = Int(v)
        case .value(let v):
            code = v <= 999_999 ? Int(v) : nil
            sink.add(
                .invalidStatus,
                .error,
                "status code \(Scan.excerpt(p, codeStart..<codeEnd)) is not 100–699",
                at: codeStart
            )
        case .overflow, .invalid:
            sink.add(
                .invalidStatus,
                .error,
                "status code \(Scan.excerpt(p, codeStart..<codeEnd)) is not a number",
                at: codeStart
            )
        }
        var reason = e..<e
        if codeEnd < e {
            reason = (codeEnd + 1)..<e
            if !Scan.isValidUTF8(p, reason) {
                sink.add(.invalidUTF8, .warning, "reason phrase is not valid UTF-8", at: reason.lowerBound)
            }
        } else {
            sink.add(.invalidStartLine, .warning, "no SP after the status code", at: codeEnd)
        }
        return .response(version: version, code: code, reason: reason)
    }

    private static func checkVersion(_ p: UnsafeRawBufferPointer, _ version: Range<Int>, _ sink: inout AnomalySink) {
        if !Scan.equalsLower(p, version, "sip/2.0") {
            sink.add(.unsupportedVersion, .error, "SIP-Version \(Scan.excerpt(p, version))", at: version.lowerBound)
        } else if p[version.lowerBound] != 0x53 || p[version.lowerBound + 1] != 0x49
            || p[version.lowerBound + 2] != 0x50
        {
            sink.add(.unsupportedVersion, .warning, "SIP-Version in lower case", at: version.lowerBound)
        }
    }
}
