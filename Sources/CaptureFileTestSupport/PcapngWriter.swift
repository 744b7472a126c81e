public import NIOCore

/// Writes pcapng files for tests: sections in either byte order, interfaces with `if_tsresol`, enhanced and simple
/// packet blocks, and arbitrary (unknown or deliberately broken) blocks.
public struct PcapngWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    private var endianness: Endianness = .little

    /// An empty file; start it with ``section(endianness:)``.
    public init() {}

    /// A section header block (version 1.0, unknown section length).
    public mutating func section(endianness: Endianness = .little) {
        self.endianness = endianness
        var body = self.encode(UInt32(0x1A2B_3C4D))
        body += self.encode(UInt16(1)) + self.encode(UInt16(0))
        body += self.encode(UInt64.max)
        self.block(type: 0x0A0D_0D0A, body: body)
    }

    /// An interface description block; `resolution` is the raw `if_tsresol` byte, `offsetSeconds` `if_tsoffset`.
    public mutating func interface(
        linkType: UInt16,
        snapLength: UInt32 = 0,
        resolution: UInt8? = nil,
        offsetSeconds: Int64? = nil
    ) {
        var body = self.encode(linkType) + self.encode(UInt16(0)) + self.encode(snapLength)
        if let resolution {
            body += self.encode(UInt16(9)) + self.encode(UInt16(1)) + [resolution, 0, 0, 0]
        }
        if let offsetSeconds {
            body += self.encode(UInt16(14)) + self.encode(UInt16(8)) + self.encode(offsetSeconds)
        }
        if resolution != nil || offsetSeconds != nil {
            body += self.encode(UInt16(0)) + self.encode(UInt16(0))
        }
        self.block(type: 1, body: body)
    }

    /// An enhanced packet block with a timestamp in the interface's units.
    public mutating func enhancedPacket(_ frame: [UInt8], interface: UInt32 = 0, ticks: UInt64 = 0) {
        var body = self.encode(interface)
        body += self.encode(UInt32(truncatingIfNeeded: ticks >> 32)) + self.encode(UInt32(truncatingIfNeeded: ticks))
        body += self.encode(UInt32(frame.count)) + self.encode(UInt32(frame.count))
        body += Self.padded(frame)
        self.block(type: 6, body: body)
    }

    /// A simple packet block (interface 0, no timestamp).
    public mutating func simplePacket(_ frame: [UInt8]) {
        self.block(type: 3, body: self.encode(UInt32(frame.count)) + Self.padded(frame))
    }

    /// A block of any type; `body` is padded to 4 bytes.
    public mutating func block(type: UInt32, body: [UInt8]) {
        let padded = Self.padded(body)
        let length = UInt32(12 + padded.count)
        self.bytes += self.encode(type) + self.encode(length) + padded + self.encode(length)
    }

    /// Raw bytes, for broken files.
    public mutating func raw(_ bytes: [UInt8]) {
        self.bytes += bytes
    }

    /// `value` in the current section's byte order.
    public func encode<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
        ByteOrder.bytes(of: value, self.endianness)
    }

    private static func padded(_ bytes: [UInt8]) -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4)
    }
}
