import Foundation
import NIOCore
package import SIPCore

/// The work behind `honeyphone parse`: read each file, parse it as one SIP datagram, print a JSON report.
package struct ParseCommandRunner {
    /// Exit statuses (sysexits.h).
    package enum ExitStatus: Int32 {
        case ok = 0
        /// EX_DATAERR: some input was rejected.
        case dataError = 65
        /// EX_NOINPUT: some file could not be read.
        case noInput = 66
    }

    package var files: [String]
    package var repeatCount: Int
    package var quiet: Bool
    package var limits: SIPParserLimits

    package init(files: [String], repeatCount: Int = 1, quiet: Bool = false, limits: SIPParserLimits = .default) {
        self.files = files
        self.repeatCount = max(1, repeatCount)
        self.quiet = quiet
        self.limits = limits
    }

    /// Runs the command, writing each line through `emit`.
    package func run(emit: (String) -> Void) -> ExitStatus {
        var status = ExitStatus.ok
        var inputs: [(name: String, bytes: ByteBuffer)] = []
        for file in self.files {
            switch Self.read(file, limit: self.limits.maxMessageSize + 1) {
            case .success(let bytes):
                inputs.append((file, bytes))
            case .failure(let error):
                emit(ParseReport.failure(file: file, code: "unreadable", message: error.message, offset: nil))
                status = .noInput
            }
        }
        for input in inputs {
            let line: String
            do {
                let message = try SIPMessageParser.parseDatagram(input.bytes, limits: self.limits)
                line = ParseReport.success(file: input.name, message: message)
            } catch {
                line = ParseReport.failure(
                    file: input.name,
                    code: error.code.rawValue,
                    message: error.message,
                    offset: error.offset
                )
                if status == .ok { status = .dataError }
            }
            if !self.quiet { emit(line) }
        }
        if self.repeatCount > 1 || self.quiet, !inputs.isEmpty {
            emit(self.measure(inputs))
        }
        return status
    }

    /// Parses every input `repeatCount` times and reports the mean time per message.
    private func measure(_ inputs: [(name: String, bytes: ByteBuffer)]) -> String {
        var checksum = 0
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<self.repeatCount {
            for input in inputs {
                if let m = try? SIPMessageParser.parseDatagram(input.bytes, limits: self.limits) {
                    checksum &+= m.headerFields.count &+ m.anomalies.count
                }
            }
        }
        let elapsed = clock.now - start
        let count = self.repeatCount * inputs.count
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let nanos = seconds * 1e9 / Double(count)
        let s = (seconds * 1000).rounded() / 1000
        let ns = (nanos * 10).rounded() / 10
        return "parsed \(count) messages in \(s) s (\(ns) ns/message)" + (checksum == -1 ? " " : "")
    }

    struct ReadError: Error {
        var message: String
    }

    /// Reads at most `limit` bytes of a file, or of standard input for `-`.
    static func read(_ path: String, limit: Int) -> Result<ByteBuffer, ReadError> {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return .failure(ReadError(message: "no such file"))
            }
            guard let h = FileHandle(forReadingAtPath: path) else {
                return .failure(ReadError(message: "cannot open the file"))
            }
            handle = h
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            var buffer = ByteBuffer()
            while buffer.readableBytes < limit {
                guard let chunk = try handle.read(upToCount: limit - buffer.readableBytes), !chunk.isEmpty else {
                    break
                }
                buffer.writeBytes(chunk)
            }
            return .success(buffer)
        } catch {
            return .failure(ReadError(message: "read failed: \(error)"))
        }
    }
}
