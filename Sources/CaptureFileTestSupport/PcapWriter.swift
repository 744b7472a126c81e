public import NIOCore

/// Writes classic pcap files for tests: either byte order, µs or ns timestamps.
public struct PcapWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    private let endianness: Endianness
    private let nanoseconds: Bool

    /// Starts a file with its 24-byte header.
    public init(
        linkType: UInt32,
        endianness: Endianness = .little,
        nanoseconds: Bool = false,
        snapLength: UInt32 = 65_535
    ) {
        self.endianness = endianness
        self.nanoseconds = nanoseconds
        self.append(nanoseconds ? UInt32(0xA1B2_3C4D) : UInt32(0xA1B2_C3D4))
        self.append(UInt16(2))
        self.append(UInt16(4))
        self.append(UInt32(0))
        self.append(UInt32(0))
        self.append(snapLength)
        self.append(linkType)
    }

    /// Appends a record; `timestamp` in ns since the epoch is cut to the file's resolution.
    public mutating func record(_ frame: [UInt8], timestamp: Int64 = 0, capturedLength: UInt32? = nil) {
        let seconds = UInt32(truncatingIfNeeded: timestamp / 1_000_000_000)
        let fraction = timestamp % 1_000_000_000
        self.append(seconds)
        self.append(UInt32(truncatingIfNeeded: self.nanoseconds ? fraction : fraction / 1_000))
        self.append(capturedLength ?? UInt32(frame.count))
        self.append(UInt32(frame.count))
        self.bytes += frame
    }

    private mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        self.bytes += ByteOrder.bytes(of: value, self.endianness)
    }
}

/// Integers as bytes in a chosen order.
public enum ByteOrder {
    /// `value` as `MemoryLayout<Integer>.size` bytes in `endianness`.
    public static func bytes<Integer: FixedWidthInteger>(of value: Integer, _ endianness: Endianness) -> [UInt8] {
        var buffer = ByteBuffer()
        buffer.writeInteger(value, endianness: endianness)
        return Array(buffer.readableBytesView)
    }
}
