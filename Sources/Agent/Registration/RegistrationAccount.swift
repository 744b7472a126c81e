public import NIOCore
public import SIPTransport

/// One SIP URI (AOR) the honeypot registers at the domain's registrar (the paper's section IV).
public struct RegistrationAccount: Sendable, Hashable {
    /// The address of record, `sip:user@domain`.
    public var aor: String
    /// The user part (also the Contact's user).
    public var user: String
    /// The domain (the REGISTER's Request-URI is `sip:domain`).
    public var domain: String
    /// Digest credentials.
    public var authUsername: String
    public var password: String
    /// The expiry asked for, in seconds.
    public var expires: Int
    /// How the URI presents itself.
    public var persona: Persona
    /// The transport of the registration.
    public var transport: SIPTransportKind
    /// Where REGISTER requests are sent: the outbound proxy if one is set, else the registrar.
    public var destination: SocketAddress

    /// An account.
    public init(
        aor: String,
        user: String,
        domain: String,
        authUsername: String,
        password: String,
        expires: Int,
        persona: Persona,
        transport: SIPTransportKind,
        destination: SocketAddress
    ) {
        self.aor = aor
        self.user = user
        self.domain = domain
        self.authUsername = authUsername
        self.password = password
        self.expires = expires
        self.persona = persona
        self.transport = transport
        self.destination = destination
    }
}

/// What `honeyphone status` shows of a registration.
public struct RegistrationStatus: Sendable, Hashable, Codable {
    /// The AOR.
    public var aor: String
    /// `unregistered`, `registering`, `registered`, `retrying`, `unregistering`, `stopped`.
    public var state: String
    /// The expiry the registrar granted, when registered.
    public var grantedExpires: Int?
    /// The last final status received, if any.
    public var lastStatus: Int?
    /// Consecutive failures.
    public var failures: Int
    /// Seconds until the next attempt or refresh, when one is scheduled.
    public var nextAttemptIn: Double?
}
