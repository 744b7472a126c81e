import Recon
import SIPCore
import Testing

@Suite struct TelephoneNumberTests {
    static func message(_ headers: String) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(
            Array(
                ("INVITE sip:bob@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK1\r\n"
                    + "Call-ID: 1@x\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" + headers + "Content-Length: 0\r\n\r\n")
                    .utf8
            )
        )
    }

    @Test func globalNumbersOfFromToAndAssertedIdentityWithTheirRoles() throws {
        let message = try Self.message(
            "From: <sip:+33561001234@pole-nord.fr;user=phone>;tag=1\r\nTo: <tel:+33-5-61-00-12-34>\r\n"
                + "P-Asserted-Identity: \"Op\" <tel:+1.555.0100;phone-context=+1>, <sip:+33383593000@loria.fr>\r\n"
        )
        let numbers = TelephoneNumber.numbers(in: message)
        #expect(numbers.map(\.number) == ["+33561001234", "+15550100", "+33383593000"])
        #expect(numbers.first?.roles == [.from, .to])
        #expect(numbers.last?.roles == [.assertedIdentity])
    }

    @Test func localNumbersNamesAndOverlongTextAreNotNumbers() throws {
        let long = String(repeating: "1", count: 20)
        let message = try Self.message(
            "From: <sip:0561001234@pole-nord.fr>;tag=1\r\nTo: <sip:alice@pole-nord.fr>\r\n"
                + "P-Asserted-Identity: <sip:+\(long)@x>, <sip:+33abc@x>, <http://+3312345>\r\n"
        )
        #expect(TelephoneNumber.numbers(in: message).isEmpty)
    }

    @Test func theCountIsBounded() throws {
        let identities = (0..<10).map { "<tel:+3356100\($0)000>" }.joined(separator: ", ")
        let message = try Self.message(
            "From: <sip:a@x>;tag=1\r\nTo: <sip:b@x>\r\nP-Asserted-Identity: \(identities)\r\n"
        )
        #expect(TelephoneNumber.numbers(in: message, limit: 4).count == 4)
        #expect(TelephoneNumber.numbers(in: message, limit: 0).isEmpty)
    }
}
