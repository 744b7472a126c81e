import NIOCore
import RTP
import RTPTestSupport
import Testing

@Suite struct MediaPlayerTests {
    @Test func numbersAndStampsEachTick() throws {
        let samples = Signal.tone(frequency: 1_000, rate: 8_000, count: 8_000)
        let player = MediaPlayer(
            samples: samples,
            codec: .muLaw,
            sequenceNumber: 65_534,
            timestamp: 0xFFFF_FF00,
            ssrc: 42
        )
        #expect(player.packetCount == 50)
        #expect(player.samplesPerPacket == 160)
        for tick in 0..<player.packetCount {
            let packet = try #require(player.packet(forTick: tick))
            #expect(packet.sequenceNumber == 65_534 &+ UInt16(tick))
            #expect(packet.timestamp == 0xFFFF_FF00 &+ UInt32(tick * 160))
            #expect(packet.marker == (tick == 0))
            #expect(packet.payloadType == 0)
            #expect(packet.ssrc == 42)
            #expect(packet.payload.readableBytes == 160)
        }
        #expect(player.packet(forTick: 50) == nil)
        #expect(player.packet(forTick: -1) == nil)
        // The payloads decode back to the tone.
        let first = try #require(player.packet(forTick: 0))
        let decoded = G711.muLaw.decode(Array(first.payload.readableBytesView))
        for (a, b) in zip(decoded, samples.prefix(160)) {
            #expect(abs(Int(a) - Int(b)) <= 320)
        }
    }

    @Test func loopsUntilTheDurationOrStopsAtTheEnd() throws {
        let samples = [Int16](repeating: 1_000, count: 200)  // 1¼ packets
        let looping = MediaPlayer(
            samples: samples,
            codec: .aLaw,
            duration: 1_000,
            sequenceNumber: 0,
            timestamp: 0,
            ssrc: 1
        )
        #expect(looping.packetCount == 50)
        // Packet 1 is the padded tail (40 samples of tone, 120 of silence), packet 2 starts the file again.
        let tail = try #require(looping.packet(forTick: 1))
        #expect(Array(tail.payload.readableBytesView.suffix(120)) == [UInt8](repeating: 0xD5, count: 120))
        #expect(looping.packet(forTick: 2)?.payload == looping.packet(forTick: 0)?.payload)
        #expect(looping.packet(forTick: 2)?.marker == false)
        let stopping = MediaPlayer(
            samples: samples,
            codec: .aLaw,
            duration: 1_000,
            endOfFile: .stop,
            sequenceNumber: 0,
            timestamp: 0,
            ssrc: 1
        )
        #expect(stopping.packetCount == 2)
        let once = MediaPlayer(samples: samples, codec: .aLaw, sequenceNumber: 0, timestamp: 0, ssrc: 1)
        #expect(once.packetCount == 2)
    }

    @Test func playsSilenceForAnEmptyFileAndHonoursPtime() throws {
        let player = MediaPlayer(
            samples: [],
            codec: .muLaw,
            packetTime: 30,
            duration: 300,
            sequenceNumber: 0,
            timestamp: 0,
            ssrc: 1
        )
        #expect(player.packetCount == 10)
        let packet = try #require(player.packet(forTick: 9))
        #expect(packet.payload.readableBytes == 240)
        #expect(packet.timestamp == 9 * 240)
        #expect(Set(packet.payload.readableBytesView) == [0xFF])
    }
}
