import NIOCore

// From a frame to a payload: link layer, IP (with fragment reassembly), then UDP or TCP. Every failure here is a
// statistic, never an error: one broken packet must not hide the rest of a capture.

extension CaptureFileReader {
    /// The payload `packet` yields, if any.
    mutating func decode(_ packet: RawPacket) -> CapturedPayload? {
        let ip: IPPacket?
        switch LinkLayer.decode(packet.frame, linkType: packet.linkType, limits: self.limits) {
        case .ipv4(let bytes):
            ip = IPPacket.ipv4(bytes)
        case .ipv6(let bytes):
            ip = IPPacket.ipv6(bytes, maximumExtensionHeaders: self.limits.maximumExtensionHeaders)
        case .other:
            self.statistics.notIPOrTransport += 1
            return nil
        case .unsupported:
            self.statistics.unsupportedLinkType += 1
            return nil
        case .malformed:
            self.statistics.malformed += 1
            return nil
        }
        guard var ip else {
            self.statistics.malformed += 1
            return nil
        }
        if let fragment = ip.fragment {
            let key = FragmentReassembler.Key(
                source: ip.source,
                destination: ip.destination,
                transport: ip.transport,
                identification: fragment.identification
            )
            var evicted = 0
            let outcome = self.fragments.add(
                ip.payload,
                offset: fragment.offset,
                more: fragment.more,
                key: key,
                evicted: &evicted
            )
            self.statistics.fragmentedDatagramsDropped += evicted
            switch outcome {
            case .complete(let whole):
                self.statistics.fragmentsReassembled += 1
                ip.payload = whole
                ip.fragment = nil
            case .pending:
                return nil
            case .dropped:
                self.statistics.fragmentedDatagramsDropped += 1
                return nil
            }
        }
        switch ip.transport {
        case 17:
            return self.udp(ip, timestamp: packet.timestamp)
        case 6:
            return self.tcp(ip, timestamp: packet.timestamp)
        default:
            self.statistics.notIPOrTransport += 1
            return nil
        }
    }

    /// RFC 768: the payload is `length − 8` bytes; a length of 0 (IPv6 jumbogram) or one past the IP payload is
    /// taken as "to the end" only in the first case and as malformed in the second.
    private mutating func udp(_ ip: IPPacket, timestamp: Int64?) -> CapturedPayload? {
        let segment = ip.payload
        let base = segment.readerIndex
        guard let sourcePort = segment.getInteger(at: base, endianness: .big, as: UInt16.self),
            let destinationPort = segment.getInteger(at: base + 2, endianness: .big, as: UInt16.self),
            let declared = segment.getInteger(at: base + 4, endianness: .big, as: UInt16.self)
        else {
            self.statistics.malformed += 1
            return nil
        }
        let length = declared == 0 ? segment.readableBytes : Int(declared)
        guard length >= 8, length <= segment.readableBytes,
            let bytes = segment.getSlice(at: base + 8, length: length - 8)
        else {
            self.statistics.malformed += 1
            return nil
        }
        self.statistics.udpDatagrams += 1
        return CapturedPayload(
            timestamp: timestamp,
            transport: .udp,
            source: CaptureEndpoint(address: ip.source.text, port: sourcePort),
            destination: CaptureEndpoint(address: ip.destination.text, port: destinationPort),
            bytes: bytes
        )
    }

    /// RFC 9293 §3.1: ports, sequence number, data offset (5 to 15 words) and the SYN, FIN and RST flags.
    private mutating func tcp(_ ip: IPPacket, timestamp: Int64?) -> CapturedPayload? {
        let segment = ip.payload
        let base = segment.readerIndex
        guard let sourcePort = segment.getInteger(at: base, endianness: .big, as: UInt16.self),
            let destinationPort = segment.getInteger(at: base + 2, endianness: .big, as: UInt16.self),
            let sequence = segment.getInteger(at: base + 4, endianness: .big, as: UInt32.self),
            let offsetByte = segment.getInteger(at: base + 12, as: UInt8.self),
            let flags = segment.getInteger(at: base + 13, as: UInt8.self)
        else {
            self.statistics.malformed += 1
            return nil
        }
        let headerLength = Int(offsetByte >> 4) * 4
        guard headerLength >= 20, headerLength <= segment.readableBytes,
            let payload = segment.getSlice(at: base + headerLength, length: segment.readableBytes - headerLength)
        else {
            self.statistics.malformed += 1
            return nil
        }
        self.statistics.tcpSegments += 1
        let key = TCPReassembler.Key(
            source: ip.source,
            sourcePort: sourcePort,
            destination: ip.destination,
            destinationPort: destinationPort
        )
        let data = TCPReassembler.Segment(
            sequence: sequence,
            syn: flags & 0x02 != 0,
            fin: flags & 0x01 != 0,
            rst: flags & 0x04 != 0,
            payload: payload
        )
        guard let bytes = self.streams.add(data, key: key, statistics: &self.statistics), bytes.readableBytes > 0
        else {
            return nil
        }
        self.statistics.tcpPayloads += 1
        return CapturedPayload(
            timestamp: timestamp,
            transport: .tcp,
            source: CaptureEndpoint(address: ip.source.text, port: sourcePort),
            destination: CaptureEndpoint(address: ip.destination.text, port: destinationPort),
            bytes: bytes
        )
    }
}
