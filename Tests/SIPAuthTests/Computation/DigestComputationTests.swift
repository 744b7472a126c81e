import SIPAuth
import SIPCore
import Testing

@Suite("Digest computation (RFC 2617 §3.5, RFC 7616 §3.9.1, RFC 8760)")
struct DigestComputationTests {
    @Test("RFC 2617 §3.5: MD5, qop=auth")
    func rfc2617Example() {
        let response = DigestComputation.response(
            algorithm: .md5,
            qop: .auth,
            username: "Mufasa",
            realm: "testrealm@host.com",
            password: "Circle Of Life",
            method: SIPMethod(rawValue: "GET"),
            uri: "/dir/index.html",
            nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            cnonce: "0a4f113b",
            nc: DigestNonceCount(1)
        )
        #expect(response == "6629fae49393a05397450978507c4ef1")
    }

    /// RFC 7616 §3.9.1, whose password is "Circle of Life" (lower-case "of"), for every hash.
    @Test(
        "RFC 7616 §3.9.1 for MD5 and SHA-256, and SHA-512-256 checked against OpenSSL",
        arguments: [
            (DigestAlgorithm.md5, "8ca523f5e9506fed4657c9700eebdbec"),
            (.sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
            (.sha512_256, "430d05014cecc49cab6fbe03176d41a1da86cbfe24a16580e22aaad928d960d0"),
        ]
    )
    func rfc7616Example(algorithm: DigestAlgorithm, expected: String) {
        let response = DigestComputation.response(
            algorithm: algorithm,
            qop: .auth,
            username: "Mufasa",
            realm: "http-auth@example.org",
            password: "Circle of Life",
            method: SIPMethod(rawValue: "GET"),
            uri: "/dir/index.html",
            nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            nc: DigestNonceCount(1)
        )
        #expect(response == expected)
    }

    /// `-sess` HA1 and `auth-int` HA2 together, against Python's hashlib (OpenSSL).
    @Test(
        "-sess with auth-int, against an independent implementation",
        arguments: [
            (DigestAlgorithm.md5Sess, "c6eac55dde61f386071c8760841eb63b"),
            (.sha256Sess, "75a1e5bacdef2a46eb9561ccc344dde35140f469f8f634069c42601b123126ff"),
            (.sha512_256Sess, "573b885e84210816dec8f0ac9d23c2048aafd0ac82bb2836b1595bbdcabde73f"),
        ]
    )
    func sessionAuthInt(algorithm: DigestAlgorithm, expected: String) {
        let response = DigestComputation.response(
            algorithm: algorithm,
            qop: .authInt,
            username: "alice",
            realm: "sip.example.com",
            password: "s3cr3t",
            method: .register,
            uri: "sip:sip.example.com",
            nonce: "abc123",
            cnonce: "cn0001",
            nc: DigestNonceCount(2),
            body: Array("v=0\r\n".utf8)
        )
        #expect(response == expected)
    }

    @Test("No qop (RFC 2069): H(HA1:nonce:HA2), and HA1 as a registrar would store it")
    func rfc2069AndStoredHA1() {
        let ha1 = DigestComputation.ha1(
            algorithm: .md5,
            username: "alice",
            realm: "sip.example.com",
            password: "s3cr3t"
        )
        #expect(ha1 == "f4e497010f7a8c57f2c7897781577c57")
        let response = DigestComputation.response(
            algorithm: .md5,
            qop: nil,
            ha1: ha1,
            method: .register,
            uri: "sip:sip.example.com",
            nonce: "abc123",
            cnonce: nil,
            nc: nil
        )
        #expect(response == "4c7e1a8ca5fb213d1162043a3842eece")
    }

    /// FIPS 180-4 example vectors for SHA-512/256, which this module computes itself.
    @Test(
        "SHA-512/256 test vectors",
        arguments: [
            ("", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a"),
            ("abc", "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a"
            ),
            (String(repeating: "a", count: 1000), "40eb4a70d4d69815407a9e272f0101cd67e3d11262a4a0bfc087712749c7fb53"),
        ]
    )
    func sha512_256Vectors(message: String, expected: String) {
        #expect(DigestComputation.bodyHash(algorithm: .sha512_256, body: Array(message.utf8)) == expected)
    }

    /// Lengths around the padding boundaries (one block vs two) against Python's hashlib (OpenSSL).
    @Test(
        "SHA-512/256 around the padding boundaries",
        arguments: [
            (111, "79a6132b3c9df0f7dfcb5c9c3c663d829a6e7f1c26440afa4eb49cfef669c8ea"),
            (112, "5349e8f46fcc4e650fe93ee6cd1459ff00c27733cc6f86c1925ceef63bece149"),
            (127, "fdd3cc6eb81f7da2e82bce47b75ef26f881d7118e9d968baaefea61764d70a42"),
            (128, "6c0dfa95c650de7bb33dedd62fe0b0363f5deec77c582a216c7e33253f59a518"),
            (239, "3627d7a2f2e67bb7923f57d4afe5c35c9aec7c8e0f0e536a26ad5bbd0bfaac66"),
            (240, "d26144396797444999c7cc520210ea92966e88ef1ff227009889ae5c081adf45"),
        ]
    )
    func sha512_256PaddingBoundaries(length: Int, expected: String) {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: length)
        #expect(DigestComputation.bodyHash(algorithm: .sha512_256, body: body) == expected)
    }

    @Test("verify accepts the right password and rejects a wrong one, a changed method and a changed body")
    func verify() {
        let nc = DigestNonceCount(1)
        let body = Array("hello".utf8)
        for algorithm in DigestAlgorithm.allCases {
            for qop in [DigestQOP?.none, .auth, .authInt] {
                let response = DigestComputation.response(
                    algorithm: algorithm,
                    qop: qop,
                    username: "alice",
                    realm: "r",
                    password: "pw",
                    method: .register,
                    uri: "sip:r",
                    nonce: "n",
                    cnonce: "c",
                    nc: nc,
                    body: body
                )
                let credentials = DigestCredentials(
                    username: "alice",
                    realm: "r",
                    nonce: "n",
                    uri: "sip:r",
                    response: response,
                    algorithm: algorithm,
                    cnonce: "c",
                    nonceCount: nc,
                    qop: qop
                )
                let context = "\(algorithm) \(qop?.token ?? "none")"
                #expect(
                    DigestComputation.verify(credentials: credentials, password: "pw", method: .register, body: body),
                    "\(context)"
                )
                #expect(
                    !DigestComputation.verify(credentials: credentials, password: "pW", method: .register, body: body),
                    "\(context)"
                )
                #expect(
                    !DigestComputation.verify(credentials: credentials, password: "pw", method: .invite, body: body),
                    "\(context)"
                )
                let ha1 = DigestComputation.ha1(algorithm: algorithm, username: "alice", realm: "r", password: "pw")
                #expect(
                    DigestComputation.verify(credentials: credentials, ha1: ha1, method: .register, body: body),
                    "\(context)"
                )
                let bodyMatters = !DigestComputation.verify(
                    credentials: credentials,
                    password: "pw",
                    method: .register,
                    body: Array("HELLO".utf8)
                )
                #expect(bodyMatters == (qop == .authInt), "\(context)")
            }
        }
    }

    @Test("verify takes an upper-case hex response, and rejects a truncated or empty one")
    func verifyResponseForms() {
        let response = "6629fae49393a05397450978507c4ef1"
        var credentials = DigestCredentials(
            username: "Mufasa",
            realm: "testrealm@host.com",
            nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            uri: "/dir/index.html",
            response: response.uppercased(),
            cnonce: "0a4f113b",
            nonceCount: DigestNonceCount(1),
            qop: .auth
        )
        let get = SIPMethod(rawValue: "GET")
        #expect(DigestComputation.verify(credentials: credentials, password: "Circle Of Life", method: get))
        credentials.response = String(response.dropLast())
        #expect(!DigestComputation.verify(credentials: credentials, password: "Circle Of Life", method: get))
        credentials.response = ""
        #expect(!DigestComputation.verify(credentials: credentials, password: "Circle Of Life", method: get))
    }
}
