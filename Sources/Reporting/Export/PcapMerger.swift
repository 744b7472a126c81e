/// Reads classic libpcap files and merges two captures of the same link type into one, packets in time order.
///
/// Accepted: the microsecond (`a1b2c3d4`) and nanosecond (`a1b23c4d`) variants, either byte order. The merge is
/// written in the nanosecond little-endian variant, like ``Storage/PcapWriter``. pcapng and anything that does not
/// parse give `nil` (the caller then keeps both files apart).
enum PcapMerger {
    struct Capture {
        var linkType: UInt32
        var snapLength: UInt32
        /// (nanoseconds since the epoch, captured length, original length, data)
        var packets: [(time: Int64, originalLength: UInt32, data: ArraySlice<UInt8>)]
    }

    /// The packets of a classic pcap file, or `nil`.
    static func read(_ bytes: [UInt8]) -> Capture? {
        guard bytes.count >= 24 else { return nil }
        let magicLE = Self.u32(bytes, 0, bigEndian: false)
        let bigEndian: Bool
        let nanoseconds: Bool
        switch magicLE {
        case 0xa1b2_c3d4: (bigEndian, nanoseconds) = (false, false)
        case 0xa1b2_3c4d: (bigEndian, nanoseconds) = (false, true)
        case 0xd4c3_b2a1: (bigEndian, nanoseconds) = (true, false)
        case 0x4d3c_b2a1: (bigEndian, nanoseconds) = (true, true)
        default: return nil
        }
        let snapLength = Self.u32(bytes, 16, bigEndian: bigEndian)
        let linkType = Self.u32(bytes, 20, bigEndian: bigEndian) & 0x0FFF_FFFF
        var packets: [(time: Int64, originalLength: UInt32, data: ArraySlice<UInt8>)] = []
        var offset = 24
        while offset < bytes.count {
            guard offset + 16 <= bytes.count else { return nil }
            let seconds = Int64(Self.u32(bytes, offset, bigEndian: bigEndian))
            let fraction = Int64(Self.u32(bytes, offset + 4, bigEndian: bigEndian))
            let captured = Int(Self.u32(bytes, offset + 8, bigEndian: bigEndian))
            let original = Self.u32(bytes, offset + 12, bigEndian: bigEndian)
            guard captured <= 262_144, offset + 16 + captured <= bytes.count else { return nil }
            let time = seconds * 1_000_000_000 + (nanoseconds ? fraction : fraction * 1_000)
            packets.append((time, original, bytes[(offset + 16)..<(offset + 16 + captured)]))
            offset += 16 + captured
        }
        return Capture(linkType: linkType, snapLength: snapLength, packets: packets)
    }

    /// One capture of `first` and `second` in time order (ties: `first`'s packet first), or `nil` when either does
    /// not parse or their link types differ.
    static func merge(_ first: [UInt8], _ second: [UInt8]) -> [UInt8]? {
        guard let a = Self.read(first), let b = Self.read(second), a.linkType == b.linkType else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(first.count + second.count)
        Self.le32(0xa1b2_3c4d, &out)
        out += [2, 0, 4, 0]
        Self.le32(0, &out)
        Self.le32(0, &out)
        Self.le32(max(a.snapLength, b.snapLength), &out)
        Self.le32(a.linkType, &out)
        var i = 0
        var j = 0
        while i < a.packets.count || j < b.packets.count {
            let takeFirst = j >= b.packets.count || (i < a.packets.count && a.packets[i].time <= b.packets[j].time)
            let packet = takeFirst ? a.packets[i] : b.packets[j]
            if takeFirst { i += 1 } else { j += 1 }
            let time = max(0, packet.time)
            Self.le32(UInt32(clamping: time / 1_000_000_000), &out)
            Self.le32(UInt32(time % 1_000_000_000), &out)
            Self.le32(UInt32(packet.data.count), &out)
            Self.le32(packet.originalLength, &out)
            out += packet.data
        }
        return out
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int, bigEndian: Bool) -> UInt32 {
        let b0 = UInt32(bytes[offset])
        let b1 = UInt32(bytes[offset + 1])
        let b2 = UInt32(bytes[offset + 2])
        let b3 = UInt32(bytes[offset + 3])
        return bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0
    }

    private static func le32(_ value: UInt32, _ out: inout [UInt8]) {
        out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
