public import SIPCore

/// One set of Digest credentials an attacker sent, kept so that an analyst can test password guesses offline.
///
/// The registrar persona challenges, the attacker (sipvicious `svcrack`, say) answers with a response computed
/// from a guessed password; ``matches(password:)`` tells whether a candidate is that guess. Every field is
/// attacker text and is kept raw: values are not validated, only cut to ``DigestLimits/maxFieldLength`` UTF-8
/// bytes (``truncatedParameters`` says which were cut; a cut value can no longer match). The `algorithm`,
/// `qop` and `nc` texts are hashed as sent, which is what the attacker's tool did.
public struct DigestAttempt: Sendable, Hashable, Codable {
    /// Which header the credentials came in.
    public var kind: DigestChallenge.Kind
    /// The auth scheme as sent (`Digest` unless the attacker sent something else).
    public var scheme: String
    /// `username`.
    public var username: String?
    /// `realm`.
    public var realm: String?
    /// `nonce`.
    public var nonce: String?
    /// `uri`.
    public var uri: String?
    /// The request method (from the start line; it enters HA2).
    public var method: String
    /// `response`.
    public var response: String?
    /// `algorithm` as sent (absent means MD5).
    public var algorithm: String?
    /// `cnonce`.
    public var cnonce: String?
    /// `nc` as sent.
    public var nc: String?
    /// `qop` as sent.
    public var qop: String?
    /// `opaque`.
    public var opaque: String?
    /// `H(body)` with the attempt's algorithm, when `qop` is `auth-int` and the algorithm is known.
    public var bodyHash: String?
    /// The auth-params whose values were longer than the limit and were cut.
    public var truncatedParameters: [String]

    /// Records the credentials of one Authorization or Proxy-Authorization header of a request.
    ///
    /// `body` is the request's body, hashed only for `auth-int`. Never throws, whatever the header holds.
    public init(
        _ authorization: SIPAuthorization,
        kind: DigestChallenge.Kind = .www,
        method: SIPMethod,
        body: [UInt8] = [],
        limits: DigestLimits = .default
    ) {
        var truncated: [String] = []
        func field(_ name: String) -> String? {
            guard let value = authorization.parameters[name] else { return nil }
            let (kept, cut) = AuthParams.bounded(value, limits.maxFieldLength)
            if cut { truncated.append(name) }
            return kept
        }
        self.kind = kind
        (self.scheme, _) = AuthParams.bounded(authorization.scheme, limits.maxFieldLength)
        self.username = field("username")
        self.realm = field("realm")
        self.nonce = field("nonce")
        self.uri = field("uri")
        self.response = field("response")
        self.algorithm = field("algorithm")
        self.cnonce = field("cnonce")
        self.nc = field("nc")
        self.qop = field("qop")
        self.opaque = field("opaque")
        let (methodText, methodCut) = AuthParams.bounded(method.rawValue, limits.maxFieldLength)
        self.method = methodText
        if methodCut { truncated.append("method") }
        self.truncatedParameters = truncated
        self.bodyHash = nil
        if self.qop?.lowercased() == DigestQOP.authInt.token, let algorithm = self.resolvedAlgorithm {
            self.bodyHash = DigestComputation.bodyHash(algorithm: algorithm, body: body)
        }
    }

    /// Every Authorization and Proxy-Authorization credential of `request`, in header order.
    public static func attempts(
        in request: SIPMessage,
        body: [UInt8] = [],
        limits: DigestLimits = .default
    ) -> [DigestAttempt] {
        let method = request.method ?? SIPMethod(rawValue: "")
        return request.authorization.map { DigestAttempt($0, kind: .www, method: method, body: body, limits: limits) }
            + request.proxyAuthorization.map {
                DigestAttempt($0, kind: .proxy, method: method, body: body, limits: limits)
            }
    }

    /// The algorithm, when it is one Honeyphone can compute (absent means MD5).
    public var resolvedAlgorithm: DigestAlgorithm? {
        guard let algorithm = self.algorithm else { return .md5 }
        return DigestAlgorithm(token: algorithm)
    }

    /// Whether the attempt could be checked at all: a Digest scheme, a known algorithm and qop, the values the
    /// response depends on present, and nothing cut.
    public var isTestable: Bool { self.inputs != nil }

    /// Whether the attacker computed `response` from `password`.
    public func matches(password: String) -> Bool {
        guard let inputs = self.inputs else { return false }
        let ha1 = DigestComputation.ha1(
            algorithm: inputs.algorithm,
            username: inputs.username,
            realm: inputs.realm,
            password: password
        )
        return self.check(ha1: ha1, inputs)
    }

    /// Whether the attacker's secret has this HA1 (see ``DigestComputation/ha1(algorithm:username:realm:password:)``).
    public func matches(ha1: String) -> Bool {
        guard let inputs = self.inputs else { return false }
        return self.check(ha1: ha1.lowercased(), inputs)
    }

    /// The values a response check needs, validated once.
    private struct Inputs {
        var algorithm: DigestAlgorithm
        var username: String
        var realm: String
        var nonce: String
        var uri: String
        var response: String
        var ha2: String
    }

    private func check(ha1: String, _ inputs: Inputs) -> Bool {
        let expected = DigestComputation.response(
            algorithm: inputs.algorithm,
            qopText: self.qop,
            ha1: ha1,
            nonce: inputs.nonce,
            ncText: self.nc,
            cnonce: self.cnonce,
            ha2: inputs.ha2
        )
        return DigestHash.constantTimeEquals(expected, inputs.response)
    }

    /// What the response depends on, or `nil` when the attempt cannot be checked.
    private var inputs: Inputs? {
        guard self.scheme.lowercased() == "digest", self.truncatedParameters.isEmpty,
            let algorithm = self.resolvedAlgorithm, let username = self.username, let nonce = self.nonce,
            let uri = self.uri, let response = self.response
        else { return nil }
        var qop: DigestQOP?
        if let text = self.qop {
            guard let parsed = DigestQOP(token: text) else { return nil }
            qop = parsed
        }
        let function = algorithm.hashFunction
        let ha2: String
        switch qop {
        case .authInt:
            guard let bodyHash = self.bodyHash else { return nil }
            ha2 = DigestHash.hex(function, [self.method, uri, bodyHash])
        case .auth, nil:
            ha2 = DigestHash.hex(function, [self.method, uri])
        }
        return Inputs(
            algorithm: algorithm,
            username: username,
            realm: self.realm ?? "",
            nonce: nonce,
            uri: uri,
            response: response,
            ha2: ha2
        )
    }
}
