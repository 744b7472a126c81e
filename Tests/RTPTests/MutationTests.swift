import NIOCore
import RTP
import RTPTestSupport
import Testing

/// Feeds thousands of deterministically mutated datagrams and files to every parser: none may trap.
@Suite struct MutationTests {
    private static func seeds() -> [[UInt8]] {
        var rtp = ByteBuffer()
        RTPPacket(
            marker: true,
            payloadType: 0,
            sequenceNumber: 1,
            timestamp: 160,
            ssrc: 9,
            csrcs: [1, 2],
            headerExtension: .init(profile: 0xBEDE, data: [1, 2, 3, 4]),
            payload: ByteBuffer(bytes: [0xFF, 0xFE, 0xFD]),
            paddingLength: 3
        ).write(into: &rtp)
        let rtcp = RTCPPacket.compound([
            .senderReport(
                .init(
                    ssrc: 1,
                    ntpTimestamp: 5,
                    rtpTimestamp: 6,
                    packetCount: 7,
                    octetCount: 8,
                    reportBlocks: [
                        .init(ssrc: 2, fractionLost: 1, cumulativeLost: 2, extendedHighestSequenceNumber: 3, jitter: 4)
                    ]
                )
            ),
            .sourceDescription([.init(ssrc: 1, items: [.cname("x@y"), .init(type: 2, value: [65, 66])])]),
            .bye(.init(ssrcs: [1, 2], reason: [1, 2, 3])),
        ])
        let wav = WAVFile.encode(samples: [1, 2, 3, 4, 5, 6], sampleRate: 16_000, channels: 2)
        return [
            Array(rtp.readableBytesView), Array(rtcp.readableBytesView), Array(wav.readableBytesView),
            [1, 0x8A, 3, 32],
        ]
    }

    private static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
            case 1 where !bytes.isEmpty:  // set a byte to an interesting value
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0x1F, 0x3F][Int.random(in: 0..<7, using: &generator)]
            case 2 where !bytes.isEmpty:  // truncate
                bytes.removeLast(Int.random(in: 0...bytes.count, using: &generator))
            case 3:  // append garbage
                for _ in 0..<Int.random(in: 1...40, using: &generator) {
                    bytes.append(UInt8.random(in: 0...255, using: &generator))
                }
            case 4 where bytes.count > 2:  // duplicate a slice
                let start = Int.random(in: 0..<bytes.count, using: &generator)
                let end = Int.random(in: start...bytes.count, using: &generator)
                bytes.insert(contentsOf: bytes[start..<end], at: start)
            default:  // random bytes
                if !bytes.isEmpty {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[index] = UInt8.random(in: 0...255, using: &generator)
                }
            }
        }
        return bytes
    }

    @Test func parsersNeverTrapOnMutatedInput() {
        var generator = SplitMix64(seed: 0x484F_4E45_5950_484F)
        var outcomes = [0, 0]  // parsed, rejected
        var recorder = MediaRecorder()
        var receiver = TelephoneEventReceiver()
        var roundTripFailures = 0
        for round in 0..<5_000 {
            for seed in Self.seeds() {
                let input = ByteBuffer(bytes: Self.mutate(seed, using: &generator))
                let results: [Bool] = [
                    (try? RTPPacket(parsing: input)).map { packet in
                        recorder.record(packet, direction: round % 2 == 0 ? .received : .sent)
                        // Whatever parses serializes to bytes that parse to the same packet.
                        if (try? RTPPacket(parsing: packet.serialized())) != packet {
                            roundTripFailures += 1
                        }
                        return true
                    } ?? false,
                    (try? RTCPPacket.parseCompound(input)) != nil,
                    (try? WAVFile(parsing: input))?.monoSamples(at: 8_000) != nil,
                    (try? TelephoneEvent(parsing: input)).map { event in
                        _ = receiver.received(event, timestamp: UInt32(round))
                        return true
                    } ?? false,
                ]
                for parsed in results {
                    outcomes[parsed ? 0 : 1] += 1
                }
            }
        }
        // Both outcomes occur: the mutations reach past the first checks and also break things.
        #expect(outcomes[0] > 1_000)
        #expect(outcomes[1] > 1_000)
        #expect(outcomes[0] + outcomes[1] == 5_000 * 4 * 4)
        #expect(roundTripFailures == 0)
    }

    @Test func randomDatagramsNeverTrap() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...80, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if count > 0 {
                bytes[0] = 0x80 | (bytes[0] & 0x3F)  // version 2 so the parsers get further
            }
            let input = ByteBuffer(bytes: bytes)
            _ = try? RTPPacket(parsing: input)
            _ = try? RTCPPacket.parseCompound(input)
            _ = try? WAVFile(parsing: ByteBuffer(bytes: Array("RIFF\0\0\0\0WAVE".utf8) + bytes))
        }
    }
}
