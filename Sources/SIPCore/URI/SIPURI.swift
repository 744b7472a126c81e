import NIOCore

/// A URI from a SIP message: `sip:`, `sips:` (RFC 3261 §19.1), `tel:` (RFC 3966), or any other scheme kept raw.
///
/// Components are %-decoded where RFC 3261 §19.1.2 allows escapes (user, password, parameters, headers);
/// ``raw`` keeps the URI exactly as it appeared.
public struct SIPURI: Sendable, Hashable, CustomStringConvertible {
    /// The scheme.
    public enum Scheme: Sendable, Hashable {
        case sip, sips, tel
        /// Another scheme, lower-cased.
        case other(String)
    }

    /// A host: a name, an IPv4 address or an IPv6 address (without brackets).
    public enum Host: Sendable, Hashable, CustomStringConvertible {
        case name(String)
        case ipv4(String)
        case ipv6(String)

        /// The host as text (IPv6 without brackets).
        public var text: String {
            switch self {
            case .name(let s), .ipv4(let s), .ipv6(let s): return s
            }
        }

        /// The host as it is written in a URI or Via (IPv6 in brackets).
        public var description: String {
            if case .ipv6(let s) = self { return "[\(s)]" }
            return self.text
        }
    }

    public var scheme: Scheme
    /// The user part (sip, sips), %-decoded; for tel, the number.
    public var user: String?
    /// The password (deprecated by RFC 3261 but seen in attacks), %-decoded.
    public var password: String?
    /// The host (sip, sips).
    public var host: Host?
    /// The port, if given.
    public var port: Int?
    /// URI parameters (`;transport=udp;lr`), %-decoded.
    public var parameters: SIPParameters
    /// URI headers (`?Subject=x&Route=y`), %-decoded.
    public var headers: SIPParameters
    /// The URI exactly as it appeared.
    public var raw: String

    public var description: String { self.raw }

    init(_ p: UnsafeRawBufferPointer, _ r: RawURI, limits: SIPParserLimits) {
        self.scheme = Scheme(p, r)
        self.user = r.user.map { Scan.percentDecoded(p, $0) }
        self.password = r.password.map { Scan.percentDecoded(p, $0) }
        switch r.hostKind {
        case .name: self.host = .name(Scan.string(p, r.host))
        case .ipv4: self.host = .ipv4(Scan.string(p, r.host))
        case .ipv6: self.host = .ipv6(Scan.string(p, r.host))
        case .none: self.host = nil
        }
        self.port = r.port
        self.parameters = SIPParameters.uri(p, r.parameters, separator: .semicolon, limit: limits.maxParameterCount)
        self.headers =
            r.headers.map { SIPParameters.uri(p, $0, separator: .ampersand, limit: limits.maxParameterCount) } ?? []
        self.raw = Scan.string(p, r.range)
    }

    /// Parses a URI on its own (for example from configuration or a test).
    /// - Returns: the URI (or `nil` when there is no `scheme:`) and the anomalies found.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        limits: SIPParserLimits = .default
    ) -> (uri: SIPURI?, anomalies: [SIPAnomaly]) {
        guard bytes.count <= limits.maxHeaderLength else {
            let a = SIPAnomaly(
                code: .oversizeField,
                severity: .error,
                detail: "URI longer than \(limits.maxHeaderLength) bytes",
                offset: 0
            )
            return (nil, [a])
        }
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return buffer.withUnsafeReadableBytes { p in
            var sink = AnomalySink(limit: limits.maxAnomalies)
            let raw = URIParser.parse(p, 0..<p.count, context: .standalone, limits: limits, &sink)
            return (raw.map { SIPURI(p, $0, limits: limits) }, sink.list)
        }
    }

    /// Parses a URI from a string; `nil` when it has errors.
    public init?(_ string: String) {
        let (uri, anomalies) = Self.parse(Array(string.utf8))
        guard let uri, !anomalies.contains(where: { $0.severity == .error }) else { return nil }
        self = uri
    }
}

extension SIPURI.Scheme {
    /// The scheme of a raw parse (one the parser does not know, lowercased).
    init(_ p: UnsafeRawBufferPointer, _ r: RawURI) {
        switch r.scheme {
        case .sip: self = .sip
        case .sips: self = .sips
        case .tel: self = .tel
        case .other: self = .other(Scan.string(p, r.schemeRange).lowercased())
        }
    }
}
