import NIOCore
import SDP
import Testing

@Suite struct SDPSessionDescriptionSerializeTests {
    private func text(_ description: SDPSessionDescription) -> String {
        String(buffer: description.serializedBuffer())
    }

    @Test func writesRFC8866OrderWithCRLF() {
        let description = SDPSessionDescription(
            origin: SDPOrigin(username: "honey", sessionID: 1, sessionVersion: 2, unicastAddress: "192.0.2.10"),
            sessionName: "-",
            information: "info",
            uri: "http://example.com/",
            emails: ["a@example.com"],
            phones: ["+1 555 0100"],
            connection: SDPConnection(address: "192.0.2.10"),
            bandwidths: [SDPBandwidth(type: "AS", value: 64)],
            timings: [SDPTiming(start: 1, stop: 2, repeats: ["7d 1h 0 25h"], zoneAdjustments: "2882844526 -1h")],
            key: "prompt",
            attributes: [SDPAttribute(name: "tool", value: "honeyphone")],
            media: [
                SDPMediaDescription(
                    media: "audio",
                    port: 4000,
                    portCount: 2,
                    proto: "RTP/AVP",
                    formats: ["0"],
                    information: "voice",
                    connections: [
                        SDPConnection(addressType: "IP4", address: "233.252.0.1", ttl: 16, numberOfAddresses: 2)
                    ],
                    bandwidths: [SDPBandwidth(type: "TIAS", value: 64000)],
                    key: "clear:x",
                    attributes: [SDPAttribute(name: "sendrecv")]
                )
            ]
        )
        #expect(
            self.text(description)
                == "v=0\r\no=honey 1 2 IN IP4 192.0.2.10\r\ns=-\r\ni=info\r\nu=http://example.com/\r\n"
                + "e=a@example.com\r\np=+1 555 0100\r\nc=IN IP4 192.0.2.10\r\nb=AS:64\r\nt=1 2\r\n"
                + "r=7d 1h 0 25h\r\nz=2882844526 -1h\r\nk=prompt\r\na=tool:honeyphone\r\n"
                + "m=audio 4000/2 RTP/AVP 0\r\ni=voice\r\nc=IN IP4 233.252.0.1/16/2\r\nb=TIAS:64000\r\n"
                + "k=clear:x\r\na=sendrecv\r\n"
        )
    }

    @Test func serializesTheTypicalOfferByteForByte() throws {
        let offer = try SDPParser.parse(SDPFixtures.typicalOffer)
        #expect(Array(buffer: offer.serializedBuffer()) == SDPFixtures.typicalOffer)
    }

    @Test func rfcExamplesRoundTrip() throws {
        for body in [SDPFixtures.rfc8866Example, SDPFixtures.rfc5118IPv6, SDPFixtures.rfc5118MappedIPv6] {
            let parsed = try SDPParser.parse(body)
            #expect(Array(buffer: parsed.serializedBuffer()) == body)
        }
    }

    @Test func lineBreaksInValuesCannotInjectLines() throws {
        var description = SDPSessionDescription(
            origin: SDPOrigin(sessionID: 1, sessionVersion: 1, unicastAddress: "192.0.2.1"),
            sessionName: "evil\r\nm=audio 1 RTP/AVP 0\u{0}"
        )
        description.attributes = [SDPAttribute(name: "x", value: "a\nb")]
        let text = self.text(description)
        #expect(text.contains("s=evilm=audio 1 RTP/AVP 0\r\n"))
        #expect(text.contains("a=x:ab\r\n"))
        let parsed = try SDPParser.parse(description.serializedBuffer())
        #expect(parsed.media.isEmpty)
        #expect(parsed.anomalies == [])
    }

    @Test func appendsToAnExistingBuffer() {
        var buffer = ByteBuffer(string: "prefix|")
        SDPSessionDescription(origin: SDPOrigin(sessionID: 7, sessionVersion: 7, unicastAddress: "::1"))
            .serialize(into: &buffer)
        #expect(String(buffer: buffer) == "prefix|v=0\r\no=- 7 7 IN IP6 ::1\r\ns=-\r\nt=0 0\r\n")
    }

    @Test func largeNumbersAreWrittenExactly() throws {
        let description = SDPSessionDescription(
            origin: SDPOrigin(sessionID: .max, sessionVersion: 0, unicastAddress: "192.0.2.1"),
            timings: [SDPTiming(start: .max, stop: 10)]
        )
        #expect(self.text(description).contains("t=18446744073709551615 10\r\n"))
        let parsed = try SDPParser.parse(description.serializedBuffer())
        #expect(parsed.removingEvidence() == description)
        #expect(parsed.origin?.numericSessionID == .max)
    }
}
