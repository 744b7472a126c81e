import SDP
import Testing

@Suite struct SDPFormatParametersTests {
    @Test func parsesFMTPValues() {
        #expect(
            SDPFormatParameters(attributeValue: "101 0-16") == SDPFormatParameters(format: "101", parameters: "0-16")
        )
        #expect(
            SDPFormatParameters(attributeValue: "111 minptime=10;useinbandfec=1")?.parameters
                == "minptime=10;useinbandfec=1"
        )
        #expect(SDPFormatParameters(attributeValue: "101") == nil)
        #expect(SDPFormatParameters(attributeValue: "101 ") == nil)
        #expect(SDPFormatParameters(attributeValue: " 0-16") == nil)
        #expect(SDPFormatParameters(format: "101", parameters: "0-15").attributeValue == "101 0-15")
    }
}
