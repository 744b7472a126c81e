// The grammars of the single-purpose headers (RFC 3261 §20): CSeq, numbers, Call-ID, Date, media types,
// token lists, Warning, URI lists. Each checks a header value and records anomalies; several also return
// the parsed value as ranges or numbers.

enum HeaderGrammar {
    /// `CSeq = 1*DIGIT LWS Method`: the number (if valid) and the method's range.
    static func cseq(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) -> (UInt32?, Range<Int>)? {
        var i = r.lowerBound
        while i < r.upperBound, p[i].isDigit { i += 1 }
        let methodStart = Scan.lws(p, i, r.upperBound)
        let methodEnd = Scan.token(p, methodStart, r.upperBound)
        guard i > r.lowerBound, methodStart > i, methodEnd > methodStart, methodEnd == r.upperBound else {
            sink.add(
                .invalidHeaderSyntax,
                .error,
                "CSeq is not 'number method': \(Scan.excerpt(p, r))",
                at: r.lowerBound
            )
            return nil
        }
        switch Scan.number(p, r.lowerBound..<i) {
        case .value(let v) where v <= limits.maxCSeq:
            return (UInt32(truncatingIfNeeded: v), methodStart..<methodEnd)
        case .value, .overflow:
            sink.add(.valueOutOfRange, .error, "CSeq number above \(limits.maxCSeq)", at: r.lowerBound)
            return (nil, methodStart..<methodEnd)
        case .invalid:
            return nil
        }
    }

    /// A decimal number with an upper bound (Max-Forwards, Expires, Min-Expires, Content-Length).
    static func number(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        max: UInt64,
        header: SIPHeaderName,
        invalidCode: SIPAnomaly.Code = .invalidHeaderSyntax,
        _ sink: inout AnomalySink
    ) -> UInt64? {
        switch Scan.number(p, r) {
        case .value(let v) where v <= max:
            return v
        case .value, .overflow:
            sink.add(.valueOutOfRange, .error, "\(header.canonicalName) above \(max)", at: r.lowerBound)
        case .invalid:
            sink.add(
                invalidCode,
                .error,
                "\(header.canonicalName) is not a number: \(Scan.excerpt(p, r))",
                at: r.lowerBound
            )
        }
        return nil
    }

    /// `Call-ID = word [ "@" word ]`.
    static func callID(_ p: UnsafeRawBufferPointer, _ r: Range<Int>, _ sink: inout AnomalySink) {
        guard !r.isEmpty else {
            sink.add(.invalidHeaderSyntax, .error, "Call-ID is empty", at: r.lowerBound)
            return
        }
        var ats = 0
        for i in r {
            let b = p[i]
            if b == .at {
                ats += 1
                if ats == 1 && i != r.lowerBound && i != r.upperBound - 1 { continue }
            } else if b.isIn(.word) {
                continue
            }
            sink.add(.invalidHeaderSyntax, .error, "Call-ID is not 'word [@ word]': \(Scan.excerpt(p, r))", at: i)
            return
        }
    }

    /// `Date = wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT"` (RFC 1123 form).
    static func date(_ p: UnsafeRawBufferPointer, _ r: Range<Int>, _ sink: inout AnomalySink) {
        // "Sat, 13 Nov 2010 23:29:00 GMT" is 29 bytes; check it position by position.
        let pattern: StaticString = "aaa, dd aaa dddd dd:dd:dd GMT"
        var ok = r.count == pattern.utf8CodeUnitCount
        if ok {
            let pat = pattern.utf8Start
            for k in 0..<r.count {
                let b = p[r.lowerBound + k]
                switch pat[k] {
                case 0x61: ok = b.isIn(.alpha)
                case 0x64: ok = b.isDigit
                default: ok = b == pat[k]
                }
                if !ok { break }
            }
        }
        if !ok {
            sink.add(
                .invalidDate,
                .error,
                "Date is not 'wkday, DD Mon YYYY HH:MM:SS GMT': \(Scan.excerpt(p, r))",
                at: r.lowerBound
            )
        }
    }

    /// `m-type "/" m-subtype *(SEMI m-parameter)`; `allowWildcard` for Accept's media-range.
    static func mediaType(
        _ p: UnsafeRawBufferPointer,
        _ i: Int,
        _ end: Int,
        header: SIPHeaderName,
        inList: Bool,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) -> Int {
        let typeEnd = Scan.token(p, i, end)
        var j = Scan.lws(p, typeEnd, end)
        guard typeEnd > i, j < end, p[j] == .slash else {
            sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): media type is not 'type/subtype'", at: i)
            return HeaderParameters.skipElement(p, i, end, stopAtComma: inList)
        }
        j = Scan.lws(p, j + 1, end)
        let subEnd = Scan.token(p, j, end)
        guard subEnd > j else {
            sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): media type without subtype", at: j)
            return HeaderParameters.skipElement(p, j, end, stopAtComma: inList)
        }
        return HeaderParameters.scan(
            p,
            from: subEnd,
            to: end,
            stopAtComma: inList,
            header: header,
            limits: limits,
            &sink
        ) { _, _, _ in }
    }

    /// A comma-separated list of tokens, each with optional parameters (Allow, Supported, Require, …).
    static func tokenList(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        header: SIPHeaderName,
        allowEmpty: Bool,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        HeaderList.forEach(p, r, header: header, limits: limits, allowEmpty: allowEmpty, &sink) { i, sink in
            let e = Scan.token(p, i, r.upperBound)
            if e == i {
                sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): element is not a token", at: i)
                return HeaderParameters.skipElement(p, i, r.upperBound, stopAtComma: true)
            }
            return HeaderParameters.scan(
                p,
                from: e,
                to: r.upperBound,
                stopAtComma: true,
                header: header,
                limits: limits,
                &sink
            ) { _, _, _ in }
        }
    }

    /// `Warning = warning-value *(COMMA warning-value)`, `warn-code SP warn-agent SP warn-text`.
    static func warning(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        HeaderList.forEach(p, r, header: .warning, limits: limits, &sink) { i, sink in
            var j = i
            while j < r.upperBound, p[j].isDigit { j += 1 }
            if j - i != 3 {
                sink.add(
                    .valueOutOfRange,
                    .error,
                    "Warning: warn-code \(Scan.excerpt(p, i..<j)) is not three digits",
                    at: i
                )
            }
            j = Scan.lws(p, j, r.upperBound)
            j = Scan.run(p, j, r.upperBound, [.token])
            while j < r.upperBound, p[j] == .colon || p[j] == .openBracket || p[j] == .closeBracket || p[j].isIn(.token)
            {
                j += 1
            }
            j = Scan.lws(p, j, r.upperBound)
            if j < r.upperBound, p[j] == .dquote {
                guard let q = Scan.quoted(p, j, r.upperBound) else {
                    sink.add(.unterminatedQuotedString, .error, "Warning: warn-text quote not closed", at: j)
                    return r.upperBound
                }
                return q
            }
            sink.add(.invalidHeaderSyntax, .error, "Warning: no quoted warn-text", at: j)
            return HeaderParameters.skipElement(p, j, r.upperBound, stopAtComma: true)
        }
    }

    /// `Retry-After = delta-seconds [ comment ] *( SEMI retry-param )`.
    static func retryAfter(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        var j = r.lowerBound
        while j < r.upperBound, p[j].isDigit { j += 1 }
        _ = Self.number(p, r.lowerBound..<j, max: limits.maxDeltaSeconds, header: .retryAfter, &sink)
        j = Scan.lws(p, j, r.upperBound)
        if j < r.upperBound, p[j] == 0x28 {  // "(" comment ")"
            j = Scan.find(p, 0x29, j, r.upperBound) + 1
        }
        _ = HeaderParameters.scan(
            p,
            from: j,
            to: r.upperBound,
            stopAtComma: false,
            header: .retryAfter,
            limits: limits,
            &sink
        ) {
            _,
            _,
            _ in
        }
    }

    /// `*( "<" absoluteURI ">" *( SEMI generic-param ) )` lists: Alert-Info, Call-Info, Error-Info.
    static func uriList(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        header: SIPHeaderName,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        HeaderList.forEach(p, r, header: header, limits: limits, &sink) { i, sink in
            guard p[i] == .lessThan else {
                sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): URI not enclosed in '<' '>'", at: i)
                return HeaderParameters.skipElement(p, i, r.upperBound, stopAtComma: true)
            }
            let close = Scan.find(p, .greaterThan, i, r.upperBound)
            guard close < r.upperBound else {
                sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): '<' without '>'", at: i)
                return r.upperBound
            }
            let s = i + 1
            if s >= close || !p[s].isIn(.alpha) || Scan.find(p, .colon, s, close) == close {
                sink.add(.invalidURI, .error, "\(header.canonicalName): not an absolute URI", at: s)
            }
            return HeaderParameters.scan(
                p,
                from: close + 1,
                to: r.upperBound,
                stopAtComma: true,
                header: header,
                limits: limits,
                &sink
            ) { _, _, _ in }
        }
    }
}
