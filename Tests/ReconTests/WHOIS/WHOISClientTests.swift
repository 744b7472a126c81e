import Recon
import ReconTestSupport
import Testing

@Suite(.timeLimit(.minutes(1))) struct WHOISClientTests {
    static let ripeAnswer = """
        % This is the RIPE-like test server
        inetnum:        10.77.0.128 - 10.77.0.191
        netname:        ATTACKER-B-NET
        descr:          Simulated remote attacker network
        country:        NL
        org-name:       Evil Test Org
        origin:         AS64511

        """

    func client(
        port: Int,
        resolved: [String: IPAddress] = [:],
        allow: @escaping @Sendable (IPAddress, Int) -> Bool = { a, _ in a.isLoopback }
    )
        -> WHOISClient
    {
        WHOISClient(
            configuration: WHOISClientConfiguration(
                initialServer: "whois.iana.test",
                port: port,
                serverTimeout: .seconds(2),
                deadline: .seconds(5)
            ),
            resolve: { host in resolved[host].map { [$0] } ?? [] },
            isAllowed: allow,
            clock: ManualClock().reconClock
        )
    }

    @Test func followsIANAReferralToRIR() async throws {
        let rir = try await FakeWHOISServer.start(answers: ["10.77.0.140": Self.ripeAnswer])
        let iana = try await FakeWHOISServer.start(answers: [
            "10.77.0.140":
                "% IANA WHOIS server\nrefer:        whois.rir.test:\(rir.port)\n\ninetnum:      10.0.0.0 - 10.255.255.255\norganisation: IANA\n"
        ])
        let client = self.client(
            port: iana.port,
            resolved: ["whois.iana.test": .v4(127, 0, 0, 1), "whois.rir.test": .v4(127, 0, 0, 1)]
        )
        let result = await client.lookup("10.77.0.140")
        await iana.stop()
        await rir.stop()
        let record = try #require(result.value)
        #expect(record.servers == ["whois.iana.test:\(iana.port)", "whois.rir.test:\(rir.port)"])
        #expect(record.response.organisation == "Evil Test Org")
        #expect(record.response.networkRange == "10.77.0.128 - 10.77.0.191")
        #expect(record.response.networkName == "ATTACKER-B-NET")
        #expect(record.response.country == "NL")
        #expect(record.referralStop == nil)
        #expect(rir.queries == ["10.77.0.140"])
        #expect(result.provenance.source.kind == "whois")
    }

    @Test func detectsReferralLoops() async throws {
        let loop = try await FakeWHOISServer.start(answers: ["AS64511": "refer: whois.iana.test\nOrgName: Loop Org\n"])
        let client = self.client(port: loop.port, resolved: ["whois.iana.test": .v4(127, 0, 0, 1)])
        let result = await client.lookup("AS64511")
        await loop.stop()
        #expect(result.value?.referralStop == "loop")
        #expect(result.value?.response.organisation == "Loop Org")
        #expect(loop.queries.count == 1)
    }

    @Test func scopeHookBlocksReferral() async throws {
        let iana = try await FakeWHOISServer.start(answers: ["x.test": "whois: whois.far.test\nOrgName: First\n"])
        let client = self.client(
            port: iana.port,
            resolved: ["whois.iana.test": .v4(127, 0, 0, 1), "whois.far.test": .v4(192, 0, 2, 1)]
        )
        let result = await client.lookup("x.test")
        await iana.stop()
        #expect(result.value?.referralStop == "out-of-scope")
        #expect(result.value?.response.organisation == "First")
    }

    @Test func rejectsInjectedQueries() async {
        let client = self.client(port: 1)
        for query in ["10.0.0.1\r\nsecond", "", String(repeating: "a", count: 300), "a\u{0}b"] {
            #expect(await client.lookup(query).unknownReason?.code == "invalid-input")
        }
    }

    @Test func unreachableFirstServerIsUnknown() async {
        let client = self.client(port: 43, resolved: ["whois.iana.test": .v4(127, 0, 0, 1)], allow: { _, _ in false })
        #expect(await client.lookup("10.0.0.1").unknownReason?.code == "out-of-scope")
    }

    @Test func parsesARINStyle() {
        let response = WHOISResponse.parse(
            "NetRange:       192.0.2.0 - 192.0.2.255\nCIDR:           192.0.2.0/24\nOrgName:        Example Org\nCountry:        US\nReferralServer: whois://rwhois.example.test:4321/\n"
        )
        #expect(response.networkRange == "192.0.2.0 - 192.0.2.255")
        #expect(response.cidr == "192.0.2.0/24")
        #expect(response.organisation == "Example Org")
        #expect(response.country == "US")
        #expect(response.referral == WHOISResponse.Referral(host: "rwhois.example.test", port: 4321))
        #expect(WHOISResponse.parse("refer: bad host!\n").referral == nil)
    }
}
