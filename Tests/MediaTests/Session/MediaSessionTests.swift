import Foundation
import Media
import NIOCore
import NIOPosix
import RTP
import RTPTestSupport
import Testing

@Suite struct MediaSessionTests {
    private static func engine(
        ports: ClosedRange<Int>,
        rtcp: Int = 5,
        rate: Int = 200,
        recordSeconds: Int = 600
    ) -> MediaEngine {
        MediaEngine(
            configuration: MediaConfiguration(
                host: "127.0.0.1",
                portRange: ports,
                maximumRecordingDuration: recordSeconds,
                maximumReceivedPacketsPerSecond: rate,
                rtcpInterval: rtcp,
                maximumPlaybackBurst: 1_000  // a stalled loop catches up instead of skipping: exact counts
            )
        )
    }

    /// Pearson correlation of two equally long signals.
    private static func correlation(_ a: [Int16], _ b: [Int16]) -> Double {
        let n = Double(min(a.count, b.count))
        guard n > 0 else { return 0 }
        let x = a.prefix(Int(n)).map(Double.init)
        let y = b.prefix(Int(n)).map(Double.init)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (u, v) in zip(x, y) {
            sxy += (u - mx) * (v - my)
            sxx += (u - mx) * (u - mx)
            syy += (v - my) * (v - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    @Test(.timeLimit(.minutes(1)))
    func twoSessionsPlayAndRecordATone() async throws {
        let engine = Self.engine(ports: 41_300...41_309, rtcp: 1)
        let receivedByB = Collector<MediaPacketEvent>()
        let sentByA = Collector<MediaPacketEvent>()
        let b = try await engine.makeSession(.init(remoteRTPAddress: nil, codec: .aLaw, record: true)) { event in
            receivedByB.append(event)
        }
        let a = try await engine.makeSession(
            .init(remoteRTPAddress: try Loopback.address(port: b.rtpPort), codec: .aLaw)
        ) { event in
            sentByA.append(event)
        }
        let tone = Signal.tone(frequency: 1_000, rate: 8_000, count: 8_000)
        let summary = try await a.play(tone)
        #expect(summary.reason == .finished)
        #expect(summary.packetsSent == 50)
        _ = await receivedByB.wait { $0.filter { $0.kind == .rtp }.count >= 50 }

        // Pacing: the packets A sent are numbered and stamped by the schedule.
        let sent = try sentByA.values.filter { $0.kind == .rtp && $0.direction == .sent }.map {
            try RTPPacket(parsing: $0.bytes)
        }
        #expect(sent.count == 50)
        for (previous, next) in zip(sent, sent.dropFirst()) {
            #expect(next.sequenceNumber == previous.sequenceNumber &+ 1)
            #expect(next.timestamp == previous.timestamp &+ 160)
            #expect(next.ssrc == previous.ssrc)
        }
        #expect(sent.first?.marker == true)
        #expect(sent.dropFirst().allSatisfy { !$0.marker })
        #expect(sent.allSatisfy { $0.payloadType == 8 && $0.payload.readableBytes == 160 })
        // Sent at about 20 ms apart on average (loose: the machine may be loaded).
        let times = sentByA.values.filter { $0.kind == .rtp }.map(\.nanosecondsSinceEpoch)
        if let first = times.first, let last = times.last {
            let seconds = Double(last - first) / 1e9
            #expect(seconds > 0.9 && seconds < 5)
        }

        // B recorded the tone.
        let recording = try await b.recording()
        let samples = recording.samples(.received)
        #expect(samples.count == 8_000)
        #expect(
            Signal.goertzel(samples, frequency: 1_000, rate: 8_000)
                > 1_000 * Signal.goertzel(samples, frequency: 1_500, rate: 8_000)
        )
        #expect(Self.correlation(samples, G711.aLaw.decode(G711.aLaw.encode(tone))) > 0.999)
        let statistics = try await b.statistics()
        #expect(statistics.rtpReceived == 50)
        #expect(statistics.reception?.cumulativeLost == 0)
        #expect(statistics.remoteRTPAddress?.port == a.rtpPort)  // symmetric: latched to A's socket

        // B stops first: its BYE compound carries a receiver report on A's stream, sent to A's RTCP port.
        let bFinal = try await b.stop()
        #expect(bFinal.malformedRTCP == 0)
        let byeCompound: @Sendable (MediaPacketEvent) -> [RTCPPacket]? = { event in
            guard event.kind == .rtcp, event.direction == .received,
                let packets = try? RTCPPacket.parseCompound(event.bytes),
                packets.contains(where: { if case .bye = $0 { true } else { false } })
            else {
                return nil
            }
            return packets
        }
        let events = await sentByA.wait { events in events.contains { byeCompound($0) != nil } }
        let compound = try #require(events.lazy.compactMap(byeCompound).first)
        guard case .receiverReport(let report) = compound.first else {
            Issue.record("B sent no RTP, so its report must be an RR: \(compound)")
            return
        }
        let block = try #require(report.reportBlocks.first)
        #expect(block.ssrc == sent.first?.ssrc)
        #expect(UInt16(truncatingIfNeeded: block.extendedHighestSequenceNumber) == sent.last?.sequenceNumber)
        #expect(block.cumulativeLost == 0)
        #expect(block.fractionLost == 0)
        guard case .sourceDescription(let chunks) = compound.dropFirst().first else {
            Issue.record("no SDES after the RR")
            return
        }
        #expect(chunks.first?.items.first?.type == RTCPPacket.SourceDescriptionItem.cname)
        #expect(chunks.first?.items.first?.value.count == 8)  // a random per-session CNAME

        let aFinal = try await a.stop()
        #expect(aFinal.rtpSent == 50)
        #expect(aFinal.receivedBye)
        #expect(aFinal.rtcpReceived >= 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func dtmfDigitsMakeTheRoundTrip() async throws {
        let engine = Self.engine(ports: 41_320...41_329)
        let digits = Collector<TelephoneEventReceiver.Detected>()
        let b = try await engine.makeSession(.init(remoteRTPAddress: nil), onDigit: { digits.append($0) })
        let a = try await engine.makeSession(.init(remoteRTPAddress: try Loopback.address(port: b.rtpPort)))
        try await a.sendDigits("159#*D")
        let received = await digits.wait { $0.count >= 6 }
        #expect(received.map(\.digit) == ["1", "5", "9", "#", "*", "D"])
        #expect(received.allSatisfy { $0.ended && $0.duration == 800 })
        #expect(Set(received.map(\.timestamp)).count == 6)
        await #expect(throws: MediaError.self) { try await a.sendDigits("12x") }
        let statistics = try await a.stop()
        #expect(statistics.digitsSent == 6)
        #expect(try await b.stop().digitsReceived == 6)
        // Without a negotiated telephone-event type, digits cannot be sent.
        let c = try await engine.makeSession(.init(remoteRTPAddress: nil, telephoneEventPayloadType: nil))
        await #expect {
            try await c.sendDigits("1")
        } throws: { error in
            (error as? MediaError)?.code == .dtmfNotNegotiated
        }
        try await c.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func aTestSocketsToneIsRecordedAndWrittenAsWAV() async throws {
        let engine = Self.engine(ports: 41_340...41_349)
        let session = try await engine.makeSession(.init(remoteRTPAddress: nil, codec: .muLaw, record: true))
        let (socket, collector) = try await Loopback.socket()
        let destination = try Loopback.address(port: session.rtpPort)
        // 800 Hz for one second, sent as fast as possible and out of order: the recorder places by timestamp.
        let tone = Signal.tone(frequency: 800, rate: 8_000, count: 8_000)
        let player = MediaPlayer(samples: tone, codec: .muLaw, sequenceNumber: 60_000, timestamp: 123, ssrc: 77)
        var order = Array(0..<player.packetCount)
        order.swapAt(3, 4)
        order.swapAt(20, 30)
        order.insert(10, at: 12)  // a duplicate
        for tick in order {
            let bytes = player.packet(forTick: tick)!.serialized()
            try await socket.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: bytes))
        }
        var recording = try await session.recording()
        for _ in 0..<100 where recording.statistics(.received).recordedPackets < 50 {
            try await Task.sleep(for: .milliseconds(20))
            recording = try await session.recording()
        }
        #expect(recording.statistics(.received).recordedPackets == 50)
        #expect(recording.statistics(.received).duplicatePackets == 1)

        // Symmetric RTP: the session now sends to the test socket.
        try await session.play([Int16](repeating: 0, count: 800))
        let echoed = await collector.received.wait { $0.count >= 5 }
        #expect(echoed.count >= 5)

        let directory = try Loopback.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await session.stop()
        let paths = try await session.writeRecordings(to: directory)
        #expect(
            paths.map { ($0 as NSString).lastPathComponent } == [
                "media-\(String(session.id, radix: 16))-caller.wav",
                "media-\(String(session.id, radix: 16))-honeypot.wav",
            ]
        )
        let caller = try WAVFile(parsing: ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: paths[0]))))
        #expect(caller.sampleRate == 8_000)
        #expect(caller.samples.count == 8_000)
        #expect(Self.correlation(caller.samples, G711.muLaw.decode(G711.muLaw.encode(tone))) > 0.999)
        let honeypot = try WAVFile(parsing: ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: paths[1]))))
        #expect(honeypot.samples.count == 800)
        // Files are never overwritten.
        await #expect(throws: MediaError.self) { try await session.writeRecordings(to: directory) }
        try await socket.close()
    }

    @Test(.timeLimit(.minutes(1)))
    func aFloodIsCappedAndMalformedPacketsAreCounted() async throws {
        let engine = Self.engine(ports: 41_360...41_369, rtcp: 0, rate: 100, recordSeconds: 1)
        let started = ContinuousClock.now
        let observed = Collector<MediaPacketEvent>()
        let session = try await engine.makeSession(.init(remoteRTPAddress: nil, record: true)) { observed.append($0) }
        let (socket, _) = try await Loopback.socket()
        let destination = try Loopback.address(port: session.rtpPort)
        try await socket.writeAndFlush(
            AddressedEnvelope(remoteAddress: destination, data: ByteBuffer(bytes: [1, 2, 3]))
        )
        let player = MediaPlayer(samples: [], codec: .muLaw, duration: 40_000, sequenceNumber: 0, timestamp: 0, ssrc: 5)
        for tick in 0..<2_000 {
            socket.write(
                AddressedEnvelope(remoteAddress: destination, data: player.packet(forTick: tick)!.serialized()),
                promise: nil
            )
            if tick % 100 == 99 {
                try await socket.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: ByteBuffer()))
            }
        }
        socket.flush()
        var statistics = try await session.statistics()
        for _ in 0..<50 where statistics.rtpReceived + statistics.droppedByRateLimit < 1_000 {
            try await Task.sleep(for: .milliseconds(20))
            statistics = try await session.statistics()
        }
        #expect(statistics.malformedRTP >= 1)
        #expect(statistics.droppedByRateLimit > 0)
        // At most one window of 100 per second of the test's run (however long a loaded machine makes it).
        let seconds = Int((ContinuousClock.now - started).components.seconds) + 2
        #expect(statistics.rtpReceived <= 100 * seconds)
        #expect(statistics.rtpReceived < 2_000)
        #expect(observed.values.count == statistics.rtpReceived + statistics.rtcpSent + statistics.rtcpReceived)
        let recording = try await session.recording()
        #expect(recording.samples(.received).count <= 8_000)
        try await session.stop()
        try await socket.close()
    }

    @Test(.timeLimit(.minutes(1)))
    func digitsDuringPlaybackShareTheStreamAndStoppingEndsPlayback() async throws {
        let engine = Self.engine(ports: 41_380...41_389)
        let sentByA = Collector<MediaPacketEvent>()
        let digits = Collector<TelephoneEventReceiver.Detected>()
        let b = try await engine.makeSession(
            .init(remoteRTPAddress: nil, telephoneEventPayloadType: 96),
            onDigit: { digits.append($0) }
        )
        let a = try await engine.makeSession(
            .init(remoteRTPAddress: try Loopback.address(port: b.rtpPort), telephoneEventPayloadType: 96)
        ) { sentByA.append($0) }
        let playback = a.startPlayback(Signal.tone(frequency: 440, rate: 8_000, count: 800), duration: 60_000)
        _ = await sentByA.wait { $0.count >= 10 }
        try await a.sendDigits("7")
        _ = await digits.wait { $0.count >= 1 }
        _ = await sentByA.wait(timeout: 1) { _ in false }  // let audio resume for a while
        let statistics = try await a.stop()
        let summary = try await playback.get()
        #expect(summary.reason == .sessionStopped)
        #expect(summary.packetsSuppressed > 0)
        #expect(digits.values.map(\.digit) == ["7"])
        #expect(statistics.digitsSent == 1)

        let packets = try sentByA.values.filter { $0.kind == .rtp }.map { try RTPPacket(parsing: $0.bytes) }
        // One sequence space for audio and events, no gaps.
        for (previous, next) in zip(packets, packets.dropFirst()) {
            #expect(next.sequenceNumber == previous.sequenceNumber &+ 1)
            #expect(next.ssrc == previous.ssrc)
        }
        let events = packets.filter { $0.payloadType == 96 }
        #expect(events.count == 5)  // start, update, three ends
        #expect(Set(events.map(\.timestamp)).count == 1)
        #expect(events.first?.marker == true)
        // No audio while the event is sent; the first audio packet after it starts a talkspurt.
        let firstEvent = try #require(packets.firstIndex { $0.payloadType == 96 })
        let lastEvent = try #require(packets.lastIndex { $0.payloadType == 96 })
        #expect(packets[firstEvent...lastEvent].allSatisfy { $0.payloadType == 96 })
        if lastEvent + 1 < packets.count {
            #expect(packets[lastEvent + 1].marker)
            #expect(packets[lastEvent + 1].payloadType == 0)
        }
        // Audio timestamps stay on the 160-sample grid of the playback.
        let audio = packets.filter { $0.payloadType == 0 }
        let base = try #require(audio.first).timestamp
        #expect(audio.allSatisfy { ($0.timestamp &- base) % 160 == 0 })
        try await b.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func aReINVITECanGiveTheRemoteAddressLater() async throws {
        let engine = Self.engine(ports: 41_400...41_409, rtcp: 0)
        let session = try await engine.makeSession(.init(remoteRTPAddress: nil))
        let (socket, collector) = try await Loopback.socket()
        // No address yet: nothing is sent, the ticks are suppressed.
        let silent = try await session.play([Int16](repeating: 0, count: 480))
        #expect(silent.packetsSent == 0)
        #expect(silent.packetsSuppressed == 3)
        session.updateRemote(rtp: socket.localAddress)
        let summary = try await session.play([Int16](repeating: 0, count: 480))
        #expect(summary.packetsSent == 3)
        let received = await collector.received.wait { $0.count >= 3 }
        #expect(received.count == 3)
        #expect(try RTPPacket(parsing: received[0]).marker)
        try await session.stop()
        try await socket.close()
    }
}
