import NIOCore
import SDP
import Testing

/// Random and mutated inputs: the parser must never trap, must stay within its limits, and (for input
/// without bytes the serializer drops) must round-trip through the serializer.
@Suite struct SDPParserRobustnessTests {
    /// A body with every line type, to mutate.
    static let richBody = SDPFixtures.body([
        "v=0", "o=- 20518 0 IN IP4 203.0.113.1", "s=Rich", "i=info", "u=http://example.com/",
        "e=a@example.com", "p=+1 555 0100", "c=IN IP4 233.252.0.1/127/2", "b=AS:128", "t=3034423619 3042462419",
        "r=7d 1h 0 25h", "z=2882844526 -1h 2898848070 0", "k=prompt", "a=recvonly", "a=tool:x y",
        "m=audio 49170/2 RTP/AVP 0 8 101", "i=voice", "c=IN IP6 2001:db8::2/3", "b=TIAS:64000", "k=clear:x",
        "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20", "a=rtcp:53020 IN IP4 198.51.100.7",
        "m=application 5000 UDP/BFCP *", "a=floorctrl:c-s",
    ])

    static let seeds: [[UInt8]] = [
        SDPFixtures.typicalOffer, SDPFixtures.rfc8866Example, SDPFixtures.rfc5118IPv6,
        SDPFixtures.rfc5118MixedStreams, SDPFixtures.rfc5118MappedIPv6, Self.richBody,
    ]

    static let dictionary: [[UInt8]] =
        [
            "\r\n", "\n", "\r", "=", " ", "  ", "\t", "/", ":", "::", ".", "-", "0", "127", "128", "65536",
            "99999999999999999999999", "m=audio 0 RTP/AVP 0\r\n", "a=rtpmap:", "a=fmtp:", "c=IN IP6 ::\r\n",
            "c=IN IP4 ", "t=", "r=", "z=", "v=", "o=", "s=", "a=sendonly\r\n", "a=inactive\r\n", "IP4", "IP6",
            "\u{0}", "\u{7F}",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82]]

    /// Checks what must hold for any parse result.
    private func checkInvariants(_ sdp: SDPSessionDescription, input: [UInt8], limits: SDPLimits) {
        #expect(sdp.lines.count <= limits.maximumLineCount)
        #expect(sdp.media.count <= limits.maximumMediaSections)
        #expect(sdp.anomalies.count <= limits.maximumAnomalies + 1)
        #expect(sdp.anomalies.map(\.offset) == sdp.anomalies.map(\.offset).sorted())
        #expect(sdp.anomalies.allSatisfy { $0.offset >= 0 && $0.offset <= input.count })
        #expect(sdp.lines.allSatisfy { $0.offset >= 0 && $0.offset < input.count })
        #expect(sdp.lines.map(\.offset) == sdp.lines.map(\.offset).sorted())
        for media in sdp.media {
            #expect(media.formats.count <= limits.maximumFormatsPerMedia)
            #expect(media.attributes.count <= limits.maximumAttributesPerSection)
        }
    }

    /// Whether the serializer would drop bytes of `input` (NUL, or a CR not before LF).
    private func holdsDroppedBytes(_ input: [UInt8]) -> Bool {
        input.indices.contains { index in
            input[index] == 0 || (input[index] == 0x0D && (index + 1 == input.count || input[index + 1] != 0x0A))
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: 0x5D9_2026)
        let limits = SDPLimits()
        var parsed = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...256, using: &random)
            var input = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Every other input starts like SDP, so that the line machinery runs, not just the first-line check.
            if Bool.random(using: &random) {
                input = Array("v=0\r\n".utf8) + input
            }
            do {
                let sdp = try SDPParser.parse(input, limits: limits)
                parsed += 1
                self.checkInvariants(sdp, input: input, limits: limits)
            } catch {
                #expect([.empty, .notSDP].contains(error.code))
            }
        }
        #expect(parsed >= 1_400)
    }

    @Test func mutatedBodiesNeverCrashAndRoundTrip() throws {
        var random = SplitMix64(seed: 8866)
        let limits = SDPLimits()
        var roundTrips = 0
        for _ in 0..<3_000 {
            var input = Self.seeds[Int.random(in: 0..<Self.seeds.count, using: &random)]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                self.mutate(&input, using: &random)
            }
            let sdp: SDPSessionDescription
            do {
                sdp = try SDPParser.parse(input, limits: limits)
            } catch {
                #expect([.empty, .notSDP].contains(error.code))
                continue
            }
            self.checkInvariants(sdp, input: input, limits: limits)
            guard !self.holdsDroppedBytes(input) else {
                continue
            }
            let serialized = sdp.serializedBuffer()
            guard serialized.readableBytes > 0 else {
                // Nothing semantic survived the mutation: there is nothing to write.
                #expect(sdp.removingEvidence() == SDPSessionDescription(version: nil, sessionName: nil, timings: []))
                continue
            }
            let again = try SDPParser.parse(serialized, limits: limits)
            #expect(
                again.removingEvidence() == sdp.removingEvidence(),
                "input: \(String(decoding: input, as: UTF8.self).debugDescription)"
            )
            roundTrips += 1
        }
        #expect(roundTrips >= 1_500)
    }

    private func mutate(_ input: inout [UInt8], using random: inout SplitMix64) {
        let position = input.isEmpty ? 0 : Int.random(in: 0..<input.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where !input.isEmpty:
            input[position] = UInt8.random(in: 0...255, using: &random)
        case 1:
            input.insert(
                contentsOf: Self.dictionary[Int.random(in: 0..<Self.dictionary.count, using: &random)],
                at: position
            )
        case 2 where !input.isEmpty:
            let end = min(input.count, position + Int.random(in: 1...16, using: &random))
            input.removeSubrange(position..<end)
        case 3:
            // Duplicate a stretch (often whole lines) in place.
            let end = min(input.count, position + Int.random(in: 1...64, using: &random))
            input.insert(contentsOf: input[position..<end], at: position)
        case 4 where !input.isEmpty:
            input.removeSubrange(position...)
        default:
            input[position...].shuffle(using: &random)
        }
    }

    @Test func pathologicalShapesStayBounded() throws {
        let shapes: [[UInt8]] = [
            Array("v=0\r\n".utf8) + [UInt8](repeating: 0x0A, count: 60_000),
            Array("v=0\r\n".utf8) + [UInt8](repeating: 0x20, count: 60_000),
            Array("v=0\r\nm=".utf8) + Array(String(repeating: "0 ", count: 30_000).utf8),
            Array("v=0\r\na=".utf8) + [UInt8](repeating: 0x3A, count: 60_000),
            Array(String(repeating: "a=x\n", count: 16_000).utf8),
            Array(String(repeating: "v=0\r\n", count: 13_000).utf8),
            Array("v=0\r\nc=IN IP6 ".utf8) + Array(String(repeating: ":", count: 4_000).utf8),
        ]
        for shape in shapes {
            let sdp = try SDPParser.parse(shape)
            self.checkInvariants(sdp, input: shape, limits: SDPLimits())
        }
    }
}
