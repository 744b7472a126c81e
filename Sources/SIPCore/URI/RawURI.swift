// The URI grammar of RFC 3261 §19.1 and §25.1 (sip, sips), RFC 3966 (tel) and RFC 5118 (IPv6 references),
// as ranges into the message. The parser is lenient: it finds the structure and reports every deviation.

/// A URI found in a message, as byte ranges (no allocation). ``SIPURI`` is its public, decoded form.
struct RawURI: Sendable, Hashable {
    enum Scheme: UInt8, Sendable { case sip, sips, tel, other }
    enum HostKind: UInt8, Sendable { case name, ipv4, ipv6, none }

    var range: Range<Int>
    var scheme: Scheme
    var schemeRange: Range<Int>
    /// The user part (sip/sips) or the number (tel), still escaped.
    var user: Range<Int>?
    var password: Range<Int>?
    /// The host without brackets.
    var host: Range<Int>
    var hostKind: HostKind
    var port: Int?
    /// The parameters after the first `;` (the leading `;` excluded), possibly empty.
    var parameters: Range<Int>
    /// The headers after `?`, if present.
    var headers: Range<Int>?
    /// Everything after `scheme:` for schemes the parser does not know.
    var opaque: Range<Int>
}

/// Where a URI appears, which changes what is legal in it.
enum URIContext {
    case requestURI
    case nameAddr
    case addrSpec
    case standalone
}

enum URIParser {
    /// Parses `[range]` as a URI, recording anomalies. Returns `nil` only when there is no `scheme:` at all.
    static func parse(
        _ p: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        context: URIContext,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) -> RawURI? {
        let s = range.lowerBound
        let e = range.upperBound
        guard s < e, p[s].isIn(.alpha) else {
            sink.add(.invalidURI, .error, "URI does not start with a scheme: \(Scan.excerpt(p, range))", at: s)
            return nil
        }
        let schemeEnd = Scan.run(p, s + 1, e, .scheme)
        guard schemeEnd < e, p[schemeEnd] == .colon else {
            sink.add(.invalidURI, .error, "URI without 'scheme:': \(Scan.excerpt(p, range))", at: s)
            return nil
        }
        let schemeRange = s..<schemeEnd
        let scheme: RawURI.Scheme
        if Scan.equalsLower(p, schemeRange, "sip") {
            scheme = .sip
        } else if Scan.equalsLower(p, schemeRange, "sips") {
            scheme = .sips
        } else if Scan.equalsLower(p, schemeRange, "tel") {
            scheme = .tel
        } else {
            scheme = .other
        }
        let rest = schemeEnd + 1
        var uri = RawURI(
            range: range,
            scheme: scheme,
            schemeRange: schemeRange,
            user: nil,
            password: nil,
            host: rest..<rest,
            hostKind: .none,
            port: nil,
            parameters: e..<e,
            headers: nil,
            opaque: rest..<e
        )
        switch scheme {
        case .other:
            sink.add(.unknownURIScheme, .warning, "URI scheme '\(Scan.excerpt(p, schemeRange))'", at: s)
            for i in rest..<e where p[i] == .sp || p[i] == .htab || p[i] < 0x20 || p[i] >= 0x7F {
                sink.add(.invalidURI, .error, "white space or control byte in a URI", at: i)
                break
            }
        case .tel:
            Self.parseTel(p, &uri, rest, e, limits: limits, &sink)
        case .sip, .sips:
            Self.parseSIP(p, &uri, rest, e, context: context, limits: limits, &sink)
        }
        return uri
    }

    private static func parseTel(
        _ p: UnsafeRawBufferPointer,
        _ uri: inout RawURI,
        _ s: Int,
        _ e: Int,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        let numberEnd = Scan.find(p, .semicolon, s, e)
        uri.user = s..<numberEnd
        if numberEnd == s {
            sink.add(.invalidURI, .error, "tel URI without a number", at: s)
        }
        var i = s
        if i < numberEnd, p[i] == .plus { i += 1 }
        while i < numberEnd {
            let b = p[i]
            if !(b.isIn(.telChar) || b.hexValue != nil) {
                sink.add(.invalidURI, .error, "invalid character in tel number", at: i)
                break
            }
            i += 1
        }
        if numberEnd < e {
            uri.parameters = (numberEnd + 1)..<e
            Self.checkParameters(p, uri.parameters, limits: limits, &sink)
        }
    }

    private static func parseSIP(
        _ p: UnsafeRawBufferPointer,
        _ uri: inout RawURI,
        _ s: Int,
        _ e: Int,
        context: URIContext,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        // The user part ends at the last '@': user and password may hold '?', '/', ';' and ':', but no
        // parameter or header may hold an unescaped '@'.
        var at = e
        var hasAt = false
        while at > s {
            at -= 1
            if p[at] == .at {
                hasAt = true
                break
            }
        }
        let question = Scan.find(p, .question, hasAt ? at : s, e)
        if question < e {
            uri.headers = (question + 1)..<e
            switch context {
            case .requestURI:
                sink.add(.headersInRequestURI, .error, "Request-URI carries escaped headers", at: question)
            case .addrSpec:
                sink.add(.unbracketedURI, .error, "URI with headers ('?') outside '<' '>'", at: question)
            case .nameAddr, .standalone:
                break
            }
            Self.checkHeaders(p, (question + 1)..<e, &sink)
        }
        var hostStart = s
        if hasAt {
            let colon = Scan.find(p, .colon, s, at)
            uri.user = s..<colon
            if colon < at { uri.password = (colon + 1)..<at }
            Self.checkEscaped(p, s..<colon, allowed: [.unreserved, .userUnreserved], what: "user part", &sink)
            if colon < at {
                Self.checkEscaped(p, (colon + 1)..<at, allowed: [.unreserved, .passwordExtra], what: "password", &sink)
            }
            if colon == s {
                sink.add(.invalidURI, .error, "empty user part before '@'", at: s)
            }
            hostStart = at + 1
        }
        // host [ ":" port ]
        var i = hostStart
        if i < question, p[i] == .openBracket {
            let close = Scan.find(p, .closeBracket, i, question)
            guard close < question else {
                sink.add(.invalidIPv6Reference, .error, "IPv6 reference without ']'", at: i)
                uri.host = (i + 1)..<question
                uri.hostKind = .ipv6
                return
            }
            uri.host = (i + 1)..<close
            uri.hostKind = .ipv6
            IPAddressGrammar.checkIPv6(p, uri.host, explicitPort: close + 1 < question && p[close + 1] == .colon, &sink)
            i = close + 1
        } else {
            let hostEnd = Scan.run(p, i, question, .hostname)
            uri.host = i..<hostEnd
            i = hostEnd
            if hostEnd == hostStart {
                sink.add(.invalidHost, .error, "URI without a host", at: hostStart)
            } else {
                uri.hostKind = IPAddressGrammar.classify(p, uri.host, &sink)
            }
        }
        if i < question, p[i] == .colon {
            let portEnd = Scan.run(p, i + 1, question, .hostname)
            // Two colons in an unbracketed host: an IPv6 address without '[' ']' (RFC 5118 §4.2).
            if Scan.find(p, .colon, i + 1, portEnd) < portEnd || (portEnd < question && p[portEnd] == .colon) {
                sink.add(
                    .invalidIPv6Reference,
                    .error,
                    "IPv6 address without '[' ']' in a URI",
                    at: uri.host.lowerBound
                )
                let end = Scan.find(p, .semicolon, i, question)
                uri.host = uri.host.lowerBound..<end
                uri.hostKind = .ipv6
                i = end
            } else {
                switch Scan.number(p, (i + 1)..<portEnd) {
                case .value(let v) where v <= 65_535:
                    uri.port = Int(v)
                case .value, .overflow:
                    sink.add(.valueOutOfRange, .error, "port above 65535", at: i + 1)
                case .invalid:
                    sink.add(.invalidURI, .error, "port is not a number", at: i + 1)
                }
                i = portEnd
            }
        }
        if i < question {
            if p[i] == .semicolon {
                uri.parameters = (i + 1)..<question
                Self.checkParameters(p, uri.parameters, limits: limits, &sink)
            } else {
                let what = p[i] == .sp || p[i] == .htab ? "white space" : "invalid character"
                sink.add(.invalidHost, .error, "\(what) after the host: \(Scan.excerpt(p, i..<question))", at: i)
            }
        }
    }

    /// Checks `;name[=value]` URI parameters (RFC 3261 `uri-parameter`, `paramchar`).
    static func checkParameters(
        _ p: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        limits: SIPParserLimits,
        _ sink: inout AnomalySink
    ) {
        var count = 0
        var i = range.lowerBound
        while i <= range.upperBound {
            let next = Scan.find(p, .semicolon, i, range.upperBound)
            let eq = Scan.find(p, .equals, i, next)
            if eq == i {
                sink.add(.invalidURI, .error, "empty URI parameter name", at: i)
            }
            Self.checkEscaped(p, i..<eq, allowed: [.unreserved, .paramUnreserved], what: "URI parameter", &sink)
            if eq < next {
                Self.checkEscaped(
                    p,
                    (eq + 1)..<next,
                    allowed: [.unreserved, .paramUnreserved],
                    what: "URI parameter",
                    &sink
                )
            }
            count += 1
            if count > limits.maxParameterCount {
                sink.add(.tooManyElements, .error, "more than \(limits.maxParameterCount) URI parameters", at: i)
                return
            }
            i = next + 1
        }
    }

    /// Checks `hname=hvalue&…` URI headers.
    static func checkHeaders(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, _ sink: inout AnomalySink) {
        var i = range.lowerBound
        while i <= range.upperBound {
            let next = Scan.find(p, .ampersand, i, range.upperBound)
            let eq = Scan.find(p, .equals, i, next)
            if eq == next || eq == i {
                sink.add(.invalidURI, .error, "URI header is not 'name=value'", at: i)
            }
            Self.checkEscaped(
                p,
                i..<next,
                allowed: [.unreserved, .hnvUnreserved],
                what: "URI header",
                except: .equals,
                &sink
            )
            i = next + 1
        }
    }

    /// Checks that every byte of `range` is in `allowed` or is a valid `%HEX HEX` escape.
    static func checkEscaped(
        _ p: UnsafeRawBufferPointer,
        _ range: Range<Int>,
        allowed: CharClass,
        what: StaticString,
        except: UInt8? = nil,
        _ sink: inout AnomalySink
    ) {
        var i = range.lowerBound
        var reportedChar = false
        while i < range.upperBound {
            let b = p[i]
            if b == .percent {
                if i + 2 < range.upperBound, let h = p[i + 1].hexValue, let l = p[i + 2].hexValue {
                    if h == 0 && l == 0 {
                        sink.add(.escapedNul, .warning, "%00 in the \(what)", at: i)
                    }
                    i += 3
                    continue
                }
                sink.add(.invalidEscape, .error, "'%' not followed by two hex digits in the \(what)", at: i)
                i += 1
                continue
            }
            if !b.isIn(allowed) && b != except && !reportedChar {
                reportedChar = true
                let kind =
                    (b == .sp || b == .htab) ? "white space" : "invalid character \(Scan.excerpt(p, i..<(i + 1)))"
                sink.add(.invalidURI, .error, "\(kind) in the \(what)", at: i)
            }
            i += 1
        }
    }
}
