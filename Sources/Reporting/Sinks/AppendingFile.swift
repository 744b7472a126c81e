#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for appending, created with mode 0640 (less what the umask removes), rotated by size: when a
/// write brings it to ``maximumBytes`` or more, it is renamed `PATH.1` (replacing the previous one) and a new
/// file is started. Used by one task at a time (a sink's loop).
struct AppendingFile {
    let path: String
    let maximumBytes: Int64
    private var descriptor: Int32 = -1
    private var size: Int64 = 0

    /// A file at `path`, not yet opened.
    init(path: String, maximumBytes: Int64) {
        self.path = path
        self.maximumBytes = max(1, maximumBytes)
    }

    /// Appends `bytes` in one or more `write(2)` calls; opens the file first when needed, rotates after.
    mutating func append(_ bytes: [UInt8]) throws(ReportingError) {
        if self.descriptor < 0 { try self.open() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(self.descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                self.close()
                throw .ioFailure("cannot write \(self.path): errno \(code)")
            }
            offset += written
        }
        self.size += Int64(bytes.count)
        if self.size >= self.maximumBytes { try self.rotate() }
    }

    /// Closes the file (it is reopened by the next ``append(_:)``).
    mutating func close() {
        if self.descriptor >= 0 {
            _ = Self.systemClose(self.descriptor)
            self.descriptor = -1
        }
    }

    private mutating func open() throws(ReportingError) {
        let fd = Self.systemOpen(self.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .ioFailure("cannot open \(self.path): errno \(errno)") }
        var status = stat()
        self.size = fstat(fd, &status) == 0 ? Int64(status.st_size) : 0
        self.descriptor = fd
    }

    private mutating func rotate() throws(ReportingError) {
        self.close()
        guard rename(self.path, self.path + ".1") == 0 else {
            throw .ioFailure("cannot rotate \(self.path): errno \(errno)")
        }
        self.size = 0
    }

    private static func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Darwin)
        Darwin.open(path, flags, mode)
        #elseif canImport(Musl)
        Musl.open(path, flags, mode)
        #else
        Glibc.open(path, flags, mode)
        #endif
    }

    private static func systemClose(_ fd: Int32) -> Int32 {
        #if canImport(Darwin)
        Darwin.close(fd)
        #elseif canImport(Musl)
        Musl.close(fd)
        #else
        Glibc.close(fd)
        #endif
    }
}
