public import Agent

/// The URIs the honeypot answers for (``HoneyphoneEnvironment/accounts``), for the `To` evidence.
public struct OurURIs: Sendable, Hashable {
    /// `user@domain` pairs, the domain lower-cased (user parts are case-sensitive, RFC 3261 §19.1.4).
    public var accounts: Set<Pair>

    /// One user at one domain.
    public struct Pair: Sendable, Hashable {
        /// The user part, as configured.
        public var user: String
        /// The domain, lower-cased.
        public var domain: String

        /// Creates a pair.
        public init(user: String, domain: String) {
            self.user = user
            self.domain = domain.lowercased()
        }
    }

    /// The URIs of `environment`.
    public init(environment: HoneyphoneEnvironment) {
        self.accounts = Set(environment.accounts.map { Pair(user: $0.user, domain: $0.domain) })
    }

    /// The given pairs.
    public init(_ accounts: [Pair]) {
        self.accounts = Set(accounts)
    }

    /// Whether `user` at `host` is ours: the user is one of ours and the host is that account's domain or an IP
    /// literal (a caller that reaches us by address, as scanners and misrouted calls do). `nil` without a user
    /// or without any configured account: nothing can be said.
    public func contains(user: String?, host: String?) -> Bool? {
        guard let user, !self.accounts.isEmpty else { return nil }
        let host = host?.lowercased() ?? ""
        let isLiteral = !host.isEmpty && (host.first == "[" || host.allSatisfy { $0.isNumber || $0 == "." })
        return self.accounts.contains { $0.user == user && ($0.domain == host || isLiteral) }
    }
}
