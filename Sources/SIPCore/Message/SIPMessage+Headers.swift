// Typed access to the start line and the headers. Values are decoded from the stored bytes when read.

extension SIPMessage {
    /// The request method, for a request.
    public var method: SIPMethod? {
        guard case .request(let m, _, _) = self.startLine else { return nil }
        return SIPMethod(rawValue: self.string(m))
    }

    /// The Request-URI as it appeared, for a request.
    public var requestURIText: String? {
        guard case .request(_, let u, _) = self.startLine else { return nil }
        return self.string(u)
    }

    /// The Request-URI, decoded, for a request (`nil` when it has no `scheme:`).
    public var requestURI: SIPURI? {
        self.withRequestRawURI { p, raw in SIPURI(p, raw, limits: self.limits) }
    }

    /// `body` applied to the Request-URI's raw parse (up to the first space of its range), `nil` for a response or
    /// an unparsable URI.
    func withRequestRawURI<T>(_ body: (UnsafeRawBufferPointer, RawURI) -> T?) -> T? {
        guard case .request(_, let u, _) = self.startLine else { return nil }
        return self.withBytes { p in
            var sink = AnomalySink(limit: 0)
            var end = u.lowerBound
            while end < u.upperBound, p[end] != .sp, p[end] != .htab { end += 1 }
            return URIParser.parse(p, u.lowerBound..<end, context: .requestURI, limits: self.limits, &sink)
                .flatMap { body(p, $0) }
        }
    }

    /// The SIP-Version text of the start line.
    public var version: String {
        switch self.startLine {
        case .request(_, _, let v), .response(let v, _, _): return self.string(v)
        }
    }

    /// The status code, for a response.
    public var statusCode: Int? {
        guard case .response(_, let code, _) = self.startLine else { return nil }
        return code
    }

    /// The reason phrase, for a response.
    public var reasonPhrase: String? {
        guard case .response(_, _, let r) = self.startLine else { return nil }
        return self.string(r)
    }

    /// The raw name of a header field, as sent.
    public func name(of field: SIPHeaderField) -> String { self.string(field.nameRange) }

    /// The raw value of a header field (folded lines keep their line breaks).
    public func value(of field: SIPHeaderField) -> String { self.string(field.valueRange) }

    /// The fields with this name, in order.
    public func fields(_ name: SIPHeaderName) -> [SIPHeaderField] { self.headerFields.filter { $0.name == name } }

    /// The raw value of the first field with this name.
    public func firstValue(_ name: SIPHeaderName) -> String? {
        self.headerFields.first { $0.name == name }.map { self.value(of: $0) }
    }

    /// The raw value of the first field with this raw name (case-insensitive), for headers the parser does not know.
    public func firstValue(named name: String) -> String? {
        let lower = name.lowercased()
        return self.headerFields.first { self.name(of: $0).lowercased() == lower }.map { self.value(of: $0) }
    }

    /// Every Via entry, top first, across all Via fields.
    public var vias: [SIPVia] {
        var result: [SIPVia] = []
        self.forEachElement(.via) { p, i, end, sink in
            let (via, next) = RawVia.parse(p, i, end, limits: self.limits, &sink)
            if let via { result.append(SIPVia(p, via, limits: self.limits)) }
            return next
        }
        return result
    }

    /// The top Via entry (the first entry of the first Via field), without decoding the others.
    public var topVia: SIPVia? {
        self.withTopRawVia { p, raw in SIPVia(p, raw, limits: self.limits) }
    }

    /// The top Via entry's host, port, branch, received and rport: ``topVia``'s fields without its parameter table
    /// (`nil` exactly when ``topVia`` is).
    public var topViaSummary: SIPViaSummary? {
        self.withTopRawVia { p, raw in SIPViaSummary(p, raw) }
    }

    /// `body` applied to the raw parse of the top Via entry, `nil` without a Via or when it does not parse.
    private func withTopRawVia<T>(_ body: (UnsafeRawBufferPointer, RawVia) -> T) -> T? {
        guard let f = self.headerFields.first(where: { $0.name == .via }) else { return nil }
        return self.withBytes { p in
            var sink = AnomalySink(limit: 0)
            let start = Scan.lws(p, f.valueRange.lowerBound, f.valueRange.upperBound)
            let (via, _) = RawVia.parse(p, start, f.valueRange.upperBound, limits: self.limits, &sink)
            return via.map { body(p, $0) }
        }
    }

    /// The From header.
    public var from: SIPNameAddress? { self.nameAddress(.from) }
    /// The To header.
    public var to: SIPNameAddress? { self.nameAddress(.to) }
    /// The Reply-To header.
    public var replyTo: SIPNameAddress? { self.nameAddress(.replyTo) }
    /// The Refer-To header.
    public var referTo: SIPNameAddress? { self.nameAddress(.referTo) }

    /// Whether the Contact is `*` (a REGISTER removing every binding).
    public var isContactWildcard: Bool {
        self.headerFields.contains {
            $0.name == .contact && $0.valueRange.count == 1 && self.string($0.valueRange) == "*"
        }
    }

    /// Every Contact entry across all Contact fields (empty for `*`).
    public var contacts: [SIPNameAddress] { self.addresses(.contact) }
    /// Every Route entry.
    public var routes: [SIPNameAddress] { self.addresses(.route) }
    /// Every Record-Route entry.
    public var recordRoutes: [SIPNameAddress] { self.addresses(.recordRoute) }
    /// Every P-Asserted-Identity entry.
    public var assertedIdentities: [SIPNameAddress] { self.addresses(.pAssertedIdentity) }
    /// Alert-Info entries (`<URI>;params`).
    public var alertInfo: [SIPNameAddress] { self.addresses(.alertInfo) }
    /// Call-Info entries (`<URI>;purpose=…`).
    public var callInfo: [SIPNameAddress] { self.addresses(.callInfo) }

    /// The Call-ID.
    public var callID: String? { self.firstValue(.callID) }

    /// The CSeq (`nil` when absent or malformed).
    public var cseq: SIPCSeq? {
        guard let f = self.headerFields.first(where: { $0.name == .cseq }) else { return nil }
        return self.withBytes { p in
            var sink = AnomalySink(limit: 0)
            guard let (seq, method) = HeaderGrammar.cseq(p, f.valueRange, limits: self.limits, &sink), let seq else {
                return nil
            }
            return SIPCSeq(sequence: seq, method: SIPMethod(rawValue: Scan.string(p, method)))
        }
    }

    /// Max-Forwards (`nil` when absent or malformed).
    public var maxForwards: Int? { self.number(.maxForwards, max: UInt64(self.limits.maxMaxForwards)).map { Int($0) } }
    /// Expires.
    public var expires: UInt32? { self.number(.expires, max: self.limits.maxDeltaSeconds).map { UInt32($0) } }
    /// Min-Expires.
    public var minExpires: UInt32? { self.number(.minExpires, max: self.limits.maxDeltaSeconds).map { UInt32($0) } }
    /// Content-Length as declared (the first one).
    public var contentLength: Int? { self.number(.contentLength, max: UInt64(Int32.max)).map { Int($0) } }

    /// Content-Type.
    public var contentType: SIPMediaType? {
        guard let f = self.headerFields.first(where: { $0.name == .contentType }) else { return nil }
        return self.withBytes { p in
            Self.mediaType(p, f.valueRange.lowerBound, f.valueRange.upperBound, limits: self.limits).0
        }
    }

    /// The media ranges of Accept, across fields.
    public var accept: [SIPMediaType] {
        var result: [SIPMediaType] = []
        self.forEachElement(.accept) { p, i, end, _ in
            let (type, next) = Self.mediaType(p, i, end, limits: self.limits)
            if let type { result.append(type) }
            return next
        }
        return result
    }

    /// Allow.
    public var allow: [String] { self.tokens(.allow) }
    /// Supported.
    public var supported: [String] { self.tokens(.supported) }
    /// Require.
    public var require: [String] { self.tokens(.require) }
    /// Proxy-Require.
    public var proxyRequire: [String] { self.tokens(.proxyRequire) }
    /// Unsupported.
    public var unsupported: [String] { self.tokens(.unsupported) }
    /// User-Agent.
    public var userAgent: String? { self.firstValue(.userAgent) }
    /// Server.
    public var server: String? { self.firstValue(.server) }
    /// Date, as sent.
    public var date: String? { self.firstValue(.date) }
    /// Subject.
    public var subject: String? { self.firstValue(.subject) }
    /// Organization.
    public var organization: String? { self.firstValue(.organization) }

    /// Authorization credentials, one per field.
    public var authorization: [SIPAuthorization] { self.authorizations(.authorization) }
    /// Proxy-Authorization credentials.
    public var proxyAuthorization: [SIPAuthorization] { self.authorizations(.proxyAuthorization) }
    /// WWW-Authenticate challenges.
    public var wwwAuthenticate: [SIPAuthorization] { self.authorizations(.wwwAuthenticate) }
    /// Proxy-Authenticate challenges.
    public var proxyAuthenticate: [SIPAuthorization] { self.authorizations(.proxyAuthenticate) }
}

extension SIPMessage {
    private func forEachElement(
        _ name: SIPHeaderName,
        _ body: (UnsafeRawBufferPointer, Int, Int, inout AnomalySink) -> Int
    ) {
        self.withBytes { p in
            var sink = AnomalySink(limit: 0)
            for f in self.headerFields where f.name == name {
                HeaderList.forEach(p, f.valueRange, header: name, limits: self.limits, allowEmpty: true, &sink) {
                    i,
                    sink in
                    body(p, i, f.valueRange.upperBound, &sink)
                }
            }
        }
    }

    private func nameAddress(_ name: SIPHeaderName) -> SIPNameAddress? {
        guard let f = self.headerFields.first(where: { $0.name == name }) else { return nil }
        return self.withBytes { p in
            var sink = AnomalySink(limit: 0)
            let (raw, _) = RawNameAddress.parse(
                p,
                f.valueRange.lowerBound,
                f.valueRange.upperBound,
                header: name,
                inList: false,
                limits: self.limits,
                &sink
            )
            return raw.map { SIPNameAddress(p, $0, limits: self.limits) }
        }
    }

    private func addresses(_ name: SIPHeaderName) -> [SIPNameAddress] {
        var result: [SIPNameAddress] = []
        self.forEachElement(name) { p, i, end, sink in
            if end - i == 1, p[i] == .star { return end }
            let (raw, next) = RawNameAddress.parse(p, i, end, header: name, inList: true, limits: self.limits, &sink)
            if let raw { result.append(SIPNameAddress(p, raw, limits: self.limits)) }
            return next
        }
        return result
    }

    private func number(_ name: SIPHeaderName, max: UInt64) -> UInt64? {
        guard let f = self.headerFields.first(where: { $0.name == name }) else { return nil }
        return self.withBytes { p in
            if case .value(let v) = Scan.number(p, f.valueRange), v <= max { return v }
            return nil
        }
    }

    private func tokens(_ name: SIPHeaderName) -> [String] {
        var result: [String] = []
        self.forEachElement(name) { p, i, end, sink in
            let e = Scan.token(p, i, end)
            if e > i { result.append(Scan.string(p, i..<e)) }
            return HeaderParameters.skipElement(p, e, end, stopAtComma: true)
        }
        return result
    }

    private func authorizations(_ name: SIPHeaderName) -> [SIPAuthorization] {
        self.withBytes { p in
            var result: [SIPAuthorization] = []
            var sink = AnomalySink(limit: 0)
            for f in self.headerFields where f.name == name {
                var params = SIPParameters()
                guard
                    let raw = RawAuthorization.parse(
                        p,
                        f.valueRange,
                        header: name,
                        limits: self.limits,
                        &sink,
                        { n, v in
                            params.append(Scan.string(p, n), Scan.unquotedString(p, v))
                        }
                    )
                else { continue }
                result.append(SIPAuthorization(scheme: Scan.string(p, raw.scheme), parameters: params))
            }
            return result
        }
    }

    private static func mediaType(
        _ p: UnsafeRawBufferPointer,
        _ i: Int,
        _ end: Int,
        limits: SIPParserLimits
    ) -> (SIPMediaType?, Int) {
        let typeEnd = Scan.token(p, i, end)
        var j = Scan.lws(p, typeEnd, end)
        guard typeEnd > i, j < end, p[j] == .slash else {
            return (nil, HeaderParameters.skipElement(p, i, end, stopAtComma: true))
        }
        j = Scan.lws(p, j + 1, end)
        let subEnd = Scan.token(p, j, end)
        var params = SIPParameters()
        var sink = AnomalySink(limit: 0)
        let next = HeaderParameters.scan(
            p,
            from: subEnd,
            to: end,
            stopAtComma: true,
            header: .other,
            limits: limits,
            &sink
        ) {
            n,
            v,
            _ in params.append(Scan.string(p, n), v.map { Scan.unquotedString(p, $0) })
        }
        return (
            SIPMediaType(type: Scan.string(p, i..<typeEnd), subtype: Scan.string(p, j..<subEnd), parameters: params),
            next
        )
    }
}
