// via-parm (RFC 3261 §20.42, §25.1; RFC 3581 rport; RFC 5118 §4.5 IPv6 received):
//   sent-protocol LWS sent-by *( SEMI via-params ), sent-protocol = name SLASH version SLASH transport.

/// One Via entry, as ranges.
struct RawVia: Sendable, Hashable {
    var protocolName: Range<Int>
    var protocolVersion: Range<Int>
    var transport: Range<Int>
    /// The sent-by host, without brackets.
    var host: Range<Int>
    var hostKind: RawURI.HostKind
    var port: Int?
    /// From the first ';' to the end of the entry.
    var parameters: Range<Int>
    var branch: Range<Int>?
    var received: Range<Int>?
    /// `rport` present (RFC 3581), and its value when it has one.
    var hasRPort: Bool
    var rport: Int?
    var maddr: Range<Int>?
    var ttl: Int?
    var range: Range<Int>

    /// Parses one Via entry starting at `i`; returns it and where it ended (at `,` or `end`).
    static func parse(
        _ p: UnsafeRawBufferPointer,
        _ i: Int,
        _ end: Int,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) -> (RawVia?, Int) {
        let start = i
        let nameEnd = Scan.token(p, i, end)
        var j = Scan.lws(p, nameEnd, end)
        guard nameEnd > i, j < end, p[j] == .slash else {
            sink.add(.invalidHeaderSyntax, .error, "Via: sent-protocol is not 'name/version/transport'", at: i)
            return (nil, HeaderParameters.skipElement(p, i, end, stopAtComma: true))
        }
        let versionStart = Scan.lws(p, j + 1, end)
        let versionEnd = Scan.token(p, versionStart, end)
        j = Scan.lws(p, versionEnd, end)
        guard versionEnd > versionStart, j < end, p[j] == .slash else {
            sink.add(
                .invalidHeaderSyntax,
                .error,
                "Via: sent-protocol is not 'name/version/transport'",
                at: versionStart
            )
            return (nil, HeaderParameters.skipElement(p, i, end, stopAtComma: true))
        }
        let transportStart = Scan.lws(p, j + 1, end)
        let transportEnd = Scan.token(p, transportStart, end)
        guard transportEnd > transportStart else {
            sink.add(.invalidHeaderSyntax, .error, "Via: no transport", at: transportStart)
            return (nil, HeaderParameters.skipElement(p, i, end, stopAtComma: true))
        }
        if !Scan.equalsLower(p, i..<nameEnd, "sip") || !Scan.equalsLower(p, versionStart..<versionEnd, "2.0") {
            sink.add(
                .invalidHeaderSyntax,
                .error,
                "Via: sent-protocol \(Scan.excerpt(p, i..<transportEnd)) is not SIP/2.0",
                at: i
            )
        }
        // sent-by = host [ COLON port ]
        var k = Scan.lws(p, transportEnd, end)
        if k == transportEnd {
            sink.add(.invalidHeaderSyntax, .error, "Via: no white space before sent-by", at: k)
        }
        var via = RawVia(
            protocolName: i..<nameEnd,
            protocolVersion: versionStart..<versionEnd,
            transport: transportStart..<transportEnd,
            host: k..<k,
            hostKind: .none,
            port: nil,
            parameters: end..<end,
            branch: nil,
            received: nil,
            hasRPort: false,
            rport: nil,
            maddr: nil,
            ttl: nil,
            range: start..<end
        )
        if k < end, p[k] == .openBracket {
            let close = Scan.find(p, .closeBracket, k, end)
            guard close < end else {
                sink.add(.invalidIPv6Reference, .error, "Via: IPv6 reference without ']'", at: k)
                return (nil, HeaderParameters.skipElement(p, k, end, stopAtComma: true))
            }
            via.host = (k + 1)..<close
            via.hostKind = .ipv6
            IPAddressGrammar.checkIPv6(p, via.host, explicitPort: true, &sink)
            k = close + 1
        } else {
            let hostEnd = Scan.run(p, k, end, .hostname)
            via.host = k..<hostEnd
            if hostEnd == k {
                sink.add(.invalidHost, .error, "Via: no sent-by host", at: k)
                return (nil, HeaderParameters.skipElement(p, k, end, stopAtComma: true))
            }
            via.hostKind = IPAddressGrammar.classify(p, via.host, &sink)
            if Scan.equalsLower(p, via.host, "255.255.255.255") || Scan.equalsLower(p, via.host, "0.0.0.0") {
                sink.add(.broadcastAddress, .warning, "Via sent-by \(Scan.excerpt(p, via.host))", at: k)
            }
            k = hostEnd
        }
        let colon = Scan.lws(p, k, end)
        if colon < end, p[colon] == .colon {
            let portStart = Scan.lws(p, colon + 1, end)
            var portEnd = portStart
            while portEnd < end, p[portEnd].isDigit { portEnd += 1 }
            switch Scan.number(p, portStart..<portEnd) {
            case .value(let v) where v <= 65_535: via.port = Int(v)
            case .value, .overflow: sink.add(.valueOutOfRange, .error, "Via: port above 65535", at: portStart)
            case .invalid: sink.add(.invalidHeaderSyntax, .error, "Via: port is not a number", at: portStart)
            }
            k = portEnd
        }
        let paramStart = Scan.lws(p, k, end)
        let stop = HeaderParameters.scan(
            p,
            from: k,
            to: end,
            stopAtComma: true,
            header: .via,
            limits: limits,
            &sink
        ) { name, value, sink in
            Self.parameter(p, name, value, into: &via, &sink)
        }
        via.parameters = paramStart..<Scan.trimTrailing(p, paramStart, stop)
        via.range = start..<Scan.trimTrailing(p, start, stop)
        if let branch = via.branch {
            if !Scan.startsWithMagicCookie(p, branch) {
                sink.add(
                    .nonCompliantBranch,
                    .warning,
                    "Via branch without the z9hG4bK magic cookie",
                    at: branch.lowerBound
                )
            } else if branch.count == 7 {
                sink.add(.nonCompliantBranch, .warning, "Via branch is only the magic cookie", at: branch.lowerBound)
            }
        }
        return (via, stop)
    }

    private static func parameter(
        _ p: UnsafeRawBufferPointer,
        _ name: Range<Int>,
        _ value: Range<Int>?,
        into via: inout RawVia,
        _ sink: inout AnomalySink
    ) {
        if Scan.equalsLower(p, name, "branch") {
            via.branch = value
        } else if Scan.equalsLower(p, name, "received") {
            guard let value else { return }
            var v = value
            if v.count >= 2, p[v.lowerBound] == .openBracket, p[v.upperBound - 1] == .closeBracket {
                v = (v.lowerBound + 1)..<(v.upperBound - 1)
            }
            via.received = v
            if !IPAddressGrammar.isIPv4(p, v) && !IPAddressGrammar.isIPv6(p, v) {
                sink.add(.invalidHeaderSyntax, .error, "Via: received is not an IP address", at: value.lowerBound)
            }
        } else if Scan.equalsLower(p, name, "rport") {
            via.hasRPort = true
            if let value {
                if case .value(let v) = Scan.number(p, value), v <= 65_535 {
                    via.rport = Int(v)
                } else {
                    sink.add(.invalidHeaderSyntax, .error, "Via: rport is not a port number", at: value.lowerBound)
                }
            }
        } else if Scan.equalsLower(p, name, "maddr") {
            via.maddr = value
        } else if Scan.equalsLower(p, name, "ttl") {
            if let value, case .value(let v) = Scan.number(p, value), v <= 255 {
                via.ttl = Int(v)
            } else {
                sink.add(.valueOutOfRange, .error, "Via: ttl is not 0–255", at: name.lowerBound)
            }
        }
    }
}

extension Scan {
    /// Whether `range` starts with the RFC 3261 magic cookie `z9hG4bK` (case-sensitive, §8.1.1.7).
    static func startsWithMagicCookie(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        guard range.count >= 7 else { return false }
        let s = range.lowerBound
        return p[s] == 0x7A && p[s + 1] == 0x39 && p[s + 2] == 0x68 && p[s + 3] == 0x47 && p[s + 4] == 0x34
            && p[s + 5] == 0x62 && p[s + 6] == 0x4B
    }
}
