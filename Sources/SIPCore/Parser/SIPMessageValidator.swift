// The second pass: every known header's grammar, cardinality, mandatory headers, CSeq/method agreement,
// and the body's extent from Content-Length (RFC 3261 §7.3, §7.4, §8.1.1, §18.3, §20).

enum SIPMessageValidator {
    static func validate(
        _ p: UnsafeRawBufferPointer,
        _ s: inout SIPMessageParser.Structure,
        framing: SIPMessageParser.Framing,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        // Which known headers were seen once and more than once (no allocation).
        var seen = HeaderNameSet()
        var seenTwice = HeaderNameSet()
        var contentLength: Int? = nil
        var contentLengthField: Range<Int>? = nil
        var contentLengthInvalid = false
        var cseqMethod: Range<Int>? = nil
        var viaCount = 0
        var routeCount = 0
        var firstVia: RawVia? = nil
        var fromTag = false

        for field in s.fields {
            let r = field.valueRange
            let name = field.name
            if name != .other {
                if !seen.insert(name), seenTwice.insert(name), name.isSingleInstance, name != .contentLength {
                    sink.add(
                        .duplicateSingleHeader,
                        .error,
                        "\(name.canonicalName) appears more than once",
                        at: field.offset
                    )
                }
            }
            switch name {
            case .via:
                HeaderList.forEach(p, r, header: .via, limits: limits, &sink) { i, sink in
                    viaCount += 1
                    let (via, next) = RawVia.parse(p, i, r.upperBound, limits: limits, &sink)
                    if viaCount == 1 { firstVia = via }
                    if viaCount == limits.maxViaCount + 1 {
                        sink.add(.tooManyElements, .error, "more than \(limits.maxViaCount) Via entries", at: i)
                    }
                    return next
                }
            case .from, .to, .replyTo, .referTo, .referredBy:
                let (na, next) = RawNameAddress.parse(
                    p,
                    r.lowerBound,
                    r.upperBound,
                    header: name,
                    inList: false,
                    limits: limits,
                    &sink
                )
                if name == .from, na?.tag != nil { fromTag = true }
                if next < r.upperBound {
                    sink.add(
                        .invalidHeaderSyntax,
                        .error,
                        "\(name.canonicalName): unexpected text after the address",
                        at: next
                    )
                }
            case .contact:
                if r.count == 1, p[r.lowerBound] == .star { break }
                Self.addressList(p, r, header: name, limits: limits, &sink)
            case .route, .recordRoute, .path, .serviceRoute, .pAssertedIdentity, .pPreferredIdentity:
                Self.addressList(p, r, header: name, limits: limits, &sink) { na, sink in
                    routeCount += 1
                    if !na.bracketed && (name == .route || name == .recordRoute || name == .path) {
                        sink.add(
                            .unbracketedURI,
                            .error,
                            "\(name.canonicalName) entry not enclosed in '<' '>'",
                            at: na.range.lowerBound
                        )
                    }
                }
            case .callID:
                HeaderGrammar.callID(p, r, &sink)
            case .cseq:
                cseqMethod = HeaderGrammar.cseq(p, r, limits: limits, &sink)?.1
            case .maxForwards:
                _ = HeaderGrammar.number(p, r, max: UInt64(limits.maxMaxForwards), header: name, &sink)
            case .expires, .minExpires, .minSE:
                _ = HeaderGrammar.number(p, r, max: limits.maxDeltaSeconds, header: name, &sink)
            case .sessionExpires:
                var j = r.lowerBound
                while j < r.upperBound, p[j].isDigit { j += 1 }
                _ = HeaderGrammar.number(p, r.lowerBound..<j, max: limits.maxDeltaSeconds, header: name, &sink)
                _ = HeaderParameters.scan(
                    p,
                    from: j,
                    to: r.upperBound,
                    stopAtComma: false,
                    header: name,
                    limits: limits,
                    &sink
                ) { _, _, _ in }
            case .retryAfter:
                HeaderGrammar.retryAfter(p, r, limits: limits, &sink)
            case .contentLength:
                let previous = contentLength
                let value = HeaderGrammar.number(
                    p,
                    r,
                    max: UInt64(limits.maxMessageSize),
                    header: name,
                    invalidCode: .invalidContentLength,
                    &sink
                )
                if let value {
                    if let previous, previous != Int(value) {
                        sink.add(
                            .conflictingContentLength,
                            .error,
                            "Content-Length \(previous) and \(value)",
                            at: field.offset
                        )
                        contentLengthInvalid = true
                    } else if previous != nil {
                        sink.add(
                            .duplicateSingleHeader,
                            .error,
                            "Content-Length appears more than once",
                            at: field.offset
                        )
                    }
                    contentLength = Int(value)
                } else {
                    contentLengthInvalid = true
                }
                contentLengthField = field.nameRange
            case .contentType:
                let end = HeaderGrammar.mediaType(
                    p,
                    r.lowerBound,
                    r.upperBound,
                    header: name,
                    inList: false,
                    limits: limits,
                    &sink
                )
                if end < r.upperBound {
                    sink.add(.invalidHeaderSyntax, .error, "Content-Type: unexpected text", at: end)
                }
            case .accept:
                HeaderList.forEach(p, r, header: name, limits: limits, allowEmpty: true, &sink) { i, sink in
                    HeaderGrammar.mediaType(p, i, r.upperBound, header: name, inList: true, limits: limits, &sink)
                }
            case .allow, .supported, .unsupported, .allowEvents, .acceptEncoding, .acceptLanguage, .contentEncoding,
                .contentLanguage:
                HeaderGrammar.tokenList(p, r, header: name, allowEmpty: true, limits: limits, &sink)
            case .require, .proxyRequire, .inReplyTo:
                HeaderGrammar.tokenList(p, r, header: name, allowEmpty: false, limits: limits, &sink)
            case .authorization, .proxyAuthorization, .wwwAuthenticate, .proxyAuthenticate:
                _ = RawAuthorization.parse(p, r, header: name, limits: limits, &sink)
            case .date:
                HeaderGrammar.date(p, r, &sink)
            case .warning:
                HeaderGrammar.warning(p, r, limits: limits, &sink)
            case .alertInfo, .callInfo, .errorInfo:
                HeaderGrammar.uriList(p, r, header: name, limits: limits, &sink)
            case .event, .contentDisposition, .subscriptionState, .priority:
                let e = Scan.token(p, r.lowerBound, r.upperBound)
                if e == r.lowerBound {
                    sink.add(
                        .invalidHeaderSyntax,
                        .error,
                        "\(name.canonicalName) does not start with a token",
                        at: r.lowerBound
                    )
                } else {
                    _ = HeaderParameters.scan(
                        p,
                        from: e,
                        to: r.upperBound,
                        stopAtComma: false,
                        header: name,
                        limits: limits,
                        &sink
                    ) { _, _, _ in }
                }
            case .userAgent, .server, .subject, .organization, .timestamp, .mimeVersion, .rseq, .rack, .privacy,
                .reason, .identity, .acceptContact, .rejectContact, .requestDisposition, .authenticationInfo, .other:
                break
            }
        }
        if routeCount > limits.maxRouteCount {
            sink.add(
                .tooManyElements,
                .error,
                "more than \(limits.maxRouteCount) Route/Record-Route entries",
                at: s.headerEnd
            )
        }

        // Mandatory headers (RFC 3261 §8.1.1; responses copy them, §8.2.6.2).
        let required = HeaderNameSet.required
        if !required.isSubset(of: seen) {
            for missing in required.subtracting(seen) {
                sink.add(.missingRequiredHeader, .error, "no \(missing.canonicalName) header", at: s.headerEnd)
            }
        }
        if case .request(let method, _, _) = s.startLine {
            if !seen.contains(.maxForwards) {
                sink.add(.missingMaxForwards, .warning, "request without Max-Forwards", at: s.headerEnd)
            }
            if let cseqMethod, !Scan.equal(p, method, cseqMethod) {
                sink.add(
                    .cseqMethodMismatch,
                    .error,
                    "CSeq method \(Scan.excerpt(p, cseqMethod)) differs from \(Scan.excerpt(p, method))",
                    at: cseqMethod.lowerBound
                )
            }
            if seen.contains(.from) && !fromTag {
                sink.add(.missingFromTag, .warning, "From without a tag", at: s.headerEnd)
            }
            if let firstVia, firstVia.branch == nil {
                sink.add(.missingBranch, .warning, "top Via without a branch", at: firstVia.range.lowerBound)
            }
        }

        Self.frameBody(
            p,
            &s,
            framing: framing,
            contentLength: contentLengthInvalid ? nil : contentLength,
            declared: contentLengthField,
            invalid: contentLengthInvalid,
            &sink
        )
        if !s.body.isEmpty && !seen.contains(.contentType) {
            sink.add(
                .missingContentType,
                .warning,
                "body of \(s.body.count) bytes without Content-Type",
                at: s.body.lowerBound
            )
        }
    }

    /// Applies Content-Length to the bytes after the header section (RFC 3261 §18.3).
    private static func frameBody(
        _ p: UnsafeRawBufferPointer,
        _ s: inout SIPMessageParser.Structure,
        framing: SIPMessageParser.Framing,
        contentLength: Int?,
        declared: Range<Int>?,
        invalid: Bool,
        _ sink: inout AnomalySink
    ) {
        let available = p.count - s.headerEnd
        guard let length = contentLength else {
            if !invalid {
                if framing == .stream {
                    sink.add(.missingContentLength, .error, "stream message without Content-Length", at: s.headerEnd)
                } else if available > 0 {
                    sink.add(
                        .missingContentLength,
                        .warning,
                        "no Content-Length; the body runs to the end of the datagram",
                        at: s.headerEnd
                    )
                }
            }
            s.body = s.headerEnd..<p.count
            return
        }
        if length > available {
            sink.add(
                .contentLengthMismatch,
                .error,
                "Content-Length \(length) but \(available) bytes follow the headers",
                at: declared?.lowerBound ?? s.headerEnd
            )
            s.body = s.headerEnd..<p.count
        } else {
            s.body = s.headerEnd..<(s.headerEnd + length)
            if length < available {
                s.trailing = s.body.upperBound..<p.count
                sink.add(.trailingBytes, .warning, "\(available - length) bytes after the body", at: s.body.upperBound)
            }
        }
    }

    /// Checks a comma-separated list of name-addr / addr-spec elements.
    private static func addressList(
        _ p: UnsafeRawBufferPointer,
        _ r: Range<Int>,
        header: SIPHeaderName,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink,
        _ each: (RawNameAddress, inout AnomalySink) -> Void = { _, _ in }
    ) {
        HeaderList.forEach(p, r, header: header, limits: limits, &sink) { i, sink in
            let (na, next) = RawNameAddress.parse(
                p,
                i,
                r.upperBound,
                header: header,
                inList: true,
                limits: limits,
                &sink
            )
            if let na { each(na, &sink) }
            return next
        }
    }
}

/// A set of known header names as a 128-bit mask.
struct HeaderNameSet: Sequence {
    var low: UInt64 = 0
    var high: UInt64 = 0

    /// The headers RFC 3261 §8.1.1 requires in every request (and responses copy).
    static var required: HeaderNameSet {
        var set = HeaderNameSet()
        set.insert(.to)
        set.insert(.from)
        set.insert(.callID)
        set.insert(.cseq)
        set.insert(.via)
        return set
    }

    func contains(_ name: SIPHeaderName) -> Bool {
        let k = name.rawValue
        return k < 64 ? self.low & (1 << k) != 0 : self.high & (1 << (k - 64)) != 0
    }

    /// Inserts `name`; returns whether it was new.
    @discardableResult
    mutating func insert(_ name: SIPHeaderName) -> Bool {
        let k = name.rawValue
        if k < 64 {
            defer { self.low |= 1 << k }
            return self.low & (1 << k) == 0
        }
        defer { self.high |= 1 << (k - 64) }
        return self.high & (1 << (k - 64)) == 0
    }

    func isSubset(of other: HeaderNameSet) -> Bool { self.low & ~other.low == 0 && self.high & ~other.high == 0 }

    func subtracting(_ other: HeaderNameSet) -> HeaderNameSet {
        HeaderNameSet(low: self.low & ~other.low, high: self.high & ~other.high)
    }

    func makeIterator() -> AnyIterator<SIPHeaderName> {
        var k: UInt8 = 0
        return AnyIterator {
            while k < 128 {
                defer { k += 1 }
                if let name = SIPHeaderName(rawValue: k), self.contains(name) { return name }
            }
            return nil
        }
    }
}
