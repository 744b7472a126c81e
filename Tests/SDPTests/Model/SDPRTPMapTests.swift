import SDP
import Testing

@Suite struct SDPRTPMapTests {
    @Test(arguments: [
        ("0 PCMU/8000", SDPRTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000)),
        ("101 telephone-event/8000", SDPRTPMap(payloadType: 101, encodingName: "telephone-event", clockRate: 8000)),
        ("111 opus/48000/2", SDPRTPMap(payloadType: 111, encodingName: "opus", clockRate: 48000, channels: 2)),
        ("127 H263-1998/90000", SDPRTPMap(payloadType: 127, encodingName: "H263-1998", clockRate: 90000)),
    ])
    func parsesAndWritesBack(value: String, expected: SDPRTPMap) {
        #expect(SDPRTPMap(attributeValue: value) == expected)
        #expect(expected.attributeValue == value)
    }

    @Test(arguments: [
        "", "0", "0 PCMU", "x PCMU/8000", "128 X/8000", "0 PCMU/", "0 PCMU/8000/", "0 PCMU/8000/1/2", "0 /8000",
    ])
    func rejectsMalformedValues(_ value: String) {
        #expect(SDPRTPMap(attributeValue: value) == nil)
    }

    @Test func codecComparisonIgnoresCaseAndPayloadType() {
        let offered = SDPRTPMap(payloadType: 96, encodingName: "Telephone-Event", clockRate: 8000)
        #expect(offered.isSameCodec(as: SDPRTPMap(payloadType: 101, encodingName: "telephone-event", clockRate: 8000)))
        #expect(!offered.isSameCodec(as: SDPRTPMap(payloadType: 96, encodingName: "telephone-event", clockRate: 16000)))
        let mono = SDPRTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000)
        #expect(mono.isSameCodec(as: SDPRTPMap(payloadType: 0, encodingName: "pcmu", clockRate: 8000, channels: 1)))
        #expect(!mono.isSameCodec(as: SDPRTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000, channels: 2)))
    }

    @Test func staticPayloadTypes() {
        #expect(SDPRTPMap.staticPayloadTypes[0]?.encodingName == "PCMU")
        #expect(SDPRTPMap.staticPayloadTypes[8]?.encodingName == "PCMA")
        #expect(SDPRTPMap.staticPayloadTypes[18]?.encodingName == "G729")
        #expect(SDPRTPMap.staticPayloadTypes[10]?.channels == 2)
        #expect(SDPRTPMap.staticPayloadTypes[96] == nil)
        #expect(SDPRTPMap.staticPayloadTypes.values.allSatisfy { $0.payloadType < 35 })
    }
}
