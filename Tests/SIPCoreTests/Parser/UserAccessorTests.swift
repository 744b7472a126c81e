import SIPCore
import Testing

/// `requestURIUser`, `requestURISchemeAndUser`, `toURIUser`, `toTag` and `fromTag` read only parts of a header: they must equal the full
/// parse's.
@Suite struct UserAccessorTests {
    static let folders = ["rfc4475/valid", "rfc4475/invalid", "rfc5118"]

    @Test func equalTheFullParseForEveryCorpusMessage() throws {
        var compared = 0
        for folder in Self.folders {
            for name in Corpus.names(folder) {
                guard let message = try? Corpus.parse(folder, name) else { continue }
                #expect(message.requestURIUser == message.requestURI?.user, "\(folder)/\(name)")
                let parts = message.requestURISchemeAndUser
                #expect((parts == nil) == (message.requestURI == nil), "\(folder)/\(name)")
                #expect(parts?.scheme == message.requestURI?.scheme, "\(folder)/\(name)")
                #expect(parts?.user == message.requestURI?.user, "\(folder)/\(name)")
                #expect(message.toURIUser == message.to?.uri?.user, "\(folder)/\(name)")
                #expect(message.toTag == message.toSummary?.tag, "\(folder)/\(name)")
                #expect(message.fromTag == message.fromSummary?.tag, "\(folder)/\(name)")
                compared += 1
            }
        }
        #expect(compared > 30)
    }

    @Test(
        arguments: [
            ("INVITE sip:%61lice@example.com SIP/2.0", "To: <sip:b%6Fb@example.com>;tag=1", "alice", "bob"),
            ("INVITE tel:+1-201-555-0123 SIP/2.0", "To: tel:+12015550123", "+1-201-555-0123", "+12015550123"),
            ("OPTIONS sip:example.com SIP/2.0", "t: \"x\" <sip:example.com>", nil, nil),
            ("REGISTER sips:u:pw@[2001:db8::1]:5061 SIP/2.0", "To: <mailto:a@b>", "u", nil),
            ("OPTIONS MAILTO:u@example.com SIP/2.0", "To: <sip:u@example.com>", nil, "u"),
        ] as [(String, String, String?, String?)]
    )
    func readsTheUserOfEachForm(startLine: String, to: String, requestUser: String?, toUser: String?) throws {
        let text =
            "\(startLine)\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\(to)\r\nFrom: <sip:a@b>;tag=2\r\n"
            + "Call-ID: c\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
        let message = try SIPMessageParser.parseDatagram(Array(text.utf8))
        #expect(message.requestURIUser == requestUser)
        #expect(message.toURIUser == toUser)
        #expect(message.requestURIUser == message.requestURI?.user)
        #expect(message.toURIUser == message.to?.uri?.user)
        #expect(message.requestURISchemeAndUser?.scheme == message.requestURI?.scheme)
        #expect(message.requestURISchemeAndUser?.user == message.requestURI?.user)
    }
}
