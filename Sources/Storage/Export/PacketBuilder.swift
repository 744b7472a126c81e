/// Synthesizes IP packets (no link layer: LINKTYPE_RAW) carrying a traced message's bytes.
///
/// IPv4 headers are 20 bytes with a computed header checksum; IPv6 headers are 40 bytes. UDP and TCP
/// checksums are computed over the pseudo-header (RFC 768, RFC 9293 §3.1, RFC 8200 §8.1), so Wireshark's
/// optional checksum validation passes too. TCP segments are 20-byte headers with PSH|ACK, no options.
enum PacketBuilder {
    /// The IP protocol number of TCP.
    static let protocolTCP: UInt8 = 6
    /// The IP protocol number of UDP.
    static let protocolUDP: UInt8 = 17

    /// One IP packet around `transportSegment` (a UDP or TCP header plus payload, checksum field zero).
    /// `checksumOffset` is where in the segment the transport checksum goes.
    static func packet(
        source: [UInt8],
        destination: [UInt8],
        protocolNumber: UInt8,
        identification: UInt16,
        segment: [UInt8],
        checksumOffset: Int
    ) -> [UInt8] {
        var segment = segment
        var pseudo = source + destination
        if source.count == 4 {
            pseudo += [0, protocolNumber] + Self.be16(UInt16(segment.count))
        } else {
            pseudo += Self.be32(UInt32(segment.count)) + [0, 0, 0, protocolNumber]
        }
        var checksum = Self.checksum(pseudo + segment)
        if protocolNumber == Self.protocolUDP, checksum == 0 {
            checksum = 0xffff  // RFC 768: a computed 0 is sent as all ones.
        }
        segment[checksumOffset] = UInt8(checksum >> 8)
        segment[checksumOffset + 1] = UInt8(checksum & 0xff)

        if source.count == 4 {
            var header: [UInt8] = [0x45, 0]
            header += Self.be16(UInt16(20 + segment.count))
            header += Self.be16(identification)
            header += [0x40, 0]  // don't fragment, offset 0
            header += [64, protocolNumber, 0, 0]
            header += source + destination
            let headerChecksum = Self.checksum(header)
            header[10] = UInt8(headerChecksum >> 8)
            header[11] = UInt8(headerChecksum & 0xff)
            return header + segment
        }
        var header: [UInt8] = [0x60, 0, 0, 0]
        header += Self.be16(UInt16(segment.count))
        header += [protocolNumber, 64]
        header += source + destination
        return header + segment
    }

    /// A UDP header plus payload with a zero checksum, which `packet(…)` fills in.
    static func udpSegment(sourcePort: UInt16, destinationPort: UInt16, payload: ArraySlice<UInt8>) -> [UInt8] {
        Self.be16(sourcePort) + Self.be16(destinationPort) + Self.be16(UInt16(8 + payload.count)) + [0, 0] + payload
    }

    /// A TCP header (PSH|ACK, window 65535) plus payload, checksum zero.
    static func tcpSegment(
        sourcePort: UInt16,
        destinationPort: UInt16,
        sequence: UInt32,
        acknowledgement: UInt32,
        payload: ArraySlice<UInt8>
    ) -> [UInt8] {
        var header = Self.be16(sourcePort) + Self.be16(destinationPort)
        header += Self.be32(sequence) + Self.be32(acknowledgement)
        header += [0x50, 0x18, 0xff, 0xff, 0, 0, 0, 0]  // data offset 5, PSH|ACK, window, checksum, urgent
        return header + payload
    }

    /// The Internet checksum (RFC 1071) of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index + 1 < bytes.count {
            sum &+= UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count {
            sum &+= UInt32(bytes[index]) << 8
        }
        while sum > 0xffff {
            sum = (sum & 0xffff) + (sum >> 16)
        }
        return ~UInt16(sum)
    }

    /// `value` in network byte order.
    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xff)] }

    /// `value` in network byte order.
    static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }
}
