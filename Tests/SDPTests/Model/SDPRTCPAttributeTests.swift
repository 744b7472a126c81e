import SDP
import Testing

@Suite struct SDPRTCPAttributeTests {
    @Test func parsesRTCPValues() {
        #expect(SDPRTCPAttribute(attributeValue: "53020") == SDPRTCPAttribute(port: 53020))
        #expect(
            SDPRTCPAttribute(attributeValue: "53020 IN IP6 2001:db8::1")
                == SDPRTCPAttribute(port: 53020, connection: SDPConnection(addressType: "IP6", address: "2001:db8::1"))
        )
        #expect(SDPRTCPAttribute(attributeValue: "70000") == nil)
        #expect(SDPRTCPAttribute(attributeValue: "5 IN IP4") == nil)
        #expect(
            SDPRTCPAttribute(port: 9, connection: SDPConnection(address: "192.0.2.1")).attributeValue
                == "9 IN IP4 192.0.2.1"
        )
    }
}
