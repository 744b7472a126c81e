import SIPAuth
import SIPCore
import Testing

@Suite("DigestClient: answering challenges")
struct DigestClientTests {
    static let password = "s3cr3t"

    @Test(
        "REGISTER round trip: 401 challenge → parsed → answered → REGISTER → parsed → verified",
        arguments: DigestAlgorithm.allCases
    )
    func registerRoundTrip(algorithm: DigestAlgorithm) throws {
        // The registrar persona challenges.
        let challenge = DigestChallenge(
            realm: "sip.example.com",
            nonce: "5f2a9c41e0b7d3aa",
            opaque: "a3f1",
            algorithm: algorithm,
            qopOptions: [.auth, .authInt]
        )
        let unauthorized = try Fixtures.challengeResponse([challenge.header])
        #expect(unauthorized.statusCode == 401)

        // The registration client reads it and answers.
        let received = try #require(DigestChallenge.challenges(in: unauthorized).first)
        #expect(received == challenge)
        let cnonces = CountingCnonce()
        var client = DigestClient { cnonces.next() }
        let credentials = try client.credentials(
            for: received,
            username: "alice",
            password: Self.password,
            method: .register,
            uri: Fixtures.registrar
        )
        #expect(credentials.qop == .auth)
        #expect(credentials.cnonce == "cn0001")
        #expect(credentials.nonceCount == DigestNonceCount(1))
        #expect(credentials.opaque == "a3f1")
        #expect(credentials.algorithm == algorithm)
        let register = try Fixtures.register([credentials.header(for: received.kind)])

        // The registrar reads the REGISTER and verifies it.
        let authorization = try #require(register.authorization.first)
        let read = try DigestCredentials(authorization)
        #expect(read == credentials)
        let method = try #require(register.method)
        #expect(read.uri == register.requestURIText)
        #expect(DigestComputation.verify(credentials: read, password: Self.password, method: method))
        #expect(!DigestComputation.verify(credentials: read, password: "S3cr3t", method: method))
        let attempt = try #require(DigestAttempt.attempts(in: register).first)
        #expect(attempt.matches(password: Self.password))
        #expect(!attempt.matches(password: "wrong"))
    }

    @Test("A 407 is answered in Proxy-Authorization")
    func proxyChallenge() throws {
        let response = try Fixtures.challengeResponse(
            status: 407,
            [DigestChallenge(kind: .proxy, realm: "proxy", nonce: "n1").header]
        )
        let challenge = try #require(DigestChallenge.challenges(in: response).first)
        var client = DigestClient { "c" }
        let credentials = try client.credentials(
            for: challenge,
            username: "alice",
            password: Self.password,
            method: .invite,
            uri: "sip:bob@example.com"
        )
        let header = credentials.header(for: challenge.kind)
        #expect(header.name == "Proxy-Authorization")
        let request = try Fixtures.register([header])
        #expect(request.authorization.isEmpty)
        #expect(try DigestCredentials(try #require(request.proxyAuthorization.first)) == credentials)
    }

    @Test("nc counts up on the same nonce, starts again on a new nonce and on stale=TRUE, per realm")
    func nonceCount() throws {
        let cnonces = CountingCnonce()
        var client = DigestClient { cnonces.next() }
        func answer(_ challenge: DigestChallenge) throws -> String? {
            try client.credentials(for: challenge, username: "u", password: "p", method: .register, uri: "sip:r")
                .nonceCount?.text
        }
        let first = DigestChallenge(realm: "r", nonce: "n1")
        #expect(client.nextNonceCount(for: first).text == "00000001")
        #expect(try answer(first) == "00000001")
        #expect(try answer(first) == "00000002")
        #expect(client.nextNonceCount(for: first).text == "00000003")
        #expect(try answer(first) == "00000003")
        // Another realm has its own count.
        #expect(try answer(DigestChallenge(realm: "other", nonce: "n1")) == "00000001")
        #expect(try answer(first) == "00000004")
        // A new nonce starts again.
        let second = DigestChallenge(realm: "r", nonce: "n2")
        #expect(try answer(second) == "00000001")
        #expect(try answer(second) == "00000002")
        // stale=TRUE starts again, even with the same nonce; answering that challenge again counts on.
        let stale = DigestChallenge(realm: "r", nonce: "n2", stale: true)
        #expect(client.nextNonceCount(for: stale).text == "00000001")
        #expect(try answer(stale) == "00000001")
        #expect(try answer(stale) == "00000002")
        let staleNew = DigestChallenge(realm: "r", nonce: "n3", stale: true)
        #expect(try answer(staleNew) == "00000001")
        // Going back to an old nonce starts again too: only the latest nonce per realm is kept.
        #expect(try answer(first) == "00000001")
        client.reset(realm: "r")
        #expect(try answer(first) == "00000001")
    }

    @Test("Every answer computes with its own nc and a fresh cnonce, and verifies")
    func successiveAnswersVerify() throws {
        let cnonces = CountingCnonce()
        var client = DigestClient { cnonces.next() }
        let challenge = DigestChallenge(realm: "r", nonce: "n", algorithm: .sha256Sess)
        var responses: Set<String> = []
        for expected in 1...3 {
            let credentials = try client.credentials(
                for: challenge,
                username: "u",
                password: "p",
                method: .register,
                uri: "sip:r"
            )
            #expect(credentials.nonceCount?.value == UInt32(expected))
            #expect(credentials.cnonce == "cn000\(expected)")
            #expect(DigestComputation.verify(credentials: credentials, password: "p", method: .register))
            responses.insert(credentials.response)
        }
        #expect(responses.count == 3)
    }

    @Test("qop choice: auth when offered, auth-int when alone, none for an RFC 2069 challenge")
    func qopChoice() throws {
        var client = DigestClient { "c" }
        func qop(_ options: [DigestQOP], algorithm: DigestAlgorithm = .md5) throws -> DigestCredentials {
            let challenge = DigestChallenge(realm: "r", nonce: "n", algorithm: algorithm, qopOptions: options)
            return try client.credentials(
                for: challenge,
                username: "u",
                password: "p",
                method: .message,
                uri: "sip:r",
                body: Array("hi".utf8)
            )
        }
        #expect(try qop([.authInt, .auth]).qop == .auth)
        let authInt = try qop([.authInt])
        #expect(authInt.qop == .authInt)
        #expect(DigestComputation.verify(credentials: authInt, password: "p", method: .message, body: Array("hi".utf8)))
        #expect(
            !DigestComputation.verify(credentials: authInt, password: "p", method: .message, body: Array("ho".utf8))
        )
        let legacy = try qop([])
        #expect(legacy.qop == nil)
        #expect(legacy.cnonce == nil)
        #expect(legacy.nonceCount == nil)
        #expect(!legacy.headerValue.contains("qop"))
        #expect(DigestComputation.verify(credentials: legacy, password: "p", method: .message))
        let legacySession = try qop([], algorithm: .md5Sess)
        #expect(legacySession.cnonce == "c")
        #expect(DigestComputation.verify(credentials: legacySession, password: "p", method: .message))
    }

    @Test("The default cnonce is 32 hex digits and differs between answers")
    func defaultCnonce() throws {
        var client = DigestClient()
        let challenge = DigestChallenge(realm: "r", nonce: "n")
        let a = try client.credentials(for: challenge, username: "u", password: "p", method: .register, uri: "sip:r")
        let b = try client.credentials(for: challenge, username: "u", password: "p", method: .register, uri: "sip:r")
        let cnonce = try #require(a.cnonce)
        #expect(cnonce.utf8.count == 32)
        #expect(
            cnonce.utf8.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
        )
        #expect(a.cnonce != b.cnonce)
    }

    @Test("hexCnonce is deterministic for a seeded generator")
    func seededCnonce() {
        var generator = SplitMix64(seed: 42)
        var again = SplitMix64(seed: 42)
        let first = DigestClient.hexCnonce(using: &generator)
        #expect(first == DigestClient.hexCnonce(using: &again))
        #expect(first != DigestClient.hexCnonce(using: &generator))
    }

    @Test("The remembered nonces are bounded")
    func boundedState() throws {
        var client = DigestClient(limits: DigestLimits(maxNonceStates: 4)) { "c" }
        for realm in 0..<100 {
            let challenge = DigestChallenge(realm: "r\(realm)", nonce: "n")
            _ = try client.credentials(for: challenge, username: "u", password: "p", method: .register, uri: "sip:r")
        }
        // r99 is still remembered right after its answer.
        #expect(client.nextNonceCount(for: DigestChallenge(realm: "r99", nonce: "n")).value == 2)
        #expect(client.nextNonceCount(for: DigestChallenge(realm: "r0", nonce: "n")).value == 1)
    }
}

/// A small seeded generator, so that tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9e37_79b9_7f4a_7c15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
