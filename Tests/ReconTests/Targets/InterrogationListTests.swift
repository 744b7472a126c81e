import Recon
import SIPCore
import Testing

@Suite struct InterrogationListTests {
    @Test func paperExampleGivesTheHostsOfTableI() throws {
        let list = InterrogationList(message: try Fixtures.parse(Fixtures.paperInvite))
        #expect(
            list.targets.map(\.host) == [
                "130.200.10.11", "uni.pole-nord.fr", "pole-nord.fr", "130.200.10.20", "152.81.144.22",
            ]
        )
        let a = try #require(list.target(for: "130.200.10.11"))
        #expect(a.roles == [.signalingSource, .mediaConnection, .mediaOwner])
        #expect(a.sipPorts == [5060])
        #expect(a.rtpPorts == [49170])
        #expect(list.target(for: "UNI.pole-nord.fr")?.roles == [.contact])
        #expect(list.target(for: "pole-nord.fr")?.roles == [.fromDomain])
        #expect(list.target(for: "152.81.144.22")?.roles == [.via, .recordRoute])
        #expect(list.fromHost == "pole-nord.fr")
    }

    @Test func sippInviteCollapsesToOneHostWithBothPorts() async throws {
        let list = InterrogationList(message: try await Fixtures.message("sipp-invite"))
        #expect(list.targets.count == 1)
        let only = try #require(list.targets.first)
        #expect(only.host == "127.0.0.1")
        #expect(only.roles == [.signalingSource, .contact, .mediaConnection, .mediaOwner, .fromDomain])
        #expect(only.sipPorts == [5080])
        #expect(only.rtpPorts == [6004])
    }

    @Test func capsTheListAndRejectsBadHosts() throws {
        var text = "INVITE sip:a@b.example SIP/2.0\r\n"
        for index in 0..<40 { text += "Via: SIP/2.0/UDP 10.0.0.\(index):5060;branch=z9hG4bK\(index)\r\n" }
        text += "From: <sip:x@bad_host!>;tag=1\r\nTo: <sip:a@b.example>\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\n\r\n"
        let list = InterrogationList(message: try Fixtures.parse(text), limits: InterrogationLimits(maximumTargets: 4))
        #expect(list.targets.count == 4)
        #expect(list.targets.first?.roles == [.signalingSource])
        #expect(list.droppedCount > 0)
    }

    @Test func canonicalHostNormalisesAddressesAndNames() {
        #expect(InterrogationList.canonicalHost("[2001:DB8::1]") == "2001:db8::1")
        #expect(InterrogationList.canonicalHost("Proxy.Example.COM") == "proxy.example.com")
        #expect(InterrogationList.canonicalHost("a b") == nil)
    }
}
