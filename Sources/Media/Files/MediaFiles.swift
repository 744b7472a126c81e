import Foundation
import NIOCore
import NIOPosix
public import RTP

/// Reading audio files to play and writing recordings, off the event loops (on NIO's shared thread pool).
public enum MediaFiles {
    /// Whether `name` is a safe file name: 1 to 128 characters from `A–Z a–z 0–9 - _ .`, not starting with a dot
    /// (so no path separators, no `..`, no hidden files).
    public static func isSafeFileName(_ name: String) -> Bool {
        guard (1...128).contains(name.utf8.count), name.utf8.first != UInt8(ascii: ".") else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            default:
                false
            }
        }
    }

    /// Finds the WAV file a profile names in the first directory that has it.
    ///
    /// A name ending in `.mp3` (the paper's `OpPlayFile(speech0.mp3, 60)`) resolves to the WAV of the same base
    /// name (`speech0.wav`): there is no MP3 decoder. A name without an extension gets `.wav`.
    ///
    /// - Throws: ``MediaError/Code/invalidFileName`` for an unsafe name, ``MediaError/Code/fileNotFound`` (naming
    ///   the WAV looked for) if no directory has it.
    public static func resolveAudioFile(named name: String, in directories: [String]) throws -> String {
        guard Self.isSafeFileName(name) else {
            throw MediaError(code: .invalidFileName, message: "an audio file name must be a plain file name")
        }
        var base = name
        let lower = name.lowercased()
        if lower.hasSuffix(".mp3") || lower.hasSuffix(".wav") {
            base = String(name.dropLast(4))
        }
        let file = base + ".wav"
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(file)
            if FileManager.default.isReadableFile(atPath: path) {
                return path
            }
        }
        let hint = lower.hasSuffix(".mp3") ? " (MP3 is not decoded: convert it to \(file))" : ""
        throw MediaError(
            code: .fileNotFound,
            message: "no \(file) in \(directories.joined(separator: ", "))\(hint)"
        )
    }

    /// Reads a WAV file and converts it to 8 kHz mono samples ready for ``MediaSession/startPlayback(_:duration:endOfFile:)``.
    ///
    /// - Throws: ``MediaError/Code/fileSystem`` if it cannot be read, ``MediaError/Code/invalidAudioFile`` (with
    ///   the ``RTP/RTPError`` as cause) if it is not a WAV the reader decodes.
    public static func loadSamples(path: String, limits: WAVLimits = WAVLimits()) async throws -> [Int16] {
        try await NIOThreadPool.singleton.runIfActive {
            let url = URL(fileURLWithPath: path)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes?[.size] as? Int, size > limits.maximumDataSize + 65_536 {
                throw MediaError(
                    code: .invalidAudioFile,
                    message: "the file is \(size) bytes, more than the limit of \(limits.maximumDataSize)"
                )
            }
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw MediaError(code: .fileSystem, message: "the audio file cannot be read", cause: error)
            }
            let file: WAVFile
            do {
                file = try WAVFile(parsing: ByteBuffer(bytes: data), limits: limits)
            } catch {
                throw MediaError(code: .invalidAudioFile, message: "the audio file is not a usable WAV", cause: error)
            }
            return file.monoSamples(at: 8_000)
        }
    }

    /// Writes a recorder's two directions as `<baseName>-caller.wav` and `<baseName>-honeypot.wav`.
    ///
    /// - Parameters:
    ///   - recorder: The recording.
    ///   - directory: An existing directory.
    ///   - baseName: A safe name (``isSafeFileName(_:)``), never text from the call.
    /// - Returns: The paths written.
    public static func writeRecordings(
        _ recorder: MediaRecorder,
        directory: String,
        baseName: String
    ) async throws -> [String] {
        guard Self.isSafeFileName(baseName) else {
            throw MediaError(code: .invalidFileName, message: "the recording name must be a plain file name")
        }
        let files: [(String, ByteBuffer)] = [
            (baseName + "-caller.wav", recorder.wav(.received)),
            (baseName + "-honeypot.wav", recorder.wav(.sent)),
        ]
        return try await NIOThreadPool.singleton.runIfActive {
            var paths: [String] = []
            for (name, buffer) in files {
                let path = (directory as NSString).appendingPathComponent(name)
                do {
                    try Data(buffer.readableBytesView).write(
                        to: URL(fileURLWithPath: path),
                        options: .withoutOverwriting
                    )
                } catch {
                    throw MediaError(code: .fileSystem, message: "the recording cannot be written", cause: error)
                }
                paths.append(path)
            }
            return paths
        }
    }
}
