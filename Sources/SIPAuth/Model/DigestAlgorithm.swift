/// A digest algorithm (RFC 7616 §3.3, RFC 8760 §2): the hash function and whether HA1 is per session.
///
/// SIP uses MD5 (RFC 3261 §22.4), SHA-256 and SHA-512/256 (RFC 8760). The `-sess` variants hash the
/// client nonce into HA1 (RFC 7616 §3.4.2).
public enum DigestAlgorithm: String, Sendable, Hashable, CaseIterable, Codable {
    /// `MD5`: the default when a challenge names no algorithm (RFC 2617 §3.2.1).
    case md5 = "MD5"
    /// `MD5-sess`.
    case md5Sess = "MD5-sess"
    /// `SHA-256` (RFC 7616 §3.3, RFC 8760 §2.1).
    case sha256 = "SHA-256"
    /// `SHA-256-sess`.
    case sha256Sess = "SHA-256-sess"
    /// `SHA-512-256`: SHA-512/256 of FIPS 180-4 (RFC 7616 §3.3, RFC 8760 §2.1).
    case sha512_256 = "SHA-512-256"
    /// `SHA-512-256-sess`.
    case sha512_256Sess = "SHA-512-256-sess"

    /// The hash function underneath.
    enum HashFunction: Sendable, Hashable {
        /// MD5 (RFC 1321), through `Crypto`'s `Insecure.MD5`.
        case md5
        /// SHA-256 (FIPS 180-4), through `Crypto`.
        case sha256
        /// SHA-512/256 (FIPS 180-4 §5.3.6.2), computed by this module.
        case sha512_256
    }

    /// Parses an `algorithm` token case-insensitively (`nil` for anything else).
    public init?(token: String) {
        guard token.utf8.count <= 16 else { return nil }
        let lower = token.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
        self = match
    }

    /// Parses the `algorithm` auth-param: absent means ``md5``; an unknown token throws ``DigestError``.
    public static func parse(_ token: String?) throws(DigestError) -> DigestAlgorithm {
        guard let token else { return .md5 }
        guard let algorithm = DigestAlgorithm(token: token) else { throw .unsupportedAlgorithm(token) }
        return algorithm
    }

    /// Whether HA1 includes the nonce and client nonce (the `-sess` variants).
    public var isSession: Bool {
        switch self {
        case .md5Sess, .sha256Sess, .sha512_256Sess: true
        case .md5, .sha256, .sha512_256: false
        }
    }

    /// The token to write in a header.
    public var token: String { self.rawValue }

    /// The hash function underneath this algorithm.
    var hashFunction: HashFunction {
        switch self {
        case .md5, .md5Sess: .md5
        case .sha256, .sha256Sess: .sha256
        case .sha512_256, .sha512_256Sess: .sha512_256
        }
    }
}
