/// An IPv4 or IPv6 network in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`).
public struct CIDRNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The network address (host bits as given).
    public var address: IPAddress
    /// The prefix length (0–32 or 0–128).
    public var prefixLength: Int

    /// Creates a network; `nil` when the prefix is too long for the address family.
    public init?(address: IPAddress, prefixLength: Int) {
        guard prefixLength >= 0, prefixLength <= address.bytes.count * 8 else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `ADDRESS/PREFIX` or a bare address (a /32 or /128).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            guard parts[1].utf8.count <= 3, let prefix = Int(parts[1]) else { return nil }
            self.init(address: address, prefixLength: prefix)
        } else {
            self.init(address: address, prefixLength: bits)
        }
    }

    /// Whether `candidate` lies in the network (an IPv4 address never lies in an IPv6 network).
    public func contains(_ candidate: IPAddress) -> Bool {
        let network = self.address.bytes
        let bytes = candidate.bytes
        guard network.count == bytes.count else { return false }
        var remaining = self.prefixLength
        for index in 0..<bytes.count where remaining > 0 {
            let take = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
            if network[index] & mask != bytes[index] & mask { return false }
            remaining -= take
        }
        return true
    }

    public var description: String { "\(self.address)/\(self.prefixLength)" }
}
