public import NIOCore
public import NIOPosix
import Synchronization

/// An async DNS stub client over SwiftNIO: UDP with random ID and ephemeral source port, retries across
/// servers, a per-query deadline, TCP fallback on the TC bit, bounded in-flight queries and a TTL cache.
///
/// Every call returns a ``Lookup``: failures are recorded ``UnknownReason`` values, never thrown.
public final class DNSClient: Sendable {
    /// The configuration in force.
    public let configuration: DNSClientConfiguration
    let clock: ReconClock
    let transport: DNSTransport
    let limiter: ConcurrencyLimiter
    let cache: Mutex<TTLCache<DNSQuestion, Lookup<DNSAnswer>.Outcome>>

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: servers, timing and bounds.
    ///   - clock: the source of "now" for provenance and the cache.
    ///   - eventLoopGroup: where sockets live; the shared singleton by default.
    public init(
        configuration: DNSClientConfiguration = .init(),
        clock: ReconClock = .system,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.clock = clock
        self.transport = DNSTransport(
            group: eventLoopGroup,
            decoder: DNSMessageDecoder(limits: configuration.decoderLimits)
        )
        self.limiter = ConcurrencyLimiter(
            maximumRunning: configuration.maximumInFlight,
            maximumWaiting: configuration.maximumWaiting
        )
        self.cache = Mutex(TTLCache(maximumEntries: configuration.cacheEntries))
    }

    /// A client configured from the system's resolv.conf (servers, `timeout`, `attempts`).
    public static func system(
        resolvConfPath: String = ResolvConf.defaultPath,
        clock: ReconClock = .system
    ) async -> DNSClient {
        DNSClient(
            configuration: DNSClientConfiguration(resolvConf: await ResolvConf.load(path: resolvConfPath)),
            clock: clock
        )
    }

    var sourceDescription: LookupSource {
        LookupSource(kind: "dns", server: self.configuration.servers.map(\.description).joined(separator: ","))
    }

    /// Asks for records of `type` at `name`.
    public func query(_ name: DNSName, type: DNSRecordType) async -> Lookup<DNSAnswer> {
        let question = DNSQuestion(name: name, type: type)
        let startedAt = self.clock.now()
        let cached = self.cache.withLock { $0.lookup(question, now: startedAt) }
        if let cached {
            let provenance = LookupProvenance(
                source: self.sourceDescription,
                startedAt: startedAt,
                duration: .zero,
                fromCache: true
            )
            return Lookup(cached.value, provenance: provenance)
        }
        let (outcome, server) = await self.resolve(question)
        let provenance = LookupProvenance(
            source: LookupSource(kind: "dns", server: server),
            startedAt: startedAt,
            duration: startedAt.duration(to: self.clock.now()),
            fromCache: false
        )
        if let ttl = self.cacheLifetime(of: outcome) {
            self.cache.withLock { $0.insert(outcome, for: question, timeToLive: ttl, now: startedAt) }
        }
        return Lookup(outcome, provenance: provenance)
    }

    /// Asks for records of `type` at a host name given as text, validating it first.
    public func query(host: String, type: DNSRecordType) async -> Lookup<DNSAnswer> {
        do throws(DNSError) {
            let name = try DNSName(validating: host, limits: self.configuration.hostNameLimits)
            return await self.query(name, type: type)
        } catch {
            return self.rejected(.invalidInput(error.message))
        }
    }

    func rejected<Value>(_ reason: UnknownReason) -> Lookup<Value> {
        Lookup(
            .unknown(reason),
            provenance: LookupProvenance(
                source: self.sourceDescription,
                startedAt: self.clock.now(),
                duration: .zero,
                fromCache: false
            )
        )
    }

    private func cacheLifetime(of outcome: Lookup<DNSAnswer>.Outcome) -> Duration? {
        switch outcome {
        case .known(let answer):
            let ttl = answer.records.map(\.ttl).min() ?? 0
            return min(.seconds(Int64(ttl)), self.configuration.maximumCacheTTL)
        case .unknown(let reason):
            switch reason.code {
            case "nxdomain", "no-data", "server-failure": return self.configuration.negativeCacheTTL
            default: return nil
            }
        }
    }

    private func resolve(_ question: DNSQuestion) async -> (Lookup<DNSAnswer>.Outcome, String) {
        let servers = self.configuration.servers
        guard !servers.isEmpty else { return (.unknown(.io("no DNS server configured")), "none") }
        guard await self.limiter.acquire() else {
            return (.unknown(.limit("too many DNS queries waiting")), self.sourceDescription.server)
        }
        defer { self.limiter.release() }
        let monotonic = ContinuousClock()
        let deadline = monotonic.now.advanced(by: self.configuration.queryDeadline)
        var lastReason = UnknownReason.timeout("no answer within \(self.configuration.queryDeadline)")
        var lastServer = servers[0].description
        for attempt in 0..<self.configuration.attempts {
            let remaining = monotonic.now.duration(to: deadline)
            guard remaining > .zero else { break }
            let server = servers[attempt % servers.count]
            lastServer = server.description
            guard let address = try? SocketAddress(ipAddress: server.address.description, port: server.port) else {
                lastReason = .io("bad server address \(server)")
                continue
            }
            let timeout = min(self.configuration.attemptTimeout, remaining).timeAmount
            let id = UInt16.random(in: UInt16.min...UInt16.max)
            let query = DNSMessageEncoder.encodeQuery(id: id, question: question)
            do throws(DNSTransport.Failure) {
                var message = try await self.transport.exchangeUDP(
                    query: query,
                    id: id,
                    question: question,
                    server: address,
                    timeout: timeout
                )
                var viaTCP = false
                if message.flags.isTruncated, self.configuration.tcpFallback {
                    let left = monotonic.now.duration(to: deadline)
                    guard left > .zero else { break }
                    message = try await self.transport.exchangeTCP(
                        query: query,
                        id: id,
                        question: question,
                        server: address,
                        timeout: left.timeAmount
                    )
                    viaTCP = true
                }
                return (DNSAnswer.outcome(of: message, question: question, viaTCP: viaTCP), lastServer)
            } catch {
                switch error {
                case .timeout: lastReason = .timeout("no answer from \(server) within \(timeout)")
                case .io(let detail): lastReason = .io("\(server): \(detail)")
                case .malformed(let dnsError): lastReason = .malformed("\(server): \(dnsError)")
                }
            }
        }
        return (.unknown(lastReason), lastServer)
    }
}
