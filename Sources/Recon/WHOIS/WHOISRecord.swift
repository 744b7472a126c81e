/// The result of a WHOIS investigation: the fields of the last answer that had them, and the path taken.
public struct WHOISRecord: Hashable, Sendable {
    /// The servers asked, in order (`host:port`).
    public var servers: [String]
    /// The fields, merged so that later (more specific) answers win.
    public var response: WHOISResponse
    /// Whether an answer was cut at ``WHOISClientConfiguration/maximumResponseBytes``.
    public var truncated: Bool
    /// Why referral following stopped early, if it did (`loop`, `depth`, `out-of-scope`, `unreachable`).
    public var referralStop: String?

    /// Creates a record.
    public init(servers: [String], response: WHOISResponse, truncated: Bool = false, referralStop: String? = nil) {
        self.servers = servers
        self.response = response
        self.truncated = truncated
        self.referralStop = referralStop
    }
}

/// How the ``WHOISClient`` asks (RFC 3912).
public struct WHOISClientConfiguration: Sendable {
    /// The first server asked. Default `whois.iana.org`.
    public var initialServer: String
    /// The port of the first server and of referrals without one. Default 43.
    public var port: Int
    /// Time allowed for one server (connect, send, read). Default 5 s.
    public var serverTimeout: Duration
    /// The deadline of a whole lookup with its referrals. Default 15 s.
    public var deadline: Duration
    /// Most bytes read from one answer; the rest is dropped. Default 64 KiB.
    public var maximumResponseBytes: Int
    /// Most referrals followed after the first server. Default 3.
    public var maximumReferrals: Int
    /// Longest query accepted. Default 256.
    public var maximumQueryLength: Int

    /// Creates a configuration; every parameter has the default documented on its property.
    public init(
        initialServer: String = "whois.iana.org",
        port: Int = 43,
        serverTimeout: Duration = .seconds(5),
        deadline: Duration = .seconds(15),
        maximumResponseBytes: Int = 65_536,
        maximumReferrals: Int = 3,
        maximumQueryLength: Int = 256
    ) {
        self.initialServer = initialServer
        self.port = port
        self.serverTimeout = serverTimeout
        self.deadline = deadline
        self.maximumResponseBytes = maximumResponseBytes
        self.maximumReferrals = maximumReferrals
        self.maximumQueryLength = maximumQueryLength
    }
}
