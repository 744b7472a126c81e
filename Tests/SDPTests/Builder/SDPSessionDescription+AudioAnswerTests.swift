import NIOCore
import SDP
import Testing

@Suite struct SDPSessionDescriptionAudioAnswerTests {
    private let origin = SDPOrigin(
        username: "honeyphone",
        sessionID: 4_242,
        sessionVersion: 1,
        unicastAddress: "192.0.2.50"
    )

    @Test func buildsTheG711AnswerAndRoundTrips() throws {
        let answer = SDPSessionDescription.audioAnswer(
            origin: self.origin,
            connectionAddress: "192.0.2.50",
            port: 20_000
        )
        let text = String(buffer: answer.serializedBuffer())
        #expect(
            text
                == "v=0\r\no=honeyphone 4242 1 IN IP4 192.0.2.50\r\ns=-\r\nc=IN IP4 192.0.2.50\r\nt=0 0\r\n"
                + "m=audio 20000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n"
        )
        let parsed = try SDPParser.parse(answer.serializedBuffer())
        #expect(parsed.anomalies == [])
        #expect(parsed.removingEvidence() == answer)
    }

    @Test(arguments: [
        ("192.0.2.50", "IP4", SDPDirection.sendrecv, UInt32?(20)),
        ("2001:db8::50", "IP6", .recvonly, nil),
        ("pbx.example.com", "IP4", .inactive, 30),
    ])
    func roundTripsForEveryShape(address: String, addressType: String, direction: SDPDirection, ptime: UInt32?) throws {
        let answer = SDPSessionDescription.audioAnswer(
            origin: SDPOrigin(sessionID: 1, sessionVersion: 1, unicastAddress: address),
            sessionName: "honeyphone",
            connectionAddress: address,
            port: 40_000,
            payloads: [.pcma, .telephoneEvent(payloadType: 96, events: "0-15")],
            direction: direction,
            ptime: ptime
        )
        #expect(answer.connection?.addressType == addressType)
        #expect(answer.origin?.addressType == addressType)
        let parsed = try SDPParser.parse(answer.serializedBuffer())
        #expect(parsed.anomalies == [])
        #expect(parsed.removingEvidence() == answer)
        let audio = try #require(parsed.media.first)
        #expect(audio.direction == direction)
        #expect(audio.ptime == ptime)
        #expect(audio.formats == ["8", "96"])
        #expect(audio.formatParameters(for: "96") == "0-15")
    }

    @Test func answersTheTypicalOffer() throws {
        let offer = try SDPParser.parse(SDPFixtures.typicalOffer)
        let answer = SDPSessionDescription.answer(
            to: offer,
            origin: self.origin,
            connectionAddress: "192.0.2.50",
            port: 30_000
        )
        let audio = try #require(answer.acceptedAudioMedia)
        #expect(audio.port == 30_000)
        #expect(audio.formats == ["0", "8", "101"])
        #expect(audio.direction == .sendrecv)
        #expect(audio.formatParameters(for: "101") == "0-16")
        let parsed = try SDPParser.parse(answer.serializedBuffer())
        #expect(parsed.anomalies == [])
        #expect(parsed.removingEvidence() == answer)
    }

    @Test func keepsTheOfferersDynamicPayloadTypeAndOrder() throws {
        let offer = try SDPParser.parse(
            SDPFixtures.body([
                "v=0", "o=- 1 1 IN IP4 198.51.100.1", "s=-", "c=IN IP4 198.51.100.1", "t=0 0",
                "m=audio 5004 RTP/AVP 8 18 96 0", "a=rtpmap:96 telephone-event/8000", "a=fmtp:96 0-15", "a=sendonly",
            ])
        )
        let answer = SDPSessionDescription.answer(
            to: offer,
            origin: self.origin,
            connectionAddress: "192.0.2.50",
            port: 30_000
        )
        let audio = try #require(answer.acceptedAudioMedia)
        #expect(audio.formats == ["8", "96", "0"])
        #expect(audio.rtpMap(for: 96)?.encodingName == "telephone-event")
        #expect(audio.formatParameters(for: "96") == "0-16")
        // The offerer only sends, so the honeypot only receives (RFC 3264 §6.1).
        #expect(audio.direction == .recvonly)
    }

    @Test func rejectsWhatItCannotUseWithPortZero() throws {
        let offer = try SDPParser.parse(
            SDPFixtures.body([
                "v=0", "o=- 1 1 IN IP4 198.51.100.1", "s=-", "c=IN IP4 198.51.100.1", "t=0 0",
                "m=video 5006 RTP/AVP 31", "m=audio 5008 RTP/SAVP 0", "m=audio 5004 RTP/AVP 18",
                "m=audio 5010 RTP/AVP 0", "m=audio 5012 RTP/AVP 8",
            ])
        )
        let answer = SDPSessionDescription.answer(
            to: offer,
            origin: self.origin,
            connectionAddress: "192.0.2.50",
            port: 30_000
        )
        #expect(answer.media.map(\.port) == [0, 0, 0, 30_000, 0])
        #expect(answer.media.map(\.media) == ["video", "audio", "audio", "audio", "audio"])
        #expect(answer.media.map(\.proto) == ["RTP/AVP", "RTP/SAVP", "RTP/AVP", "RTP/AVP", "RTP/AVP"])
        #expect(answer.media[0].formats == ["31"])
        #expect(answer.acceptedAudioMedia?.formats == ["0"])
        let parsed = try SDPParser.parse(answer.serializedBuffer())
        #expect(parsed.anomalies == [])
    }

    @Test func anOfferWithNothingUsableGetsNoAcceptedStream() throws {
        let offer = try SDPParser.parse(
            SDPFixtures.body([
                "v=0", "o=- 1 1 IN IP4 198.51.100.1", "s=-", "c=IN IP4 198.51.100.1", "t=0 0",
                "m=audio 5004 RTP/AVP 18", "a=rtpmap:18 G729/8000",
            ])
        )
        let answer = SDPSessionDescription.answer(
            to: offer,
            origin: self.origin,
            connectionAddress: "192.0.2.50",
            port: 30_000
        )
        #expect(answer.acceptedAudioMedia == nil)
        #expect(answer.media.count == 1)
        #expect(answer.media[0].port == 0)
    }

    @Test func payloadPresets() {
        #expect(SDPAudioPayload.pcmu.rtpMap == SDPRTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000))
        #expect(SDPAudioPayload.pcma.rtpMap == SDPRTPMap(payloadType: 8, encodingName: "PCMA", clockRate: 8000))
        #expect(SDPAudioPayload.telephoneEvent().rtpMap.payloadType == 101)
        #expect(SDPAudioPayload.telephoneEvent().formatParameters == "0-16")
        #expect(SDPAudioPayload.g711WithDTMF.map(\.rtpMap.payloadType) == [0, 8, 101])
    }
}
