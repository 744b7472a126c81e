import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line-oriented history file: `host TAB firstSeen TAB lastSeen TAB sightings LF` per entry, appended
/// in batches; a deleted host is `-host LF`. The last line for a host wins on load. Host names are
/// escaped (`%XX` for `%`, `-` at the start, TAB, LF, CR and every byte outside printable ASCII), so a
/// hostile name cannot forge a line. Blocking POSIX calls on NIO's thread pool.
public struct HistoryFile: HistoryPersistence {
    /// The path.
    public let path: String
    /// Largest file read (default 64 MiB).
    public let maximumBytes: Int

    /// Creates a driver for `path`.
    public init(path: String, maximumBytes: Int = 64 << 20) {
        self.path = path
        self.maximumBytes = maximumBytes
    }

    public func loadAll() async throws -> [HistoryEntry] {
        let bytes: [UInt8]
        do {
            bytes = try await ReconFile.readAll(path: self.path, maximumBytes: self.maximumBytes)
        } catch let error as ReconFile.ReadError where error.errorNumber == ENOENT {
            return []
        }
        var entries: [String: HistoryEntry] = [:]
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            if line.first == UInt8(ascii: "-") {
                if let host = Self.unescape(line.dropFirst()) { entries[host] = nil }
                continue
            }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 4, let host = Self.unescape(fields[0]),
                let first = Int64(String(decoding: fields[1], as: UTF8.self)),
                let last = Int64(String(decoding: fields[2], as: UTF8.self)),
                let count = Int(String(decoding: fields[3], as: UTF8.self))
            else { continue }
            entries[host] = HistoryEntry(
                host: host,
                firstSeen: ReconInstant(nanosecondsSinceEpoch: first),
                lastSeen: ReconInstant(nanosecondsSinceEpoch: last),
                sightings: count
            )
        }
        return Array(entries.values)
    }

    public func save(_ changed: [HistoryEntry], deleted: [String]) async throws {
        var text = ""
        for entry in changed {
            text += "\(Self.escape(entry.host))\t\(entry.firstSeen.nanosecondsSinceEpoch)\t"
            text += "\(entry.lastSeen.nanosecondsSinceEpoch)\t\(entry.sightings)\n"
        }
        for host in deleted { text += "-\(Self.escape(host))\n" }
        let bytes = Array(text.utf8)
        let path = self.path
        try await NIOThreadPool.singleton.runIfActive {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw ReconFile.ReadError(path: path, errorNumber: errno) }
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                guard result > 0 else { throw ReconFile.ReadError(path: path, errorNumber: errno) }
                written += result
            }
        }
    }

    static func escape(_ host: String) -> String {
        var result = ""
        for (index, byte) in host.utf8.enumerated() {
            let unsafe =
                byte == UInt8(ascii: "%") || byte < 0x21 || byte > 0x7E || (index == 0 && byte == UInt8(ascii: "-"))
            if unsafe {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }

    static func unescape(_ bytes: some Collection<UInt8>) -> String? {
        var result: [UInt8] = []
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexDigitValue),
                    let low = iterator.next().flatMap(hexDigitValue)
                else { return nil }
                result.append(high << 4 | low)
            } else {
                result.append(byte)
            }
        }
        return result.isEmpty ? nil : String(decoding: result, as: UTF8.self)
    }
}
