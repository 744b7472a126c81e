#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected UDP socket for probes, with plain POSIX calls: a chosen IP TTL / hop limit, and ICMP
/// errors read from the Linux error queue (`IP_RECVERR`/`IPV6_RECVERR`, `recvmsg(MSG_ERRQUEUE)`),
/// which needs no privilege. Blocking; run it on a thread pool. Every wait is bounded by `poll`.
final class UDPProbeSocket {
    /// What one wait produced.
    enum Event: Equatable {
        /// A datagram from the peer.
        case datagram([UInt8])
        /// An ICMP error: `timeExceeded` from a router, `unreachable` (port or host) from `offender`.
        case icmp(ICMPKind, offender: IPAddress?)
        /// Nothing before the deadline.
        case timeout
        /// A socket error (`errno`).
        case failure(Int32)
    }

    /// ICMP errors that matter to probes.
    enum ICMPKind: Equatable {
        case timeExceeded
        case portUnreachable
        case otherUnreachable(type: UInt8, code: UInt8)
    }

    // Linux values (include/uapi/linux/in.h, in6.h, errqueue.h, socket.h).
    static let ipTTL: Int32 = 2
    static let ipRecvErr: Int32 = 11
    static let ipv6UnicastHops: Int32 = 16
    static let ipv6RecvErr: Int32 = 25
    static let solIP: Int32 = 0
    static let solIPv6: Int32 = 41
    static let messageErrorQueue: Int32 = 0x2000
    static let originICMP: UInt8 = 2
    static let originICMP6: UInt8 = 3

    private let descriptor: Int32
    let isIPv6: Bool

    /// Opens a UDP socket connected to `address:port`; `nil` with `errno` on failure.
    init(address: IPAddress, port: Int) throws(SocketFailure) {
        self.isIPv6 = !address.isIPv4
        let fd = socket(self.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw SocketFailure(errno: errno) }
        var on: Int32 = 1
        let level = address.isIPv4 ? Self.solIP : Self.solIPv6
        let option = address.isIPv4 ? Self.ipRecvErr : Self.ipv6RecvErr
        let configured = setsockopt(fd, level, option, &on, socklen_t(MemoryLayout<Int32>.size)) == 0
        let connected =
            configured
            && SocketAddressBytes.withSockaddr(address, port: port) { pointer, length in
                connect(fd, pointer, length)
            } == 0
        guard connected else {
            let failure = SocketFailure(errno: errno)
            close(fd)
            throw failure
        }
        self.descriptor = fd
    }

    deinit { close(self.descriptor) }

    /// Sets the IP TTL (IPv4) or unicast hop limit (IPv6) of the next packets.
    func setHopLimit(_ hops: Int) throws(SocketFailure) {
        var value = Int32(min(255, max(1, hops)))
        let level = self.isIPv6 ? Self.solIPv6 : Self.solIP
        let option = self.isIPv6 ? Self.ipv6UnicastHops : Self.ipTTL
        guard setsockopt(self.descriptor, level, option, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketFailure(errno: errno)
        }
    }

    /// The local address and port the socket is bound to (after `connect`).
    func localEndpoint() -> (address: IPAddress, port: Int)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(self.descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        let bytes = withUnsafeBytes(of: &storage) { Array($0.prefix(Int(length))) }
        guard let address = SocketAddressBytes.address(from: bytes), bytes.count >= 4 else { return nil }
        return (address, Int(UInt16(bytes[2]) << 8 | UInt16(bytes[3])))
    }

    /// Sends one datagram.
    func send(_ bytes: [UInt8]) throws(SocketFailure) {
        let sent = bytes.withUnsafeBytes { Glibc.send(self.descriptor, $0.baseAddress, $0.count, 0) }
        guard sent == bytes.count else { throw SocketFailure(errno: errno) }
    }

    /// Waits at most `milliseconds` for a datagram or an ICMP error.
    func wait(milliseconds: Int) -> Event {
        var entry = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, Int32(max(0, min(milliseconds, 60_000))))
        if ready < 0 { return errno == EINTR ? .timeout : .failure(errno) }
        if ready == 0 { return .timeout }
        if entry.revents & Int16(POLLERR) != 0, let icmp = self.readErrorQueue() { return icmp }
        var buffer = [UInt8](repeating: 0, count: 65_535)
        let count = buffer.withUnsafeMutableBytes {
            recv(self.descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT))
        }
        if count < 0 {
            if errno == ECONNREFUSED { return .icmp(.portUnreachable, offender: nil) }
            return errno == EAGAIN ? .timeout : .failure(errno)
        }
        return .datagram(Array(buffer.prefix(count)))
    }

    /// Reads one entry of the error queue: `struct sock_extended_err` then the offender's sockaddr.
    private func readErrorQueue() -> Event? {
        var data = [UInt8](repeating: 0, count: 2048)
        var control = [UInt8](repeating: 0, count: 512)
        var from = sockaddr_storage()
        let received: Int = data.withUnsafeMutableBytes { dataBytes in
            control.withUnsafeMutableBytes { controlBytes in
                withUnsafeMutablePointer(to: &from) { fromPointer in
                    var vector = iovec(iov_base: dataBytes.baseAddress, iov_len: dataBytes.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var header = msghdr()
                        header.msg_name = UnsafeMutableRawPointer(fromPointer)
                        header.msg_namelen = socklen_t(MemoryLayout<sockaddr_storage>.size)
                        header.msg_iov = vectorPointer
                        header.msg_iovlen = 1
                        header.msg_control = controlBytes.baseAddress
                        header.msg_controllen = controlBytes.count
                        let count = recvmsg(self.descriptor, &header, Self.messageErrorQueue | Int32(MSG_DONTWAIT))
                        return count < 0 ? -1 : Int(header.msg_controllen)
                    }
                }
            }
        }
        guard received > 0 else { return nil }
        return Self.parseControl(Array(control.prefix(received)), isIPv6: self.isIPv6)
    }

    /// Walks `cmsghdr` entries (64-bit Linux: `size_t len; int level; int type;` then data, 8-aligned).
    static func parseControl(_ control: [UInt8], isIPv6: Bool) -> Event? {
        var offset = 0
        let headerSize = 16
        while offset + headerSize <= control.count {
            let length = Int(control.loadLittleEndian(UInt64.self, at: offset))
            let level = Int32(bitPattern: control.loadLittleEndian(UInt32.self, at: offset + 8))
            let type = Int32(bitPattern: control.loadLittleEndian(UInt32.self, at: offset + 12))
            guard length >= headerSize, offset + length <= control.count else { return nil }
            let body = Array(control[(offset + headerSize)..<(offset + length)])
            if (level == Self.solIP && type == Self.ipRecvErr) || (level == Self.solIPv6 && type == Self.ipv6RecvErr),
                body.count >= 16
            {
                return Self.parseExtendedError(body)
            }
            offset += (length + 7) & ~7
        }
        return nil
    }

    /// `struct sock_extended_err { u32 errno; u8 origin, type, code, pad; u32 info, data; }` + offender.
    static func parseExtendedError(_ body: [UInt8]) -> Event? {
        let origin = body[4]
        let type = body[5]
        let code = body[6]
        let offender = SocketAddressBytes.address(from: Array(body.dropFirst(16)))
        switch origin {
        case Self.originICMP:
            if type == 11 { return .icmp(.timeExceeded, offender: offender) }
            if type == 3 {
                return .icmp(
                    code == 3 ? .portUnreachable : .otherUnreachable(type: type, code: code),
                    offender: offender
                )
            }
        case Self.originICMP6:
            if type == 3 { return .icmp(.timeExceeded, offender: offender) }
            if type == 1 {
                return .icmp(
                    code == 4 ? .portUnreachable : .otherUnreachable(type: type, code: code),
                    offender: offender
                )
            }
        default:
            break
        }
        return nil
    }
}

/// A failed socket call.
struct SocketFailure: Error, Equatable {
    var errno: Int32
}

extension Array where Element == UInt8 {
    func loadLittleEndian<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
        var value: T = 0
        for index in (0..<MemoryLayout<T>.size).reversed() { value = value << 8 | T(self[offset + index]) }
        return value
    }
}
