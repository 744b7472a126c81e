/// Writes a POSIX ustar archive (POSIX.1-1988 `ustar` format, as `pax`/GNU tar read it) in memory.
///
/// Entries are regular files and directories only, owned by uid/gid 0 (`honeyphone`). Names are checked before
/// anything is written (``validate(name:)``): 1–99 bytes (a directory's name gets a `/`) of `A–Z a–z 0–9 . _ - /`,
/// relative, no empty, `.` or `..` component, so an archive can never write outside the folder it is extracted in,
/// and no attacker text can be a name (callers name entries `call-N`, hashes and fixed words). The whole archive is bounded by
/// ``maximumBytes``: an entry that would pass it throws ``ReportingError/Code/tooLarge`` and is not written.
public struct TarWriter: Sendable {
    /// The largest name (the ustar `name` field; the `prefix` field is not used).
    public static let maximumNameLength = 100
    /// The largest entry the 11 octal digits of the size field hold (8 GiB − 1).
    static let maximumEntrySize = (1 << 33) - 1

    /// The bound on the whole archive, end blocks included.
    public let maximumBytes: Int
    /// The archive so far (without the end-of-archive blocks until ``finish()``).
    public private(set) var bytes: [UInt8] = []
    private var names: Set<String> = []

    /// An empty archive bounded by `maximumBytes`.
    public init(maximumBytes: Int = 256 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// Adds a directory entry (`name/`).
    public mutating func addDirectory(_ name: String, modificationTime: Int64) throws(ReportingError) {
        try Self.validate(name: name)
        try self.reserve(512, for: name)
        try self.insertName(name + "/")
        self.bytes += Self.header(
            name: name + "/",
            size: 0,
            mode: 0o755,
            type: 0x35,
            modificationTime: modificationTime
        )
    }

    /// Adds a regular file.
    public mutating func addFile(
        _ name: String,
        contents: [UInt8],
        modificationTime: Int64,
        mode: Int = 0o644
    ) throws(ReportingError) {
        try Self.validate(name: name)
        let padded = (contents.count + 511) / 512 * 512
        guard contents.count <= Self.maximumEntrySize else {
            throw .tooLarge("archive entry", limit: Self.maximumEntrySize)
        }
        try self.reserve(512 + padded, for: name)
        try self.insertName(name)
        self.bytes += Self.header(
            name: name,
            size: contents.count,
            mode: mode,
            type: 0x30,
            modificationTime: modificationTime
        )
        self.bytes += contents
        self.bytes += [UInt8](repeating: 0, count: padded - contents.count)
    }

    /// The archive with its two zero end blocks.
    public func finish() -> [UInt8] {
        self.bytes + [UInt8](repeating: 0, count: 1_024)
    }

    /// Checks an entry name (see the type's description).
    public static func validate(name: String) throws(ReportingError) {
        let utf8 = Array(name.utf8)
        guard !utf8.isEmpty else { throw .invalidArchiveName("is empty") }
        guard utf8.count <= Self.maximumNameLength - 1 else {
            throw .invalidArchiveName("is longer than \(Self.maximumNameLength - 1) bytes")
        }
        guard
            utf8.allSatisfy({
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
                    || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "/")
            })
        else { throw .invalidArchiveName("has a character outside A-Z a-z 0-9 . _ - /") }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty, component != ".", component != ".." else {
                throw .invalidArchiveName("has an empty, '.' or '..' component or is absolute")
            }
        }
    }

    private mutating func insertName(_ name: String) throws(ReportingError) {
        guard self.names.insert(name).inserted else { throw .invalidArchiveName("is already in the archive") }
    }

    private func reserve(_ count: Int, for name: String) throws(ReportingError) {
        guard self.bytes.count + count + 1_024 <= self.maximumBytes else {
            throw .tooLarge("the archive", limit: self.maximumBytes)
        }
    }

    static func header(name: String, size: Int, mode: Int, type: UInt8, modificationTime: Int64) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, digits: Int) -> String {
            let text = String(value, radix: 8)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        put(name, at: 0)
        put(octal(mode, digits: 7), at: 100)
        put(octal(0, digits: 7), at: 108)
        put(octal(0, digits: 7), at: 116)
        put(octal(size, digits: 11), at: 124)
        put(octal(Int(max(0, min(modificationTime, 0o77777777777))), digits: 11), at: 136)
        put("        ", at: 148)
        header[156] = type
        put("ustar", at: 257)  // followed by NUL
        put("00", at: 263)
        put("honeyphone", at: 265)
        put("honeyphone", at: 297)
        put(octal(0, digits: 7), at: 329)
        put(octal(0, digits: 7), at: 337)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(octal(checksum, digits: 6), at: 148)
        header[154] = 0
        header[155] = 0x20
        return header
    }
}
