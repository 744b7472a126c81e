public import NIOCore

// MARK: - Parsing

extension RTCPPacket {
    /// Parses a compound RTCP datagram into its packets.
    ///
    /// Each packet's length field is checked against what is left; report counts, SDES chunks and items, BYE
    /// lists and the padding count are checked against the packet's own length. Header validity checks beyond
    /// that (RFC 3550 Appendix A.2: the first packet must be SR or RR, padding only in the last) are not
    /// enforced, so odd but readable datagrams are still recorded.
    ///
    /// - Parameters:
    ///   - datagram: The datagram's bytes; not consumed.
    ///   - limits: The bounds to hold it to.
    /// - Returns: The packets, in order; at least one.
    public static func parseCompound(
        _ datagram: ByteBuffer,
        limits: RTPLimits = RTPLimits()
    ) throws(RTPError) -> [RTCPPacket] {
        var buffer = datagram
        let size = buffer.readableBytes
        if size > limits.maximumPacketSize {
            throw .limitExceeded("the packet size", value: size, limit: limits.maximumPacketSize, offset: 0)
        }
        if size == 0 {
            throw .truncated("the RTCP header", offset: 0, needed: 4)
        }
        var packets: [RTCPPacket] = []
        while buffer.readableBytes > 0 {
            let offset = size - buffer.readableBytes
            if packets.count >= limits.maximumRTCPPackets {
                throw .limitExceeded(
                    "the number of RTCP packets",
                    value: packets.count + 1,
                    limit: limits.maximumRTCPPackets,
                    offset: offset
                )
            }
            guard let first = buffer.readInteger(as: UInt8.self),
                let packetType = buffer.readInteger(as: UInt8.self),
                let words = buffer.readInteger(as: UInt16.self)
            else {
                throw .truncated("the RTCP header", offset: offset, needed: 4)
            }
            let version = first >> 6
            guard version == 2 else {
                throw .badVersion(
                    version,
                    offset: offset,
                    bytes: datagram.readableBytesView.dropFirst(offset)
                )
            }
            let count = first & 0x1F
            let bodyLength = Int(words) * 4
            guard var body = buffer.readSlice(length: bodyLength) else {
                throw .truncated("an RTCP packet's body", offset: offset + 4, needed: bodyLength - buffer.readableBytes)
            }
            if first & 0x20 != 0 {
                guard let pad = body.getInteger(at: body.writerIndex &- 1, as: UInt8.self), pad > 0,
                    Int(pad) <= body.readableBytes
                else {
                    throw .malformed("the RTCP padding count does not fit in the packet", offset: offset)
                }
                body.moveWriterIndex(to: body.writerIndex - Int(pad))
            }
            packets.append(
                try Self.parseBody(&body, packetType: packetType, count: count, offset: offset, limits: limits)
            )
        }
        return packets
    }

    private static func parseBody(
        _ body: inout ByteBuffer,
        packetType: UInt8,
        count: UInt8,
        offset: Int,
        limits: RTPLimits
    ) throws(RTPError) -> RTCPPacket {
        let contentOffset = offset + 4
        switch packetType {
        case PacketType.senderReport:
            guard let ssrc = body.readInteger(as: UInt32.self),
                let ntp = body.readInteger(as: UInt64.self),
                let rtp = body.readInteger(as: UInt32.self),
                let packets = body.readInteger(as: UInt32.self),
                let octets = body.readInteger(as: UInt32.self)
            else {
                throw .truncated("the sender info", offset: contentOffset, needed: 24)
            }
            let blocks = try Self.readReportBlocks(&body, count: count, offset: contentOffset + 24)
            return .senderReport(
                SenderReport(
                    ssrc: ssrc,
                    ntpTimestamp: ntp,
                    rtpTimestamp: rtp,
                    packetCount: packets,
                    octetCount: octets,
                    reportBlocks: blocks
                )
            )
        case PacketType.receiverReport:
            guard let ssrc = body.readInteger(as: UInt32.self) else {
                throw .truncated("the receiver report's SSRC", offset: contentOffset, needed: 4)
            }
            let blocks = try Self.readReportBlocks(&body, count: count, offset: contentOffset + 4)
            return .receiverReport(ReceiverReport(ssrc: ssrc, reportBlocks: blocks))
        case PacketType.sourceDescription:
            return .sourceDescription(
                try Self.readSourceDescription(&body, count: count, offset: contentOffset, limits: limits)
            )
        case PacketType.bye:
            var ssrcs: [UInt32] = []
            for index in 0..<Int(count) {
                guard let ssrc = body.readInteger(as: UInt32.self) else {
                    throw .truncated("the BYE source list", offset: contentOffset + index * 4, needed: 4)
                }
                ssrcs.append(ssrc)
            }
            var reason: [UInt8]?
            if let length = body.readInteger(as: UInt8.self), length > 0 {
                guard let bytes = body.readBytes(length: Int(length)) else {
                    throw .truncated("the BYE reason", offset: contentOffset + Int(count) * 4 + 1, needed: Int(length))
                }
                reason = bytes
            }
            return .bye(Bye(ssrcs: ssrcs, reason: reason))
        default:
            return .other(packetType: packetType, count: count, length: body.readableBytes + 4)
        }
    }

    private static func readReportBlocks(
        _ body: inout ByteBuffer,
        count: UInt8,
        offset: Int
    ) throws(RTPError) -> [RTCPReportBlock] {
        let needed = Int(count) * RTCPReportBlock.size
        guard body.readableBytes >= needed else {
            throw .truncated("the report blocks", offset: offset, needed: needed - body.readableBytes)
        }
        var blocks: [RTCPReportBlock] = []
        blocks.reserveCapacity(Int(count))
        for _ in 0..<Int(count) {
            if let block = RTCPReportBlock.read(from: &body) {
                blocks.append(block)
            }
        }
        return blocks
    }

    private static func readSourceDescription(
        _ body: inout ByteBuffer,
        count: UInt8,
        offset: Int,
        limits: RTPLimits
    ) throws(RTPError) -> [SourceDescriptionChunk] {
        if Int(count) > limits.maximumSDESChunks {
            throw .limitExceeded(
                "the SDES chunk count",
                value: Int(count),
                limit: limits.maximumSDESChunks,
                offset: offset
            )
        }
        let start = body.readerIndex
        var chunks: [SourceDescriptionChunk] = []
        for _ in 0..<Int(count) {
            let chunkOffset = offset + body.readerIndex - start
            guard let ssrc = body.readInteger(as: UInt32.self) else {
                throw .truncated("an SDES chunk", offset: chunkOffset, needed: 4)
            }
            var items: [SourceDescriptionItem] = []
            while true {
                let itemOffset = offset + body.readerIndex - start
                guard let type = body.readInteger(as: UInt8.self) else {
                    throw .truncated("the SDES item list's end", offset: itemOffset, needed: 1)
                }
                if type == 0 {
                    // The list ends with a null octet, then padding to the next 32-bit boundary.
                    let consumed = body.readerIndex - start
                    let padding = (4 - consumed % 4) % 4
                    body.moveReaderIndex(forwardBy: min(padding, body.readableBytes))
                    break
                }
                if items.count >= limits.maximumSDESItemsPerChunk {
                    throw .limitExceeded(
                        "the SDES item count",
                        value: items.count + 1,
                        limit: limits.maximumSDESItemsPerChunk,
                        offset: itemOffset
                    )
                }
                guard let length = body.readInteger(as: UInt8.self),
                    let value = body.readBytes(length: Int(length))
                else {
                    throw .truncated("an SDES item", offset: itemOffset, needed: 2)
                }
                items.append(SourceDescriptionItem(type: type, value: value))
            }
            chunks.append(SourceDescriptionChunk(ssrc: ssrc, items: items))
        }
        return chunks
    }
}
