import NIOCore

/// How the ``DNSClient`` queries: servers, timing, bounds and caching.
public struct DNSClientConfiguration: Sendable {
    /// A server to ask.
    public struct Server: Hashable, Sendable, CustomStringConvertible {
        /// The server's address.
        public var address: IPAddress
        /// The server's port (UDP and TCP). Default 53.
        public var port: Int

        /// Creates a server entry.
        public init(address: IPAddress, port: Int = 53) {
            self.address = address
            self.port = port
        }

        public var description: String {
            self.address.isIPv4 ? "\(self.address):\(self.port)" : "[\(self.address)]:\(self.port)"
        }
    }

    /// Servers tried in order, each attempt moving to the next. Default: 127.0.0.1:53.
    public var servers: [Server]
    /// Time allowed for one UDP or TCP attempt. Default 2 s.
    public var attemptTimeout: Duration
    /// Attempts per query over all servers (UDP; a truncated answer's TCP retry does not count). Default 2.
    public var attempts: Int
    /// The overall deadline of one query including retries and the TCP fallback. Default 5 s.
    public var queryDeadline: Duration
    /// Retry over TCP when a UDP answer has the TC bit. Default true.
    public var tcpFallback: Bool
    /// Most queries on the network at once; more wait. Default 32.
    public var maximumInFlight: Int
    /// Most queries waiting for a slot; beyond it a query is `unknown(limit)` at once. Default 1024.
    public var maximumWaiting: Int
    /// Most cached answers (positive and negative). Default 4096.
    public var cacheEntries: Int
    /// The longest a positive answer is cached, whatever its TTL. Default 1 h.
    public var maximumCacheTTL: Duration
    /// How long NXDOMAIN, no-data and server errors (SERVFAIL, REFUSED) are cached; timeouts are not. Default 60 s.
    public var negativeCacheTTL: Duration
    /// The decoder's limits.
    public var decoderLimits: DNSDecoderLimits
    /// The host-name gate used by the helpers that take text.
    public var hostNameLimits: HostNameLimits

    /// Creates a configuration; every parameter has the default documented on its property.
    public init(
        servers: [Server] = [Server(address: .v4(127, 0, 0, 1))],
        attemptTimeout: Duration = .seconds(2),
        attempts: Int = 2,
        queryDeadline: Duration = .seconds(5),
        tcpFallback: Bool = true,
        maximumInFlight: Int = 32,
        maximumWaiting: Int = 1024,
        cacheEntries: Int = 4096,
        maximumCacheTTL: Duration = .seconds(3600),
        negativeCacheTTL: Duration = .seconds(60),
        decoderLimits: DNSDecoderLimits = .init(),
        hostNameLimits: HostNameLimits = .init()
    ) {
        self.servers = servers
        self.attemptTimeout = attemptTimeout
        self.attempts = max(1, attempts)
        self.queryDeadline = queryDeadline
        self.tcpFallback = tcpFallback
        self.maximumInFlight = max(1, maximumInFlight)
        self.maximumWaiting = max(0, maximumWaiting)
        self.cacheEntries = cacheEntries
        self.maximumCacheTTL = maximumCacheTTL
        self.negativeCacheTTL = negativeCacheTTL
        self.decoderLimits = decoderLimits
        self.hostNameLimits = hostNameLimits
    }

    /// A configuration from a parsed resolv.conf: its servers (port 53), `timeout` and `attempts`;
    /// 127.0.0.1 when it names none.
    public init(resolvConf: ResolvConf) {
        self.init()
        if !resolvConf.nameservers.isEmpty {
            self.servers = resolvConf.nameservers.map { Server(address: $0) }
        }
        if let timeout = resolvConf.timeoutSeconds { self.attemptTimeout = .seconds(timeout) }
        if let attempts = resolvConf.attempts { self.attempts = attempts }
    }
}

extension Duration {
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = self.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
