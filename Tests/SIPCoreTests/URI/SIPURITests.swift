import SIPCore
import Testing

@Suite struct SIPURITests {
    @Test func fullSIPURI() throws {
        let (uri, anomalies) = SIPURI.parse(
            Array("sips:al%69ce:s3cr%65t@[2001:db8::1]:5061;transport=tls;lr?subject=hi%20there&priority=urgent".utf8)
        )
        #expect(anomalies.isEmpty)
        let u = try #require(uri)
        #expect(u.scheme == .sips)
        #expect(u.user == "alice")
        #expect(u.password == "s3cret")
        #expect(u.host == .ipv6("2001:db8::1"))
        #expect(u.port == 5061)
        #expect(u.parameters["transport"] == "tls")
        #expect(u.parameters.contains("LR"))
        #expect(u.headers["subject"] == "hi there")
    }

    @Test func telURI() throws {
        let (uri, anomalies) = SIPURI.parse(Array("tel:+1-201-555-0123;phone-context=example.com".utf8))
        #expect(anomalies.isEmpty)
        #expect(uri?.scheme == .tel)
        #expect(uri?.user == "+1-201-555-0123")
        #expect(uri?.parameters["phone-context"] == "example.com")
    }

    @Test func otherSchemeIsKeptRaw() {
        let (uri, anomalies) = SIPURI.parse(Array("http://www.example.com/a".utf8))
        #expect(uri?.scheme == .other("http"))
        #expect(uri?.raw == "http://www.example.com/a")
        #expect(anomalies.map(\.code) == [.unknownURIScheme])
    }

    @Test(arguments: [
        ("sip:user@host:99999", SIPAnomaly.Code.valueOutOfRange),
        ("sip:user@ho st", .invalidHost),
        ("sip:2001:db8::1", .invalidIPv6Reference),
        ("sip:u@[2001:db8:::1]", .invalidIPv6Reference),
        ("sip:u@[2001:db8::1", .invalidIPv6Reference),
        ("sip:u%zz@host", .invalidEscape),
        ("sip:u@300.1.1.1", .invalidHost),
        ("sip:u@-bad-.example.com", .invalidHost),
        ("sip:u@host;=x", .invalidURI),
        ("sip:@host", .invalidURI),
        ("no-scheme", .invalidURI),
        ("tel:12ab$", .invalidURI),
    ])
    func defects(text: String, code: SIPAnomaly.Code) {
        let (_, anomalies) = SIPURI.parse(Array(text.utf8))
        #expect(anomalies.contains { $0.code == code && $0.severity == .error }, "\(text): \(anomalies)")
    }

    @Test(arguments: [
        "sip:alice@example.com", "sip:192.0.2.1", "sip:[::1]:5060", "sip:a@[::ffff:192.0.2.1]", "sip:host.example.com.",
    ])
    func validURIsHaveNoAnomalies(text: String) {
        #expect(SIPURI.parse(Array(text.utf8)).anomalies.isEmpty)
        #expect(SIPURI(text) != nil)
    }
}
