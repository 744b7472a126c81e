public import SIPCore

/// An E.164 number found in a message (From, To, P-Asserted-Identity), investigated with ENUM (RFC 6116).
///
/// Only global numbers are taken: a `tel:` URI or a SIP user part that starts with `+` followed by digits
/// and visual separators (RFC 3966 §5.1.4). Local numbers (no country code) have no ENUM domain.
public struct TelephoneNumber: Hashable, Sendable {
    /// Where a number was found.
    public enum Role: String, Hashable, Sendable, CaseIterable, Comparable {
        /// The From URI.
        case from
        /// The To URI.
        case to
        /// A P-Asserted-Identity URI.
        case assertedIdentity = "asserted-identity"

        private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
    }

    /// The application unique string (`+` and 1–15 digits).
    public var number: String
    /// Where it was found, in order.
    public var roles: [Role]

    /// Creates a number.
    public init(number: String, roles: [Role]) {
        self.number = number
        self.roles = roles
    }

    /// The global numbers of `message`, at most `limit`, each once with all its roles.
    public static func numbers(in message: SIPMessage, limit: Int = 4) -> [TelephoneNumber] {
        var found: [TelephoneNumber] = []
        func add(_ uri: SIPURI?, _ role: Role) {
            guard let uri, let user = uri.user, user.hasPrefix("+"), user.utf8.count <= 64 else { return }
            switch uri.scheme {
            case .sip, .sips, .tel: break
            case .other: return
            }
            // RFC 3966 parameters after ';' in a tel number or a user part (`+33...;phone-context=`) are cut.
            let digits = user.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard let number = ENUM.applicationUniqueString(digits) else { return }
            if let index = found.firstIndex(where: { $0.number == number }) {
                if !found[index].roles.contains(role) { found[index].roles.append(role) }
            } else if found.count < limit {
                found.append(TelephoneNumber(number: number, roles: [role]))
            }
        }
        add(message.from?.uri, .from)
        add(message.to?.uri, .to)
        for identity in message.assertedIdentities.prefix(limit) { add(identity.uri, .assertedIdentity) }
        return found
    }
}

/// The ENUM result of one number of the message.
public struct NumberReport: Sendable {
    /// The number and its roles.
    public var number: TelephoneNumber
    /// The SIP URIs its ENUM records give.
    public var enumEntries: Lookup<[ENUMEntry]>
}
