import Recon
import SIPCore

/// Byte-exact SIP messages from the lab captures, copied into `Fixtures/` (tests never read /work/shared).
enum Fixtures {
    static let directory = String(#filePath.dropLast("Fixtures.swift".count)) + "Fixtures/"

    static func bytes(_ name: String) async throws -> [UInt8] {
        try await ReconFile.readAll(path: Self.directory + name + ".sip", maximumBytes: 65_536)
    }

    static func message(_ name: String) async throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(try await Self.bytes(name))
    }

    static func parse(_ text: String) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(Array(text.utf8))
    }

    /// The INVITE of the paper's §VII-C example (Table I): Alice@pole-nord.fr through three proxies.
    static let paperInvite = """
        INVITE sip:bob@honeypot.example SIP/2.0\r
        Via: SIP/2.0/UDP 130.200.10.11:5060;branch=z9hG4bK776asdhds\r
        Via: SIP/2.0/UDP 130.200.10.20:5060;branch=z9hG4bK776asdhdt\r
        Via: SIP/2.0/UDP 152.81.144.22:5060;branch=z9hG4bK776asdhdu\r
        Record-Route: <sip:152.81.144.22;lr>\r
        Max-Forwards: 68\r
        To: Bob <sip:bob@honeypot.example>\r
        From: Alice <sip:Alice@pole-nord.fr>;tag=1928301774\r
        Call-ID: a84b4c76e66710@uni.pole-nord.fr\r
        CSeq: 314159 INVITE\r
        Contact: <sip:Alice@uni.pole-nord.fr>\r
        User-Agent: KPhone/4.2\r
        Content-Type: application/sdp\r
        Content-Length: 140\r
        \r
        v=0\r
        o=alice 2890844526 2890844526 IN IP4 130.200.10.11\r
        s=-\r
        c=IN IP4 130.200.10.11\r
        t=0 0\r
        m=audio 49170 RTP/AVP 0\r
        a=rtpmap:0 PCMU/8000\r

        """
}
