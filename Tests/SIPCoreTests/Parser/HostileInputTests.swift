import NIOCore
import SIPCore
import Testing

/// Hostile input: limits, garbage, and deterministic random mutations must never trap or grow unbounded.
@Suite struct HostileInputTests {
    static let base = Array(
        ("INVITE sip:100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5098;branch=z9hG4bK-1;rport\r\n"
            + "Max-Forwards: 70\r\nFrom: \"a\" <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:100@127.0.0.1>\r\n"
            + "Call-ID: x\r\nCSeq: 1 INVITE\r\nContact: <sip:a@127.0.0.1:5098>\r\n"
            + "Authorization: Digest username=\"a\", nonce=\"n\"\r\nContent-Type: application/sdp\r\n"
            + "Content-Length: 4\r\n\r\nv=0\n").utf8
    )

    @Test(arguments: [
        ("", SIPParseError.Code.emptyMessage),
        ("\r\n\r\n", .emptyMessage),
        ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", .notSIP),
        ("\u{0}\u{1}\u{2}\u{3}", .notSIP),
        ("INVITE\r\n\r\n", .notSIP),
    ])
    func unstructurable(text: String, code: SIPParseError.Code) {
        #expect {
            try SIPMessageParser.parseDatagram(Array(text.utf8))
        } throws: { ($0 as? SIPParseError)?.code == code }
    }

    @Test func oversizeMessageIsRejected() {
        let big = [UInt8](repeating: 0x41, count: 70_000)
        #expect(throws: SIPParseError.self) { try SIPMessageParser.parseDatagram(big) }
    }

    @Test func tooManyHeadersAreCountedNotKept() throws {
        var text = "OPTIONS sip:a@b SIP/2.0\r\n"
        for i in 0..<1000 { text += "X-\(i): y\r\n" }
        text += "\r\n"
        let m = try SIPMessageParser.parseDatagram(Array(text.utf8))
        #expect(m.headerFields.count == SIPParserLimits.default.maxHeaderCount)
        #expect(m.anomalies.contains { $0.code == .tooManyElements })
    }

    @Test func oversizeHeaderIsAnAnomaly() throws {
        let text = "OPTIONS sip:a@b SIP/2.0\r\nSubject: " + String(repeating: "z", count: 9000) + "\r\n\r\n"
        let m = try SIPMessageParser.parseDatagram(Array(text.utf8))
        #expect(m.anomalies.contains { $0.code == .oversizeField })
        #expect(m.subject == "")
    }

    @Test func manyViasAndParametersAreBounded() throws {
        let vias = (0..<100).map { "SIP/2.0/UDP h\($0).example.com;branch=z9hG4bK\($0)" }.joined(separator: ",")
        let params = (0..<100).map { ";p\($0)=1" }.joined()
        let text = "OPTIONS sip:a@b SIP/2.0\r\nVia: \(vias)\r\nTo: <sip:a@b>\(params)\r\n\r\n"
        let m = try SIPMessageParser.parseDatagram(Array(text.utf8))
        #expect(m.anomalies.contains { $0.code == .tooManyElements })
        #expect(m.anomalies.count <= SIPParserLimits.default.maxAnomalies)
    }

    @Test func anomalyListIsBounded() throws {
        var text = "OPTIONS sip:a@b SIP/2.0\r\n"
        for _ in 0..<200 { text += "Via: ;;;,,,\r\n" }
        text += "\r\n"
        let m = try SIPMessageParser.parseDatagram(Array(text.utf8))
        #expect(m.anomalies.count == SIPParserLimits.default.maxAnomalies)
        #expect(m.droppedAnomalyCount > 0)
    }

    @Test func bareLineFeedsAreAccepted() throws {
        let text =
            "OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nTo: <sip:a@b>\nFrom: <sip:c@d>;tag=1\nCall-ID: 1\nCSeq: 1 OPTIONS\nMax-Forwards: 1\n\n"
        let m = try SIPMessageParser.parseDatagram(Array(text.utf8))
        #expect(m.anomalies.map(\.code) == [.bareLineFeed])
        #expect(m.vias.count == 1)
    }

    /// Deterministic mutations of a valid INVITE (bit flips, truncations, insertions of SIP delimiters):
    /// every one parses or throws, and every typed accessor can be read.
    @Test func randomMutationsNeverTrap() {
        var rng = SplitMix64(seed: 0x5EED)
        let delimiters: [UInt8] = Array(";,:<>\"\\@[]?=%\r\n \t\0".utf8)
        for _ in 0..<20_000 {
            var bytes = Self.base
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let i = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 4 {
                case 0: bytes[i] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8))
                case 1: bytes[i] = delimiters[Int(rng.next() % UInt64(delimiters.count))]
                case 2: bytes.insert(delimiters[Int(rng.next() % UInt64(delimiters.count))], at: i)
                default: bytes.removeSubrange(i..<min(bytes.count, i + Int(rng.next() % 8)))
                }
                if bytes.isEmpty { bytes = [0] }
            }
            guard let m = try? SIPMessageParser.parseDatagram(bytes) else { continue }
            Self.readEverything(m)
        }
    }

    static func readEverything(_ m: SIPMessage) {
        _ = (m.method, m.requestURI, m.statusCode, m.reasonPhrase, m.vias, m.from, m.to, m.contacts, m.routes)
        _ = (m.recordRoutes, m.cseq, m.callID, m.maxForwards, m.expires, m.contentLength, m.contentType, m.accept)
        _ = (m.allow, m.supported, m.require, m.authorization, m.wwwAuthenticate, m.alertInfo, m.callInfo, m.body)
        for f in m.headerFields { _ = (m.name(of: f), m.value(of: f)) }
    }
}

/// A small deterministic generator for reproducible mutation tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { self.state = seed }
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
