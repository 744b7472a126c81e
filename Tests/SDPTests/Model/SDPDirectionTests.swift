import SDP
import Testing

@Suite struct SDPDirectionTests {
    @Test(arguments: [
        (SDPDirection.sendrecv, SDPDirection.sendrecv, SDPDirection.sendrecv),
        (.sendonly, .sendrecv, .recvonly),
        (.recvonly, .sendrecv, .sendonly),
        (.inactive, .sendrecv, .inactive),
        (.sendrecv, .recvonly, .recvonly),
        (.sendonly, .sendonly, .inactive),
    ])
    func answersNarrowTheOffer(offer: SDPDirection, preferred: SDPDirection, expected: SDPDirection) {
        #expect(offer.answer(preferring: preferred) == expected)
    }

    @Test func halves() {
        for direction in SDPDirection.allCases {
            #expect(SDPDirection(sends: direction.sends, receives: direction.receives) == direction)
        }
        #expect(SDPDirection.sendonly.sends && !SDPDirection.sendonly.receives)
    }
}
