import NIOCore
import SDP
import Testing

@Suite struct SDPParserTests {
    @Test func typicalOfferParsesWithoutAnomalies() throws {
        let sdp = try SDPParser.parse(SDPFixtures.typicalOffer)
        #expect(sdp.anomalies == [])
        #expect(sdp.version == 0)
        #expect(
            sdp.origin
                == SDPOrigin(
                    username: "root",
                    sessionID: "1899464124",
                    sessionVersion: "1899464124",
                    networkType: "IN",
                    addressType: "IP4",
                    unicastAddress: "127.0.0.1"
                )
        )
        #expect(sdp.origin?.numericSessionID == 1_899_464_124)
        #expect(sdp.origin?.numericSessionVersion == 1_899_464_124)
        #expect(sdp.sessionName == "call")
        #expect(sdp.connection == SDPConnection(networkType: "IN", addressType: "IP4", address: "127.0.0.1"))
        #expect(sdp.timings == [SDPTiming(start: 0, stop: 0)])
        #expect(sdp.attributes == [])
        #expect(sdp.media.count == 1)
        let audio = try #require(sdp.media.first)
        #expect(audio.media == "audio")
        #expect(audio.port == 10500)
        #expect(audio.portCount == nil)
        #expect(audio.proto == "RTP/AVP")
        #expect(audio.formats == ["0", "8", "101"])
        #expect(audio.payloadTypes == [0, 8, 101])
        #expect(
            audio.rtpMaps == [
                SDPRTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000),
                SDPRTPMap(payloadType: 8, encodingName: "PCMA", clockRate: 8000),
                SDPRTPMap(payloadType: 101, encodingName: "telephone-event", clockRate: 8000),
            ]
        )
        #expect(audio.direction == .sendrecv)
        #expect(sdp.effectiveDirection(of: audio) == .sendrecv)
        #expect(sdp.effectiveConnection(of: audio)?.address == "127.0.0.1")
        #expect(!sdp.hasErrors)
    }

    @Test func linesAreKeptAsEvidenceWithOffsets() throws {
        let sdp = try SDPParser.parse(SDPFixtures.typicalOffer)
        #expect(sdp.lines.count == SDPFixtures.typicalOfferLines.count)
        var offset = 0
        for (line, text) in zip(sdp.lines, SDPFixtures.typicalOfferLines) {
            #expect(line.offset == offset)
            #expect(line.type == text.utf8.first)
            #expect(line.valueString == String(text.dropFirst(2)))
            #expect(line.ending == .crlf)
            offset += text.utf8.count + 2
        }
        #expect(sdp.lines[5].typeCharacter == "m")
    }

    @Test func rfc8866ExampleSession() throws {
        let sdp = try SDPParser.parse(SDPFixtures.rfc8866Example)
        #expect(sdp.anomalies == [])
        #expect(sdp.origin?.username == "jdoe")
        #expect(sdp.origin?.numericSessionID == 3_724_394_400)
        #expect(sdp.origin?.numericSessionVersion == 3_724_394_405)
        #expect(sdp.sessionName == "Call to John Smith")
        #expect(sdp.information == "SDP Offer #1")
        #expect(sdp.uri == "http://www.jdoe.example.com/home.html")
        #expect(sdp.emails == ["Jane Doe <jane@jdoe.example.com>"])
        #expect(sdp.phones == ["+1 617 555-6011"])
        #expect(sdp.connection?.address == "198.51.100.1")
        #expect(sdp.media.map(\.media) == ["audio", "audio", "video"])
        #expect(sdp.media.map(\.port) == [49170, 49180, 51372])
        let video = sdp.media[2]
        #expect(video.connections == [SDPConnection(addressType: "IP6", address: "2001:db8::2")])
        #expect(sdp.effectiveConnection(of: video)?.address == "2001:db8::2")
        #expect(sdp.effectiveConnection(of: sdp.media[0])?.address == "198.51.100.1")
        #expect(video.rtpMap(for: 99) == SDPRTPMap(payloadType: 99, encodingName: "h263-1998", clockRate: 90000))
        // PT 0 has no rtpmap: the static RFC 3551 assignment applies.
        #expect(sdp.media[0].rtpMap(for: 0) == SDPRTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000))
        #expect(sdp.media[0].rtpMap(for: 8) == nil)
    }

    @Test func ipv6Session() throws {
        let sdp = try SDPParser.parse(SDPFixtures.rfc5118IPv6)
        #expect(sdp.anomalies == [])
        #expect(sdp.origin?.addressType == "IP6")
        #expect(sdp.origin?.unicastAddress == "2001:db8::20")
        #expect(sdp.origin?.numericSessionID == 971_731_711_378_798_081)
        #expect(sdp.connection == SDPConnection(addressType: "IP6", address: "2001:db8::20"))
        #expect(sdp.timings == [SDPTiming(start: 3_338_481_189, stop: 3_370_017_201)])
        #expect(sdp.media[0].rtpMaps == [SDPRTPMap(payloadType: 2, encodingName: "G726-32", clockRate: 8000)])
    }

    @Test func ipv4MappedIPv6Session() throws {
        let sdp = try SDPParser.parse(SDPFixtures.rfc5118MappedIPv6)
        #expect(sdp.anomalies == [])
        #expect(sdp.connection?.address == "::ffff:192.0.2.2")
        #expect(sdp.origin?.unicastAddress == "::ffff:192.0.2.2")
    }

    @Test func ipv4AndIPv6StreamsInOneSession() throws {
        let sdp = try SDPParser.parse(SDPFixtures.rfc5118MixedStreams)
        // The only deviation of RFC 5118's body is its empty s= line.
        #expect(sdp.anomalies.map(\.code) == [.emptySessionName])
        #expect(sdp.sessionName == "")
        #expect(sdp.connection == nil)
        #expect(sdp.origin?.unicastAddress == "host.example.com")
        #expect(sdp.effectiveConnection(of: sdp.media[0]) == SDPConnection(addressType: "IP4", address: "192.0.2.1"))
        #expect(sdp.effectiveConnection(of: sdp.media[1]) == SDPConnection(addressType: "IP6", address: "2001:db8::1"))
    }

    @Test func lfOnlyInputIsParsedWithABareLFWarning() throws {
        let sdp = try SDPParser.parse(SDPFixtures.body(SDPFixtures.typicalOfferLines, ending: "\n"))
        #expect(sdp.anomalies.map(\.code) == [.bareLF])
        #expect(sdp.anomalies.first?.severity == .warning)
        #expect(sdp.anomalies.first?.offset == 0)
        #expect(sdp.anomalies.first?.detail == "10 of 10 lines end in LF alone instead of CRLF")
        #expect(sdp.lines.allSatisfy { $0.ending == .lf })
        let strict = try SDPParser.parse(SDPFixtures.typicalOffer)
        #expect(sdp.removingEvidence() == strict.removingEvidence())
    }

    @Test func mixedLineEndingsReportTheFirstBareLF() throws {
        var bytes = SDPFixtures.body(Array(SDPFixtures.typicalOfferLines.prefix(3)))
        let bareLFOffset = bytes.count
        bytes += SDPFixtures.body(Array(SDPFixtures.typicalOfferLines.dropFirst(3)), ending: "\n")
        let sdp = try SDPParser.parse(bytes)
        #expect(sdp.anomalies.map(\.code) == [.bareLF])
        #expect(sdp.anomalies.first?.offset == bareLFOffset)
    }

    @Test func byteBufferWithReaderIndexIsParsedFromItsReadableBytes() throws {
        var buffer = ByteBuffer(bytes: Array("INVITE junk\r\n\r\n".utf8) + SDPFixtures.typicalOffer)
        buffer.moveReaderIndex(forwardBy: 15)
        let sdp = try SDPParser.parse(buffer)
        #expect(sdp.anomalies == [])
        #expect(sdp.lines.first?.offset == 0)
        #expect(sdp.lines.first?.value == ByteBuffer(string: "0"))
        #expect(sdp.removingEvidence() == (try SDPParser.parse(SDPFixtures.typicalOffer)).removingEvidence())
    }

    @Test func directionInheritanceAndTypedAttributes() throws {
        let sdp = try SDPParser.parse(
            SDPFixtures.body([
                "v=0", "o=- 1 2 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "a=sendonly",
                "m=audio 4000/2 RTP/AVP 0 101", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16",
                "a=ptime:20", "a=maxptime:40", "a=rtcp:4005 IN IP4 192.0.2.9",
                "m=audio 5000 RTP/AVP 8", "a=inactive",
                "m=video 6000 RTP/AVP 31",
            ])
        )
        #expect(sdp.anomalies == [])
        #expect(sdp.direction == .sendonly)
        let (first, second, third) = (sdp.media[0], sdp.media[1], sdp.media[2])
        #expect(first.portCount == 2)
        #expect(first.direction == nil)
        #expect(sdp.effectiveDirection(of: first) == .sendonly)
        #expect(sdp.effectiveDirection(of: second) == .inactive)
        #expect(sdp.effectiveDirection(of: third) == .sendonly)
        #expect(first.formatParameters(for: "101") == "0-16")
        #expect(first.formatParameters == [SDPFormatParameters(format: "101", parameters: "0-16")])
        #expect(first.ptime == 20)
        #expect(first.maxptime == 40)
        #expect(
            first.rtcp
                == SDPRTCPAttribute(port: 4005, connection: SDPConnection(addressType: "IP4", address: "192.0.2.9"))
        )
        #expect(second.rtpMap(for: 8)?.encodingName == "PCMA")
        #expect(third.isRTP)
    }

    @Test func multicastConnectionsWithTTLAndCount() throws {
        let sdp = try SDPParser.parse(
            SDPFixtures.body([
                "v=0", "o=- 1 2 IN IP4 192.0.2.1", "s=-", "c=IN IP4 233.252.0.1/127/3", "t=0 0",
                "m=audio 4000 RTP/AVP 0", "c=IN IP6 ff00::db8:0:101/3",
            ])
        )
        #expect(sdp.anomalies == [])
        #expect(
            sdp.connection
                == SDPConnection(addressType: "IP4", address: "233.252.0.1", ttl: 127, numberOfAddresses: 3)
        )
        #expect(
            sdp.media[0].connections == [
                SDPConnection(addressType: "IP6", address: "ff00::db8:0:101", numberOfAddresses: 3)
            ]
        )
    }

    @Test func repeatAndZoneLinesAttachToTheirTiming() throws {
        let sdp = try SDPParser.parse(
            SDPFixtures.body([
                "v=0", "o=- 1 2 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=3034423619 3042462419",
                "r=7d 1h 0 25h", "r=604800 3600 0 90000", "z=2882844526 -1h 2898848070 0", "t=0 0",
                "b=AS:64",
            ])
        )
        // b= after t= is out of order; everything else is well-formed.
        #expect(sdp.anomalies.map(\.code) == [.lineOrder])
        #expect(
            sdp.timings == [
                SDPTiming(
                    start: 3_034_423_619,
                    stop: 3_042_462_419,
                    repeats: ["7d 1h 0 25h", "604800 3600 0 90000"],
                    zoneAdjustments: "2882844526 -1h 2898848070 0"
                ),
                SDPTiming(start: 0, stop: 0),
            ]
        )
        #expect(sdp.bandwidths == [SDPBandwidth(type: "AS", value: 64)])
    }

    @Test func pjsipSeedWithMangledLinesIsStructuredLeniently() throws {
        // From pjproject's OSS-Fuzz SDP seeds: two lines merged by a non-ASCII byte and a mangled m= line.
        var bytes = Array("v=0\r\no=- 3973070478 208142209 IN IP4 127.0.0.1\r\ns=-".utf8)
        bytes += [0xC3, 0xBF] + Array("c=IN IP4 127.0.0.1\r\nt=0 0\r\na=tool:baresip 0.6.2\r\nm=au".utf8)
        bytes += [0xC3, 0xBF, 0xC3, 0xBF, 0xC3, 0xBF] + Array("34718 RTP/AVP 0 8 101\r\na=sendrecv\r\n".utf8)
        let sdp = try SDPParser.parse(bytes)
        #expect(sdp.sessionName == "-\u{FF}c=IN IP4 127.0.0.1")
        #expect(sdp.media.isEmpty)
        #expect(sdp.attributes == [SDPAttribute(name: "tool", value: "baresip 0.6.2")])
        #expect(sdp.anomalies.map(\.code) == [.badPort])
        #expect(sdp.lines.count == 7)
    }
}
