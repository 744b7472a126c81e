#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between ``IPAddress`` and C `sockaddr_in`/`sockaddr_in6`, built byte by byte.
enum SocketAddressBytes {
    /// Calls `body` with a `sockaddr` for `address:port`, laid out byte by byte (Linux: `sa_family_t` is
    /// 16 bits in host order; `sockaddr_in` is 16 bytes, `sockaddr_in6` 28 with the address at 8).
    static func withSockaddr<R>(
        _ address: IPAddress,
        port: Int,
        _ body: (UnsafePointer<sockaddr>, socklen_t) -> R
    ) -> R {
        let family = UInt16(address.isIPv4 ? AF_INET : AF_INET6)
        var bytes = [UInt8](repeating: 0, count: address.isIPv4 ? 16 : 28)
        bytes[0] = UInt8(family & 0xFF)
        bytes[1] = UInt8(family >> 8)
        bytes[2] = UInt8(truncatingIfNeeded: port >> 8)
        bytes[3] = UInt8(truncatingIfNeeded: port)
        let offset = address.isIPv4 ? 4 : 8
        bytes.replaceSubrange(offset..<(offset + address.bytes.count), with: address.bytes)
        let length = socklen_t(bytes.count)
        return bytes.withUnsafeBytes { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    /// The address in raw `sockaddr` bytes (family in host order at 0, port at 2, address at 4 or 8).
    static func address(from bytes: [UInt8]) -> IPAddress? {
        guard bytes.count >= 2 else { return nil }
        let family = Int32(UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
        if family == AF_INET, bytes.count >= 8 { return IPAddress(bytes: Array(bytes[4..<8])) }
        if family == AF_INET6, bytes.count >= 24 { return IPAddress(bytes: Array(bytes[8..<24])) }
        return nil
    }
}
