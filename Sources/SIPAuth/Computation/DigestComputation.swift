public import SIPCore

/// The digest computations of RFC 2617 §3.2.2 and RFC 7616 §3.4, with RFC 3261 §22.4's use of them.
///
/// ```
/// HA1      = H(username ":" realm ":" password)                      (MD5, SHA-256, SHA-512-256)
/// HA1-sess = H(HA1 ":" nonce ":" cnonce)                             (the -sess variants)
/// HA2      = H(method ":" uri)                                       (qop absent or auth)
/// HA2      = H(method ":" uri ":" H(body))                           (qop auth-int)
/// response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)      (qop present)
/// response = H(HA1 ":" nonce ":" HA2)                                (qop absent, RFC 2069)
/// ```
///
/// Every result is lowercase hex. A registrar can store ``ha1(algorithm:username:realm:password:)`` instead
/// of passwords and verify with ``verify(credentials:ha1:method:body:)``.
public enum DigestComputation {
    /// `H(username ":" realm ":" password)`: the stored secret, independent of any nonce.
    public static func ha1(algorithm: DigestAlgorithm, username: String, realm: String, password: String) -> String {
        DigestHash.hex(algorithm.hashFunction, [username, realm, password])
    }

    /// The HA1 that enters the response: `ha1` itself, or `H(ha1 ":" nonce ":" cnonce)` for a `-sess` algorithm.
    public static func sessionHA1(algorithm: DigestAlgorithm, ha1: String, nonce: String, cnonce: String?) -> String {
        guard algorithm.isSession else { return ha1 }
        return DigestHash.hex(algorithm.hashFunction, [ha1, nonce, cnonce ?? ""])
    }

    /// `H(body)`, the body hash that `auth-int` puts in HA2 (an empty body hashes the empty string).
    public static func bodyHash(algorithm: DigestAlgorithm, body: [UInt8]) -> String {
        DigestHash.hex(algorithm.hashFunction, bytes: body)
    }

    /// HA2: `H(method ":" uri)`, or `H(method ":" uri ":" H(body))` for `auth-int`.
    public static func ha2(
        algorithm: DigestAlgorithm,
        qop: DigestQOP?,
        method: SIPMethod,
        uri: String,
        body: [UInt8] = []
    ) -> String {
        switch qop {
        case .authInt:
            let bodyHash = Self.bodyHash(algorithm: algorithm, body: body)
            return DigestHash.hex(algorithm.hashFunction, [method.rawValue, uri, bodyHash])
        case .auth, nil:
            return DigestHash.hex(algorithm.hashFunction, [method.rawValue, uri])
        }
    }

    /// The `response` auth-param for a password.
    ///
    /// `cnonce` and `nc` are used only when `qop` is present (and `cnonce` for a `-sess` algorithm); an absent
    /// one counts as empty.
    public static func response(
        algorithm: DigestAlgorithm,
        qop: DigestQOP?,
        username: String,
        realm: String,
        password: String,
        method: SIPMethod,
        uri: String,
        nonce: String,
        cnonce: String?,
        nc: DigestNonceCount?,
        body: [UInt8] = []
    ) -> String {
        let ha1 = Self.ha1(algorithm: algorithm, username: username, realm: realm, password: password)
        return Self.response(
            algorithm: algorithm,
            qop: qop,
            ha1: ha1,
            method: method,
            uri: uri,
            nonce: nonce,
            cnonce: cnonce,
            nc: nc,
            body: body
        )
    }

    /// The `response` auth-param for a stored HA1 (see ``ha1(algorithm:username:realm:password:)``).
    public static func response(
        algorithm: DigestAlgorithm,
        qop: DigestQOP?,
        ha1: String,
        method: SIPMethod,
        uri: String,
        nonce: String,
        cnonce: String?,
        nc: DigestNonceCount?,
        body: [UInt8] = []
    ) -> String {
        let ha2 = Self.ha2(algorithm: algorithm, qop: qop, method: method, uri: uri, body: body)
        return Self.response(
            algorithm: algorithm,
            qopText: qop?.token,
            ha1: ha1,
            nonce: nonce,
            ncText: nc?.text,
            cnonce: cnonce,
            ha2: ha2
        )
    }

    /// Whether `credentials` were computed from `password` for a request with this method and body.
    ///
    /// The comparison takes the same time wherever the responses differ. The URI is the one in the credentials
    /// (RFC 3261 §22.4: the server should also check that it names the Request-URI).
    public static func verify(
        credentials: DigestCredentials,
        password: String,
        method: SIPMethod,
        body: [UInt8] = []
    ) -> Bool {
        let ha1 = Self.ha1(
            algorithm: credentials.algorithm,
            username: credentials.username,
            realm: credentials.realm,
            password: password
        )
        return Self.verify(credentials: credentials, ha1: ha1, method: method, body: body)
    }

    /// Whether `credentials` were computed from the secret whose HA1 is `ha1`.
    public static func verify(
        credentials: DigestCredentials,
        ha1: String,
        method: SIPMethod,
        body: [UInt8] = []
    ) -> Bool {
        let expected = Self.response(
            algorithm: credentials.algorithm,
            qop: credentials.qop,
            ha1: ha1.lowercased(),
            method: method,
            uri: credentials.uri,
            nonce: credentials.nonce,
            cnonce: credentials.cnonce,
            nc: credentials.nonceCount,
            body: body
        )
        return DigestHash.constantTimeEquals(expected, credentials.response)
    }

    /// The response from HA1 and HA2, with `qop` and `nc` as text so that recorded attempts hash what was sent.
    static func response(
        algorithm: DigestAlgorithm,
        qopText: String?,
        ha1: String,
        nonce: String,
        ncText: String?,
        cnonce: String?,
        ha2: String
    ) -> String {
        let sessionHA1 = Self.sessionHA1(algorithm: algorithm, ha1: ha1, nonce: nonce, cnonce: cnonce)
        guard let qopText else { return DigestHash.hex(algorithm.hashFunction, [sessionHA1, nonce, ha2]) }
        return DigestHash.hex(
            algorithm.hashFunction,
            [sessionHA1, nonce, ncText ?? "", cnonce ?? "", qopText, ha2]
        )
    }
}
