import SIPAuth
import SIPCore
import Testing

@Suite("DigestCredentials: reading and writing Authorization / Proxy-Authorization")
struct DigestCredentialsTests {
    static let example = DigestCredentials(
        username: "alice",
        realm: "sip.example.com",
        nonce: "abc123",
        uri: "sip:sip.example.com",
        response: "0123456789abcdef0123456789abcdef",
        algorithm: .md5,
        cnonce: "0a4f113b",
        nonceCount: DigestNonceCount(1),
        qop: .auth,
        opaque: "op"
    )

    @Test("Writing follows RFC 7616 §3.9.1's order and quoting")
    func serialization() {
        #expect(
            Self.example.headerValue
                == "Digest username=\"alice\", realm=\"sip.example.com\", nonce=\"abc123\", "
                + "uri=\"sip:sip.example.com\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, "
                + "cnonce=\"0a4f113b\", qop=auth, nc=00000001, opaque=\"op\""
        )
        #expect(Self.example.header(for: .www).name == "Authorization")
        #expect(Self.example.header(for: .proxy).name == "Proxy-Authorization")
    }

    @Test("Without qop, cnonce and nc are left out (RFC 2069); a -sess algorithm keeps its cnonce")
    func withoutQOP() {
        var credentials = Self.example
        credentials.qop = nil
        credentials.opaque = nil
        #expect(!credentials.headerValue.contains("cnonce"))
        #expect(!credentials.headerValue.contains("nc="))
        #expect(credentials.headerValue.hasSuffix("algorithm=MD5"))
        credentials.algorithm = .sha256Sess
        #expect(credentials.headerValue.hasSuffix("algorithm=SHA-256-sess, cnonce=\"0a4f113b\""))
    }

    @Test("Quotes and backslashes are escaped and read back; CR and LF become spaces")
    func escaping() throws {
        var credentials = Self.example
        credentials.username = "a\"b\\c\""
        credentials.opaque = "x\r\nVia: evil"
        #expect(credentials.headerValue.contains("username=\"a\\\"b\\\\c\\\"\""))
        #expect(credentials.headerValue.contains("opaque=\"x  Via: evil\""))
        let request = try Fixtures.register([credentials.header(for: .www)])
        #expect(request.vias.count == 1)
        let read = try DigestCredentials(try #require(request.authorization.first))
        #expect(read.username == "a\"b\\c\"")
        #expect(read.opaque == "x  Via: evil")
    }

    @Test("Credentials survive SIPMessageBuilder and SIPMessageParser unchanged, in either header")
    func roundTrip() throws {
        var plain = Self.example
        plain.qop = nil
        plain.cnonce = nil
        plain.nonceCount = nil
        plain.opaque = nil
        for credentials in [Self.example, plain] {
            let request = try Fixtures.register([credentials.header(for: .www), credentials.header(for: .proxy)])
            #expect(try DigestCredentials(try #require(request.authorization.first)) == credentials)
            #expect(try DigestCredentials(try #require(request.proxyAuthorization.first)) == credentials)
        }
    }

    @Test("nc keeps the digits as sent; an upper-case one hashes differently from its lower-case twin")
    func nonceCountText() throws {
        let header = try #require(
            try Fixtures.authorization(
                "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x\", qop=auth, "
                    + "nc=0000000A, cnonce=\"c\""
            )
        )
        let credentials = try DigestCredentials(header)
        #expect(credentials.nonceCount?.text == "0000000A")
        #expect(credentials.nonceCount?.value == 10)
        #expect(DigestNonceCount(10).text == "0000000a")
        #expect(DigestNonceCount(UInt32.max).text == "ffffffff")
        #expect(DigestNonceCount(text: "+0000001") == nil)
        #expect(DigestNonceCount(text: "1") == nil)
        #expect(DigestNonceCount(text: "000000001") == nil)
        #expect(DigestNonceCount(text: "0000000g") == nil)
    }

    @Test(
        "Unusable credentials throw a clear error",
        arguments: [
            ("Basic YWxpY2U6cHc=", DigestError.Code.notDigest, String?.none),
            ("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", .missingParameter, "username"),
            ("Digest username=\"a\", nonce=\"n\", uri=\"u\", response=\"x\"", .missingParameter, "realm"),
            ("Digest username=\"a\", realm=\"r\", uri=\"u\", response=\"x\"", .missingParameter, "nonce"),
            ("Digest username=\"a\", realm=\"r\", nonce=\"n\", response=\"x\"", .missingParameter, "uri"),
            ("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\"", .missingParameter, "response"),
            (
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=AKAv1-MD5",
                .unsupportedAlgorithm, "algorithm"
            ),
            (
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth-conf",
                .unsupportedQOP, "qop"
            ),
            (
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=00000001",
                .missingParameter, "cnonce"
            ),
            (
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\"",
                .missingParameter, "nc"
            ),
            (
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=1",
                .invalidNonceCount, "nc"
            ),
        ]
    )
    func unusable(value: String, code: DigestError.Code, parameter: String?) throws {
        let header = try #require(try Fixtures.authorization(value))
        let error = #expect(throws: DigestError.self) { try DigestCredentials(header) }
        #expect(error?.code == code)
        #expect(error?.parameter == parameter)
        #expect(error.map { !String(describing: $0).isEmpty } == true)
    }

    @Test("A 10 KB username is rejected by the limit, not trapped on")
    func oversizeValue() throws {
        let username = String(repeating: "é", count: 5_000)
        let header = try #require(
            try Fixtures.authorization(
                "Digest username=\"\(username)\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\""
            )
        )
        let error = #expect(throws: DigestError.self) { try DigestCredentials(header) }
        #expect(error?.code == .valueTooLong)
        #expect(error?.parameter == "username")
    }
}
