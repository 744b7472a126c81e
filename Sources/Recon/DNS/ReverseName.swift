/// Reverse-mapping names (RFC 1035 §3.5 `in-addr.arpa`, RFC 3596 §2.5 `ip6.arpa`).
public enum ReverseName {
    /// `d.c.b.a.in-addr.arpa` for IPv4, 32 nibbles then `ip6.arpa` for IPv6.
    public static func name(for address: IPAddress) -> DNSName {
        switch address {
        case .v4:
            return Self.reversedOctets(address).appending(DNSName(labels: [Array("in-addr".utf8), Array("arpa".utf8)]))
        case .v6:
            return Self.reversedNibbles(address).appending(DNSName(labels: [Array("ip6".utf8), Array("arpa".utf8)]))
        }
    }

    /// The address's octets reversed as labels, without a zone (`140.0.77.10` for 10.77.0.140).
    public static func reversedOctets(_ address: IPAddress) -> DNSName {
        DNSName(labels: address.bytes.reversed().map { Array(String($0).utf8) })
    }

    /// The address's nibbles reversed as labels, without a zone (32 labels for IPv6, 8 for IPv4).
    public static func reversedNibbles(_ address: IPAddress) -> DNSName {
        let digits = Array("0123456789abcdef".utf8)
        var labels: [[UInt8]] = []
        for byte in address.bytes.reversed() {
            labels.append([digits[Int(byte & 0x0F)]])
            labels.append([digits[Int(byte >> 4)]])
        }
        return DNSName(labels: labels)
    }
}
