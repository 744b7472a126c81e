import SIPAuth
import SIPCore
import Testing

@Suite("DigestChallenge: reading and writing WWW-Authenticate / Proxy-Authenticate")
struct DigestChallengeTests {
    @Test("Writing quotes realm, domain, nonce, opaque and qop, and leaves stale and algorithm as tokens")
    func serialization() {
        let challenge = DigestChallenge(
            realm: "sip.example.com",
            nonce: "abc123",
            opaque: "op",
            algorithm: .sha256,
            qopOptions: [.auth, .authInt],
            stale: true,
            domain: ["sip:sip.example.com", "sip:other.example.com"]
        )
        #expect(
            challenge.headerValue
                == "Digest realm=\"sip.example.com\", domain=\"sip:sip.example.com sip:other.example.com\", "
                + "nonce=\"abc123\", opaque=\"op\", stale=TRUE, algorithm=SHA-256, qop=\"auth,auth-int\""
        )
        #expect(challenge.header.name == "WWW-Authenticate")
        #expect(DigestChallenge(kind: .proxy, realm: "r", nonce: "n").header.name == "Proxy-Authenticate")
    }

    @Test("A challenge survives SIPMessageBuilder, SIPMessageParser and SIPMessage.wwwAuthenticate unchanged")
    func roundTrip() throws {
        let challenges = [
            DigestChallenge(realm: "sip.example.com", nonce: "abc123"),
            DigestChallenge(
                realm: "r",
                nonce: "n",
                opaque: "o",
                algorithm: .sha512_256Sess,
                qopOptions: [],
                stale: true
            ),
            DigestChallenge(realm: "a \"quoted\" \\realm\\", nonce: "n,=;\"", qopOptions: [.authInt], domain: ["/x"]),
        ]
        for challenge in challenges {
            let response = try Fixtures.challengeResponse([challenge.header])
            let header = try #require(response.wwwAuthenticate.first)
            #expect(try DigestChallenge(header) == challenge)
            #expect(DigestChallenge.challenges(in: response) == [challenge])
        }
    }

    @Test("A 407 gives proxy challenges; Basic and unusable Digest challenges are skipped")
    func challengesInResponse() throws {
        let response = try Fixtures.challengeResponse(
            status: 407,
            [
                SIPMessageBuilder.Header("Proxy-Authenticate", "Basic realm=\"x\""),
                SIPMessageBuilder.Header("Proxy-Authenticate", "Digest realm=\"x\", nonce=\"1\", algorithm=SHA3"),
                SIPMessageBuilder.Header("Proxy-Authenticate", "Digest realm=\"x\", nonce=\"2\", algorithm=sha-256"),
                SIPMessageBuilder.Header("Proxy-Authenticate", "Digest realm=\"x\", nonce=\"3\""),
            ]
        )
        let challenges = DigestChallenge.challenges(in: response)
        #expect(challenges.map(\.nonce) == ["2", "3"])
        #expect(challenges.map(\.algorithm) == [.sha256, .md5])
        #expect(challenges.allSatisfy { $0.kind == .proxy })
        #expect(DigestChallenge.Kind(statusCode: 407) == .proxy)
        #expect(DigestChallenge.Kind(statusCode: 401) == .www)
        #expect(DigestChallenge.Kind(statusCode: 403) == nil)
    }

    @Test("Reading is lenient: any case, unknown params, unknown qop tokens beside known ones, unquoted values")
    func lenientParsing() throws {
        let header = try #require(
            try Fixtures.wwwAuthenticate(
                "digest REALM=asterisk,NONCE=\"5e8f\" , Algorithm=md5-SESS, qop=\"auth-conf, AUTH ,x\", "
                    + "stale=true, charset=UTF-8, userhash=false"
            )
        )
        let challenge = try DigestChallenge(header)
        #expect(challenge.realm == "asterisk")
        #expect(challenge.nonce == "5e8f")
        #expect(challenge.algorithm == .md5Sess)
        #expect(challenge.qopOptions == [.auth])
        #expect(challenge.stale)
        #expect(challenge.opaque == nil)
    }

    @Test(
        "Unusable challenges throw a clear error",
        arguments: [
            ("Basic realm=\"x\"", DigestError.Code.notDigest, String?.none),
            ("Digest nonce=\"n\"", .missingParameter, "realm"),
            ("Digest realm=\"r\"", .missingParameter, "nonce"),
            ("Digest realm=\"r\", nonce=\"\"", .missingParameter, "nonce"),
            ("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1", .unsupportedAlgorithm, "algorithm"),
            ("Digest realm=\"r\", nonce=\"n\", algorithm=\"MD5\\\"\"", .unsupportedAlgorithm, "algorithm"),
            ("Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\"", .unsupportedQOP, "qop"),
        ]
    )
    func unusable(value: String, code: DigestError.Code, parameter: String?) throws {
        let header = try #require(try Fixtures.wwwAuthenticate(value))
        let error = #expect(throws: DigestError.self) { try DigestChallenge(header) }
        #expect(error?.code == code)
        #expect(error?.parameter == parameter)
    }

    @Test("A 10 KB nonce is rejected by the limit, not trapped on; a raised limit accepts it")
    func oversizeValue() throws {
        let nonce = String(repeating: "N", count: 10_240)
        let header = try #require(try Fixtures.wwwAuthenticate("Digest realm=\"r\", nonce=\"\(nonce)\""))
        let error = #expect(throws: DigestError.self) { try DigestChallenge(header) }
        #expect(error?.code == .valueTooLong)
        #expect(error?.parameter == "nonce")
        #expect(try DigestChallenge(header, limits: DigestLimits(maxFieldLength: 16_384)).nonce == nonce)
    }

    @Test("A huge unknown algorithm token gives a short, escaped excerpt in the error")
    func hostileAlgorithm() throws {
        let algorithm = String(repeating: "\\\"", count: 300)
        let header = try #require(
            try Fixtures.wwwAuthenticate("Digest realm=\"r\", nonce=\"n\", algorithm=\"\(algorithm)\"")
        )
        let error = #expect(throws: DigestError.self) { try DigestChallenge(header) }
        #expect(error?.code == .unsupportedAlgorithm)
        let excerpt = try #require(error?.value)
        #expect(excerpt.count < 200)
        #expect(excerpt.hasSuffix("…"))
    }

    @Test("CR and LF in a value we write cannot start a new header line")
    func crlfInjection() throws {
        let challenge = DigestChallenge(realm: "r\r\nContact: <sip:evil@192.0.2.66>", nonce: "n\r\n\r\nINVITE")
        #expect(!challenge.headerValue.contains("\r"))
        #expect(!challenge.headerValue.contains("\n"))
        let response = try Fixtures.challengeResponse([challenge.header])
        #expect(response.contacts.isEmpty)
        #expect(response.wwwAuthenticate.count == 1)
        let parsed = try DigestChallenge(try #require(response.wwwAuthenticate.first))
        #expect(parsed.realm == "r  Contact: <sip:evil@192.0.2.66>")
        #expect(parsed.nonce == "n    INVITE")
    }

    @Test("Algorithm tokens parse case-insensitively; absent is MD5")
    func algorithms() throws {
        for algorithm in DigestAlgorithm.allCases {
            #expect(DigestAlgorithm(token: algorithm.token.uppercased()) == algorithm)
            #expect(DigestAlgorithm(token: algorithm.token.lowercased()) == algorithm)
            #expect(try DigestAlgorithm.parse(algorithm.token) == algorithm)
        }
        #expect(try DigestAlgorithm.parse(nil) == .md5)
        #expect(DigestAlgorithm(token: "SHA-512") == nil)
        #expect(DigestAlgorithm(token: "") == nil)
        #expect(throws: DigestError.self) { try DigestAlgorithm.parse("MD5 ") }
    }
}
