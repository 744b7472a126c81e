import NIOCore

/// The pcapng format (draft-ietf-opsawg-pcapng): a sequence of blocks, each `type, total length, body, total
/// length`, in sections that each open with a section header block (SHB) giving the section's byte order.
///
/// Read: SHB (`0A0D0D0A`, byte-order magic `1A2B3C4D`, major version 1), interface description blocks (IDB, type 1:
/// link type, snap length, options `if_tsresol` 9 and `if_tsoffset` 14), enhanced packet blocks (EPB, type 6) and
/// simple packet blocks (SPB, type 3, interface 0, no timestamp). Every other block is skipped and counted. A block
/// is at least 12 bytes long and a multiple of 4, so reading always moves forward.
struct PcapngFormat {
    /// One interface of the current section.
    struct Interface {
        /// Its link type.
        var linkType: UInt32
        /// Its snap length (0: unlimited).
        var snapLength: Int
        /// Timestamp units per second (`if_tsresol`; 10^6 by default).
        var unitsPerSecond: UInt64 = 1_000_000
        /// Seconds to add to every timestamp (`if_tsoffset`).
        var offsetSeconds: Int64 = 0
    }

    /// The block type of a section header, the same in both byte orders.
    static let sectionHeader: UInt32 = 0x0A0D_0D0A

    /// The current section's byte order.
    private var endianness: Endianness = .little
    /// The current section's interfaces, by interface ID.
    private var interfaces: [Interface] = []

    /// A reader before the first section header.
    init() {}

    /// The next packet, moving `offset` past every block read; `nil` at the end of the file.
    mutating func next(
        _ file: ByteBuffer,
        offset: inout Int,
        limits: CaptureFileLimits,
        statistics: inout CaptureStatistics
    ) throws(CaptureFileError) -> RawPacket? {
        while true {
            let remaining = file.readableBytes - offset
            guard remaining > 0 else {
                return nil
            }
            guard remaining >= 12, let type = file.getInteger(at: offset, endianness: self.endianness, as: UInt32.self)
            else {
                throw .truncated("a pcapng block header", offset: offset)
            }
            if type == Self.sectionHeader {
                try self.startSection(file, at: offset)
            }
            guard let declared = file.getInteger(at: offset + 4, endianness: self.endianness, as: UInt32.self) else {
                throw .truncated("a pcapng block header", offset: offset)
            }
            let length = Int(declared)
            guard length >= 12, length % 4 == 0, length <= limits.maximumBlockLength else {
                throw .invalidLength("a pcapng block", length: length, offset: offset)
            }
            guard length <= remaining else {
                throw .truncated("a pcapng block", offset: offset)
            }
            guard file.getInteger(at: offset + length - 4, endianness: self.endianness, as: UInt32.self) == declared
            else {
                throw .invalidBlock("the trailing block length differs from the leading one", offset: offset)
            }
            let block = offset
            offset += length
            switch type {
            case Self.sectionHeader:
                continue
            case 1:
                try self.describeInterface(file, at: block, length: length, limits: limits)
            case 6:
                return try self.enhancedPacket(file, at: block, length: length)
            case 3:
                return try self.simplePacket(file, at: block, length: length)
            default:
                statistics.skippedBlocks += 1
            }
        }
    }

    private mutating func startSection(_ file: ByteBuffer, at offset: Int) throws(CaptureFileError) {
        guard let magic = file.getInteger(at: offset + 8, endianness: .little, as: UInt32.self) else {
            throw .truncated("a section header block", offset: offset)
        }
        switch magic {
        case 0x1A2B_3C4D:
            self.endianness = .little
        case 0x4D3C_2B1A:
            self.endianness = .big
        default:
            throw .invalidBlock("the section header's byte-order magic is wrong", offset: offset + 8)
        }
        guard let major = file.getInteger(at: offset + 12, endianness: self.endianness, as: UInt16.self) else {
            throw .truncated("a section header block", offset: offset)
        }
        guard major == 1 else {
            throw .unsupportedVersion(Int(major), offset: offset + 12)
        }
        self.interfaces = []
    }

    private mutating func describeInterface(
        _ file: ByteBuffer,
        at offset: Int,
        length: Int,
        limits: CaptureFileLimits
    ) throws(CaptureFileError) {
        guard length >= 20,
            let linkType = file.getInteger(at: offset + 8, endianness: self.endianness, as: UInt16.self),
            let snapLength = file.getInteger(at: offset + 12, endianness: self.endianness, as: UInt32.self)
        else {
            throw .invalidLength("an interface description block", length: length, offset: offset)
        }
        guard self.interfaces.count < limits.maximumInterfaces else {
            throw .limitExceeded("interfaces in a section", limit: limits.maximumInterfaces, offset: offset)
        }
        var interface = Interface(linkType: UInt32(linkType), snapLength: Int(snapLength))
        var cursor = offset + 16
        let end = offset + length - 4
        while cursor + 4 <= end {
            guard let code = file.getInteger(at: cursor, endianness: self.endianness, as: UInt16.self),
                let size = file.getInteger(at: cursor + 2, endianness: self.endianness, as: UInt16.self)
            else {
                throw .invalidOption("an option header runs past its block", offset: cursor)
            }
            let valueLength = Int(size)
            guard cursor + 4 + valueLength <= end else {
                throw .invalidOption("an option runs past its block", offset: cursor)
            }
            if code == 0 {
                break
            }
            if code == 9, valueLength == 1, let resolution = file.getInteger(at: cursor + 4, as: UInt8.self) {
                interface.unitsPerSecond = try Self.units(resolution, offset: cursor)
            }
            if code == 14, valueLength == 8,
                let seconds = file.getInteger(at: cursor + 4, endianness: self.endianness, as: Int64.self)
            {
                interface.offsetSeconds = seconds
            }
            cursor += 4 + (valueLength + 3) / 4 * 4
        }
        self.interfaces.append(interface)
    }

    /// `if_tsresol`: 10^-v seconds, or 2^-(v & 0x7F) when the top bit is set; at most 10^-18 or 2^-63.
    private static func units(_ resolution: UInt8, offset: Int) throws(CaptureFileError) -> UInt64 {
        let exponent = Int(resolution & 0x7F)
        if resolution & 0x80 != 0 {
            guard exponent <= 63 else {
                throw .invalidOption("if_tsresol is finer than 2^-63 s", offset: offset)
            }
            return 1 << UInt64(exponent)
        }
        guard exponent <= 18 else {
            throw .invalidOption("if_tsresol is finer than 10^-18 s", offset: offset)
        }
        var units: UInt64 = 1
        for _ in 0..<exponent {
            units *= 10
        }
        return units
    }

    private func enhancedPacket(_ file: ByteBuffer, at offset: Int, length: Int) throws(CaptureFileError) -> RawPacket {
        guard length >= 32,
            let interfaceID = file.getInteger(at: offset + 8, endianness: self.endianness, as: UInt32.self),
            let high = file.getInteger(at: offset + 12, endianness: self.endianness, as: UInt32.self),
            let low = file.getInteger(at: offset + 16, endianness: self.endianness, as: UInt32.self),
            let captured = file.getInteger(at: offset + 20, endianness: self.endianness, as: UInt32.self)
        else {
            throw .invalidLength("an enhanced packet block", length: length, offset: offset)
        }
        guard Int(interfaceID) < self.interfaces.count else {
            throw .unknownInterface(Int(interfaceID), offset: offset + 8)
        }
        let interface = self.interfaces[Int(interfaceID)]
        guard Int(captured) <= length - 32, let frame = file.getSlice(at: offset + 28, length: Int(captured)) else {
            throw .invalidLength("an enhanced packet block's captured data", length: Int(captured), offset: offset + 20)
        }
        let ticks = UInt64(high) << 32 | UInt64(low)
        let timestamp = nanoseconds(
            seconds: ticks / interface.unitsPerSecond,
            fraction: ticks % interface.unitsPerSecond,
            unitsPerSecond: interface.unitsPerSecond,
            offsetSeconds: interface.offsetSeconds
        )
        return RawPacket(timestamp: timestamp, linkType: interface.linkType, frame: frame)
    }

    private func simplePacket(_ file: ByteBuffer, at offset: Int, length: Int) throws(CaptureFileError) -> RawPacket {
        guard length >= 16, let original = file.getInteger(at: offset + 8, endianness: self.endianness, as: UInt32.self)
        else {
            throw .invalidLength("a simple packet block", length: length, offset: offset)
        }
        guard let interface = self.interfaces.first else {
            throw .unknownInterface(0, offset: offset)
        }
        var captured = min(Int(original), length - 16)
        if interface.snapLength > 0 {
            captured = min(captured, interface.snapLength)
        }
        guard let frame = file.getSlice(at: offset + 12, length: captured) else {
            throw .truncated("a simple packet block", offset: offset)
        }
        return RawPacket(timestamp: nil, linkType: interface.linkType, frame: frame)
    }
}
