import NIOCore
import Testing

@testable import SIPCore

@Suite struct SIPMessageBuilderTests {
    static func invite() -> SIPMessageBuilder {
        var b = SIPMessageBuilder(.request(method: .invite, uri: "sip:100@192.0.2.10:5060"))
        b.add("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds;rport")
        b.add("Max-Forwards", "70")
        b.add("From", "\"Alice\" <sip:alice@example.com>;tag=1928301774")
        b.add("To", "<sip:100@example.com>")
        b.add("Call-ID", "a84b4c76e66710@pc33.example.com")
        b.add("CSeq", "314159 INVITE")
        b.add("Contact", "<sip:alice@192.0.2.1:5060>")
        b.add("Content-Type", "application/sdp")
        b.add("l", "999")
        b.body = ByteBuffer(string: "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n")
        return b
    }

    @Test func roundTripIsExact() throws {
        let built = Self.invite()
        let bytes = built.serialized()
        let m = try SIPMessageParser.parseDatagram(bytes)
        #expect(m.anomalies.isEmpty, "\(m.anomalies)")
        #expect(m.method == .invite)
        #expect(m.requestURIText == "sip:100@192.0.2.10:5060")
        #expect(m.headerFields.map { m.name(of: $0) } == built.headers.map(\.name))
        #expect(m.headerFields.map { m.value(of: $0) }.dropLast() == built.headers.map(\.value).dropLast())
        #expect(m.contentLength == built.body.readableBytes)
        #expect(m.body == built.body)
        // Serializing what was parsed gives the same bytes again.
        var again = SIPMessageBuilder(.request(method: m.method!, uri: m.requestURIText!), body: m.body)
        for f in m.headerFields { again.add(m.name(of: f), m.value(of: f)) }
        #expect(again.serialized() == bytes)
    }

    /// The buffer is allocated once at the size the message needs: never grown while writing.
    @Test(arguments: [0, 1, 20, 200, 2_000])
    func serializedBufferFitsWithoutGrowing(extraHeaders: Int) throws {
        var built = Self.invite()
        for i in 0..<extraHeaders { built.add("X-Extra-\(i)", String(repeating: "v", count: i % 37)) }
        var response = SIPMessageBuilder(.response(status: 200, reason: "OK"), headers: built.headers)
        response.add("Server", "Honeyphone test")
        for message in [built, response] {
            let bytes = message.serialized()
            // NIO rounds a capacity up to a power of two; a grown buffer would have a larger one.
            #expect(bytes.capacity == ByteBufferAllocator().buffer(capacity: message.serializedSizeEstimate).capacity)
            #expect(bytes.readableBytes <= message.serializedSizeEstimate)
            #expect(message.serializedSizeEstimate - bytes.readableBytes <= 64 + 12 * message.headers.count)
        }
    }

    @Test func responseEchoesTheTransactionHeaders() throws {
        let request = try SIPMessageParser.parseDatagram(Self.invite().serialized())
        let response = SIPMessageBuilder.response(to: request, status: 180, reason: "Ringing", toTag: "hp1")
        let m = try SIPMessageParser.parseDatagram(response.serialized())
        #expect(m.statusCode == 180)
        #expect(m.reasonPhrase == "Ringing")
        #expect(m.vias == request.vias)
        #expect(m.from == request.from)
        #expect(m.to?.tag == "hp1")
        #expect(m.callID == request.callID)
        #expect(m.cseq == request.cseq)
        #expect(m.contentLength == 0)
    }

    /// Attacker text echoed into a header can never start a new line.
    @Test func headerInjectionIsInert() throws {
        var b = SIPMessageBuilder(.response(status: 200, reason: "OK\r\nX-Injected: 1"))
        b.add("Via", "SIP/2.0/UDP h;branch=z9hG4bK1")
        b.add("Subject", "hi\r\nX-Evil: yes\r\n\r\nbody")
        b.add("Bad\r\nName", "v")
        let m = try SIPMessageParser.parseDatagram(b.serialized())
        #expect(m.firstValue(named: "X-Evil") == nil)
        #expect(m.firstValue(named: "X-Injected") == nil)
        #expect(m.subject == "hi  X-Evil: yes    body")
        #expect(m.body.readableBytes == 0)
    }
}
