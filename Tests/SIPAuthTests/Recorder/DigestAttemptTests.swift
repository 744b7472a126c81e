import Foundation
import SIPAuth
import SIPCore
import Testing

@Suite("DigestAttempt: recording attackers' credentials and testing guesses offline")
struct DigestAttemptTests {
    static let body = Array("v=0\r\no=- 1 1 IN IP4 192.0.2.66\r\n".utf8)

    /// The Authorization header an attacker's tool would send for `password`.
    static func attackerHeader(algorithm: DigestAlgorithm?, qop: DigestQOP?, password: String) -> String {
        let response = DigestComputation.response(
            algorithm: algorithm ?? .md5,
            qop: qop,
            username: "100",
            realm: "asterisk",
            password: password,
            method: .register,
            uri: "sip:192.0.2.1",
            nonce: "4f1a2b3c",
            cnonce: "deadbeef",
            nc: DigestNonceCount(1),
            body: Self.body
        )
        var value = "Digest username=\"100\", realm=\"asterisk\", nonce=\"4f1a2b3c\", uri=\"sip:192.0.2.1\", "
        value += "response=\"\(response)\""
        if let algorithm { value += ", algorithm=\(algorithm.token)" }
        if let qop {
            value += ", qop=\(qop.token), nc=00000001, cnonce=\"deadbeef\""
        } else if algorithm?.isSession == true {
            value += ", cnonce=\"deadbeef\""
        }
        return value
    }

    static func attempt(_ value: String, method: SIPMethod = .register) throws -> DigestAttempt {
        DigestAttempt(try #require(try Fixtures.authorization(value)), method: method, body: Self.body)
    }

    @Test(
        "matches is true for the right password and false for a wrong one, for every algorithm and qop",
        arguments: DigestAlgorithm.allCases.map(Optional.some) + [nil],
        [DigestQOP?.none, .auth, .authInt]
    )
    func matches(algorithm: DigestAlgorithm?, qop: DigestQOP?) throws {
        let attempt = try Self.attempt(Self.attackerHeader(algorithm: algorithm, qop: qop, password: "1234"))
        #expect(attempt.isTestable)
        #expect(attempt.resolvedAlgorithm == algorithm ?? .md5)
        #expect(attempt.matches(password: "1234"))
        #expect(!attempt.matches(password: "12345"))
        #expect(!attempt.matches(password: ""))
        let ha1 = DigestComputation.ha1(
            algorithm: algorithm ?? .md5,
            username: "100",
            realm: "asterisk",
            password: "1234"
        )
        #expect(attempt.matches(ha1: ha1.uppercased()))
        #expect((attempt.bodyHash != nil) == (qop == .authInt))
        // The same attempt on a different method (HA2 changes) no longer matches.
        let otherMethod = try Self.attempt(
            Self.attackerHeader(algorithm: algorithm, qop: qop, password: "1234"),
            method: .invite
        )
        #expect(!otherMethod.matches(password: "1234"))
    }

    @Test("Fields are kept raw, as sent")
    func rawFields() throws {
        let attempt = try Self.attempt(
            "Digest username=\"100\", realm=\"asterisk\", nonce=\"n\", uri=\"sip:x\", response=\"R\", "
                + "algorithm=md5, cnonce=\"c\", nc=0000000A, qop=AUTH, opaque=\"o\""
        )
        #expect(attempt.scheme == "Digest")
        #expect(attempt.kind == .www)
        #expect(attempt.method == "REGISTER")
        #expect(attempt.username == "100")
        #expect(attempt.realm == "asterisk")
        #expect(attempt.nonce == "n")
        #expect(attempt.uri == "sip:x")
        #expect(attempt.response == "R")
        #expect(attempt.algorithm == "md5")
        #expect(attempt.cnonce == "c")
        #expect(attempt.nc == "0000000A")
        #expect(attempt.qop == "AUTH")
        #expect(attempt.opaque == "o")
        #expect(attempt.truncatedParameters.isEmpty)
    }

    @Test("The nc and qop texts are hashed as sent: an attacker's upper-case nc still matches")
    func hashesAsSent() throws {
        let ha1 = DigestComputation.ha1(algorithm: .md5, username: "100", realm: "asterisk", password: "pw")
        let ha2 = DigestComputation.ha2(algorithm: .md5, qop: .auth, method: .register, uri: "sip:x")
        let response = DigestComputation.bodyHash(
            algorithm: .md5,
            body: Array("\(ha1):n:0000000A:c:auth:\(ha2)".utf8)
        )
        let attempt = try Self.attempt(
            "Digest username=\"100\", realm=\"asterisk\", nonce=\"n\", uri=\"sip:x\", response=\"\(response)\", "
                + "cnonce=\"c\", nc=0000000A, qop=auth"
        )
        #expect(attempt.matches(password: "pw"))
        #expect(!attempt.matches(password: "pw2"))
    }

    @Test(
        "Attempts that cannot be tested never match and never trap",
        arguments: [
            "Basic MTAwOjEyMzQ=",
            "Digest realm=\"asterisk\", nonce=\"n\", uri=\"sip:x\", response=\"r\"",
            "Digest username=\"100\", realm=\"asterisk\", uri=\"sip:x\", response=\"r\"",
            "Digest username=\"100\", realm=\"asterisk\", nonce=\"n\", response=\"r\"",
            "Digest username=\"100\", realm=\"asterisk\", nonce=\"n\", uri=\"sip:x\"",
            "Digest username=\"100\", realm=\"asterisk\", nonce=\"n\", uri=\"sip:x\", response=\"r\", algorithm=SHA-1",
            "Digest username=\"100\", realm=\"asterisk\", nonce=\"n\", uri=\"sip:x\", response=\"r\", qop=auth-conf",
            "Digest username=\"\\\"\\\\\", realm=\"\r\n\", nonce=\"\", uri=\"\", response=\"\", nc=zz, qop=",
            "Digest",
            "Digest ,,,,,==,\"",
        ]
    )
    func untestable(value: String) throws {
        guard let authorization = try Fixtures.authorization(value) else { return }
        let attempt = DigestAttempt(authorization, method: .register)
        #expect(!attempt.matches(password: "1234"))
        #expect(!attempt.matches(password: ""))
        #expect(!attempt.matches(ha1: ""))
    }

    @Test("10 KB values are cut to the limit, recorded as cut, and the attempt is no longer testable")
    func oversize() throws {
        let username = String(repeating: "ü", count: 5_000)
        let header = Self.attackerHeader(algorithm: .md5, qop: .auth, password: "1234")
            .replacingOccurrences(of: "username=\"100\"", with: "username=\"\(username)\"")
        let attempt = try Self.attempt(header)
        #expect(attempt.truncatedParameters == ["username"])
        let kept = try #require(attempt.username)
        #expect(kept.utf8.count == 1_024)
        #expect(kept.unicodeScalars.allSatisfy { $0 == "ü" })
        #expect(!attempt.isTestable)
        #expect(!attempt.matches(password: "1234"))
        let roomy = DigestAttempt(
            try #require(try Fixtures.authorization(header)),
            method: .register,
            body: Self.body,
            limits: DigestLimits(maxFieldLength: 20_000)
        )
        #expect(roomy.username == username)
        #expect(roomy.truncatedParameters.isEmpty)
    }

    @Test("attempts(in:) reads Authorization and Proxy-Authorization, with the request method")
    func attemptsInRequest() throws {
        let header = Self.attackerHeader(algorithm: .sha256, qop: .auth, password: "1234")
        let request = try Fixtures.register([
            SIPMessageBuilder.Header("Authorization", header),
            SIPMessageBuilder.Header("Proxy-Authorization", header),
        ])
        let attempts = DigestAttempt.attempts(in: request)
        #expect(attempts.map(\.kind) == [.www, .proxy])
        #expect(attempts.allSatisfy { $0.method == "REGISTER" && $0.matches(password: "1234") })
    }

    @Test("An attempt survives a JSON round trip for storage")
    func codable() throws {
        let attempt = try Self.attempt(Self.attackerHeader(algorithm: .sha512_256Sess, qop: .authInt, password: "pw"))
        let data = try JSONEncoder().encode(attempt)
        let decoded = try JSONDecoder().decode(DigestAttempt.self, from: data)
        #expect(decoded == attempt)
        #expect(decoded.matches(password: "pw"))
        let nc = try JSONDecoder().decode([DigestNonceCount].self, from: Data("[\"0000000A\"]".utf8))
        #expect(nc == [DigestNonceCount(text: "0000000A")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DigestNonceCount].self, from: Data("[\"1\"]".utf8))
        }
    }
}
