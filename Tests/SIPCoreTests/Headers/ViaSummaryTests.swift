import SIPCore
import Testing

/// `topViaSummary` reads the top Via's host, port, branch, received and rport without the parameter table: every
/// field must equal `topVia`'s.
@Suite struct ViaSummaryTests {
    static func expectEqual(_ message: SIPMessage, _ context: String) {
        let summary = message.topViaSummary
        let via = message.topVia
        #expect((summary == nil) == (via == nil), "\(context)")
        #expect(summary?.host == via?.host, "\(context)")
        #expect(summary?.port == via?.port, "\(context)")
        #expect(summary?.branch == via?.branch, "\(context)")
        #expect(summary?.received == via?.received, "\(context)")
        #expect(summary?.rport == via?.rport, "\(context)")
    }

    @Test func equalsTopViaForEveryCorpusMessage() throws {
        var compared = 0
        for folder in ["rfc4475/valid", "rfc4475/invalid", "rfc5118"] {
            for name in Corpus.names(folder) {
                guard let message = try? Corpus.parse(folder, name) else { continue }
                Self.expectEqual(message, "\(folder)/\(name)")
                compared += 1
            }
        }
        #expect(compared > 30)
    }

    @Test(
        arguments: [
            "Via: SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bK1;rport",
            "Via: SIP/2.0/UDP [2001:DB8::9]:5070;rport=5071;received=[2001:db8::10];branch=\"z9hG4bK-q\"",
            "v: SIP/2.0/TCP Host.Example.COM;branch=z9hG4bK2, SIP/2.0/UDP 192.0.2.7;branch=z9hG4bK3",
            "Via: SIP/2.0/UDP 192.0.2.1;received=198.51.100.4",
            "Via: bogus",
        ]
    )
    func equalsTopViaForEachForm(via: String) throws {
        let text =
            "OPTIONS sip:a@example.com SIP/2.0\r\n\(via)\r\nTo: <sip:a@example.com>\r\nFrom: <sip:b@example.com>;tag=1\r\n"
            + "Call-ID: c\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
        let message = try SIPMessageParser.parseDatagram(Array(text.utf8))
        Self.expectEqual(message, via)
        if via.contains("5062") {
            #expect(message.topViaSummary?.rport == .requested)
            #expect(message.topViaSummary?.port == 5062)
            #expect(message.topViaSummary?.branch == "z9hG4bK1")
        }
    }
}
