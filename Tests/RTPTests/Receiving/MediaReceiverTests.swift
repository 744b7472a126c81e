import NIOCore
import RTP
import Testing

@Suite struct MediaReceiverTests {
    private typealias Receiver = MediaReceiver<String>

    private static func rtp(
        _ sequence: UInt16,
        payloadType: UInt8 = 0,
        payload: [UInt8] = [0xFF],
        ssrc: UInt32 = 9
    )
        -> ByteBuffer
    {
        RTPPacket(
            payloadType: payloadType,
            sequenceNumber: sequence,
            timestamp: UInt32(sequence) * 160,
            ssrc: ssrc,
            payload: ByteBuffer(bytes: payload)
        ).serialized()
    }

    private static let second: Int64 = 1_000_000_000

    @Test func latchesTheFirstSourceAndIgnoresOthers() throws {
        var receiver = Receiver(configuration: .init())
        let first = receiver.received(Self.rtp(1), from: "caller", on: .rtp, at: 0)
        let packet = try RTPPacket(parsing: Self.rtp(1))
        #expect(first == [.observe(.rtp), .latchRTP("caller"), .record(packet)])
        #expect(receiver.received(Self.rtp(2), from: "intruder", on: .rtp, at: 1) == [.observe(.rtp)])
        #expect(receiver.statistics.foreignPackets == 1)
        #expect(receiver.latchedRTP == "caller")
        // Not symmetric: nothing is latched and every source is accepted.
        var fixed = Receiver(configuration: .init(symmetric: false))
        #expect(fixed.received(Self.rtp(1), from: "a", on: .rtp, at: 0).count == 2)
        #expect(fixed.received(Self.rtp(2), from: "b", on: .rtp, at: 0).count == 2)
    }

    @Test func capsEachSocketPerSecond() {
        var receiver = Receiver(configuration: .init(maximumPacketsPerSecond: 10))
        var observed = 0
        for index in 0..<25 {
            let actions = receiver.received(Self.rtp(UInt16(index)), from: "a", on: .rtp, at: Int64(index) * 1_000)
            observed += actions.contains(.observe(.rtp)) ? 1 : 0
        }
        #expect(observed == 10)
        #expect(receiver.statistics.droppedByRateLimit == 15)
        // RTCP has its own window; a new second opens a new one.
        let rr = RTCPPacket.compound([.receiverReport(.init(ssrc: 1))])
        #expect(receiver.received(rr, from: "a", on: .rtcp, at: 0).first == .observe(.rtcp))
        #expect(receiver.received(Self.rtp(30), from: "a", on: .rtp, at: Self.second).first == .observe(.rtp))
        #expect(receiver.statistics.rtpReceived == 11)
    }

    @Test func countsMalformedDatagramsButStillObservesThem() {
        var receiver = Receiver(configuration: .init())
        #expect(receiver.received(ByteBuffer(bytes: [1, 2, 3]), from: "a", on: .rtp, at: 0) == [.observe(.rtp)])
        #expect(
            receiver.received(ByteBuffer(bytes: [0x80, 201, 0, 9]), from: "a", on: .rtcp, at: 0) == [.observe(.rtcp)]
        )
        #expect(receiver.statistics.malformedRTP == 1)
        #expect(receiver.statistics.malformedRTCP == 1)
        #expect(receiver.latchedRTP == nil)
    }

    @Test func demultiplexesRTCPOnTheRTPPortAndNotesByeAndSR() throws {
        var receiver = Receiver(configuration: .init())
        let compound = RTCPPacket.compound([
            .senderReport(
                .init(ssrc: 9, ntpTimestamp: 0x1234_5678_9ABC_DEF0, rtpTimestamp: 0, packetCount: 1, octetCount: 1)
            ),
            .bye(.init(ssrcs: [9])),
        ])
        let actions = receiver.received(compound, from: "caller", on: .rtp, at: 0)
        #expect(actions == [.observe(.rtcp), .latchRTCP("caller")])
        #expect(receiver.statistics.receivedBye)
        #expect(receiver.statistics.rtcpReceived == 1)
        // The report block carries LSR (the middle of the SR's NTP time) and DLSR (0.5 s = 32768/65536).
        _ = receiver.received(Self.rtp(100), from: "caller", on: .rtp, at: 0)
        for sequence in 102...110 {
            _ = receiver.received(Self.rtp(UInt16(sequence)), from: "caller", on: .rtp, at: 0)
        }
        let report = receiver.makeReportBlock(at: Self.second / 2)
        let block = try #require(report)
        #expect(block.ssrc == 9)
        #expect(block.lastSenderReport == 0x5678_9ABC)
        #expect(block.delaySinceLastSenderReport == 32_768)
        #expect(block.cumulativeLost == 1)
        #expect(block.extendedHighestSequenceNumber == 110)
    }

    @Test func deliversDigitsOnceAndTheLastOneAtTheEnd() {
        var receiver = Receiver(configuration: .init(telephoneEventPayloadType: 96))
        var digits: [Character?] = []
        var sequence: UInt16 = 0
        for (event, timestamp) in [(UInt8(3), UInt32(0)), (11, 4_000)] {
            for entry in TelephoneEventSchedule(event: event).entries {
                var payload = ByteBuffer()
                entry.payload.write(into: &payload)
                let datagram = RTPPacket(
                    marker: entry.marker,
                    payloadType: 96,
                    sequenceNumber: sequence,
                    timestamp: timestamp,
                    ssrc: 1,
                    payload: payload
                ).serialized()
                sequence += 1
                for case .digit(let detected) in receiver.received(datagram, from: "a", on: .rtp, at: 0) {
                    digits.append(detected.digit)
                }
            }
        }
        #expect(digits == ["3", "#"])
        // A digit whose end packets never came is delivered when the call ends.
        var start = ByteBuffer()
        TelephoneEvent(event: 7, duration: 400).write(into: &start)
        let datagram = RTPPacket(payloadType: 96, sequenceNumber: sequence, timestamp: 9_000, ssrc: 1, payload: start)
        #expect(receiver.received(datagram.serialized(), from: "a", on: .rtp, at: 0).count == 2)  // observe, record
        guard case .digit(let last) = receiver.finish().first else {
            Issue.record("no digit at the end")
            return
        }
        #expect(last.digit == "7")
        #expect(!last.ended)
        #expect(receiver.finish().isEmpty)
        #expect(receiver.statistics.digitsReceived == 3)
    }

    @Test func aNewSourceRestartsTheStatistics() {
        var receiver = Receiver(configuration: .init())
        for sequence in 0..<10 {
            _ = receiver.received(Self.rtp(UInt16(sequence)), from: "a", on: .rtp, at: 0)
        }
        _ = receiver.received(Self.rtp(5_000, ssrc: 10), from: "a", on: .rtp, at: 0)
        #expect(receiver.statistics.remoteSSRC == 10)
        #expect(receiver.statistics.reception?.receivedCount == 1)
        #expect(receiver.statistics.reception?.baseSequenceNumber == 5_000)
    }
}
