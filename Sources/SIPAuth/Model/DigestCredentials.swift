public import SIPCore

/// Digest credentials from an Authorization or Proxy-Authorization header (RFC 7616 §3.4, RFC 3261 §22.2).
///
/// ``DigestClient`` builds them to answer a challenge; the registrar reads them from a request with
/// ``init(_:limits:)`` and checks them with ``DigestComputation/verify(credentials:password:method:body:)``.
/// Reading is strict about what the response depends on (RFC 7616 §3.4: `cnonce` and an 8-digit `nc` when
/// `qop` is present) and throws a ``DigestError`` otherwise; ``DigestAttempt`` is the lenient, recording view.
public struct DigestCredentials: Sendable, Hashable {
    /// The user name.
    public var username: String
    /// The realm, copied from the challenge.
    public var realm: String
    /// The server nonce, copied from the challenge.
    public var nonce: String
    /// The digest-uri: the Request-URI (RFC 3261 §22.4).
    public var uri: String
    /// The response digest, lowercase hex when built here (kept as sent when read).
    public var response: String
    /// The algorithm.
    public var algorithm: DigestAlgorithm
    /// The client nonce (with a qop, and with a `-sess` algorithm).
    public var cnonce: String?
    /// The nonce count (with a qop).
    public var nonceCount: DigestNonceCount?
    /// The quality of protection chosen, or `nil` for RFC 2069 compatibility.
    public var qop: DigestQOP?
    /// The challenge's opaque value, echoed.
    public var opaque: String?

    /// Creates credentials.
    public init(
        username: String,
        realm: String,
        nonce: String,
        uri: String,
        response: String,
        algorithm: DigestAlgorithm = .md5,
        cnonce: String? = nil,
        nonceCount: DigestNonceCount? = nil,
        qop: DigestQOP? = nil,
        opaque: String? = nil
    ) {
        self.username = username
        self.realm = realm
        self.nonce = nonce
        self.uri = uri
        self.response = response
        self.algorithm = algorithm
        self.cnonce = cnonce
        self.nonceCount = nonceCount
        self.qop = qop
        self.opaque = opaque
    }

    /// Reads credentials from a parsed Authorization or Proxy-Authorization header.
    public init(_ authorization: SIPAuthorization, limits: DigestLimits = .default) throws(DigestError) {
        try AuthParams.requireDigest(authorization)
        self.username = try AuthParams.required(authorization, "username", limits)
        self.realm = try AuthParams.required(authorization, "realm", limits)
        self.nonce = try AuthParams.required(authorization, "nonce", limits)
        self.uri = try AuthParams.required(authorization, "uri", limits)
        self.response = try AuthParams.required(authorization, "response", limits)
        self.algorithm = try DigestAlgorithm.parse(AuthParams.optional(authorization, "algorithm", limits))
        self.opaque = try AuthParams.optional(authorization, "opaque", limits)
        self.cnonce = try AuthParams.optional(authorization, "cnonce", limits)
        self.qop = nil
        self.nonceCount = nil
        if let qop = try AuthParams.optional(authorization, "qop", limits) {
            guard let parsed = DigestQOP(token: qop) else { throw .unsupportedQOP(qop) }
            self.qop = parsed
            guard let cnonce = self.cnonce, !cnonce.isEmpty else { throw .missingParameter("cnonce") }
            guard let nc = try AuthParams.optional(authorization, "nc", limits) else {
                throw .missingParameter("nc")
            }
            guard let count = DigestNonceCount(text: nc) else { throw .invalidNonceCount(nc) }
            self.nonceCount = count
        }
    }

    /// The header value, in the order RFC 7616 §3.9.1 shows: `Digest username="…", realm="…", nonce="…",
    /// uri="…", response="…", algorithm=MD5, cnonce="…", qop=auth, nc=00000001, opaque="…"`.
    ///
    /// Quoted values have `"` and `\` escaped; CR, LF and NUL become SP. `cnonce` and `nc` are written only
    /// with a qop, except that a `-sess` algorithm always carries its `cnonce`.
    public var headerValue: String {
        var parts = [
            "username=" + AuthParams.quoted(self.username),
            "realm=" + AuthParams.quoted(self.realm),
            "nonce=" + AuthParams.quoted(self.nonce),
            "uri=" + AuthParams.quoted(self.uri),
            "response=" + AuthParams.quoted(self.response),
            "algorithm=" + self.algorithm.token,
        ]
        if let cnonce = self.cnonce, self.qop != nil || self.algorithm.isSession {
            parts.append("cnonce=" + AuthParams.quoted(cnonce))
        }
        if let qop = self.qop {
            parts.append("qop=" + qop.token)
            parts.append("nc=" + (self.nonceCount ?? DigestNonceCount(1)).text)
        }
        if let opaque = self.opaque { parts.append("opaque=" + AuthParams.quoted(opaque)) }
        return "Digest " + parts.joined(separator: ", ")
    }

    /// The header to add to a request built with `SIPMessageBuilder`: Authorization for a ``DigestChallenge/Kind/www``
    /// challenge, Proxy-Authorization for a ``DigestChallenge/Kind/proxy`` one.
    public func header(for kind: DigestChallenge.Kind) -> SIPMessageBuilder.Header {
        SIPMessageBuilder.Header(kind.credentialsHeaderName, self.headerValue)
    }
}
