import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole small files with plain POSIX `open`/`read` on NIO's shared thread pool.
///
/// Chosen for simplicity: `NonBlockingFileIO` is deprecated in favour of `_NIOFileSystem`, which is
/// not yet a stable product, and Recon only ever reads a resolv.conf and one `.mmdb` file at start-up.
public enum ReconFile {
    /// The error thrown when a file cannot be read.
    public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The path.
        public var path: String
        /// The `errno` value, or 0 when the file exceeds the size limit.
        public var errorNumber: Int32

        public var description: String {
            self.errorNumber == 0 ? "\(self.path): larger than allowed" : "\(self.path): errno \(self.errorNumber)"
        }
    }

    /// Reads all bytes of the file at `path`, refusing files larger than `maximumBytes`.
    public static func readAll(path: String, maximumBytes: Int) async throws -> [UInt8] {
        try await NIOThreadPool.singleton.runIfActive {
            try Self.readAllBlocking(path: path, maximumBytes: maximumBytes)
        }
    }

    /// The blocking implementation of ``readAll(path:maximumBytes:)``.
    public static func readAllBlocking(path: String, maximumBytes: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ReadError(path: path, errorNumber: errno) }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, errorNumber: errno)
            }
            if count == 0 { return result }
            guard result.count + count <= maximumBytes else { throw ReadError(path: path, errorNumber: 0) }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}
