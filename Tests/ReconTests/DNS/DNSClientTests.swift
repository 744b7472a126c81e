import Recon
import ReconTestSupport
import Testing

/// End-to-end lookups against the fake DNS server on 127.0.0.1 (zones modelled on the lab's lab-zones.conf).
@Suite(.timeLimit(.minutes(1))) struct DNSClientTests {
    static let zone: [DNSResourceRecord] = [
        .make("pbx.lab.test", ttl: 3600, .address(.v4(10, 77, 0, 10))),
        .make("loopback-pbx.lab.test", .address(.v4(127, 0, 0, 1))),
        .make("attacker-b.lab.test", .address(.v4(10, 77, 0, 140))),
        .make("host-a.lab.test", .address(.v4(10, 77, 0, 99))),
        .make("v6.lab.test", .address(IPAddress("2001:db8::5")!)),
        .make("140.0.77.10.in-addr.arpa", .pointer(.test("attacker-b.lab.test"))),
        .make("20.0.77.10.in-addr.arpa", .pointer(.test("host-a.lab.test"))),
        .make(
            "lab.test",
            .namingAuthority(
                NAPTRRecord(
                    order: 20,
                    preference: 50,
                    flags: "s",
                    services: "SIP+D2T",
                    regexp: "",
                    replacement: .test("_sip._tcp.lab.test")
                )
            )
        ),
        .make(
            "lab.test",
            .namingAuthority(
                NAPTRRecord(
                    order: 10,
                    preference: 50,
                    flags: "s",
                    services: "SIP+D2U",
                    regexp: "",
                    replacement: .test("_sip._udp.lab.test")
                )
            )
        ),
        .make(
            "_sip._udp.lab.test",
            .service(SRVRecord(priority: 20, weight: 40, port: 5060, target: .test("loopback-pbx.lab.test")))
        ),
        .make(
            "_sip._udp.lab.test",
            .service(SRVRecord(priority: 10, weight: 60, port: 5060, target: .test("pbx.lab.test")))
        ),
        .make(
            "_sip._tcp.lab.test",
            .service(SRVRecord(priority: 10, weight: 100, port: 5062, target: .test("pbx.lab.test")))
        ),
        .make(
            "_sips._tcp.other.test",
            .service(SRVRecord(priority: 10, weight: 100, port: 5061, target: .test("pbx.lab.test")))
        ),
        .make("plain.test", .address(.v4(192, 0, 2, 7))),
        .make("www.lab.test", .canonicalName(.test("pbx.lab.test"))),
        .make(
            "8.7.6.5.4.3.2.1.8.6.4.e164.arpa",
            .namingAuthority(
                NAPTRRecord(
                    order: 100,
                    preference: 10,
                    flags: "u",
                    services: "E2U+sip",
                    regexp: "!^.*$!sip:1001@lab.test!",
                    replacement: .root
                )
            )
        ),
        .make(
            "8.7.6.5.4.3.2.1.8.6.4.e164.arpa",
            .namingAuthority(
                NAPTRRecord(
                    order: 102,
                    preference: 10,
                    flags: "u",
                    services: "E2U+tel",
                    regexp: "!^.*$!tel:+46812345678!",
                    replacement: .root
                )
            )
        ),
        .make(
            "0.0.1.0.5.5.5.1.e164.arpa",
            .namingAuthority(
                NAPTRRecord(
                    order: 100,
                    preference: 10,
                    flags: "u",
                    services: "E2U+sip",
                    regexp: "!^[0-9]*$!sip:x@y!",
                    replacement: .root
                )
            )
        ),
        .make(
            "140.0.77.10.origin.asn.lab.test",
            .text([Array("64511 | 10.77.0.128/26 | NL | ripencc | 2024-01-01".utf8)])
        ),
    ]

    func withServer<T>(
        _ behaviour: FakeDNSServer.Behaviour = .init(),
        clock: ManualClock = ManualClock(),
        configure: (inout DNSClientConfiguration) -> Void = { _ in },
        _ body: (DNSClient, FakeDNSServer) async throws -> T
    ) async throws -> T {
        let server = try await FakeDNSServer.start(zone: Self.zone, behaviour: behaviour)
        var configuration = DNSClientConfiguration(
            servers: [server.server],
            attemptTimeout: .seconds(1),
            queryDeadline: .seconds(3)
        )
        configure(&configuration)
        let client = DNSClient(configuration: configuration, clock: clock.reconClock)
        do {
            let result = try await body(client, server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test func addressesAndCache() async throws {
        let clock = ManualClock()
        try await self.withServer(clock: clock) { client, server in
            let first = await client.query(host: "pbx.lab.test", type: .a)
            #expect(first.value?.records.first?.data == .address(.v4(10, 77, 0, 10)))
            #expect(first.provenance.fromCache == false)
            #expect(first.provenance.startedAt == clock.now)
            let second = await client.query(host: "PBX.lab.test.", type: .a)
            #expect(second.provenance.fromCache == true)
            #expect(server.queryCounts.udp == 1)
            clock.advance(by: .seconds(3601))
            let third = await client.query(host: "pbx.lab.test", type: .a)
            #expect(third.provenance.fromCache == false)
            #expect(server.queryCounts.udp == 2)
            let both = await client.addresses(of: .test("v6.lab.test"))
            #expect(both.value == [IPAddress("2001:db8::5")!])
            let cname = await client.query(host: "www.lab.test", type: .a)
            #expect(cname.value?.canonicalNames == [.test("pbx.lab.test")])
        }
    }

    @Test func failuresAreRecordedUnknowns() async throws {
        try await self.withServer { client, _ in
            #expect(await client.query(host: "missing.lab.test", type: .a).unknownReason?.code == "nxdomain")
            #expect(await client.query(host: "lab.test", type: .a).unknownReason?.code == "no-data")
            #expect(await client.query(host: "evil.test\r\nINVITE", type: .a).unknownReason?.code == "invalid-input")
        }
    }

    @Test func timeoutWhenServerIsSilent() async throws {
        let configure: (inout DNSClientConfiguration) -> Void = {
            $0.attemptTimeout = .milliseconds(200)
            $0.queryDeadline = .milliseconds(1_500)
        }
        try await self.withServer(.init(silentUDP: true), configure: configure) { client, server in
            let result = await client.query(host: "pbx.lab.test", type: .a)
            #expect(result.unknownReason?.code == "timeout")
            // Retried after the attempt timeout (how often within the deadline depends on the machine's load).
            #expect(server.queryCounts.udp >= 2)
        }
    }

    @Test func truncatedAnswerFallsBackToTCP() async throws {
        try await self.withServer(.init(truncateUDP: true)) { client, server in
            let result = await client.query(host: "pbx.lab.test", type: .a)
            #expect(result.value?.viaTCP == true)
            #expect(result.value?.records.count == 1)
            #expect(server.queryCounts == (udp: 1, tcp: 1))
        }
    }

    @Test func reverseAndForwardConfirmed() async throws {
        try await self.withServer { client, _ in
            let confirmed = await client.forwardConfirmedReverse(.v4(10, 77, 0, 140))
            #expect(confirmed.value?.isConfirmed == true)
            #expect(confirmed.value?.pointerNames == [.test("attacker-b.lab.test")])
            let spoofed = await client.forwardConfirmedReverse(.v4(10, 77, 0, 20))
            #expect(spoofed.value?.pointerNames == [.test("host-a.lab.test")])
            #expect(spoofed.value?.isConfirmed == false)
            #expect(await client.pointerNames(of: .v4(10, 77, 0, 99)).unknownReason?.code == "nxdomain")
        }
    }

    @Test func serviceAndNamingAuthorityRecords() async throws {
        try await self.withServer { client, _ in
            let srv = await client.serviceRecords(.sipUDP, domain: .test("lab.test"))
            #expect(srv.value?.map(\.target) == [.test("pbx.lab.test"), .test("loopback-pbx.lab.test")])
            let naptr = await client.namingAuthorityPointers(.test("lab.test"))
            #expect(naptr.value?.map(\.services) == ["SIP+D2U", "SIP+D2T"])
        }
    }

    @Test func enumLookups() async throws {
        try await self.withServer { client, _ in
            let found = await client.enumLookup(number: "+46 8 1234 5678")
            #expect(found.value?.map(\.uri) == ["sip:1001@lab.test"])
            #expect(await client.enumLookup(number: "+1 555 0100").unknownReason?.code == "unsupported")
            #expect(await client.enumLookup(number: "+999").unknownReason?.code == "nxdomain")
            #expect(await client.enumLookup(number: "sip:evil").unknownReason?.code == "invalid-input")
        }
    }

    @Test func originASNOverTXT() async throws {
        try await self.withServer { client, _ in
            let origin = await client.originASN(of: .v4(10, 77, 0, 140), zone: .test("origin.asn.lab.test"))
            #expect(
                origin.value == [
                    ASNOrigin(
                        asNumbers: [64511],
                        prefix: "10.77.0.128/26",
                        countryCode: "NL",
                        registry: "ripencc",
                        allocated: "2024-01-01"
                    )
                ]
            )
        }
        #expect(ASNOrigin.parse("23028 | 216.90.108.0/24 | US | arin | 1998-09-25")?.asNumbers == [23028])
        #expect(ASNOrigin.parse("garbage") == nil)
    }

    @Test func locateSIPServers() async throws {
        try await self.withServer { client, _ in
            let numeric = await client.locateSIPServer(host: "[2001:db8::1]")
            #expect(
                numeric.value == [
                    SIPTarget(
                        transport: .udp,
                        address: IPAddress("2001:db8::1")!,
                        port: 5060,
                        host: nil,
                        method: "numeric"
                    )
                ]
            )
            let viaNAPTR = await client.locateSIPServer(host: "lab.test")
            #expect(viaNAPTR.value?.map(\.transport) == [.udp, .udp, .tcp])
            #expect(viaNAPTR.value?.map(\.port) == [5060, 5060, 5062])
            #expect(viaNAPTR.value?.first?.method == "naptr")
            #expect(viaNAPTR.value?.first?.address == .v4(10, 77, 0, 10))
            let viaSRV = await client.locateSIPServer(host: "other.test", secure: true)
            #expect(viaSRV.value?.first?.port == 5061)
            #expect(viaSRV.value?.first?.method == "srv")
            let plain = await client.locateSIPServer(host: "plain.test")
            #expect(
                plain.value == [
                    SIPTarget(
                        transport: .udp,
                        address: .v4(192, 0, 2, 7),
                        port: 5060,
                        host: .test("plain.test"),
                        method: "address"
                    )
                ]
            )
            let explicitPort = await client.locateSIPServer(host: "pbx.lab.test", port: 5070)
            #expect(explicitPort.value?.first?.port == 5070)
            #expect(await client.locateSIPServer(host: "nowhere.test").unknownReason?.code == "not-found")
        }
    }
}
