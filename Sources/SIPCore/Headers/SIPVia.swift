/// One Via entry (RFC 3261 §20.42, RFC 3581 `rport`).
public struct SIPVia: Sendable, Hashable {
    /// `SIP` in a well-formed entry.
    public var protocolName: String
    /// `2.0` in a well-formed entry.
    public var protocolVersion: String
    /// The transport as sent (`UDP`, `TCP`, `TLS`, `SCTP`, `WS`, …).
    public var transport: String
    /// The sent-by host.
    public var host: SIPURI.Host
    /// The sent-by port, if given.
    public var port: Int?
    /// All parameters in order.
    public var parameters: SIPParameters
    /// The branch parameter.
    public var branch: String?
    /// The received parameter (brackets removed from an IPv6 value).
    public var received: String?
    /// Whether `rport` is present, and its value when it has one.
    public var rport: RPort
    /// The maddr parameter.
    public var maddr: String?
    /// The ttl parameter.
    public var ttl: Int?

    /// The `rport` parameter (RFC 3581).
    public enum RPort: Sendable, Hashable {
        case absent
        /// Present without a value (a request asking for it).
        case requested
        /// Present with the port a server filled in.
        case value(Int)
    }

    /// The sent-by as `host[:port]`.
    public var sentBy: String { self.port.map { "\(self.host):\($0)" } ?? self.host.description }

    init(_ p: UnsafeRawBufferPointer, _ r: RawVia, limits: SIPParserLimits) {
        self.protocolName = Scan.string(p, r.protocolName)
        self.protocolVersion = Scan.string(p, r.protocolVersion)
        self.transport = Scan.string(p, r.transport)
        self.host = r.sentByHost(p)
        self.port = r.port
        self.parameters = SIPParameters.header(p, r.parameters, limits: limits)
        self.branch = r.branch.map { Scan.unquotedString(p, $0) }
        self.received = r.received.map { Scan.string(p, $0) }
        self.rport = r.rportParameter
        self.maddr = r.maddr.map { Scan.unquotedString(p, $0) }
        self.ttl = r.ttl
    }
}

/// What transaction matching and response routing read of a Via entry (RFC 3261 §17.2.3, §18.2.2, RFC 3581): its
/// ``SIPVia`` fields of the same names, without the parameter table and the protocol texts that ``SIPVia`` also
/// decodes. Every request's top Via is read twice this way (its server transaction key, its response's route).
public struct SIPViaSummary: Sendable, Hashable {
    /// The sent-by host.
    public var host: SIPURI.Host
    /// The sent-by port, if given.
    public var port: Int?
    /// The branch parameter.
    public var branch: String?
    /// The received parameter (brackets removed from an IPv6 value).
    public var received: String?
    /// Whether `rport` is present, and its value when it has one.
    public var rport: SIPVia.RPort

    init(_ p: UnsafeRawBufferPointer, _ r: RawVia) {
        self.host = r.sentByHost(p)
        self.port = r.port
        self.branch = r.branch.map { Scan.unquotedString(p, $0) }
        self.received = r.received.map { Scan.string(p, $0) }
        self.rport = r.rportParameter
    }
}

extension RawVia {
    /// The sent-by host, by kind.
    func sentByHost(_ p: UnsafeRawBufferPointer) -> SIPURI.Host {
        let host = Scan.string(p, self.host)
        switch self.hostKind {
        case .ipv4: return .ipv4(host)
        case .ipv6: return .ipv6(host)
        case .name, .none: return .name(host)
        }
    }

    /// The `rport` parameter.
    var rportParameter: SIPVia.RPort {
        self.hasRPort ? (self.rport.map { .value($0) } ?? .requested) : .absent
    }
}

/// A `[display-name] <URI> *(;param)` value: From, To, Contact, Route, Record-Route, Reply-To, Refer-To, …
public struct SIPNameAddress: Sendable, Hashable {
    /// The display name, unquoted and unescaped.
    public var displayName: String?
    /// Whether the display name was quoted.
    public var displayNameQuoted: Bool
    /// The URI, if it could be parsed.
    public var uri: SIPURI?
    /// The URI text as it appeared.
    public var uriText: String
    /// Whether the URI was enclosed in `<` `>`.
    public var bracketed: Bool
    /// The header parameters (tag, q, expires, lr, …).
    public var parameters: SIPParameters

    /// The tag parameter (From, To).
    public var tag: String? { self.parameters["tag"] }
    /// The q parameter of a Contact (0–1).
    public var q: Double? { self.parameters["q"].flatMap { Double($0) } }
    /// The expires parameter of a Contact.
    public var expires: UInt32? { self.parameters["expires"].flatMap { UInt32($0) } }

    init(_ p: UnsafeRawBufferPointer, _ r: RawNameAddress, limits: SIPParserLimits) {
        if let d = r.displayName {
            self.displayName = Scan.unquotedString(p, d)
            self.displayNameQuoted = p[d.lowerBound] == .dquote
        } else {
            self.displayName = nil
            self.displayNameQuoted = false
        }
        self.uri = r.uri.map { SIPURI(p, $0, limits: limits) }
        self.uriText = Scan.string(p, r.uriRange)
        self.bracketed = r.bracketed
        self.parameters = SIPParameters.header(p, r.parameters, limits: limits)
    }
}

/// The CSeq header (RFC 3261 §20.16).
public struct SIPCSeq: Sendable, Hashable {
    /// The sequence number.
    public var sequence: UInt32
    /// The method.
    public var method: SIPMethod
    public init(sequence: UInt32, method: SIPMethod) {
        self.sequence = sequence
        self.method = method
    }
}

/// A media type with parameters (Content-Type, Accept; RFC 3261 §20.15).
public struct SIPMediaType: Sendable, Hashable, CustomStringConvertible {
    public var type: String
    public var subtype: String
    public var parameters: SIPParameters
    public var description: String { "\(self.type)/\(self.subtype)" }

    /// Whether this is `application/sdp` (case-insensitive).
    public var isSDP: Bool { self.type.lowercased() == "application" && self.subtype.lowercased() == "sdp" }
}

/// An Authorization / Proxy-Authorization credential or a WWW-Authenticate / Proxy-Authenticate challenge
/// (RFC 3261 §22, RFC 2617, RFC 8760).
public struct SIPAuthorization: Sendable, Hashable {
    /// The scheme (`Digest` for RFC 3261; anything else is kept).
    public var scheme: String
    /// The auth-params in order, values unquoted.
    public var parameters: SIPParameters

    public var isDigest: Bool { self.scheme.lowercased() == "digest" }
    public var username: String? { self.parameters["username"] }
    public var realm: String? { self.parameters["realm"] }
    public var nonce: String? { self.parameters["nonce"] }
    public var uri: String? { self.parameters["uri"] }
    public var response: String? { self.parameters["response"] }
    public var algorithm: String? { self.parameters["algorithm"] }
    public var cnonce: String? { self.parameters["cnonce"] }
    public var opaque: String? { self.parameters["opaque"] }
    public var qop: String? { self.parameters["qop"] }
    public var nonceCount: String? { self.parameters["nc"] }
    public var stale: Bool { self.parameters["stale"]?.lowercased() == "true" }
}
