public import NIOCore

extension SocketAddress {
    /// The address's IP as text, like `ipAddress`, with IPv4 written here rather than by `inet_ntop` (whose
    /// `sprintf` was a visible part of the event loop's time under a flood: every message needs its endpoints'
    /// texts several times). IPv6 and other families are `ipAddress`.
    public var ipText: String? {
        guard case .v4(let address) = self else { return self.ipAddress }
        // sin_addr follows the family and the port in every sockaddr_in layout (offset 4), in network order.
        let octets = withUnsafeBytes(of: address.address) { Array($0[4..<8]) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(15)
        for (index, octet) in octets.enumerated() {
            let shift = index < 3 ? 1 : 0
            if octet >= 100 { bytes.append(UInt8(ascii: "0") + octet / 100) }
            if octet >= 10 { bytes.append(UInt8(ascii: "0") + (octet / 10) % 10) }
            bytes.append(UInt8(ascii: "0") + octet % 10)
            if shift > 0 { bytes.append(UInt8(ascii: ".")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
