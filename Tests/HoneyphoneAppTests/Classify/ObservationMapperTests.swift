import Foundation
import Inference
import Recon
import SIPCore
import Testing

@testable import HoneyphoneApp

@Suite struct ObservationMapperTests {
    /// The INVITE of the paper's §VII-C example (Table I), copied from Tests/ReconTests/Fixtures.swift.
    static let paperInvite = """
        INVITE sip:bob@honeypot.example SIP/2.0\r
        Via: SIP/2.0/UDP 130.200.10.11:5060;branch=z9hG4bK776asdhds\r
        Via: SIP/2.0/UDP 130.200.10.20:5060;branch=z9hG4bK776asdhdt\r
        Via: SIP/2.0/UDP 152.81.144.22:5060;branch=z9hG4bK776asdhdu\r
        Record-Route: <sip:152.81.144.22;lr>\r
        Max-Forwards: 68\r
        To: Bob <sip:bob@honeypot.example>\r
        From: Alice <sip:Alice@pole-nord.fr>;tag=1928301774\r
        Call-ID: a84b4c76e66710@uni.pole-nord.fr\r
        CSeq: 314159 INVITE\r
        Contact: <sip:Alice@uni.pole-nord.fr>\r
        User-Agent: KPhone/4.2\r
        Content-Type: application/sdp\r
        Content-Length: 140\r
        \r
        v=0\r
        o=alice 2890844526 2890844526 IN IP4 130.200.10.11\r
        s=-\r
        c=IN IP4 130.200.10.11\r
        t=0 0\r
        m=audio 49170 RTP/AVP 0\r
        a=rtpmap:0 PCMU/8000\r

        """

    static let svmapOptions = """
        OPTIONS sip:100@127.0.0.1 SIP/2.0\r
        Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-3154780923;rport\r
        Max-Forwards: 70\r
        To: "sipvicious"<sip:100@1.1.1.1>\r
        From: "sipvicious"<sip:100@1.1.1.1>;tag=3766303030303031313363340132303830343435323032\r
        User-Agent: friendly-scanner\r
        Call-ID: 223833217231116766498093\r
        Contact: sip:100@127.0.0.1:5061\r
        CSeq: 1 OPTIONS\r
        Accept: application/sdp\r
        Content-Length: 0\r
        \r

        """

    static func parse(_ text: String) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(Array(text.utf8))
    }

    @Test func toIsOursComparesUserAndDomain() throws {
        let message = try Self.parse(Self.paperInvite)
        let ours = ObservationMapper(ours: OurURIs([.init(user: "bob", domain: "HONEYPOT.example")]))
        #expect(ours.toIsOurs(message) == true)
        let otherUser = ObservationMapper(ours: OurURIs([.init(user: "Bob", domain: "honeypot.example")]))
        #expect(otherUser.toIsOurs(message) == false)
        let otherDomain = ObservationMapper(ours: OurURIs([.init(user: "bob", domain: "elsewhere.example")]))
        #expect(otherDomain.toIsOurs(message) == false)
        #expect(ObservationMapper(ours: OurURIs([])).toIsOurs(message) == nil)
        // An IP-literal To reaches our user by address.
        let scan = try Self.parse(Self.svmapOptions)
        #expect(ObservationMapper(ours: OurURIs([.init(user: "100", domain: "h.invalid")])).toIsOurs(scan) == true)
    }

    @Test func sentByIsComparedWithTheSourceAddress() throws {
        let invite = try Self.parse(Self.paperInvite)
        // The top Via is 130.200.10.11: the phone itself sent it, or someone else did.
        #expect(ObservationMapper.sentByIsSource(invite, source: "130.200.10.11") == true)
        #expect(ObservationMapper.sentByIsSource(invite, source: "130.200.10.12") == false)
        #expect(ObservationMapper.sentByIsSource(invite, source: "not an address") == nil)
        let mapper = ObservationMapper(ours: OurURIs([]))
        let observation = mapper.observation(
            message: invite,
            sdp: nil,
            hosts: [],
            passiveFingerprint: [],
            source: "152.81.144.22"
        )
        #expect(observation.sentByIsSource == false)
        #expect(mapper.observation(message: invite, sdp: nil, hosts: [], passiveFingerprint: []).sentByIsSource == nil)
    }

    @Test func sentByNamesAndPrivateAddressesAreNotCompared() throws {
        let named = try Self.parse(
            Self.paperInvite.replacingOccurrences(of: "UDP 130.200.10.11:5060", with: "UDP uni.pole-nord.fr")
        )
        #expect(ObservationMapper.sentByIsSource(named, source: "130.200.10.11") == nil)
        // A phone behind NAT writes its private address: not a forgery.
        for address in ["192.168.1.20", "10.1.2.3", "172.20.0.5", "100.64.7.1", "127.0.0.1"] {
            let natted = try Self.parse(
                Self.paperInvite.replacingOccurrences(of: "UDP 130.200.10.11:5060", with: "UDP \(address):5060")
            )
            #expect(ObservationMapper.sentByIsSource(natted, source: "198.51.100.7") == nil)
        }
    }

    @Test func hopCountsFollowPointsAToE() {
        let hosts = [
            HostFacts(host: "a", roles: [.signalingSource, .mediaConnection], hopsByTTL: 3),
            HostFacts(host: "b", roles: [.contact], hopsByTTL: nil),
            HostFacts(host: "proxy", roles: [.via], hopsByTTL: 9),
            HostFacts(host: "d", roles: [.mediaOwner], hopsByTTL: 12),
        ]
        #expect(ObservationMapper.hopCounts(hosts) == [3, nil, 3, 12])
        let observation = Observation(hopCounts: ObservationMapper.hopCounts(hosts))
        let sigma = try! #require(observation.dispersion)
        #expect(abs(sigma - (18.0).squareRoot()) < 1e-9)
    }

    @Test func hostFactsBecomeTrustCoefficients() {
        let tables = TrustTables(
            whois: [(pattern: "Pole Nord", trust: 0.9)],
            autonomousSystems: [2200: 0.8],
            countries: ["fr": 0.7]
        )
        let mapper = ObservationMapper(ours: OurURIs([]), tables: tables)
        let scanner = FingerprintMatch(
            identifier: "svmap",
            name: "svmap",
            category: .scanner,
            confidence: 1,
            shapeScore: 1,
            agentMatched: true,
            features: [],
            agentSpoofed: false
        )
        let known = mapper.hostObservation(
            HostFacts(
                host: "130.200.10.11",
                sightings: 4,
                whoisFound: true,
                whoisOrganisation: "Universite Pole Nord",
                autonomousSystem: 2200,
                located: true,
                countryCode: "FR",
                portOpen: true,
                fingerprints: [scanner],
                dns: .invalid
            )
        )
        #expect(
            known
                == HostObservation(
                    host: "130.200.10.11",
                    sightings: 4,
                    whoisTrust: 0.9,
                    asTrust: 0.8,
                    locationTrust: 0.7,
                    portOpen: true,
                    fingerprintTrust: 0,
                    dnsValid: false
                )
        )
        let unlisted = mapper.hostObservation(
            HostFacts(host: "x", whoisFound: false, autonomousSystem: 1, located: true, fingerprints: [])
        )
        #expect(unlisted.whoisTrust == 0.2)
        #expect(unlisted.asTrust == 0.5)
        #expect(unlisted.locationTrust == 0.5)
        #expect(unlisted.fingerprintTrust == 0.5)
        let unknown = mapper.hostObservation(HostFacts(host: "y"))
        #expect(unknown == HostObservation(host: "y"))
    }

    @Test func anomaliesCountErrorsAndToolShapes() throws {
        let mapper = ObservationMapper(ours: OurURIs([]))
        let scan = try Self.parse(Self.svmapOptions)
        let matches = FingerprintDatabase().match(scan)
        let summary = mapper.anomalies(message: scan, sdp: nil, passiveFingerprint: matches)
        #expect(summary.toolShaped)
        #expect(summary.state == 3)
        let invite = try Self.parse(Self.paperInvite)
        let clean = mapper.anomalies(
            message: invite,
            sdp: MessageEvidence.sdp(of: invite),
            passiveFingerprint: FingerprintDatabase().match(invite)
        )
        #expect(clean == AnomalySummary())
        let broken = try Self.parse(
            Self.paperInvite.replacingOccurrences(of: "CSeq: 314159 INVITE", with: "CSeq: 1 BYE")
        )
        #expect(mapper.anomalies(message: broken, sdp: nil, passiveFingerprint: []).errors >= 1)
    }

    @Test func passiveInvestigationOfThePaperInvite() async throws {
        let message = try Self.parse(Self.paperInvite)
        let history = HistoryStore(clock: ReconClock { ReconInstant(secondsSinceEpoch: 1_000) })
        for _ in 0..<3 { _ = history.recordSighting(of: "130.200.10.11") }
        let investigator = Investigator(configuration: InvestigatorConfiguration(history: history))
        let sdp = MessageEvidence.sdp(of: message)
        let report = await investigator.investigate(message, sdp: sdp)
        let mapper = ObservationMapper(ours: OurURIs([.init(user: "bob", domain: "honeypot.example")]))
        let observation = mapper.observation(message: message, sdp: sdp, report: report)
        #expect(observation.toIsOurs == true)
        #expect(observation.hosts.first?.host == "130.200.10.11")
        #expect(observation.hosts.first?.sightings == 3)
        #expect(observation.hosts.allSatisfy { $0.whoisTrust == nil && $0.portOpen == nil && $0.dnsValid == nil })
        // A (130.200.10.11, also C and D) and B (uni.pole-nord.fr): nothing traced passively.
        #expect(observation.hopCounts == [nil, nil, nil, nil])
        #expect(observation.anomalies == AnomalySummary())
        let verdict = try VerdictEngine().verdict(for: observation)
        #expect(verdict.messages.first { $0.node == "To" }?.observedState == "Yes")
    }
}
