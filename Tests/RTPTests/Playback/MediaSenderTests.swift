import NIOCore
import RTP
import Testing

@Suite struct MediaSenderTests {
    private static let ms: Int64 = 1_000_000
    private static let origin: Int64 = 1_000 * ms

    private static func sender(remoteKnown: Bool = true, eventType: UInt8? = 101) -> MediaSender {
        MediaSender(
            configuration: .init(
                ssrc: 0xABCD,
                firstSequenceNumber: 65_530,
                timestampBase: 4_000_000_000,
                origin: Self.origin,
                telephoneEventPayloadType: eventType
            ),
            isRemoteKnown: remoteKnown
        )
    }

    private static func sent(_ actions: [MediaSender.Action]) -> [RTPPacket] {
        actions.compactMap {
            if case .send(let packet) = $0 { packet } else { nil }
        }
    }

    private static func wake(_ actions: [MediaSender.Action]) -> Int64? {
        actions.compactMap {
            if case .wake(let instant) = $0 { instant } else { nil }
        }.last
    }

    private static func ended(_ actions: [MediaSender.Action]) -> [PlaybackSummary] {
        actions.compactMap {
            if case .playbackEnded(_, let summary) = $0 { summary } else { nil }
        }
    }

    @Test func playsOnAnAbsoluteScheduleWhenWokenOnTime() {
        var sender = Self.sender()
        let start = Self.origin + 500 * Self.ms  // 0.5 s after the origin: timestamp base + 4000
        let (id, first) = sender.startPlayback(
            [Int16](repeating: 100, count: 1_600),
            codec: .muLaw,
            duration: nil,
            endOfFile: .loop,
            at: start
        )
        #expect(id == 1)
        var packets = Self.sent(first)
        #expect(packets.count == 1)
        #expect(Self.wake(first) == start + 20 * Self.ms)
        var summaries: [PlaybackSummary] = []
        var wake = Self.wake(first)
        while let due = wake, summaries.isEmpty, packets.count < 20 {
            let actions = sender.wake(at: due + 3 * Self.ms / 2)  // woken 1.5 ms late each time: no drift
            wake = Self.wake(actions)
            packets += Self.sent(actions)
            summaries += Self.ended(actions)
            if let wake {
                // The next wake-up is on the 20 ms grid from the start, whatever the lateness.
                #expect((wake - start) % (20 * Self.ms) == 0)
            }
        }
        #expect(packets.count == 10)
        #expect(summaries == [PlaybackSummary(reason: .finished, packetsSent: 10, packetsSuppressed: 0)])
        for (index, packet) in packets.enumerated() {
            #expect(packet.sequenceNumber == 65_530 &+ UInt16(index))
            #expect(packet.timestamp == 4_000_004_000 &+ UInt32(index * 160))
            #expect(packet.marker == (index == 0))
            #expect(packet.ssrc == 0xABCD)
        }
        #expect(sender.packetCount == 10)
        #expect(sender.octetCount == 1_600)
        #expect(!sender.isPlaying)
    }

    @Test func aLateWakeUpSendsABurstAndSkipsTheRest() {
        var sender = Self.sender()
        let start = Self.origin
        _ = sender.startPlayback([], codec: .aLaw, duration: 10_000, endOfFile: .loop, at: start)
        // Woken 300 ms late: ticks 1…15 are due; the last five (11…15) are sent, 1…10 skipped.
        let actions = sender.wake(at: start + 300 * Self.ms)
        let packets = Self.sent(actions)
        #expect(packets.map(\.timestamp) == (11...15).map { 4_000_000_000 &+ UInt32($0 * 160) })
        #expect(packets.map(\.sequenceNumber) == (1...5).map { 65_530 &+ UInt16($0) })
        #expect(Self.wake(actions) == start + 320 * Self.ms)
        let stopped = Self.ended(sender.stopPlayback(at: start + 310 * Self.ms))
        #expect(stopped == [PlaybackSummary(reason: .stopped, packetsSent: 6, packetsSuppressed: 0, ticksSkipped: 10)])
    }

    @Test func eventsInterruptAudioOnOneSequence() throws {
        var sender = Self.sender()
        let start = Self.origin
        var actions = sender.startPlayback([], codec: .muLaw, duration: 1_000, endOfFile: .loop, at: start).actions
        var packets = Self.sent(actions)
        packets += Self.sent(sender.wake(at: start + 20 * Self.ms))
        let maybeQueued = sender.queueEvents([5], at: start + 30 * Self.ms)
        let queued = try #require(maybeQueued)
        packets += Self.sent(queued)
        actions = queued
        while let next = Self.wake(actions) {
            actions = sender.wake(at: next)
            packets += Self.sent(actions)
        }
        // One sequence space.
        for (previous, next) in zip(packets, packets.dropFirst()) {
            #expect(next.sequenceNumber == previous.sequenceNumber &+ 1)
        }
        let events = packets.filter { $0.payloadType == 101 }
        #expect(events.count == 5)
        #expect(events.allSatisfy { $0.timestamp == 4_000_000_240 })  // 30 ms after the origin
        #expect(events.first?.marker == true)
        // Audio ticks at 40…220 ms fall inside the event (30…230 ms) and are suppressed; 240 ms restarts with a marker.
        let audio = packets.filter { $0.payloadType == 0 }
        #expect(audio.count == 50 - 10)
        let resumed = try #require(audio.first { $0.timestamp == 4_000_000_000 + 12 * 160 })
        #expect(resumed.marker)
        #expect(audio.filter(\.marker).count == 2)
        #expect(sender.eventsSent == 1)
    }

    @Test func digitsFollowEachOtherWithAGap() throws {
        var sender = Self.sender()
        let maybeActions = sender.queueEvents([1, 2], at: Self.origin)
        var actions = try #require(maybeActions)
        var events: [(Int64, RTPPacket)] = Self.sent(actions).map { (Self.origin, $0) }
        while let next = Self.wake(actions) {
            actions = sender.wake(at: next)
            events += Self.sent(actions).map { (next, $0) }
        }
        #expect(events.count == 10)
        let starts = events.filter { $0.1.marker }
        #expect(starts.count == 2)
        // The first event's last end packet goes out at 200 ms, the next starts 50 ms later.
        #expect(starts[1].0 - starts[0].0 == 250 * Self.ms)
        #expect(starts[1].1.timestamp == starts[0].1.timestamp + 2_000)
    }

    @Test func withoutARemoteNothingIsSentAndTheFirstPacketAfterIsMarked() {
        var sender = Self.sender(remoteKnown: false)
        let start = Self.origin
        let first = sender.startPlayback([], codec: .muLaw, duration: 200, endOfFile: .loop, at: start).actions
        #expect(Self.sent(first).isEmpty)
        #expect(sender.queueEvents([1], at: start).map(Self.sent)?.isEmpty == true)
        sender.remoteBecameKnown()
        let actions = sender.wake(at: start + 240 * Self.ms)
        let audio = Self.sent(actions).filter { $0.payloadType == 0 }
        #expect(audio.first?.marker == true)
        #expect(Self.ended(actions).first?.packetsSuppressed ?? 0 > 0)
    }

    @Test func replacingOrStoppingEndsThePlayback() {
        var sender = Self.sender(eventType: nil)
        let first = sender.startPlayback([], codec: .muLaw, duration: 1_000, endOfFile: .loop, at: Self.origin)
        let second = sender.startPlayback([], codec: .muLaw, duration: 1_000, endOfFile: .loop, at: Self.origin)
        #expect(second.id == first.id + 1)
        #expect(
            second.actions.contains(
                .playbackEnded(first.id, PlaybackSummary(reason: .stopped, packetsSent: 1, packetsSuppressed: 0))
            )
        )
        #expect(sender.queueEvents([1], at: Self.origin) == nil)  // no telephone-event negotiated
        #expect(
            sender.stop() == [
                .playbackEnded(
                    second.id,
                    PlaybackSummary(reason: .sessionStopped, packetsSent: 1, packetsSuppressed: 0)
                )
            ]
        )
        #expect(sender.stop().isEmpty)
        #expect(sender.wake(at: Self.origin + Self.ms).isEmpty)  // idle: no wake-up requested
    }
}
