public import NIOCore

// MARK: - Serializing

extension RTCPPacket {
    /// Appends the packet's bytes to `buffer`, length field included. ``other(packetType:count:length:)`` writes a
    /// header and zero bytes of its length (rounded up to a multiple of four).
    public func write(into buffer: inout ByteBuffer) {
        let start = buffer.writerIndex
        switch self {
        case .senderReport(let report):
            let blocks = report.reportBlocks.prefix(31)
            Self.writeHeader(into: &buffer, count: blocks.count, packetType: PacketType.senderReport)
            buffer.writeInteger(report.ssrc)
            buffer.writeInteger(report.ntpTimestamp)
            buffer.writeInteger(report.rtpTimestamp)
            buffer.writeInteger(report.packetCount)
            buffer.writeInteger(report.octetCount)
            for block in blocks {
                block.write(into: &buffer)
            }
        case .receiverReport(let report):
            let blocks = report.reportBlocks.prefix(31)
            Self.writeHeader(into: &buffer, count: blocks.count, packetType: PacketType.receiverReport)
            buffer.writeInteger(report.ssrc)
            for block in blocks {
                block.write(into: &buffer)
            }
        case .sourceDescription(let chunks):
            let chunks = chunks.prefix(31)
            Self.writeHeader(into: &buffer, count: chunks.count, packetType: PacketType.sourceDescription)
            for chunk in chunks {
                let chunkStart = buffer.writerIndex
                buffer.writeInteger(chunk.ssrc)
                for item in chunk.items where item.type != 0 {
                    let value = item.value.prefix(255)
                    buffer.writeInteger(item.type)
                    buffer.writeInteger(UInt8(value.count))
                    buffer.writeBytes(value)
                }
                // At least one null octet, up to the next 32-bit boundary.
                let used = buffer.writerIndex - chunkStart
                buffer.writeRepeatingByte(0, count: 4 - used % 4)
            }
        case .bye(let bye):
            let ssrcs = bye.ssrcs.prefix(31)
            Self.writeHeader(into: &buffer, count: ssrcs.count, packetType: PacketType.bye)
            for ssrc in ssrcs {
                buffer.writeInteger(ssrc)
            }
            if let reason = bye.reason {
                let bytes = reason.prefix(255)
                buffer.writeInteger(UInt8(bytes.count))
                buffer.writeBytes(bytes)
                let used = buffer.writerIndex - start
                buffer.writeRepeatingByte(0, count: (4 - used % 4) % 4)
            }
        case .other(let packetType, let count, let length):
            Self.writeHeader(into: &buffer, count: Int(count & 0x1F), packetType: packetType)
            let body = max(0, min(length - 4, Int(UInt16.max) * 4))
            buffer.writeRepeatingByte(0, count: (body + 3) / 4 * 4)
        }
        let words = (buffer.writerIndex - start) / 4 - 1
        buffer.setInteger(UInt16(truncatingIfNeeded: words), at: start + 2)
    }

    /// Serializes packets as one compound datagram (RFC 3550 §6.1: start with an SR or RR, include an SDES CNAME;
    /// the caller chooses the packets).
    public static func compound(
        _ packets: [RTCPPacket],
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 128)
        for packet in packets {
            packet.write(into: &buffer)
        }
        return buffer
    }

    private static func writeHeader(into buffer: inout ByteBuffer, count: Int, packetType: UInt8) {
        buffer.writeInteger(UInt8(2 << 6) | UInt8(count & 0x1F))
        buffer.writeInteger(packetType)
        buffer.writeInteger(UInt16(0))  // Patched once the length is known.
    }
}
