import NIOCore
import RTP
import RTPTestSupport
import Testing

@Suite struct WAVFileTests {
    /// A WAV file built by hand: `fmt ` fields, optional extra chunks before `data`.
    static func wav(
        tag: UInt16 = 1,
        channels: UInt16 = 1,
        rate: UInt32 = 8_000,
        bits: UInt16 = 16,
        data: [UInt8],
        declaredDataSize: UInt32? = nil,
        extraChunks: [(String, [UInt8])] = []
    ) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("RIFF")
        buffer.writeInteger(UInt32(0), endianness: .little)  // Wrong on purpose: readers must not rely on it.
        buffer.writeString("WAVE")
        buffer.writeString("fmt ")
        buffer.writeInteger(UInt32(16), endianness: .little)
        buffer.writeInteger(tag, endianness: .little)
        buffer.writeInteger(channels, endianness: .little)
        buffer.writeInteger(rate, endianness: .little)
        buffer.writeInteger(rate * UInt32(channels) * UInt32(bits / 8), endianness: .little)
        buffer.writeInteger(channels * bits / 8, endianness: .little)
        buffer.writeInteger(bits, endianness: .little)
        for (id, body) in extraChunks {
            buffer.writeString(id)
            buffer.writeInteger(UInt32(body.count), endianness: .little)
            buffer.writeBytes(body)
            if body.count % 2 == 1 {
                buffer.writeInteger(UInt8(0))
            }
        }
        buffer.writeString("data")
        buffer.writeInteger(declaredDataSize ?? UInt32(data.count), endianness: .little)
        buffer.writeBytes(data)
        return buffer
    }

    @Test func writerAndReaderRoundTrip() throws {
        let samples: [Int16] = [0, 1, -1, 32_767, -32_768, 1_234]
        let bytes = WAVFile.encode(samples: samples)
        #expect(bytes.readableBytes == 44 + 12)
        // Header sizes: RIFF size = file − 8, data size = samples × 2.
        #expect(bytes.getInteger(at: 4, endianness: .little, as: UInt32.self) == 48)
        #expect(bytes.getInteger(at: 40, endianness: .little, as: UInt32.self) == 12)
        #expect(bytes.getInteger(at: 28, endianness: .little, as: UInt32.self) == 16_000)
        let file = try WAVFile(parsing: bytes)
        #expect(file.samples == samples)
        #expect(file.sampleRate == 8_000)
        #expect(file.channels == 1)
        #expect(!file.dataWasTruncated)
    }

    @Test func readsEightBitStereoAndSkipsChunks() throws {
        let data: [UInt8] = [128, 128, 255, 1, 0, 0]  // three frames
        let file = try WAVFile(
            parsing: Self.wav(
                channels: 2,
                rate: 16_000,
                bits: 8,
                data: data,
                extraChunks: [("LIST", [1, 2, 3]), ("fact", [0, 0, 0, 0])]
            )
        )
        #expect(file.channels == 2)
        #expect(file.frameCount == 3)
        #expect(file.samples == [0, 0, 127 << 8, -127 << 8, -32_768, -32_768])
        #expect(file.mono() == [0, 0, -32_768])
    }

    @Test func readsG711AndExtensibleFiles() throws {
        let mu = try WAVFile(parsing: Self.wav(tag: 7, bits: 8, data: [0xFF, 0x80]))
        #expect(mu.encoding == .muLaw)
        #expect(mu.samples == [0, 32_124])
        let a = try WAVFile(parsing: Self.wav(tag: 6, bits: 8, data: [0xD5]))
        #expect(a.samples == [8])
        let wide = try WAVFile(parsing: Self.wav(bits: 24, data: [0x00, 0x34, 0x12, 0xFF, 0xFF, 0xFF]))
        #expect(wide.samples == [0x1234, -1])
    }

    @Test func keepsWhatIsThereWhenTheDataSizeLies() throws {
        let file = try WAVFile(parsing: Self.wav(data: [1, 0, 2, 0, 3], declaredDataSize: 0xFFFF_FFFF))
        #expect(file.samples == [1, 2])  // the partial frame is dropped
        #expect(file.dataWasTruncated)
    }

    @Test func rejectsWhatItCannotRead() {
        func code(_ buffer: ByteBuffer, limits: WAVLimits = WAVLimits()) -> RTPError.Code? {
            do {
                _ = try WAVFile(parsing: buffer, limits: limits)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(ByteBuffer(string: "RIFF")) == .truncated)
        #expect(code(ByteBuffer(string: "RIFF\0\0\0\0AVI LIST")) == .malformed)
        #expect(code(Self.wav(tag: 2, data: [])) == .unsupported)  // ADPCM
        #expect(code(Self.wav(bits: 12, data: [])) == .unsupported)
        #expect(code(Self.wav(channels: 9, data: [])) == .limitExceeded)
        #expect(code(Self.wav(rate: 500, data: [])) == .unsupported)
        #expect(
            code(Self.wav(data: [UInt8](repeating: 0, count: 100)), limits: WAVLimits(maximumDataSize: 50))
                == .limitExceeded
        )
        #expect(
            code(Self.wav(data: [], extraChunks: [("junk", [1, 2])]), limits: WAVLimits(maximumChunks: 2))
                == .limitExceeded
        )
        var noData = ByteBuffer(string: "RIFF\0\0\0\0WAVEjunk")
        noData.writeInteger(UInt32(100), endianness: .little)
        #expect(code(noData) == .truncated)
    }

    @Test func resamplesToEightKilohertzMono() throws {
        let tone = Signal.tone(frequency: 1_000, rate: 16_000, count: 16_000)
        var stereo: [Int16] = []
        for sample in tone {
            stereo += [sample, sample]
        }
        let file = WAVFile(sampleRate: 16_000, channels: 2, samples: stereo)
        let output = file.monoSamples(at: 8_000)
        #expect(output.count == 8_000)
        #expect(
            Signal.goertzel(output, frequency: 1_000, rate: 8_000) > 100
                * Signal.goertzel(output, frequency: 2_000, rate: 8_000)
        )
    }
}
