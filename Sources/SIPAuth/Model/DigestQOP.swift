/// A quality of protection (RFC 7616 §3.3): `auth`, or `auth-int`, which also hashes the message body.
///
/// The absence of a qop (RFC 2069 compatibility) is `nil` wherever a ``DigestQOP`` is optional.
public enum DigestQOP: String, Sendable, Hashable, CaseIterable, Codable {
    /// `auth`: authentication only.
    case auth = "auth"
    /// `auth-int`: authentication with integrity protection of the body.
    case authInt = "auth-int"

    /// Parses a qop token case-insensitively (`nil` for anything else).
    public init?(token: String) {
        guard token.utf8.count <= 8 else { return nil }
        let lower = token.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue == lower }) else { return nil }
        self = match
    }

    /// The token to write in a header.
    public var token: String { self.rawValue }
}
