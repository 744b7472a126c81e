public import SIPCore

/// Answers Digest challenges for the registration client (RFC 3261 §22.2–§22.3, RFC 7616 §3.4).
///
/// A value type that remembers, per realm, the last nonce and how many requests used it: answering the same
/// nonce again counts up `nc` (`00000001`, `00000002`, …), a new nonce or `stale=TRUE` starts again at 1
/// (RFC 7616 §3.4, §3.3). It picks `qop=auth` when offered, else `auth-int` when that is all that is offered,
/// else no qop (RFC 2069 compatibility). The client nonce comes from an injected source, so tests are
/// deterministic; the default draws 128 bits from `SystemRandomNumberGenerator`.
///
/// It does no IO and keeps no clock: the registration state machine holds it and calls
/// ``credentials(for:username:password:method:uri:body:)`` when a 401 or 407 arrives and for later requests
/// that reuse the nonce.
public struct DigestClient: Sendable {
    /// The nonce and count in use for one realm.
    private struct NonceState: Sendable, Hashable {
        /// The latest nonce of the realm.
        var nonce: String
        /// The last `nc` sent with it.
        var count: UInt32
        /// Whether the count was started by a `stale` challenge for this nonce.
        var answeredStale: Bool
    }

    private var states: [String: NonceState] = [:]
    private let makeCnonce: @Sendable () -> String
    private let limits: DigestLimits

    /// A client whose client nonces come from `cnonce` (called once per answer).
    public init(limits: DigestLimits = .default, cnonce: @escaping @Sendable () -> String) {
        self.limits = limits
        self.makeCnonce = cnonce
    }

    /// A client whose client nonces are 32 hex digits (128 bits) from `SystemRandomNumberGenerator`.
    public init(limits: DigestLimits = .default) {
        self.init(limits: limits) {
            var generator = SystemRandomNumberGenerator()
            return Self.hexCnonce(using: &generator)
        }
    }

    /// 32 hex digits (128 bits) drawn from `generator`.
    public static func hexCnonce(using generator: inout some RandomNumberGenerator) -> String {
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return DigestHash.lowercaseHex(
            (0..<16).map { UInt8(truncatingIfNeeded: ($0 < 8 ? high : low) >> ((7 - $0 % 8) * 8)) }
        )
    }

    /// The `nc` the next answer to this realm and nonce would carry.
    public func nextNonceCount(for challenge: DigestChallenge) -> DigestNonceCount {
        guard let state = self.states[challenge.realm], state.nonce == challenge.nonce,
            !challenge.stale || state.answeredStale
        else { return DigestNonceCount(1) }
        return DigestNonceCount(state.count &+ 1)
    }

    /// Credentials answering `challenge` for a request with this method, Request-URI and body.
    ///
    /// Put them in the request with ``DigestCredentials/header(for:)`` and `challenge.kind`.
    public mutating func credentials(
        for challenge: DigestChallenge,
        username: String,
        password: String,
        method: SIPMethod,
        uri: String,
        body: [UInt8] = []
    ) throws(DigestError) -> DigestCredentials {
        let qop: DigestQOP? =
            if challenge.qopOptions.contains(.auth) {
                .auth
            } else if challenge.qopOptions.contains(.authInt) {
                .authInt
            } else if challenge.qopOptions.isEmpty {
                nil
            } else {
                throw DigestError.unsupportedQOP(challenge.qopOptions.map(\.token).joined(separator: ","))
            }
        let needsCnonce = qop != nil || challenge.algorithm.isSession
        let cnonce = needsCnonce ? self.makeCnonce() : nil
        let nonceCount: DigestNonceCount? = qop == nil ? nil : self.count(realm: challenge.realm, challenge: challenge)
        let response = DigestComputation.response(
            algorithm: challenge.algorithm,
            qop: qop,
            username: username,
            realm: challenge.realm,
            password: password,
            method: method,
            uri: uri,
            nonce: challenge.nonce,
            cnonce: cnonce,
            nc: nonceCount,
            body: body
        )
        return DigestCredentials(
            username: username,
            realm: challenge.realm,
            nonce: challenge.nonce,
            uri: uri,
            response: response,
            algorithm: challenge.algorithm,
            cnonce: cnonce,
            nonceCount: nonceCount,
            qop: qop,
            opaque: challenge.opaque
        )
    }

    /// Forgets the nonce of `realm` (after a final failure, or when the registrar is changed).
    public mutating func reset(realm: String) {
        self.states[realm] = nil
    }

    /// Counts one more use of the challenge's nonce: 1 for a new nonce, and 1 the first time a `stale`
    /// challenge is answered (answering that same stale challenge again counts on).
    private mutating func count(realm: String, challenge: DigestChallenge) -> DigestNonceCount {
        var next: UInt32 = 1
        if let state = self.states[realm], state.nonce == challenge.nonce, !challenge.stale || state.answeredStale {
            next = state.count &+ 1
        }
        if self.states[realm] == nil, self.states.count >= self.limits.maxNonceStates { self.states.removeAll() }
        self.states[realm] = NonceState(nonce: challenge.nonce, count: next, answeredStale: challenge.stale)
        return DigestNonceCount(next)
    }
}
