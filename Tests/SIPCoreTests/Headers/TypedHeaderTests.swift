import NIOCore
import SIPCore
import Testing

/// Typed access to the headers of RFC 4475 messages whose values are hard to parse.
@Suite struct TypedHeaderTests {
    /// §3.1.1.1 wsinv: folding, LWS everywhere, compact and long names, unusual case.
    @Test func wsinv() throws {
        let m = try Corpus.parse("rfc4475/valid", "wsinv")
        #expect(m.method == .invite)
        #expect(m.to?.tag == "1918181833n")
        #expect(m.to?.uri?.user == "vivekg")
        #expect(m.from?.displayName == #"J Rosenberg \""#)
        #expect(m.from?.tag == "98asjd8")
        #expect(m.maxForwards == 68)
        #expect(m.cseq == SIPCSeq(sequence: 9, method: .invite))
        #expect(m.callID == "wsinv.ndaksdj@192.0.2.1")
        #expect(m.vias.map(\.transport) == ["UDP", "TCP", "UDP"])
        #expect(m.vias.map(\.host) == [.ipv4("192.0.2.2"), .name("spindle.example.com"), .ipv4("192.168.255.111")])
        #expect(m.vias.map(\.branch) == ["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"])
        #expect(m.topVia == m.vias.first)
        #expect(m.contacts.count == 1)
        #expect(m.contacts.first?.displayName == #"Quoted string """#)
        #expect(m.contacts.first?.q == 0.33)
        #expect(m.contacts.first?.parameters["newparam"] == "newvalue")
        #expect(m.routes.first?.uri?.parameters.contains("unknown-no-value") == true)
        #expect(m.headerFields.first { $0.name == .via && $0.isCompact } != nil)
        #expect(m.contentLength == 150)
        #expect(m.bodyRange.count == 150)
        #expect(m.subject == "")
    }

    /// §3.1.1.3 esc01: %-escapes in the user part are decoded.
    @Test func escapesAreDecoded() throws {
        let m = try Corpus.parse("rfc4475/valid", "esc01")
        #expect(m.requestURI?.user == "sips:user@example.com")
    }

    /// §3.1.1.4 escnull: %00 must not truncate the user.
    @Test func escapedNulDoesNotTruncate() throws {
        let m = try Corpus.parse("rfc4475/valid", "escnull")
        #expect(m.to?.uri?.user == "null-\u{0}-null")
        #expect(m.contacts.map { $0.uri?.user } == ["\u{0}", "\u{0}\u{0}"])
    }

    /// §3.1.1.5 esc02: an escaped header name is not Contact; the method is not REGISTER.
    @Test func escapedNamesAreNotDecoded() throws {
        let m = try Corpus.parse("rfc4475/valid", "esc02")
        #expect(m.method?.rawValue == "RE%47IST%45R")
        #expect(m.contacts.count == 2)
        #expect(m.firstValue(named: "C%6Fntact") == "<sip:alias2@host2.example.com>")
    }

    /// §3.1.1.9 semiuri: the user part contains ';'.
    @Test func semicolonInUser() throws {
        let m = try Corpus.parse("rfc4475/valid", "semiuri")
        #expect(m.requestURI?.user == "user;par=u@example.net")
        #expect(m.requestURI?.host == .name("example.com"))
        #expect(m.accept.count == 6)
    }

    /// §3.1.1.2 intmeth: user, password and parameters full of legal punctuation.
    @Test func unusualCharacters() throws {
        let m = try Corpus.parse("rfc4475/valid", "intmeth")
        let uri = try #require(m.requestURI)
        #expect(uri.user == "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*")
        #expect(uri.password == "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)")
        #expect(uri.host == .name("example.com"))
        #expect(m.to?.displayName == "BEL:\u{7} NUL:\u{0} DEL:\u{7F}")
    }

    /// §3.1.1.8 dblreq: the second "request" is trailing bytes.
    @Test func trailingBytesAreKept() throws {
        let m = try Corpus.parse("rfc4475/valid", "dblreq")
        #expect(m.method == .register)
        #expect(m.trailingRange.count > 0)
        #expect(String(buffer: m.trailingBytes).contains("INVITE sip:joe@example.com SIP/2.0"))
    }

    /// §3.1.1.11 mpart01: NUL and bare CR in the body are framed by Content-Length.
    @Test func binaryBody() throws {
        let m = try Corpus.parse("rfc4475/valid", "mpart01")
        #expect(m.body.readableBytes == m.contentLength)
        #expect(m.contentType?.type == "multipart")
        #expect(m.contentType?.parameters["boundary"] == "7a9cbec02ceef655")
    }

    /// §3.1.1.12/13: reason phrases with UTF-8, and empty.
    @Test func reasonPhrases() throws {
        let u = try Corpus.parse("rfc4475/valid", "unreason")
        #expect(u.statusCode == 200)
        #expect(u.reasonPhrase?.contains("2**3") == true)
        let n = try Corpus.parse("rfc4475/valid", "noreason")
        #expect(n.statusCode == 100)
        #expect(n.reasonPhrase == "")
    }

    /// §3.3.7 regaut01: an unknown auth scheme keeps its parameters.
    @Test func unknownAuthScheme() throws {
        let m = try Corpus.parse("rfc4475/valid", "regaut01")
        #expect(m.authorization.first?.scheme == "NoOneKnowsThisScheme")
        #expect(m.authorization.first?.parameters["opaque-data"] == "here")
    }

    /// §3.1.1.10 transports: unknown transports are kept.
    @Test func transports() throws {
        let m = try Corpus.parse("rfc4475/valid", "transports")
        #expect(m.vias.map(\.transport) == ["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"])
    }

    /// §3.3.12/13 cparam: contact-params vs url-params.
    @Test func contactParameters() throws {
        let a = try Corpus.parse("rfc4475/valid", "cparam01")
        #expect(a.contacts.first?.parameters.contains("unknownparam") == true)
        #expect(a.contacts.first?.uri?.parameters.contains("unknownparam") == false)
        let b = try Corpus.parse("rfc4475/valid", "cparam02")
        #expect(b.contacts.first?.uri?.parameters.contains("unknownparam") == true)
    }

    /// §3.3.14 regescrt: an escaped Route header in the contact URI.
    @Test func uriHeaders() throws {
        let m = try Corpus.parse("rfc4475/valid", "regescrt")
        #expect(m.contacts.first?.uri?.headers["Route"] == "<sip:sip.example.com>")
    }

    @Test func digestCredentials() throws {
        let text =
            "REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1;rport\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:100@example.com>;tag=1\r\nTo: <sip:100@example.com>\r\n"
            + "Call-ID: abc\r\nCSeq: 2 REGISTER\r\nContact: <sip:100@192.0.2.1:5060>;expires=60, *\r\n"
            + "Authorization: Digest username=\"100\", realm=\"example.com\", nonce=\"xyz\", "
            + "uri=\"sip:example.com\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5, "
            + "qop=auth, nc=00000001, cnonce=\"c1\"\r\nExpires: 3600\r\nContent-Length: 0\r\n\r\n"
        let m = try SIPMessageParser.parseDatagram(Array(text.utf8))
        let auth = try #require(m.authorization.first)
        #expect(auth.isDigest)
        #expect(auth.username == "100")
        #expect(auth.realm == "example.com")
        #expect(auth.uri == "sip:example.com")
        #expect(auth.algorithm == "MD5")
        #expect(auth.nonceCount == "00000001")
        #expect(auth.cnonce == "c1")
        #expect(m.expires == 3600)
        #expect(m.vias.first?.rport == .requested)
        #expect(m.contacts.first?.expires == 60)
    }
}
