import NIOCore

/// Strips the link-layer header of a captured frame down to its IPv4 or IPv6 packet.
///
/// Link types (tcpdump.org `linktypes.html`): NULL 0 and LOOP 108 (a 4-byte address family; NULL in the capturing
/// host's byte order, LOOP big-endian), ETHERNET 1 (with up to ``CaptureFileLimits/maximumVLANTags`` 802.1Q/802.1ad
/// tags), RAW 101 (and its aliases 12 on OpenBSD, IPV4 228 and IPV6 229: the version nibble decides), LINUX_SLL
/// 113 (16-byte header, protocol at 14) and LINUX_SLL2 276 (20-byte header, protocol at 0).
enum LinkLayer {
    /// The network-layer packet inside a frame, or why there is none.
    enum Decoded {
        /// An IPv4 packet (from its first header byte).
        case ipv4(ByteBuffer)
        /// An IPv6 packet.
        case ipv6(ByteBuffer)
        /// Another network protocol (ARP, LLDP, …).
        case other
        /// A link type this reader does not decode.
        case unsupported
        /// The frame is shorter than its link-layer header.
        case malformed
    }

    /// The packet inside `frame` (a buffer whose readable bytes are the frame).
    static func decode(_ frame: ByteBuffer, linkType: UInt32, limits: CaptureFileLimits) -> Decoded {
        switch linkType {
        case 0, 108:
            guard let raw = frame.getInteger(at: frame.readerIndex, endianness: .big, as: UInt32.self) else {
                return .malformed
            }
            // NULL's family is in the capturing host's order: a value above 0xFFFF was written little-endian.
            let family = linkType == 0 && raw > 0xFFFF ? raw.byteSwapped : raw
            switch family {
            case 2:
                return Self.payload(frame, from: 4, ipv6: false)
            case 10, 24, 28, 30:
                return Self.payload(frame, from: 4, ipv6: true)
            default:
                return .other
            }
        case 1:
            return Self.ethernet(frame, limits: limits)
        case 12, 101, 228, 229:
            guard let first = frame.getInteger(at: frame.readerIndex, as: UInt8.self) else {
                return .malformed
            }
            switch first >> 4 {
            case 4:
                return .ipv4(frame)
            case 6:
                return .ipv6(frame)
            default:
                return .other
            }
        case 113:
            return Self.etherType(frame, at: 14, payloadAt: 16)
        case 276:
            return Self.etherType(frame, at: 0, payloadAt: 20)
        default:
            return .unsupported
        }
    }

    private static func ethernet(_ frame: ByteBuffer, limits: CaptureFileLimits) -> Decoded {
        var typeOffset = 12
        var tags = 0
        while true {
            guard let type = frame.getInteger(at: frame.readerIndex + typeOffset, endianness: .big, as: UInt16.self)
            else {
                return .malformed
            }
            guard type == 0x8100 || type == 0x88A8 || type == 0x9100 else {
                return Self.classify(type, frame, from: typeOffset + 2)
            }
            tags += 1
            guard tags <= limits.maximumVLANTags else {
                return .malformed
            }
            typeOffset += 4
        }
    }

    private static func etherType(_ frame: ByteBuffer, at offset: Int, payloadAt payload: Int) -> Decoded {
        guard frame.readableBytes >= payload,
            let type = frame.getInteger(at: frame.readerIndex + offset, endianness: .big, as: UInt16.self)
        else {
            return .malformed
        }
        return Self.classify(type, frame, from: payload)
    }

    private static func classify(_ etherType: UInt16, _ frame: ByteBuffer, from offset: Int) -> Decoded {
        switch etherType {
        case 0x0800:
            return Self.payload(frame, from: offset, ipv6: false)
        case 0x86DD:
            return Self.payload(frame, from: offset, ipv6: true)
        default:
            return .other
        }
    }

    private static func payload(_ frame: ByteBuffer, from offset: Int, ipv6: Bool) -> Decoded {
        guard offset <= frame.readableBytes,
            let slice = frame.getSlice(at: frame.readerIndex + offset, length: frame.readableBytes - offset)
        else {
            return .malformed
        }
        return ipv6 ? .ipv6(slice) : .ipv4(slice)
    }
}
