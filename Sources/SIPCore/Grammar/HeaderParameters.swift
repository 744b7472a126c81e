// `*( SEMI generic-param )` (RFC 3261 §25.1): `;name[=value]` with LWS allowed around ';' and '='.
// `gen-value = token / host / quoted-string`.

enum HeaderParameters {
    /// Scans parameters from `i` until `end` (or a `,` when `stopAtComma`), calling `body` for each one with the
    /// name range and the value range (quotes included for a quoted value). Returns where it stopped.
    @inline(__always)
    static func scan(
        _ p: UnsafeRawBufferPointer,
        from i: Int,
        to end: Int,
        stopAtComma: Bool,
        header: SIPHeaderName,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink,
        _ body: (Range<Int>, Range<Int>?, inout AnomalySink) -> Void
    ) -> Int {
        var i = Scan.lws(p, i, end)
        var count = 0
        while i < end {
            let b = p[i]
            if b == .comma && stopAtComma { break }
            guard b == .semicolon else {
                sink.add(
                    .invalidHeaderSyntax,
                    .error,
                    "\(header.canonicalName): expected ';' before \(Scan.excerpt(p, i..<end))",
                    at: i
                )
                return Self.skipElement(p, i, end, stopAtComma: stopAtComma)
            }
            i = Scan.lws(p, i + 1, end)
            if i == end || p[i] == .semicolon || (p[i] == .comma && stopAtComma) {
                sink.add(.emptyListElement, .error, "\(header.canonicalName): empty parameter after ';'", at: i)
                continue
            }
            let nameEnd = Scan.token(p, i, end)
            guard nameEnd > i else {
                sink.add(
                    .invalidHeaderSyntax,
                    .error,
                    "\(header.canonicalName): parameter name is not a token: \(Scan.excerpt(p, i..<end))",
                    at: i
                )
                return Self.skipElement(p, i, end, stopAtComma: stopAtComma)
            }
            var j = Scan.lws(p, nameEnd, end)
            var value: Range<Int>? = nil
            if j < end, p[j] == .equals {
                j = Scan.lws(p, j + 1, end)
                if j < end, p[j] == .dquote {
                    if let q = Scan.quoted(p, j, end) {
                        value = j..<q
                        j = q
                    } else {
                        sink.add(
                            .unterminatedQuotedString,
                            .error,
                            "\(header.canonicalName): quoted parameter value not closed",
                            at: j
                        )
                        value = j..<end
                        j = end
                    }
                } else {
                    var v = j
                    while v < end, p[v].isIn(.token) || p[v] == .colon || p[v] == .openBracket || p[v] == .closeBracket
                    {
                        v += 1
                    }
                    if v == j {
                        sink.add(
                            .invalidHeaderSyntax,
                            .error,
                            "\(header.canonicalName): parameter '\(Scan.excerpt(p, i..<nameEnd))' has an empty or invalid value",
                            at: j
                        )
                    }
                    value = j..<v
                    j = v
                }
            } else {
                j = nameEnd
            }
            count += 1
            if count > limits.maxParameterCount {
                sink.add(
                    .tooManyElements,
                    .error,
                    "\(header.canonicalName): more than \(limits.maxParameterCount) parameters",
                    at: i
                )
                return Self.skipElement(p, i, end, stopAtComma: stopAtComma)
            }
            body(i..<nameEnd, value, &sink)
            i = Scan.lws(p, j, end)
        }
        return i
    }

    /// Skips to the next top-level `,` (outside quotes and angle brackets) when `stopAtComma`, else to `end`.
    static func skipElement(_ p: UnsafeRawBufferPointer, _ i: Int, _ end: Int, stopAtComma: Bool) -> Int {
        guard stopAtComma else { return end }
        var i = i
        var angle = false
        while i < end {
            let b = p[i]
            if b == .dquote {
                i = Scan.quoted(p, i, end) ?? end
                continue
            }
            if b == .lessThan { angle = true }
            if b == .greaterThan { angle = false }
            if b == .comma && !angle { return i }
            i += 1
        }
        return end
    }

    /// The value of a parameter without its quotes, if quoted.
    static func unquoted(_ p: UnsafeRawBufferPointer, _ value: Range<Int>) -> Range<Int> {
        if value.count >= 2, p[value.lowerBound] == .dquote, p[value.upperBound - 1] == .dquote {
            return (value.lowerBound + 1)..<(value.upperBound - 1)
        }
        return value
    }
}

/// Iterates the elements of a comma-separated header value, reporting empty elements.
enum HeaderList {
    /// Calls `body` with the start of each element; `body` returns where the element ended (at a `,` or `end`).
    @inline(__always)
    static func forEach(
        _ p: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        header: SIPHeaderName,
        limits: SIPParserLimits,
        allowEmpty: Bool = false,
        _ sink: inout AnomalySink,
        _ body: (Int, inout AnomalySink) -> Int
    ) {
        var i = Scan.lws(p, range.lowerBound, range.upperBound)
        let end = range.upperBound
        if i == end {
            if !allowEmpty {
                sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName) is empty", at: range.lowerBound)
            }
            return
        }
        var count = 0
        while i < end {
            if p[i] == .comma {
                sink.add(.emptyListElement, .error, "\(header.canonicalName): empty element between ','", at: i)
                i = Scan.lws(p, i + 1, end)
                continue
            }
            count += 1
            if count > limits.maxListElements {
                sink.add(
                    .tooManyElements,
                    .error,
                    "\(header.canonicalName): more than \(limits.maxListElements) elements",
                    at: i
                )
                return
            }
            var next = body(i, &sink)
            next = Scan.lws(p, next, end)
            guard next < end else { return }
            if p[next] != .comma {
                sink.add(
                    .invalidHeaderSyntax,
                    .error,
                    "\(header.canonicalName): unexpected \(Scan.excerpt(p, next..<end))",
                    at: next
                )
                next = HeaderParameters.skipElement(p, next, end, stopAtComma: true)
                if next >= end { return }
            }
            i = Scan.lws(p, next + 1, end)
            if i == end {
                sink.add(.emptyListElement, .error, "\(header.canonicalName): empty element after ','", at: next)
            }
        }
    }
}
