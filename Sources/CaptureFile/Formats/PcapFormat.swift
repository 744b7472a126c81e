import NIOCore

/// The classic libpcap format (draft-ietf-opsawg-pcap): a 24-byte file header whose magic number gives the byte
/// order and the timestamp resolution (µs `A1B2C3D4`, ns `A1B23C4D`), then records of a 16-byte header (seconds,
/// fraction, captured length, original length) and the captured bytes.
struct PcapFormat {
    /// The byte order of every field after the magic number.
    let endianness: Endianness
    /// Fraction units per second: 1,000,000 or 1,000,000,000.
    let unitsPerSecond: UInt64
    /// The link type of every record (the low 16 bits of the header's LinkType field; the rest is FCS information).
    let linkType: UInt32

    /// The file header at the start of `file`, or `nil` when the magic number is not pcap's.
    static func header(_ file: ByteBuffer) throws(CaptureFileError) -> PcapFormat? {
        guard let magic = file.getInteger(at: 0, endianness: .little, as: UInt32.self) else {
            return nil
        }
        let endianness: Endianness
        let units: UInt64
        switch magic {
        case 0xA1B2_C3D4:
            (endianness, units) = (.little, 1_000_000)
        case 0xD4C3_B2A1:
            (endianness, units) = (.big, 1_000_000)
        case 0xA1B2_3C4D:
            (endianness, units) = (.little, 1_000_000_000)
        case 0x4D3C_B2A1:
            (endianness, units) = (.big, 1_000_000_000)
        default:
            return nil
        }
        guard let major = file.getInteger(at: 4, endianness: endianness, as: UInt16.self),
            let linkType = file.getInteger(at: 20, endianness: endianness, as: UInt32.self)
        else {
            throw .truncated("the pcap file header", offset: 0)
        }
        guard major == 2 else {
            throw .unsupportedVersion(Int(major), offset: 4)
        }
        return PcapFormat(endianness: endianness, unitsPerSecond: units, linkType: linkType & 0xFFFF)
    }

    /// The length of the file header.
    static let headerLength = 24

    /// The record at `offset`, moving `offset` past it; `nil` at the end of the file.
    func next(_ file: ByteBuffer, offset: inout Int, limits: CaptureFileLimits) throws(CaptureFileError) -> RawPacket? {
        let remaining = file.readableBytes - offset
        guard remaining > 0 else {
            return nil
        }
        guard remaining >= 16,
            let seconds = file.getInteger(at: offset, endianness: self.endianness, as: UInt32.self),
            let fraction = file.getInteger(at: offset + 4, endianness: self.endianness, as: UInt32.self),
            let captured = file.getInteger(at: offset + 8, endianness: self.endianness, as: UInt32.self)
        else {
            throw .truncated("a pcap record header", offset: offset)
        }
        let length = Int(captured)
        guard length <= limits.maximumPacketLength else {
            throw .invalidLength("a pcap record", length: length, offset: offset)
        }
        guard length <= remaining - 16, let frame = file.getSlice(at: offset + 16, length: length) else {
            throw .truncated("a pcap record", offset: offset)
        }
        let timestamp = nanoseconds(
            seconds: UInt64(seconds),
            fraction: UInt64(fraction),
            unitsPerSecond: self.unitsPerSecond
        )
        offset += 16 + length
        return RawPacket(timestamp: timestamp, linkType: self.linkType, frame: frame)
    }
}
