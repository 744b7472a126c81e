import Recon
import ReconTestSupport
import SIPCore
import Testing

@Suite(.timeLimit(.minutes(1))) struct InvestigatorTests {
    static func invite(sipPort: Int, rtpPort: Int) throws -> SIPMessage {
        let body =
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(rtpPort) RTP/AVP 0\r\n"
        let text =
            "INVITE sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:\(sipPort);branch=z9hG4bK-1-1-0\r\n"
            + "From: sipp <sip:alice@pole-nord.fr>;tag=1SIPpTag001\r\nTo: <sip:bob@127.0.0.1>\r\n"
            + "Call-ID: 1-1@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@127.0.0.1:\(sipPort)>\r\n"
            + "Max-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        return try Fixtures.parse(text)
    }

    static func makeInvestigator(clock: ManualClock) -> (Investigator, SIPProber) {
        let prober = SIPProber(
            configuration: ProbeConfiguration(
                answerTimeout: .milliseconds(500),
                maximumTTL: 3,
                perHopTimeout: .milliseconds(300),
                maximumMaxForwards: 3,
                threads: 2
            ),
            probeGuard: ProbeGuard(scope: .loopbackOnly, packetsPerSecond: 100, burst: 100)
        )
        let configuration = InvestigatorConfiguration(
            prober: prober,
            history: HistoryStore(clock: clock.reconClock),
            deadline: .seconds(10)
        )
        return (Investigator(configuration: configuration, clock: clock.reconClock), prober)
    }

    @Test func investigatesEveryHostAndCachesPerHost() async throws {
        let responder = try await FakeSIPResponder.start(
            extraHeaders: ["Server: kamailio (5.6.3)"],
            toTag: String(repeating: "a", count: 32) + ".0123abcd"
        )
        let unused = try await LoopbackPorts.unused()
        let clock = ManualClock()
        let (investigator, prober) = Self.makeInvestigator(clock: clock)
        let message = try Self.invite(sipPort: responder.port, rtpPort: unused)
        let report = await investigator.investigate(message)
        #expect(report.hosts.map(\.target.host) == ["127.0.0.1", "pole-nord.fr"])
        let source = try #require(report.hosts.first)
        #expect(source.target.roles == [.signalingSource, .contact, .mediaConnection, .mediaOwner])
        #expect(source.findings.sipPort.value?.state == .open)
        #expect(source.findings.rtpPort.value?.state == .closed)
        #expect(source.findings.hopsByTTL.value?.hops == 1)
        #expect(source.findings.hopsByMaxForwards.value?.hops == 0)
        #expect(source.findings.activeFingerprint.value?.first?.identifier == "kamailio")
        #expect(source.passiveFingerprint.value?.first?.identifier == "sipp")
        #expect(source.findings.whois.unknownReason?.code == "not-configured")
        #expect(source.findings.geolocation.unknownReason?.code == "not-configured")
        #expect(source.history.value! == nil)
        let domain = try #require(report.hosts.last)
        #expect(domain.findings.addresses.unknownReason?.code == "not-configured")
        let probesForOne = responder.requestsReceived
        #expect(probesForOne == 4)

        // A flood from the same source: concurrent investigations share one run, then the cache.
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = await investigator.investigate(message) } }
        }
        #expect(responder.requestsReceived == probesForOne)
        let later = await investigator.investigate(message)
        #expect(later.hosts.first?.findings.sipPort.provenance.fromCache == true)
        #expect(later.hosts.first?.history.value??.sightings == 9)
        await responder.stop()
        await prober.shutdown()
    }

    @Test func passiveConfigurationSendsNothing() async throws {
        let responder = try await FakeSIPResponder.start()
        let investigator = Investigator(configuration: InvestigatorConfiguration())
        let report = await investigator.investigate(try Self.invite(sipPort: responder.port, rtpPort: 4000))
        let source = try #require(report.hosts.first)
        #expect(source.findings.sipPort.unknownReason?.code == "not-configured")
        #expect(source.findings.hopsByTTL.unknownReason?.code == "not-configured")
        #expect(responder.requestsReceived == 0)
        let text = ReportRenderer.text(report)
        #expect(text.contains("Frequency (Historical)"))
        #expect(text.contains("SIPp"))
        await responder.stop()
    }

    @Test func paperExampleGivesTableIColumns() async throws {
        let investigator = Investigator(configuration: InvestigatorConfiguration())
        let report = await investigator.investigate(try Fixtures.parse(Fixtures.paperInvite))
        let text = ReportRenderer.text(report)
        let header = try #require(text.split(separator: "\n").first)
        for host in ["130.200.10.11", "uni.pole-nord.fr", "pole-nord.fr", "130.200.10.20", "152.81.144.22"] {
            #expect(header.contains(host))
        }
        let json = ReportRenderer.json(report)
        #expect(json.hasPrefix("{\"startedAt\":"))
        #expect(json.contains("\"roles\":[\"A\",\"C\",\"D\"]"))
    }

    @Test func globalNumbersAreLookedUpWithENUM() async throws {
        let server = try await FakeDNSServer.start(zone: DNSClientTests.zone)
        let dns = DNSClient(
            configuration: DNSClientConfiguration(
                servers: [server.server],
                attemptTimeout: .seconds(4),
                queryDeadline: .seconds(12)
            )
        )
        let investigator = Investigator(configuration: InvestigatorConfiguration(dns: dns, deadline: .seconds(20)))
        let text =
            "INVITE sip:bob@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK1\r\n"
            + "From: <sip:+46812345678@lab.test;user=phone>;tag=1\r\nTo: <tel:+999>\r\nCall-ID: 1@x\r\n"
            + "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
        let report = await investigator.investigate(try Fixtures.parse(text))
        #expect(report.numbers.map(\.number.number) == ["+46812345678", "+999"])
        #expect(report.numbers.first?.enumEntries.value?.map(\.uri) == ["sip:1001@lab.test"])
        #expect(
            report.numbers.last?.enumEntries.unknownReason?.code == "nxdomain",
            "\(report.numbers.last?.enumEntries.unknownReason?.detail ?? "")"
        )
        let json = ReportRenderer.json(report)
        #expect(
            json.contains(
                "\"numbers\":[{\"number\":\"+46812345678\",\"roles\":[\"from\"],\"enum\":{\"status\":\"known\""
            )
        )
        #expect(ReportRenderer.text(report).contains("ENUM +46812345678 (from): sip:1001@lab.test"))
        await server.stop()
    }

    @Test func theMessageShapeFingerprintsItsOriginatorNotTheProxies() async throws {
        // Through two proxies: the passive fingerprint belongs to the Contact and the bottom Via only.
        let text =
            "INVITE sip:bob@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.30;branch=z9hG4bK3\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.20;branch=z9hG4bK2\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-1-1-0\r\n"
            + "From: sipp <sip:sipp@192.0.2.10:5062>;tag=1SIPpTag001\r\nTo: <sip:bob@192.0.2.1>\r\n"
            + "Call-ID: 1-1@192.0.2.10\r\nCSeq: 1 INVITE\r\nContact: <sip:sipp@192.0.2.11:5062>\r\n"
            + "Max-Forwards: 68\r\nSubject: Performance Test\r\nContent-Length: 0\r\n\r\n"
        let investigator = Investigator(configuration: InvestigatorConfiguration())
        let report = await investigator.investigate(try Fixtures.parse(text))
        let fingerprinted = report.hosts.filter { $0.passiveFingerprint.value != nil }.map(\.target.host)
        #expect(fingerprinted == ["192.0.2.11", "192.0.2.10"])
    }
}
