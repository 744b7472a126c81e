public import NIOCore

/// A decoded WAV (RIFF `WAVE`) file: its format and its samples as interleaved 16-bit linear PCM.
///
/// The reader accepts `WAVE_FORMAT_PCM` (1) with 8-bit (unsigned), 16-, 24- and 32-bit (signed, little-endian)
/// samples, `WAVE_FORMAT_ALAW` (6) and `WAVE_FORMAT_MULAW` (7) with 8-bit samples, and
/// `WAVE_FORMAT_EXTENSIBLE` (0xFFFE) whose sub-format is one of those; any channel count up to
/// ``WAVLimits/maximumChannels`` and any sample rate in ``WAVLimits/sampleRates``. Chunks other than `fmt ` and
/// `data` (`LIST`, `fact`, `cue `, …) are skipped, with their pad byte. Wider samples keep their top 16 bits.
///
/// It is lenient about sizes that writers often get wrong: a RIFF size that disagrees with the file, and a `data`
/// size larger than what follows (streamed files write 0 or 0xFFFFFFFF), keep the bytes that are there
/// (``dataWasTruncated``). A partial last frame is dropped.
public struct WAVFile: Sendable, Hashable {
    /// The `wFormatTag` values the reader knows.
    public enum Encoding: Sendable, Hashable {
        /// Linear PCM (1).
        case pcm
        /// G.711 A-law (6).
        case aLaw
        /// G.711 µ-law (7).
        case muLaw
    }

    /// The sample encoding of the file.
    public var encoding: Encoding

    /// Samples per second per channel.
    public var sampleRate: Int

    /// The number of channels.
    public var channels: Int

    /// The bits per sample in the file (8, 16, 24 or 32).
    public var bitsPerSample: Int

    /// The samples, interleaved by channel, as 16-bit linear PCM.
    public var samples: [Int16]

    /// Whether the `data` chunk announced more bytes than the file holds.
    public var dataWasTruncated: Bool

    /// Creates a file from its parts.
    public init(
        encoding: Encoding = .pcm,
        sampleRate: Int,
        channels: Int,
        bitsPerSample: Int = 16,
        samples: [Int16],
        dataWasTruncated: Bool = false
    ) {
        self.encoding = encoding
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitsPerSample = bitsPerSample
        self.samples = samples
        self.dataWasTruncated = dataWasTruncated
    }

    /// The number of frames (samples per channel).
    public var frameCount: Int {
        self.channels > 0 ? self.samples.count / self.channels : 0
    }

    /// The samples mixed down to one channel (the mean of the channels, rounded toward zero).
    public func mono() -> [Int16] {
        guard self.channels > 1 else {
            return self.samples
        }
        var out: [Int16] = []
        out.reserveCapacity(self.frameCount)
        var index = 0
        for _ in 0..<self.frameCount {
            var sum = 0
            for channel in 0..<self.channels {
                sum += Int(self.samples[index + channel])
            }
            out.append(Int16(sum / self.channels))
            index += self.channels
        }
        return out
    }

    /// The samples mixed down to mono and resampled to `rate` (8,000 for G.711) with ``Resampler``.
    public func monoSamples(at rate: Int = 8_000) -> [Int16] {
        let mono = self.mono()
        guard rate != self.sampleRate else {
            return mono
        }
        return Resampler(inputRate: self.sampleRate, outputRate: rate).resample(mono)
    }
}

// MARK: - Reading

extension WAVFile {
    private static func fourCC(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        text.withUTF8Buffer { bytes in
            for byte in bytes {
                value = value << 8 | UInt32(byte)
            }
        }
        return value
    }

    /// Parses a WAV file.
    ///
    /// - Parameters:
    ///   - bytes: The whole file; not consumed.
    ///   - limits: The bounds to hold it to.
    public init(parsing bytes: ByteBuffer, limits: WAVLimits = WAVLimits()) throws(RTPError) {
        var buffer = bytes
        let size = buffer.readableBytes
        guard let riff = buffer.readInteger(as: UInt32.self),
            buffer.readInteger(endianness: .little, as: UInt32.self) != nil,
            let wave = buffer.readInteger(as: UInt32.self)
        else {
            throw .truncated("the RIFF header", offset: 0, needed: 12 - size)
        }
        guard riff == Self.fourCC("RIFF"), wave == Self.fourCC("WAVE") else {
            throw .malformed("the file does not start with RIFF….WAVE", offset: 0, bytes: bytes.readableBytesView)
        }
        var format: (tag: UInt16, channels: Int, rate: Int, blockAlign: Int, bits: Int)?
        var chunks = 0
        while true {
            let offset = size - buffer.readableBytes
            chunks += 1
            if chunks > limits.maximumChunks {
                throw .limitExceeded("the number of chunks", value: chunks, limit: limits.maximumChunks, offset: offset)
            }
            guard let id = buffer.readInteger(as: UInt32.self),
                let declared = buffer.readInteger(endianness: .little, as: UInt32.self)
            else {
                throw .truncated("a chunk header (no data chunk found)", offset: offset, needed: 8)
            }
            let chunkSize = Int(declared)
            if id == Self.fourCC("fmt ") {
                guard var body = buffer.readSlice(length: chunkSize), chunkSize >= 16 else {
                    throw .truncated("the fmt chunk", offset: offset + 8, needed: max(16, chunkSize))
                }
                format = try Self.readFormat(&body, offset: offset + 8, limits: limits)
                buffer.moveReaderIndex(forwardBy: min(chunkSize & 1, buffer.readableBytes))
            } else if id == Self.fourCC("data") {
                guard let format else {
                    throw .malformed("the data chunk comes before any fmt chunk", offset: offset)
                }
                let truncated = chunkSize > buffer.readableBytes
                var available = min(chunkSize, buffer.readableBytes)
                if available > limits.maximumDataSize {
                    throw .limitExceeded(
                        "the data chunk size",
                        value: available,
                        limit: limits.maximumDataSize,
                        offset: offset
                    )
                }
                available -= available % format.blockAlign
                let data = buffer.readSlice(length: available) ?? ByteBuffer()
                self = try Self.decode(data, format: format, truncated: truncated)
                return
            } else {
                guard chunkSize <= buffer.readableBytes else {
                    throw .truncated("a chunk", offset: offset + 8, needed: chunkSize - buffer.readableBytes)
                }
                buffer.moveReaderIndex(forwardBy: chunkSize)
                buffer.moveReaderIndex(forwardBy: min(chunkSize & 1, buffer.readableBytes))
            }
        }
    }

    private static func readFormat(
        _ body: inout ByteBuffer,
        offset: Int,
        limits: WAVLimits
    ) throws(RTPError) -> (tag: UInt16, channels: Int, rate: Int, blockAlign: Int, bits: Int) {
        guard var tag = body.readInteger(endianness: .little, as: UInt16.self),
            let channels = body.readInteger(endianness: .little, as: UInt16.self),
            let rate = body.readInteger(endianness: .little, as: UInt32.self),
            body.readInteger(endianness: .little, as: UInt32.self) != nil,
            let blockAlign = body.readInteger(endianness: .little, as: UInt16.self),
            let bits = body.readInteger(endianness: .little, as: UInt16.self)
        else {
            throw .truncated("the fmt chunk", offset: offset, needed: 16)
        }
        if tag == 0xFFFE {
            // WAVEFORMATEXTENSIBLE: cbSize, wValidBitsPerSample, dwChannelMask, then the sub-format GUID whose
            // first two bytes are the format tag.
            body.moveReaderIndex(forwardBy: min(8, body.readableBytes))
            guard let subFormat = body.readInteger(endianness: .little, as: UInt16.self) else {
                throw .truncated("the extensible format's sub-format", offset: offset + 24, needed: 2)
            }
            tag = subFormat
        }
        guard channels > 0, Int(channels) <= limits.maximumChannels else {
            throw .limitExceeded(
                "the channel count",
                value: Int(channels),
                limit: limits.maximumChannels,
                offset: offset
            )
        }
        guard limits.sampleRates.contains(Int(rate)) else {
            throw .unsupported("the sample rate \(rate) Hz is outside \(limits.sampleRates)", offset: offset + 4)
        }
        switch tag {
        case 1:
            guard [8, 16, 24, 32].contains(bits) else {
                throw .unsupported("\(bits)-bit PCM is not decoded", offset: offset + 14)
            }
        case 6, 7:
            guard bits == 8 else {
                throw .unsupported("G.711 with \(bits) bits per sample is not decoded", offset: offset + 14)
            }
        default:
            throw .unsupported("the WAV format tag \(tag) is not decoded", offset: offset)
        }
        let expectedAlign = Int(channels) * Int(bits) / 8
        guard Int(blockAlign) == expectedAlign else {
            throw .malformed(
                "the block alignment \(blockAlign) is not channels × bytes per sample (\(expectedAlign))",
                offset: offset + 12
            )
        }
        return (tag, Int(channels), Int(rate), Int(blockAlign), Int(bits))
    }

    private static func decode(
        _ data: ByteBuffer,
        format: (tag: UInt16, channels: Int, rate: Int, blockAlign: Int, bits: Int),
        truncated: Bool
    ) throws(RTPError) -> WAVFile {
        var samples: [Int16] = []
        let bytes = data.readableBytesView
        let width = format.bits / 8
        samples.reserveCapacity(bytes.count / width)
        let encoding: Encoding
        switch format.tag {
        case 6:
            encoding = .aLaw
            samples = G711.aLaw.decode(bytes)
        case 7:
            encoding = .muLaw
            samples = G711.muLaw.decode(bytes)
        default:
            encoding = .pcm
            var index = bytes.startIndex
            while index + width <= bytes.endIndex {
                switch width {
                case 1:
                    samples.append((Int16(bytes[index]) - 128) << 8)
                default:
                    // Little-endian: the top 16 bits are the last two bytes of the sample.
                    let low = UInt16(bytes[index + width - 2])
                    let high = UInt16(bytes[index + width - 1])
                    samples.append(Int16(bitPattern: high << 8 | low))
                }
                index += width
            }
        }
        return WAVFile(
            encoding: encoding,
            sampleRate: format.rate,
            channels: format.channels,
            bitsPerSample: format.bits,
            samples: samples,
            dataWasTruncated: truncated
        )
    }
}

// MARK: - Writing

extension WAVFile {
    /// Serializes 16-bit linear PCM samples as a canonical 44-byte-header WAV file.
    ///
    /// - Parameters:
    ///   - samples: Interleaved samples.
    ///   - sampleRate: Samples per second per channel. Default 8,000.
    ///   - channels: The channel count. Default 1.
    ///   - allocator: The allocator for the result.
    public static func encode(
        samples: [Int16],
        sampleRate: Int = 8_000,
        channels: Int = 1,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) -> ByteBuffer {
        let channels = max(1, channels)
        let dataSize = samples.count * 2
        var buffer = allocator.buffer(capacity: 44 + dataSize)
        buffer.writeStaticString("RIFF")
        buffer.writeInteger(UInt32(truncatingIfNeeded: 36 + dataSize), endianness: .little)
        buffer.writeStaticString("WAVEfmt ")
        buffer.writeInteger(UInt32(16), endianness: .little)
        buffer.writeInteger(UInt16(1), endianness: .little)
        buffer.writeInteger(UInt16(truncatingIfNeeded: channels), endianness: .little)
        buffer.writeInteger(UInt32(truncatingIfNeeded: sampleRate), endianness: .little)
        buffer.writeInteger(UInt32(truncatingIfNeeded: sampleRate * channels * 2), endianness: .little)
        buffer.writeInteger(UInt16(truncatingIfNeeded: channels * 2), endianness: .little)
        buffer.writeInteger(UInt16(16), endianness: .little)
        buffer.writeStaticString("data")
        buffer.writeInteger(UInt32(truncatingIfNeeded: dataSize), endianness: .little)
        for sample in samples {
            buffer.writeInteger(sample, endianness: .little)
        }
        return buffer
    }
}
