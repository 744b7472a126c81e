public import NIOCore

/// The pure schedule of an outgoing audio stream: which RTP packet to send at tick `n` (one tick per ptime).
///
/// Given 8 kHz mono PCM, a G.711 codec and a packet time, tick `n` is due at `n × ptime` after the start and
/// carries samples `[n × s, (n + 1) × s)` (`s = 8 × ptime in ms`, 160 for 20 ms), with sequence number
/// `start + n`, timestamp `start + n × s` and the marker bit on tick 0 only (RFC 3551 §4.1: the first packet of
/// a talkspurt). The IO layer owns the clock: it sends tick `n` at `start + n × ptime` on an absolute schedule,
/// so lateness never accumulates.
///
/// **Looping.** With a ``duration`` the stream lasts exactly that long: the file repeats from the start when it
/// ends (``EndOfFile/loop``, the default, so `OpPlayFile(speech0, 60)` keeps talking for 60 s like a person
/// on the line), or the stream stops at the end of the file if that comes first (``EndOfFile/stop``). Without a duration the file plays once. A last partial packet is padded with silence; an
/// empty file with a duration plays silence.
public struct MediaPlayer: Sendable {
    /// What happens when the file ends before the duration.
    public enum EndOfFile: Sendable, Hashable {
        /// Start again from the first sample.
        case loop
        /// Stop sending.
        case stop
    }

    /// The codec that encodes the payloads.
    public let codec: G711

    /// The payload type written (the codec's static type unless negotiated otherwise).
    public let payloadType: UInt8

    /// Samples per packet (8 per millisecond of ptime).
    public let samplesPerPacket: Int

    /// The first packet's sequence number.
    public let firstSequenceNumber: UInt16

    /// The first packet's timestamp.
    public let firstTimestamp: UInt32

    /// The stream's SSRC.
    public let ssrc: UInt32

    /// The number of packets in the stream.
    public let packetCount: Int

    private let encoded: [UInt8]

    /// Creates a schedule.
    ///
    /// - Parameters:
    ///   - samples: Mono PCM at 8 kHz (see ``WAVFile/monoSamples(at:)``).
    ///   - codec: The G.711 law to encode with.
    ///   - payloadType: The payload type; defaults to the codec's static type.
    ///   - packetTime: Milliseconds per packet, 10…120. Default 20.
    ///   - duration: How long to play in milliseconds; `nil` plays the file once.
    ///   - endOfFile: What to do when the file ends before `duration`. Default ``EndOfFile/loop``.
    ///   - sequenceNumber: The first sequence number (RFC 3550 §5.1: random).
    ///   - timestamp: The first timestamp (random).
    ///   - ssrc: The SSRC (random).
    public init(
        samples: [Int16],
        codec: G711,
        payloadType: UInt8? = nil,
        packetTime: Int = 20,
        duration: Int? = nil,
        endOfFile: EndOfFile = .loop,
        sequenceNumber: UInt16,
        timestamp: UInt32,
        ssrc: UInt32
    ) {
        self.codec = codec
        self.payloadType = payloadType ?? codec.payloadType
        let packetTime = min(max(packetTime, 10), 120)
        self.samplesPerPacket = 8 * packetTime
        self.firstSequenceNumber = sequenceNumber
        self.firstTimestamp = timestamp
        self.ssrc = ssrc
        self.encoded = codec.encode(samples)
        let fileTicks = (samples.count + self.samplesPerPacket - 1) / self.samplesPerPacket
        if let duration {
            let durationTicks = max(0, duration) / packetTime
            switch endOfFile {
            case .loop: self.packetCount = durationTicks
            case .stop: self.packetCount = min(durationTicks, fileTicks)
            }
        } else {
            self.packetCount = fileTicks
        }
    }

    /// The packet for tick `n`, or `nil` once the stream is over (or for a negative `n`).
    public func packet(forTick n: Int, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> RTPPacket? {
        guard n >= 0, n < self.packetCount else {
            return nil
        }
        var payload = allocator.buffer(capacity: self.samplesPerPacket)
        if self.encoded.isEmpty {
            payload.writeRepeatingByte(self.codec.silence, count: self.samplesPerPacket)
        } else {
            // Loop on packet boundaries: each pass of the file is `fileTicks` packets, the last one padded.
            let fileTicks = (self.encoded.count + self.samplesPerPacket - 1) / self.samplesPerPacket
            let position = (n % fileTicks) * self.samplesPerPacket
            var remaining = self.samplesPerPacket
            let end = min(position + remaining, self.encoded.count)
            payload.writeBytes(self.encoded[position..<end])
            remaining -= end - position
            payload.writeRepeatingByte(self.codec.silence, count: remaining)
        }
        return RTPPacket(
            marker: n == 0,
            payloadType: self.payloadType,
            sequenceNumber: self.firstSequenceNumber &+ UInt16(truncatingIfNeeded: n),
            timestamp: self.firstTimestamp &+ UInt32(truncatingIfNeeded: n * self.samplesPerPacket),
            ssrc: self.ssrc,
            payload: payload
        )
    }

    /// The timestamp of tick `n` (the first timestamp plus `n` packets of samples, modulo 2³²).
    public func timestamp(forTick n: Int) -> UInt32 {
        self.firstTimestamp &+ UInt32(truncatingIfNeeded: n &* self.samplesPerPacket)
    }
}
