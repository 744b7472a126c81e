import NIOCore
import SIPCore
import SIPTransactions
import Testing

/// The ACK of a non-2xx response (RFC 3261 §17.1.1.3).
@Suite struct SIPMessageBuilderACKTests {
    @Test func ackCopiesTheTopViaOnlyAndTheResponseTo() throws {
        // Two Via entries in one field and a second field: the ACK keeps only the first entry, as sent.
        let invite = try Fixtures.parse(
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9;x=\"a,b\", "
                + "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKold\r\n"
                + "Via: SIP/2.0/TCP 192.0.2.2;branch=z9hG4bKolder\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl\r\n"
                + "To: Bob <sip:bob@biloxi.example.com>\r\n"
                + "Call-ID: 3848276298220188511@atlanta.example.com\r\n"
                + "CSeq: 2 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n"
        )
        let response = try Fixtures.parsedResponse(to: invite, 404, "Not Found", toTag: "8321234356")
        let ack = try Fixtures.parse(SIPMessageBuilder.ack(for: invite, response: response))
        #expect(ack.rawValues(.via) == ["SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK74bf9;x=\"a,b\""])
        #expect(ack.firstValue(.to) == "Bob <sip:bob@biloxi.example.com>;tag=8321234356")
        #expect(ack.firstValue(.from) == "Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl")
        #expect(ack.cseq == SIPCSeq(sequence: 2, method: .ack))
        #expect(ack.requestURIText == "sip:bob@biloxi.example.com")
        #expect(ack.fields(.route).isEmpty)
        #expect(ack.body.readableBytes == 0)
    }
}

extension SIPMessage {
    /// The raw values of every field with this name.
    func rawValues(_ name: SIPHeaderName) -> [String] { self.fields(name).map { self.value(of: $0) } }
}
