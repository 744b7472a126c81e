import NIOCore
import RTP
import Testing

@Suite struct MediaRecorderTests {
    private static func packet(_ sequence: Int, _ value: Int16, codec: G711 = .muLaw, ssrc: UInt32 = 7) -> RTPPacket {
        RTPPacket(
            payloadType: codec.payloadType,
            sequenceNumber: UInt16(truncatingIfNeeded: 1_000 + sequence),
            timestamp: UInt32(truncatingIfNeeded: 0xFFFF_FE00 &+ UInt32(sequence * 160)),
            ssrc: ssrc,
            payload: ByteBuffer(bytes: [UInt8](repeating: codec.encode(value), count: 160))
        )
    }

    @Test func placesReorderedPacketsAndFillsGapsWithSilence() {
        var recorder = MediaRecorder()
        for sequence in [0, 2, 1, 4] {  // 3 is lost; the timestamps wrap past 2³²
            recorder.record(Self.packet(sequence, Int16(1_000 * (sequence + 1))), direction: .received)
        }
        let samples = recorder.samples(.received)
        #expect(samples.count == 800)
        let levels = stride(from: 0, to: 800, by: 160).map { samples[$0] }
        #expect(
            levels == [
                G711.muLaw.decode(G711.muLaw.encode(1_000)), G711.muLaw.decode(G711.muLaw.encode(2_000)),
                G711.muLaw.decode(G711.muLaw.encode(3_000)), 0, G711.muLaw.decode(G711.muLaw.encode(5_000)),
            ]
        )
        #expect(recorder.statistics(.received).recordedPackets == 4)
        #expect(recorder.samples(.sent).isEmpty)
    }

    @Test func dropsDuplicatesAndLatePackets() {
        var recorder = MediaRecorder()
        recorder.record(Self.packet(5, 100), direction: .sent)
        recorder.record(Self.packet(5, 100), direction: .sent)
        recorder.record(Self.packet(4, 100), direction: .sent)  // before the first packet: late
        let statistics = recorder.statistics(.sent)
        #expect(statistics.duplicatePackets == 1)
        #expect(statistics.latePackets == 1)
        #expect(recorder.samples(.sent).count == 160)
    }

    @Test func decodesByPayloadTypeAndSkipsEvents() {
        var recorder = MediaRecorder()
        recorder.record(Self.packet(0, 4_000, codec: .aLaw), direction: .received)
        recorder.record(
            RTPPacket(
                payloadType: 101,
                sequenceNumber: 2_000,
                timestamp: 1,
                ssrc: 7,
                payload: ByteBuffer(bytes: [1, 0, 0, 1])
            ),
            direction: .received
        )
        recorder.record(
            RTPPacket(payloadType: 18, sequenceNumber: 2_001, timestamp: 1, ssrc: 7, payload: ByteBuffer(bytes: [1])),
            direction: .received
        )
        #expect(recorder.samples(.received).first == G711.aLaw.decode(G711.aLaw.encode(4_000)))
        #expect(recorder.statistics(.received).eventPackets == 1)
        #expect(recorder.statistics(.received).unsupportedPackets == 1)
    }

    @Test func resynchronisesOnAHugeJumpOrANewSource() {
        var recorder = MediaRecorder()
        recorder.record(Self.packet(0, 100), direction: .received)
        var jump = Self.packet(1, 100)
        jump.timestamp &+= 1_000_000_000
        recorder.record(jump, direction: .received)
        recorder.record(Self.packet(0, 100, ssrc: 8), direction: .received)
        #expect(recorder.samples(.received).count == 480)
        #expect(recorder.statistics(.received).resynchronisations == 2)
    }

    @Test func isBoundedByDurationAndBytes() {
        var recorder = MediaRecorder(limits: .init(maximumDuration: 1, maximumBytes: 1_000_000))
        for sequence in 0..<100 {  // 2 s of audio, 1 s allowed
            recorder.record(Self.packet(sequence, 500), direction: .received)
        }
        #expect(recorder.samples(.received).count == 8_000)
        #expect(recorder.statistics(.received).cutPackets == 50)
        #expect(recorder.statistics(.received).cutSamples == 8_000)
        var small = MediaRecorder(limits: .init(maximumDuration: 60, maximumBytes: 500))
        for sequence in 0..<3 {
            small.record(Self.packet(sequence, 500), direction: .sent)
        }
        #expect(small.samples(.sent).count == 250)
        #expect(small.statistics(.sent).cutSamples == 230)
    }

    @Test func producesAWAVFile() throws {
        var recorder = MediaRecorder()
        for sequence in 0..<50 {
            recorder.record(Self.packet(sequence, 2_000), direction: .received)
        }
        let file = try WAVFile(parsing: recorder.wav(.received))
        #expect(file.sampleRate == 8_000)
        #expect(file.channels == 1)
        #expect(file.samples == recorder.samples(.received))
        #expect(file.samples.count == 8_000)
    }
}
