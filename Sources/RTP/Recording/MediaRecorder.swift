public import NIOCore

/// Records both directions of a call's audio as 8 kHz 16-bit PCM, ready to write as two mono WAV files.
///
/// **Two files, not one stereo file.** Each direction is its own RTP stream with its own timestamps, and a pure
/// recorder has no wall clock to align them; one mono file per direction keeps each file exactly in the sender's
/// timeline, which is what matching "the WAV is what the caller sent" needs. The IO layer writes
/// `…-caller.wav` (``Direction/received``) and `…-honeypot.wav` (``Direction/sent``).
///
/// **Placement by timestamp.** A packet's samples go at `timestamp − first timestamp` (modulo 2³², signed),
/// so reordered packets land in place, a gap (loss, silence suppression) becomes silence, and a duplicate
/// sequence number (within the last ``Limits/duplicateWindow`` numbers) is counted and dropped. A jump further
/// ahead than ``Limits/maximumGap`` samples or a new SSRC is not filled with silence: the stream is re-anchored
/// to continue at the end of what was recorded (``Statistics/resynchronisations``). Audio before the first
/// packet is dropped as late.
///
/// **Bounds.** Each direction keeps at most `min(maximumDuration × 8000, maximumBytes / 2)` samples; what does
/// not fit is counted in ``Statistics/cutSamples`` and ``Statistics/cutPackets``, never stored. Payloads are
/// decoded by payload type (0 µ-law, 8 A-law, or as configured); telephone-events are skipped, other payload
/// types are counted in ``Statistics/unsupportedPackets``.
public struct MediaRecorder: Sendable {
    /// Which way a packet went.
    public enum Direction: Sendable, Hashable, CaseIterable {
        /// From the remote party (the caller) to the honeypot.
        case received
        /// From the honeypot to the remote party.
        case sent
    }

    /// The recorder's bounds.
    public struct Limits: Sendable, Hashable {
        /// The longest recording per direction, in seconds. Default 600 (10 minutes).
        public var maximumDuration: Int
        /// The most PCM bytes per direction (2 per sample). Default 10 MiB.
        public var maximumBytes: Int
        /// The largest forward timestamp jump filled with silence, in samples. Default 40,000 (5 s).
        public var maximumGap: Int
        /// How many recent sequence numbers are remembered to drop duplicates. Default 512.
        public var duplicateWindow: Int

        /// Creates limits; negative values are treated as zero (the window as one).
        public init(
            maximumDuration: Int = 600,
            maximumBytes: Int = 10 * 1_024 * 1_024,
            maximumGap: Int = 40_000,
            duplicateWindow: Int = 512
        ) {
            self.maximumDuration = max(0, maximumDuration)
            self.maximumBytes = max(0, maximumBytes)
            self.maximumGap = max(0, maximumGap)
            self.duplicateWindow = max(1, duplicateWindow)
        }

        /// The most samples kept per direction.
        public var maximumSamples: Int {
            min(self.maximumDuration * 8_000, self.maximumBytes / 2)
        }
    }

    /// What happened to one direction's packets.
    public struct Statistics: Sendable, Hashable {
        /// Audio packets placed (fully or partly) in the recording.
        public var recordedPackets = 0
        /// Packets dropped as duplicates.
        public var duplicatePackets = 0
        /// Packets dropped because they fall before the start of the recording.
        public var latePackets = 0
        /// Times the stream was re-anchored (new SSRC or a jump beyond ``Limits/maximumGap``).
        public var resynchronisations = 0
        /// Packets with a payload type that is neither G.711 nor telephone-event.
        public var unsupportedPackets = 0
        /// Telephone-event packets (not audio; skipped).
        public var eventPackets = 0
        /// Packets that did not fit (wholly or partly) within the limits.
        public var cutPackets = 0
        /// Samples that did not fit within the limits.
        public var cutSamples = 0

        /// Creates empty statistics.
        public init() {}
    }

    private struct Stream: Sendable {
        var samples: [Int16] = []
        var ssrc: UInt32?
        var anchorTimestamp: UInt32 = 0
        var anchorPosition = 0
        var recent: [Int32]
        var statistics = Statistics()

        init(window: Int) {
            self.recent = Array(repeating: -1, count: window)
        }
    }

    /// The bounds in force.
    public let limits: Limits

    /// The G.711 law of each audio payload type.
    public let audioPayloadTypes: [UInt8: G711]

    /// The telephone-event payload type, if negotiated.
    public let telephoneEventPayloadType: UInt8?

    private var received: Stream
    private var sent: Stream

    /// Creates a recorder.
    ///
    /// - Parameters:
    ///   - limits: The bounds.
    ///   - audioPayloadTypes: Payload type to law. Default `[0: .muLaw, 8: .aLaw]`.
    ///   - telephoneEventPayloadType: The negotiated telephone-event type. Default 101.
    public init(
        limits: Limits = Limits(),
        audioPayloadTypes: [UInt8: G711] = [0: .muLaw, 8: .aLaw],
        telephoneEventPayloadType: UInt8? = 101
    ) {
        self.limits = limits
        self.audioPayloadTypes = audioPayloadTypes
        self.telephoneEventPayloadType = telephoneEventPayloadType
        self.received = Stream(window: limits.duplicateWindow)
        self.sent = Stream(window: limits.duplicateWindow)
    }

    /// Records one packet.
    public mutating func record(_ packet: RTPPacket, direction: Direction) {
        switch direction {
        case .received: self.record(packet, into: &self.received)
        case .sent: self.record(packet, into: &self.sent)
        }
    }

    /// The PCM recorded for one direction (8 kHz mono).
    public func samples(_ direction: Direction) -> [Int16] {
        switch direction {
        case .received: self.received.samples
        case .sent: self.sent.samples
        }
    }

    /// The statistics for one direction.
    public func statistics(_ direction: Direction) -> Statistics {
        switch direction {
        case .received: self.received.statistics
        case .sent: self.sent.statistics
        }
    }

    /// The recording of one direction as a WAV file (PCM 16-bit mono 8 kHz).
    public func wav(_ direction: Direction, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        WAVFile.encode(samples: self.samples(direction), sampleRate: 8_000, channels: 1, allocator: allocator)
    }

    private func record(_ packet: RTPPacket, into stream: inout Stream) {
        if packet.payloadType == self.telephoneEventPayloadType {
            stream.statistics.eventPackets += 1
            return
        }
        guard let codec = self.audioPayloadTypes[packet.payloadType] else {
            stream.statistics.unsupportedPackets += 1
            return
        }
        if stream.ssrc != packet.ssrc {
            if stream.ssrc != nil {
                stream.statistics.resynchronisations += 1
                for index in stream.recent.indices {
                    stream.recent[index] = -1
                }
            }
            stream.ssrc = packet.ssrc
            stream.anchorTimestamp = packet.timestamp
            stream.anchorPosition = stream.samples.count
        }
        let slot = Int(packet.sequenceNumber) % stream.recent.count
        if stream.recent[slot] == Int32(packet.sequenceNumber) {
            stream.statistics.duplicatePackets += 1
            return
        }
        var position = stream.anchorPosition + Int(Int32(bitPattern: packet.timestamp &- stream.anchorTimestamp))
        if position > stream.samples.count + self.limits.maximumGap {
            stream.statistics.resynchronisations += 1
            stream.anchorTimestamp = packet.timestamp
            stream.anchorPosition = stream.samples.count
            position = stream.samples.count
        }
        if position < 0 {
            stream.statistics.latePackets += 1
            return
        }
        stream.recent[slot] = Int32(packet.sequenceNumber)
        let count = packet.payload.readableBytes
        let capacity = self.limits.maximumSamples
        let fitting = max(0, min(count, capacity - position))
        if fitting < count {
            stream.statistics.cutPackets += 1
            stream.statistics.cutSamples += count - fitting
        }
        guard fitting > 0 else {
            return
        }
        stream.statistics.recordedPackets += 1
        if position > stream.samples.count {
            stream.samples.append(contentsOf: repeatElement(0, count: position - stream.samples.count))
        }
        let decoded = packet.payload.withUnsafeReadableBytes { bytes in
            codec.decode(UnsafeRawBufferPointer(rebasing: bytes.prefix(fitting)))
        }
        let overlap = min(fitting, stream.samples.count - position)
        if overlap > 0 {
            stream.samples.replaceSubrange(position..<(position + overlap), with: decoded.prefix(overlap))
        }
        stream.samples.append(contentsOf: decoded.dropFirst(overlap))
    }
}
