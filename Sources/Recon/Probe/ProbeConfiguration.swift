/// Timing and bounds of active probes. Every probe is bounded in packets and time.
public struct ProbeConfiguration: Hashable, Sendable {
    /// Wait for a SIP answer to one OPTIONS (default 2 s).
    public var answerTimeout: Duration
    /// TCP connect timeout (default 2 s).
    public var connectTimeout: Duration
    /// Highest TTL tried by the IP traceroute (default 16).
    public var maximumTTL: Int
    /// Wait per TTL (default 1 s).
    public var perHopTimeout: Duration
    /// Deadline of a whole traceroute, either kind (default 12 s).
    public var traceDeadline: Duration
    /// Highest Max-Forwards tried by the SIP traceroute (default 8).
    public var maximumMaxForwards: Int
    /// Most unrelated datagrams ignored while waiting for an answer (default 16).
    public var maximumIgnoredDatagrams: Int
    /// Largest SIP answer read over TCP (default 64 KiB).
    public var maximumAnswerBytes: Int
    /// How long hop counts stay cached per host (default 1 h).
    public var hopCacheLifetime: Duration
    /// Most cached hop counts (default 4096).
    public var hopCacheEntries: Int
    /// Threads of the prober's own pool for blocking socket waits (default 4).
    public var threads: Int
    /// Longest wait for the global rate limit before a probe packet is given up as `limit` (default 3 s).
    public var rateLimitWait: Duration

    /// Creates a configuration.
    public init(
        answerTimeout: Duration = .seconds(2),
        connectTimeout: Duration = .seconds(2),
        maximumTTL: Int = 16,
        perHopTimeout: Duration = .seconds(1),
        traceDeadline: Duration = .seconds(12),
        maximumMaxForwards: Int = 8,
        maximumIgnoredDatagrams: Int = 16,
        maximumAnswerBytes: Int = 65_536,
        hopCacheLifetime: Duration = .seconds(3600),
        hopCacheEntries: Int = 4096,
        threads: Int = 4,
        rateLimitWait: Duration = .seconds(3)
    ) {
        self.answerTimeout = answerTimeout
        self.connectTimeout = connectTimeout
        self.maximumTTL = min(64, max(1, maximumTTL))
        self.perHopTimeout = perHopTimeout
        self.traceDeadline = traceDeadline
        self.maximumMaxForwards = min(70, max(0, maximumMaxForwards))
        self.maximumIgnoredDatagrams = max(0, maximumIgnoredDatagrams)
        self.maximumAnswerBytes = max(1024, maximumAnswerBytes)
        self.hopCacheLifetime = hopCacheLifetime
        self.hopCacheEntries = max(1, hopCacheEntries)
        self.threads = max(1, threads)
        self.rateLimitWait = max(.zero, rateLimitWait)
    }
}
