/// Builds link-layer frames, IP packets and UDP/TCP segments for tests. Checksums are left at zero: the reader does
/// not verify them (captures taken on the sending host often carry offloaded, wrong checksums).
public enum FrameBuilder {
    /// TCP flag bits.
    public struct TCPFlags: OptionSet, Sendable {
        /// The raw flag byte.
        public var rawValue: UInt8
        /// Creates flags.
        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }
        /// FIN.
        public static let fin = TCPFlags(rawValue: 0x01)
        /// SYN.
        public static let syn = TCPFlags(rawValue: 0x02)
        /// RST.
        public static let rst = TCPFlags(rawValue: 0x04)
        /// PSH.
        public static let psh = TCPFlags(rawValue: 0x08)
        /// ACK.
        public static let ack = TCPFlags(rawValue: 0x10)
    }

    /// An Ethernet II frame, with `vlanTags` 802.1Q tags before the EtherType.
    public static func ethernet(etherType: UInt16, _ payload: [UInt8], vlanTags: Int = 0) -> [UInt8] {
        var frame: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
        for tag in 0..<vlanTags {
            frame += [0x81, 0x00, 0x00, UInt8(truncatingIfNeeded: tag + 1)]
        }
        return frame + Self.big(etherType) + payload
    }

    /// A Linux cooked (SLL) frame.
    public static func sll(protocol etherType: UInt16, _ payload: [UInt8]) -> [UInt8] {
        [0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0] + Self.big(etherType) + payload
    }

    /// A Linux cooked v2 (SLL2) frame.
    public static func sll2(protocol etherType: UInt16, _ payload: [UInt8]) -> [UInt8] {
        Self.big(etherType) + [0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0] + payload
    }

    /// A BSD loopback (NULL) frame: the address family in the given order.
    public static func null(family: UInt32, littleEndian: Bool, _ payload: [UInt8]) -> [UInt8] {
        (littleEndian ? Self.little(family) : Self.big(family)) + payload
    }

    /// An IPv4 packet (RFC 791) with `options` (padded to 4 bytes) and fragment fields.
    public static func ipv4(
        source: [UInt8],
        destination: [UInt8],
        protocol transport: UInt8,
        _ payload: [UInt8],
        identification: UInt16 = 1,
        fragmentOffset: Int = 0,
        moreFragments: Bool = false,
        options: [UInt8] = []
    ) -> [UInt8] {
        let paddedOptions = options + [UInt8](repeating: 0, count: (4 - options.count % 4) % 4)
        let headerLength = 20 + paddedOptions.count
        let flags = UInt16(fragmentOffset / 8) | (moreFragments ? 0x2000 : 0)
        var header: [UInt8] = [0x40 | UInt8(headerLength / 4), 0]
        header += Self.big(UInt16(headerLength + payload.count)) + Self.big(identification) + Self.big(flags)
        header += [64, transport, 0, 0] + source + destination + paddedOptions
        return header + payload
    }

    /// An IPv6 packet (RFC 8200); `extensions` are `(type, body)` pairs whose bodies are sized to whole units by the
    /// caller, chained in order before `nextHeader`.
    public static func ipv6(
        source: [UInt8],
        destination: [UInt8],
        nextHeader: UInt8,
        _ payload: [UInt8],
        extensions: [(type: UInt8, body: [UInt8])] = []
    ) -> [UInt8] {
        var chain: [UInt8] = []
        for (index, header) in extensions.enumerated() {
            let following = index + 1 < extensions.count ? extensions[index + 1].type : nextHeader
            chain += [following] + header.body
        }
        let first = extensions.first?.type ?? nextHeader
        var packet: [UInt8] = [0x60, 0, 0, 0] + Self.big(UInt16(chain.count + payload.count)) + [first, 64]
        packet += source + destination
        return packet + chain + payload
    }

    /// A hop-by-hop or destination-options header body (after the next-header byte): length 0, PadN to 8 bytes.
    public static let emptyOptionsHeader: [UInt8] = [0, 1, 4, 0, 0, 0, 0]

    /// An IPv6 fragment header body (after the next-header byte).
    public static func ipv6Fragment(offset: Int, more: Bool, identification: UInt32) -> [UInt8] {
        [0] + Self.big(UInt16(offset) | (more ? 1 : 0)) + Self.big(identification)
    }

    /// A UDP datagram (RFC 768).
    public static func udp(sourcePort: UInt16, destinationPort: UInt16, _ payload: [UInt8]) -> [UInt8] {
        Self.big(sourcePort) + Self.big(destinationPort) + Self.big(UInt16(8 + payload.count)) + [0, 0] + payload
    }

    /// A TCP segment (RFC 9293) with a 20-byte header and `optionWords` words of NOP options.
    public static func tcp(
        sourcePort: UInt16,
        destinationPort: UInt16,
        sequence: UInt32,
        flags: TCPFlags = [.ack, .psh],
        _ payload: [UInt8] = [],
        optionWords: Int = 0
    ) -> [UInt8] {
        var segment = Self.big(sourcePort) + Self.big(destinationPort) + Self.big(sequence) + Self.big(UInt32(0))
        segment += [UInt8((5 + optionWords) << 4), flags.rawValue] + Self.big(UInt16(65_535)) + [0, 0, 0, 0]
        segment += [UInt8](repeating: 1, count: optionWords * 4)
        return segment + payload
    }

    /// A big-endian encoding.
    public static func big<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
        (0..<MemoryLayout<Integer>.size).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// A little-endian encoding.
    public static func little<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
        (0..<MemoryLayout<Integer>.size).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
