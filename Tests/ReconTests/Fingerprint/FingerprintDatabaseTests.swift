import Recon
import SIPCore
import Testing

@Suite struct FingerprintDatabaseTests {
    let database = FingerprintDatabase()

    @Test(arguments: [
        ("svmap-options", "sipvicious-svmap", FingerprintCategory.scanner),
        ("svwar-register", "sipvicious-svwar", .scanner),
        ("svcrack-register", "sipvicious-svcrack", .scanner),
        ("nmap-sip-methods", "nmap-sip-methods", .scanner),
        ("sipp-invite", "sipp", .tool),
        ("sipp-options", "sipp", .tool),
        ("sipsak-register", "sipsak", .tool),
        ("sipsak-options", "sipsak", .tool),
        ("baresip-register", "baresip", .softphone),
        ("baresip-response", "baresip-answer", .softphone),
        ("kamailio-response", "kamailio", .server),
        ("kamailio-404", "kamailio", .server),
    ])
    func recognisesEachLabCapture(fixture: String, identifier: String, category: FingerprintCategory) async throws {
        let message = try await Fixtures.message(fixture)
        let best = try #require(self.database.bestMatch(message))
        #expect(best.identifier == identifier)
        #expect(best.category == category)
        #expect(!best.agentSpoofed)
    }

    @Test func forwardedInviteShowsTheOriginAndTheProxy() async throws {
        let matches = self.database.match(try await Fixtures.message("kamailio-forwarded-invite"))
        #expect(matches.first?.identifier == "sipp")
        #expect(matches.contains { $0.identifier == "kamailio-proxy" && $0.features.contains("branch") })
    }

    @Test func svmapMatchUsesShapeFeatures() async throws {
        let best = try #require(self.database.bestMatch(try await Fixtures.message("svmap-options")))
        #expect(best.confidence == 1.0)
        #expect(best.agentMatched)
        for feature in ["header-order", "branch", "from-tag", "default-uri", "to-display-name"] {
            #expect(best.features.contains(feature), "missing \(feature)")
        }
    }

    @Test(arguments: [
        ("svmap-options", "sipvicious-svmap", "Yealink SIP-T46S 66.86.0.15"),
        ("svwar-register", "sipvicious-svwar", "Zoiper rv2.10.4.1"),
        ("nmap-sip-methods", "nmap-sip-methods", "Asterisk PBX 18.1.0"),
        ("sipsak-options", "sipsak", "Grandstream GXP2170 1.0.11.23"),
    ])
    func lyingUserAgentStillGivesTheTool(fixture: String, identifier: String, agent: String) async throws {
        let bytes = try await Fixtures.bytes(fixture)
        let text = String(decoding: bytes, as: UTF8.self)
        let original = try #require(try Fixtures.parse(text).userAgent)
        let spoofed = try Fixtures.parse(text.replacingFirst("User-Agent: \(original)", with: "User-Agent: \(agent)"))
        let matches = self.database.match(spoofed)
        let best = try #require(matches.first)
        #expect(best.identifier == identifier)
        #expect(best.agentSpoofed)
        #expect(best.features.contains("user-agent-mismatch"))
        let claimed = matches.first { $0.agentMatched }
        #expect((claimed?.confidence ?? 0) < best.confidence)
        #expect(FingerprintTrustTable().trust(for: best) <= 0.1)
    }

    @Test func userAgentAloneIsWeakEvidence() throws {
        let message = try Fixtures.parse(
            "OPTIONS sip:a@10.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKxyz\r\n"
                + "From: <sip:b@10.0.0.2>;tag=abc\r\nTo: <sip:a@10.0.0.1>\r\nCall-ID: q\r\nCSeq: 1 OPTIONS\r\n"
                + "User-Agent: Yealink SIP-T46S\r\n\r\n"
        )
        let best = try #require(self.database.bestMatch(message))
        #expect(best.identifier == "yealink")
        #expect(best.category == .hardphone)
        #expect(best.confidence == 0.35)
    }

    @Test func plainMessageMatchesNothing() throws {
        let message = try Fixtures.parse(
            "OPTIONS sip:a@10.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKxyz\r\n"
                + "From: <sip:b@10.0.0.2>;tag=abc\r\nTo: <sip:a@10.0.0.1>\r\nCall-ID: q\r\nCSeq: 1 OPTIONS\r\n\r\n"
        )
        #expect(self.database.match(message).isEmpty)
    }

    @Test func trustTableIsConfigurable() {
        let table = FingerprintTrustTable(categories: [.scanner: 0.3, .server: 2], signatures: ["sipp": 0.6])
        let match = FingerprintMatch(
            identifier: "x",
            name: "x",
            category: .server,
            confidence: 1,
            shapeScore: 1,
            agentMatched: true,
            features: [],
            agentSpoofed: false
        )
        #expect(table.trust(for: match) == 1)
        #expect(table.trust(for: nil) == 0.5)
    }

    @Test func tokenPatternChecksPrefixAlphabetLengthAndHost() {
        let pattern = TokenPattern(prefix: "z9hG4bK-", .digits, length: 6...10)
        #expect(pattern.matches("z9hG4bK-3154780923"))
        #expect(!pattern.matches("z9hG4bK-31547809a3"))
        #expect(!pattern.matches("z9hG4bK-123"))
        let callID = TokenPattern(.digits, length: 1...10, hostSuffix: true)
        #expect(callID.matches("646005381@127.0.0.1"))
        #expect(!callID.matches("646005381"))
        #expect(!callID.matches("646005381@"))
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = self.firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
