/// Bounds on the digest values Honeyphone reads, so that hostile headers cost little (RFC 3261 §22, RFC 7616 §5).
///
/// Every value in a challenge or a credential comes from the wire. Parsing a ``DigestChallenge`` or
/// ``DigestCredentials`` rejects a longer value with a ``DigestError``; a ``DigestAttempt`` keeps the first
/// ``maxFieldLength`` bytes and records that it cut the value.
public struct DigestLimits: Sendable, Hashable {
    /// The longest value of one auth-param, in UTF-8 bytes (RFC 7616 sets no bound; real nonces are < 100 bytes).
    public var maxFieldLength: Int
    /// The most tokens read from a challenge's `qop` list (RFC 7616 §3.3 defines two).
    public var maxQOPOptions: Int
    /// The most URIs read from a challenge's `domain` list (RFC 7616 §3.3).
    public var maxDomainURIs: Int
    /// The most `(realm, nonce)` entries a ``DigestClient`` remembers (RFC 7616 §3.4: one per protection space).
    public var maxNonceStates: Int

    /// Creates limits.
    public init(
        maxFieldLength: Int = 1024,
        maxQOPOptions: Int = 8,
        maxDomainURIs: Int = 16,
        maxNonceStates: Int = 64
    ) {
        self.maxFieldLength = maxFieldLength
        self.maxQOPOptions = maxQOPOptions
        self.maxDomainURIs = maxDomainURIs
        self.maxNonceStates = maxNonceStates
    }

    /// 1 KiB per value, 8 qop tokens, 16 domain URIs, 64 remembered nonces.
    public static let `default` = DigestLimits()
}
