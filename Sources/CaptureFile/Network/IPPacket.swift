import NIOCore

/// An IPv4 or IPv6 packet reduced to what the reader needs: addresses, the upper-layer protocol and its bytes, and
/// fragment information when the packet is one piece of a larger datagram.
struct IPPacket {
    /// Where one fragment sits in its datagram.
    struct Fragment {
        /// The IPv4 identification (16 bits) or IPv6 fragment identification (32 bits).
        var identification: UInt32
        /// The byte offset of this fragment's data in the datagram's payload.
        var offset: Int
        /// Whether more fragments follow (the MF / M flag).
        var more: Bool
    }

    /// The sender.
    var source: IPAddress
    /// The receiver.
    var destination: IPAddress
    /// The upper-layer protocol (IPv4 protocol or the last IPv6 next header): 6 TCP, 17 UDP.
    var transport: UInt8
    /// The upper-layer bytes (of this fragment, when fragmented).
    var payload: ByteBuffer
    /// Fragment information; `nil` for a whole datagram (including IPv6 atomic fragments).
    var fragment: Fragment?

    /// Decodes an IPv4 header (RFC 791 §3.1): options are skipped by IHL, the link layer's padding is cut by the
    /// total length. A total length of 0 (segmentation offload on the capturing host) means "to the end". `nil`
    /// when the header is broken or cut short.
    static func ipv4(_ buffer: ByteBuffer) -> IPPacket? {
        let base = buffer.readerIndex
        guard buffer.readableBytes >= 20, let first = buffer.getInteger(at: base, as: UInt8.self), first >> 4 == 4,
            let declared = buffer.getInteger(at: base + 2, endianness: .big, as: UInt16.self),
            let flags = buffer.getInteger(at: base + 6, endianness: .big, as: UInt16.self),
            let identification = buffer.getInteger(at: base + 4, endianness: .big, as: UInt16.self),
            let transport = buffer.getInteger(at: base + 9, as: UInt8.self),
            let source = buffer.getInteger(at: base + 12, endianness: .big, as: UInt32.self),
            let destination = buffer.getInteger(at: base + 16, endianness: .big, as: UInt32.self)
        else {
            return nil
        }
        let headerLength = Int(first & 0x0F) * 4
        let totalLength = declared == 0 ? buffer.readableBytes : Int(declared)
        guard headerLength >= 20, totalLength >= headerLength, totalLength <= buffer.readableBytes,
            let payload = buffer.getSlice(at: base + headerLength, length: totalLength - headerLength)
        else {
            return nil
        }
        let offset = Int(flags & 0x1FFF) * 8
        let more = flags & 0x2000 != 0
        return IPPacket(
            source: .v4(source),
            destination: .v4(destination),
            transport: transport,
            payload: payload,
            fragment: offset > 0 || more
                ? Fragment(identification: UInt32(identification), offset: offset, more: more) : nil
        )
    }

    /// Decodes an IPv6 header (RFC 8200 §3) and walks hop-by-hop, routing, destination-options, mobility, HIP,
    /// shim6 (8-octet units) and AH (4-octet units) headers, and the fragment header (§4.5). `nil` when broken, cut
    /// short, or with more than `maximumExtensionHeaders` extension headers.
    static func ipv6(_ buffer: ByteBuffer, maximumExtensionHeaders: Int) -> IPPacket? {
        let base = buffer.readerIndex
        guard buffer.readableBytes >= 40, let first = buffer.getInteger(at: base, as: UInt8.self), first >> 4 == 6,
            let declared = buffer.getInteger(at: base + 4, endianness: .big, as: UInt16.self),
            var next = buffer.getInteger(at: base + 6, as: UInt8.self),
            let sourceHigh = buffer.getInteger(at: base + 8, endianness: .big, as: UInt64.self),
            let sourceLow = buffer.getInteger(at: base + 16, endianness: .big, as: UInt64.self),
            let destinationHigh = buffer.getInteger(at: base + 24, endianness: .big, as: UInt64.self),
            let destinationLow = buffer.getInteger(at: base + 32, endianness: .big, as: UInt64.self)
        else {
            return nil
        }
        let end = declared == 0 ? buffer.readableBytes : 40 + Int(declared)
        guard end <= buffer.readableBytes else {
            return nil
        }
        var offset = 40
        var fragment: Fragment?
        var headers = 0
        while [0, 43, 44, 51, 60, 135, 139, 140].contains(next) {
            headers += 1
            guard headers <= maximumExtensionHeaders, offset + 8 <= end,
                let following = buffer.getInteger(at: base + offset, as: UInt8.self),
                let length = buffer.getInteger(at: base + offset + 1, as: UInt8.self)
            else {
                return nil
            }
            switch next {
            case 44:
                guard let field = buffer.getInteger(at: base + offset + 2, endianness: .big, as: UInt16.self),
                    let identification = buffer.getInteger(at: base + offset + 4, endianness: .big, as: UInt32.self)
                else {
                    return nil
                }
                let fragmentOffset = Int(field & 0xFFF8)
                let more = field & 1 != 0
                if fragmentOffset > 0 || more {
                    fragment = Fragment(identification: identification, offset: fragmentOffset, more: more)
                }
                offset += 8
            case 51:
                offset += (Int(length) + 2) * 4
            default:
                offset += (Int(length) + 1) * 8
            }
            next = following
            if fragment != nil {
                // Headers after a fragment header belong to the fragmentable part: reassembly comes first.
                break
            }
        }
        guard offset <= end, let payload = buffer.getSlice(at: base + offset, length: end - offset) else {
            return nil
        }
        return IPPacket(
            source: .v6(sourceHigh, sourceLow),
            destination: .v6(destinationHigh, destinationLow),
            transport: next,
            payload: payload,
            fragment: fragment
        )
    }
}
