public import SIPCore

/// A Digest challenge from a WWW-Authenticate or Proxy-Authenticate header (RFC 7616 §3.3, RFC 3261 §22.1).
///
/// Read one from a 401/407 response with ``init(_:kind:limits:)`` or ``challenges(in:limits:)``, or build one
/// for the registrar persona and write it with ``headerValue``. Parsing is lenient about what it can ignore
/// (unknown auth-params, unknown qop tokens beside known ones) and throws a ``DigestError`` for what makes the
/// challenge unusable: another scheme, no realm or nonce, an unknown algorithm, a qop list with nothing known,
/// or a value over ``DigestLimits/maxFieldLength``.
public struct DigestChallenge: Sendable, Hashable {
    /// Which pair of headers a challenge travels in (RFC 3261 §22.2, §22.3).
    public enum Kind: Sendable, Hashable, CaseIterable, Codable {
        /// A user agent server or registrar: 401, WWW-Authenticate, answered in Authorization.
        case www
        /// A proxy: 407, Proxy-Authenticate, answered in Proxy-Authorization.
        case proxy

        /// The kind a status code asks for (`401` → ``www``, `407` → ``proxy``, else `nil`).
        public init?(statusCode: Int) {
            switch statusCode {
            case 401: self = .www
            case 407: self = .proxy
            default: return nil
            }
        }

        /// The status code that carries this kind of challenge.
        public var statusCode: Int {
            switch self {
            case .www: 401
            case .proxy: 407
            }
        }

        /// `WWW-Authenticate` or `Proxy-Authenticate`.
        public var challengeHeaderName: String {
            switch self {
            case .www: "WWW-Authenticate"
            case .proxy: "Proxy-Authenticate"
            }
        }

        /// `Authorization` or `Proxy-Authorization`.
        public var credentialsHeaderName: String {
            switch self {
            case .www: "Authorization"
            case .proxy: "Proxy-Authorization"
            }
        }
    }

    /// Which headers the challenge came in, or goes out in.
    public var kind: Kind
    /// The protection space, shown to users (required).
    public var realm: String
    /// The server nonce (required).
    public var nonce: String
    /// Opaque data the client must echo.
    public var opaque: String?
    /// The algorithm (``DigestAlgorithm/md5`` when the header names none).
    public var algorithm: DigestAlgorithm
    /// The qop values offered that Honeyphone supports, in order; empty when the challenge has no `qop`
    /// (RFC 2069 compatibility).
    public var qopOptions: [DigestQOP]
    /// Whether the previous request's nonce was stale and the password was otherwise right (retry silently).
    public var stale: Bool
    /// The URIs of the protection space (`domain`, space-separated in the header).
    public var domain: [String]

    /// Creates a challenge.
    public init(
        kind: Kind = .www,
        realm: String,
        nonce: String,
        opaque: String? = nil,
        algorithm: DigestAlgorithm = .md5,
        qopOptions: [DigestQOP] = [.auth],
        stale: Bool = false,
        domain: [String] = []
    ) {
        self.kind = kind
        self.realm = realm
        self.nonce = nonce
        self.opaque = opaque
        self.algorithm = algorithm
        self.qopOptions = qopOptions
        self.stale = stale
        self.domain = domain
    }

    /// Reads a challenge from a parsed WWW-Authenticate (`kind` ``Kind/www``) or Proxy-Authenticate header.
    public init(
        _ authorization: SIPAuthorization,
        kind: Kind = .www,
        limits: DigestLimits = .default
    ) throws(DigestError) {
        try AuthParams.requireDigest(authorization)
        self.kind = kind
        self.realm = try AuthParams.required(authorization, "realm", limits)
        self.nonce = try AuthParams.required(authorization, "nonce", limits)
        self.opaque = try AuthParams.optional(authorization, "opaque", limits)
        self.algorithm = try DigestAlgorithm.parse(AuthParams.optional(authorization, "algorithm", limits))
        self.stale = try AuthParams.optional(authorization, "stale", limits)?.lowercased() == "true"
        self.qopOptions = []
        if let qop = try AuthParams.optional(authorization, "qop", limits) {
            for token in qop.split(separator: ",").prefix(limits.maxQOPOptions) {
                let trimmed = token.trimmingSpaces
                if let option = DigestQOP(token: trimmed), !self.qopOptions.contains(option) {
                    self.qopOptions.append(option)
                }
            }
            guard !self.qopOptions.isEmpty else { throw .unsupportedQOP(qop) }
        }
        self.domain = []
        if let domain = try AuthParams.optional(authorization, "domain", limits) {
            self.domain = domain.split(whereSeparator: { $0 == " " || $0 == "\t" })
                .prefix(limits.maxDomainURIs)
                .map(String.init)
        }
    }

    /// The Digest challenges of a response that Honeyphone can answer, in header order: Proxy-Authenticate
    /// ones as ``Kind/proxy``, WWW-Authenticate ones as ``Kind/www``. Others (Basic, unknown algorithms,
    /// missing nonces) are skipped.
    public static func challenges(in response: SIPMessage, limits: DigestLimits = .default) -> [DigestChallenge] {
        var result: [DigestChallenge] = []
        for header in response.proxyAuthenticate {
            if let challenge = try? DigestChallenge(header, kind: .proxy, limits: limits) { result.append(challenge) }
        }
        for header in response.wwwAuthenticate {
            if let challenge = try? DigestChallenge(header, kind: .www, limits: limits) { result.append(challenge) }
        }
        return result
    }

    /// The header value: `Digest realm="…", domain="…", nonce="…", opaque="…", stale=TRUE, algorithm=MD5,
    /// qop="auth,auth-int"` (RFC 7616 §3.3: realm, domain, nonce, opaque and qop quoted; stale and algorithm
    /// tokens). Absent optional parameters are left out.
    public var headerValue: String {
        var parts = ["realm=" + AuthParams.quoted(self.realm)]
        if !self.domain.isEmpty { parts.append("domain=" + AuthParams.quoted(self.domain.joined(separator: " "))) }
        parts.append("nonce=" + AuthParams.quoted(self.nonce))
        if let opaque = self.opaque { parts.append("opaque=" + AuthParams.quoted(opaque)) }
        if self.stale { parts.append("stale=TRUE") }
        parts.append("algorithm=" + self.algorithm.token)
        if !self.qopOptions.isEmpty {
            parts.append("qop=" + AuthParams.quoted(self.qopOptions.map(\.token).joined(separator: ",")))
        }
        return "Digest " + parts.joined(separator: ", ")
    }

    /// The header to add to a 401/407 response built with `SIPMessageBuilder`.
    public var header: SIPMessageBuilder.Header {
        SIPMessageBuilder.Header(self.kind.challengeHeaderName, self.headerValue)
    }
}

extension Substring {
    /// Without leading and trailing SP and HTAB.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = self.firstIndex(where: { !isSpace($0) }), let end = self.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }
}
