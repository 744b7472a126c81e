public import NIOCore
public import NIOPosix
import SIPCore
import Synchronization

/// Active probes towards sources: SIP OPTIONS over UDP and TCP, TCP connects, RTP port checks, and hop
/// counts by IP TTL and by SIP Max-Forwards.
///
/// Every probe first passes the shared ``ProbeGuard`` (scope, then the global packet rate limit) and
/// is bounded by ``ProbeConfiguration``. UDP work uses plain POSIX sockets (for `IP_TTL` and the ICMP
/// error queue) on the prober's own thread pool; TCP uses SwiftNIO. Results are ``Lookup`` values.
public final class SIPProber: Sendable {
    /// The configuration in force.
    public let configuration: ProbeConfiguration
    /// The gate in front of every packet.
    public let probeGuard: ProbeGuard
    let clock: ReconClock
    let group: any EventLoopGroup
    let pool: NIOThreadPool
    let hopCache: Mutex<TTLCache<String, HopCount>>

    /// Creates a prober and starts its thread pool; call ``shutdown()`` when done.
    public init(
        configuration: ProbeConfiguration = .init(),
        probeGuard: ProbeGuard,
        clock: ReconClock = .system,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.probeGuard = probeGuard
        self.clock = clock
        self.group = eventLoopGroup
        self.pool = NIOThreadPool(numberOfThreads: configuration.threads)
        self.pool.start()
        self.hopCache = Mutex(TTLCache(maximumEntries: configuration.hopCacheEntries))
    }

    /// Stops the thread pool.
    public func shutdown() async {
        try? await self.pool.shutdownGracefully()
    }

    func provenance(_ kind: String, _ address: IPAddress, _ port: Int, _ started: ReconInstant) -> LookupProvenance {
        LookupProvenance(
            source: LookupSource(kind: kind, server: "\(SIPProbeRequest.hostText(address)):\(port)"),
            startedAt: started,
            duration: started.duration(to: self.clock.now()),
            fromCache: false
        )
    }

    /// Sends one OPTIONS over UDP and waits for the answer.
    public func optionsOverUDP(
        to address: IPAddress,
        port: Int,
        maxForwards: Int = 70
    ) async -> Lookup<SIPProbeResponse> {
        let started = self.clock.now()
        if let denial = await self.probeGuard.authorize(address, waitingAtMost: self.configuration.rateLimitWait) {
            return Lookup(.unknown(denial), provenance: self.provenance("sip-udp", address, port, started))
        }
        let result = await self.udpExchange(
            address: address,
            port: port,
            hopLimit: nil,
            maxForwards: maxForwards,
            timeout: self.configuration.answerTimeout
        )
        let outcome: Lookup<SIPProbeResponse>.Outcome
        switch result {
        case .response(let response): outcome = .known(response)
        case .icmp(.portUnreachable, _): outcome = .unknown(.refused("ICMP port unreachable"))
        case .icmp(let kind, _): outcome = .unknown(.io("ICMP \(kind)"))
        case .timeout: outcome = .unknown(.timeout("no SIP answer within \(self.configuration.answerTimeout)"))
        case .failure(let detail): outcome = .unknown(.io(detail))
        }
        return Lookup(outcome, provenance: self.provenance("sip-udp", address, port, started))
    }

    /// Opens a TCP connection and closes it.
    public func tcpConnect(to address: IPAddress, port: Int) async -> Lookup<PortStatus> {
        let started = self.clock.now()
        if let denial = await self.probeGuard.authorize(address, waitingAtMost: self.configuration.rateLimitWait) {
            return Lookup(.unknown(denial), provenance: self.provenance("tcp-connect", address, port, started))
        }
        let status: PortStatus
        switch await self.connectTCP(address: address, port: port) {
        case .success(let channel):
            try? await channel.channel.close()
            status = PortStatus(state: .open, port: port, evidence: "tcp-connect")
        case .failure(let failure):
            let refused = failure.reason.code == "refused"
            status = PortStatus(
                state: refused ? .closed : .noAnswer,
                port: port,
                evidence: refused ? "tcp-refused" : "tcp-\(failure.reason.code)"
            )
        }
        return Lookup(.known(status), provenance: self.provenance("tcp-connect", address, port, started))
    }
}
