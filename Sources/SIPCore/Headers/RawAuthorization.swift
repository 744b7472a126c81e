// credentials / challenge (RFC 3261 §20.7, §20.27, §20.28, §20.44; RFC 2617 §3.2; RFC 8760):
//   auth-scheme LWS auth-param *(COMMA auth-param), auth-param = name EQUAL ( token / quoted-string ).

/// An Authorization, Proxy-Authorization, WWW-Authenticate or Proxy-Authenticate value, as ranges.
struct RawAuthorization: Sendable, Hashable {
    var scheme: Range<Int>
    /// The parameter list after the scheme.
    var parameters: Range<Int>

    static func parse(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        header: SIPHeaderName,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink,
        _ body: (Range<Int>, Range<Int>) -> Void = { _, _ in }
    ) -> RawAuthorization? {
        let schemeEnd = Scan.token(p, r.lowerBound, r.upperBound)
        guard schemeEnd > r.lowerBound else {
            sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): no auth scheme", at: r.lowerBound)
            return nil
        }
        let paramStart = Scan.lws(p, schemeEnd, r.upperBound)
        if paramStart < r.upperBound && paramStart == schemeEnd {
            sink.add(
                .invalidHeaderSyntax,
                .error,
                "\(header.canonicalName): no white space after the scheme",
                at: schemeEnd
            )
        }
        var count = 0
        HeaderList.forEach(p, paramStart..<r.upperBound, header: header, limits: limits, allowEmpty: true, &sink) {
            i,
            sink in
            let e = r.upperBound
            let nameEnd = Scan.token(p, i, e)
            var j = Scan.lws(p, nameEnd, e)
            guard nameEnd > i, j < e, p[j] == .equals else {
                sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): auth-param is not 'name=value'", at: i)
                return HeaderParameters.skipElement(p, i, e, stopAtComma: true)
            }
            j = Scan.lws(p, j + 1, e)
            var valueEnd = j
            if j < e, p[j] == .dquote {
                guard let q = Scan.quoted(p, j, e) else {
                    sink.add(
                        .unterminatedQuotedString,
                        .error,
                        "\(header.canonicalName): quoted value not closed",
                        at: j
                    )
                    return e
                }
                valueEnd = q
            } else {
                while valueEnd < e, p[valueEnd] != .comma, !p[valueEnd].isIn(.lws) { valueEnd += 1 }
                if valueEnd == j {
                    sink.add(.invalidHeaderSyntax, .error, "\(header.canonicalName): empty auth-param value", at: j)
                }
            }
            count += 1
            if count <= limits.maxParameterCount { body(i..<nameEnd, j..<valueEnd) }
            return valueEnd
        }
        return RawAuthorization(scheme: r.lowerBound..<schemeEnd, parameters: paramStart..<r.upperBound)
    }
}
