import Foundation
import Media
import NIOCore
import RTP
import RTPTestSupport
import Testing

@Suite struct MediaFilesTests {
    @Test func safeFileNames() {
        #expect(MediaFiles.isSafeFileName("speech0.wav"))
        #expect(MediaFiles.isSafeFileName("media-1f_2"))
        #expect(!MediaFiles.isSafeFileName(""))
        #expect(!MediaFiles.isSafeFileName("../etc/passwd"))
        #expect(!MediaFiles.isSafeFileName("a/b"))
        #expect(!MediaFiles.isSafeFileName(".hidden"))
        #expect(!MediaFiles.isSafeFileName("sip:alice@example"))
        #expect(!MediaFiles.isSafeFileName(String(repeating: "a", count: 129)))
    }

    @Test func resolvesAnMP3NameToTheWAVAndLoadsIt() async throws {
        let directory = try Loopback.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A 16 kHz stereo file with a 1 kHz tone.
        let tone = Signal.tone(frequency: 1_000, rate: 16_000, count: 16_000)
        var stereo: [Int16] = []
        for sample in tone {
            stereo += [sample, sample]
        }
        let bytes = WAVFile.encode(samples: stereo, sampleRate: 16_000, channels: 2)
        try Data(bytes.readableBytesView).write(to: URL(fileURLWithPath: directory + "/speech0.wav"))

        let path = try MediaFiles.resolveAudioFile(named: "speech0.mp3", in: ["/nonexistent", directory])
        #expect(path.hasSuffix("/speech0.wav"))
        #expect(try MediaFiles.resolveAudioFile(named: "speech0", in: [directory]) == path)
        #expect {
            try MediaFiles.resolveAudioFile(named: "other.mp3", in: [directory])
        } throws: { error in
            (error as? MediaError)?.code == .fileNotFound && "\(error)".contains("other.wav")
        }
        #expect {
            try MediaFiles.resolveAudioFile(named: "../speech0.wav", in: [directory])
        } throws: { error in
            (error as? MediaError)?.code == .invalidFileName
        }

        let samples = try await MediaFiles.loadSamples(path: path)
        #expect(samples.count == 8_000)
        #expect(abs(Signal.zeroCrossings(samples) - 2_000) <= 2)

        try Data("not a wav".utf8).write(to: URL(fileURLWithPath: directory + "/bad.wav"))
        await #expect {
            try await MediaFiles.loadSamples(path: directory + "/bad.wav")
        } throws: { error in
            (error as? MediaError)?.code == .invalidAudioFile
        }
        await #expect {
            try await MediaFiles.writeRecordings(MediaRecorder(), directory: directory, baseName: "../x")
        } throws: { error in
            (error as? MediaError)?.code == .invalidFileName
        }
    }
}
