import Recon
import ReconTestSupport
import SIPCore
import Testing

@Suite(.timeLimit(.minutes(1))) struct SIPProberTests {
    static let loopback = IPAddress("127.0.0.1")!

    /// A prober for loopback tests. `patient` gives answers that do come (a fake peer on loopback) room on a
    /// loaded machine: it changes nothing when the peer answers at once, and tests of silence keep the short times.
    static func makeProber(scope: ScopePolicy = .loopbackOnly, burst: Int = 100, patient: Bool = false) -> SIPProber {
        let configuration = ProbeConfiguration(
            answerTimeout: .milliseconds(patient ? 3_000 : 500),
            connectTimeout: .milliseconds(500),
            maximumTTL: 4,
            perHopTimeout: .milliseconds(patient ? 3_000 : 400),
            traceDeadline: .seconds(patient ? 15 : 3),
            maximumMaxForwards: 4,
            threads: 2
        )
        return SIPProber(
            configuration: configuration,
            probeGuard: ProbeGuard(scope: scope, packetsPerSecond: burst == 1 ? 0 : 100, burst: burst)
        )
    }

    @Test func optionsOverUDPAndTCPGetTheAnswer() async throws {
        let responder = try await FakeSIPResponder.start(status: "404 Not Found")
        let prober = Self.makeProber()
        let udp = await prober.optionsOverUDP(to: Self.loopback, port: responder.port)
        #expect(udp.value?.statusCode == 404)
        #expect(udp.value?.transport == .udp)
        #expect(udp.provenance.source.kind == "sip-udp")
        let tcp = await prober.optionsOverTCP(to: Self.loopback, port: responder.port)
        #expect(tcp.value?.statusCode == 404)
        #expect(tcp.value?.transport == .tcp)
        #expect(responder.requestsReceived == 2)
        await responder.stop()
        await prober.shutdown()
    }

    @Test func theProbeHasTheDocumentedHonestShape() throws {
        let request = SIPProbeRequest(local: Self.loopback)
        let bytes = request.bytes(
            target: IPAddress("::1")!,
            port: 5060,
            transport: .udp,
            local: Self.loopback,
            localPort: 4000
        )
        let message = try SIPMessageParser.parseDatagram(bytes)
        #expect(message.method == .options)
        #expect(message.userAgent == SIPProbeRequest.userAgent)
        #expect(message.requestURIText == "sip:[::1]:5060")
        #expect(message.callID == request.callID)
        #expect(message.topVia?.branch?.hasPrefix("z9hG4bK-hpr-") == true)
        #expect(message.anomalies.isEmpty)
    }

    @Test func portChecksTellOpenFromClosed() async throws {
        let responder = try await FakeSIPResponder.start()
        let unused = try await LoopbackPorts.unused()
        let prober = Self.makeProber()
        #expect(await prober.sipPortStatus(of: Self.loopback, port: responder.port).value?.state == .open)
        let closed = await prober.sipPortStatus(of: Self.loopback, port: unused).value
        #expect(closed?.state == .closed)
        #expect(await prober.tcpConnect(to: Self.loopback, port: responder.port).value?.state == .open)
        #expect(await prober.tcpConnect(to: Self.loopback, port: unused).value?.state == .closed)
        await responder.stop()
        await prober.shutdown()
    }

    @Test func rtpPortIsUnverifiableUnlessItAnswersOrRefuses() async throws {
        let silent = try await FakeSIPResponder.start(silent: true)
        let unused = try await LoopbackPorts.unused()
        let prober = Self.makeProber()
        #expect(await prober.rtpPortStatus(of: Self.loopback, port: silent.port).value?.state == .unverifiable)
        #expect(await prober.rtpPortStatus(of: Self.loopback, port: unused).value?.state == .closed)
        await silent.stop()
        await prober.shutdown()
    }

    @Test func activeFingerprintMatchesServerShape() async throws {
        let responder = try await FakeSIPResponder.start(
            extraHeaders: ["Server: Asterisk PBX 16.28.0", "Allow: INVITE, ACK"],
            toTag: "as1d07559a"
        )
        let prober = Self.makeProber()
        let matches = await prober.activeFingerprint(
            of: Self.loopback,
            port: responder.port,
            database: FingerprintDatabase()
        )
        #expect(matches.value?.first?.identifier == "asterisk-chan-sip")
        #expect(matches.value?.first?.features.contains("to-tag") == true)
        await responder.stop()
        await prober.shutdown()
    }

    @Test func loopbackIsOneHopByTTLAndCached() async throws {
        let responder = try await FakeSIPResponder.start()
        let unused = try await LoopbackPorts.unused()
        let prober = Self.makeProber()
        let answered = await prober.hopCountByTTL(to: Self.loopback, port: responder.port)
        #expect(answered.value?.hops == 1)
        #expect(answered.value?.reachedBy == "sip-response")
        let again = await prober.hopCountByTTL(to: Self.loopback, port: responder.port)
        #expect(again.provenance.fromCache)
        #expect(responder.requestsReceived == 1)
        let refused = await prober.hopCountByTTL(to: Self.loopback, port: unused)
        #expect(refused.value?.hops == 1)
        #expect(refused.value?.reachedBy == "icmp-port-unreachable")
        await responder.stop()
        await prober.shutdown()
    }

    @Test(arguments: [0, 2, 3])
    func maxForwardsTracerouteCounts483(proxies: Int) async throws {
        let responder = try await FakeSIPResponder.start(proxyDepth: proxies)
        let prober = Self.makeProber(patient: true)
        let count = await prober.hopCountByMaxForwards(to: Self.loopback, port: responder.port)
        #expect(count.value?.hops == proxies)
        #expect(count.value?.method == .sipMaxForwards)
        #expect(count.value?.path.count == proxies + 1)
        await responder.stop()
        await prober.shutdown()
    }

    @Test func maxForwardsTracerouteThroughANextHopNamesTheTargetInTheRequestURI() async throws {
        // The responder plays the next hop: two proxies behind it before the target answers.
        let proxy = try await FakeSIPResponder.start(proxyDepth: 2)
        let prober = Self.makeProber(patient: true)
        let target = IPAddress("127.0.0.9")!
        let count = await prober.hopCountByMaxForwards(to: target, port: 5062, via: (Self.loopback, proxy.port))
        #expect(count.value?.hops == 2)
        #expect(proxy.requestLines.count == 3)
        #expect(proxy.requestLines.allSatisfy { $0 == "OPTIONS sip:127.0.0.9:5062 SIP/2.0" })
        await proxy.stop()
        await prober.shutdown()
    }

    @Test func waitingForTheRateLimitDelaysInsteadOfRefusing() async throws {
        // 1 token, refilled at 20 per second: the second packet waits ~50 ms instead of being refused.
        let probeGuard = ProbeGuard(scope: .loopbackOnly, packetsPerSecond: 20, burst: 1)
        #expect(await probeGuard.authorize(Self.loopback, waitingAtMost: .seconds(5)) == nil)
        #expect(await probeGuard.authorize(Self.loopback, waitingAtMost: .seconds(5)) == nil)
        // A wait shorter than the refill is refused, and so is any wait without refill.
        #expect(await probeGuard.authorize(Self.loopback, waitingAtMost: .milliseconds(1)) != nil)
        let never = ProbeGuard(scope: .loopbackOnly, packetsPerSecond: 0, burst: 1)
        #expect(await never.authorize(Self.loopback, waitingAtMost: .seconds(5)) == nil)
        #expect(await never.authorize(Self.loopback, waitingAtMost: .seconds(5))?.code == "limit")
        // Scope denials never wait.
        #expect(await never.authorize(IPAddress("192.0.2.1")!, waitingAtMost: .seconds(5))?.code == "out-of-scope")
    }

    @Test func scopeAndRateLimitStopProbesBeforeSending() async throws {
        let responder = try await FakeSIPResponder.start()
        let passive = Self.makeProber(scope: .passive)
        #expect(
            await passive.optionsOverUDP(to: Self.loopback, port: responder.port).unknownReason?.code == "out-of-scope"
        )
        #expect(
            await passive.hopCountByTTL(to: Self.loopback, port: responder.port).unknownReason?.code == "out-of-scope"
        )
        let forbidden = Self.makeProber(
            scope: ScopePolicy(allowed: [CIDRNetwork("127.0.0.0/8")!], forbidden: [CIDRNetwork("127.0.0.1/32")!])
        )
        #expect(
            await forbidden.tcpConnect(to: Self.loopback, port: responder.port).unknownReason?.code == "out-of-scope"
        )
        let limited = Self.makeProber(burst: 1)
        #expect(await limited.optionsOverUDP(to: Self.loopback, port: responder.port).value != nil)
        #expect(await limited.optionsOverUDP(to: Self.loopback, port: responder.port).unknownReason?.code == "limit")
        #expect(responder.requestsReceived == 1)
        await responder.stop()
        for prober in [passive, forbidden, limited] { await prober.shutdown() }
    }
}
