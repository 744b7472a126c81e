import Foundation

/// Writes traced messages as a classic libpcap capture that Wireshark and tshark decode as SIP.
///
/// Format: the nanosecond-resolution variant of the libpcap format (magic `0xa1b23c4d`, little-endian),
/// version 2.4, snap length 262,144, link type `LINKTYPE_RAW` (101): each packet starts with its IPv4 or
/// IPv6 header, which Wireshark decodes directly. Each record becomes synthesized packets from the sender
/// to the receiver (remote → local for received messages, local → remote for sent ones):
/// - UDP: one IPv4/IPv6 + UDP packet carrying ``TraceRecord/raw``, all checksums computed. A UDP payload
///   is cut to what one IP packet can carry (65,507 bytes over IPv4, 65,527 over IPv6).
/// - TCP, TLS, WS, WSS: TCP segments (PSH|ACK, no handshake) of at most 65,000 bytes. Sequence numbers start
///   at 1 per direction of each address/port 4-tuple and advance by the payload length; the
///   acknowledgement number is the other direction's next sequence number. TCP checksums are computed.
///   TLS and WebSocket records carry the decrypted/unframed SIP bytes as if sent over plain TCP.
///
/// Mixed families (an IPv4 endpoint and an IPv6 one) are written as IPv6 with IPv4-mapped addresses; an
/// address that does not parse becomes the unspecified address. Timestamps before 1970 or after 2106
/// are clamped to the format's 32-bit seconds.
public struct PcapWriter: Sendable {
    /// The file magic of the nanosecond-resolution format.
    public static let magic: UInt32 = 0xa1b2_3c4d
    /// The snap length written in the global header.
    public static let snapLength: UInt32 = 262_144
    /// `LINKTYPE_RAW`: packets begin with an IPv4 or IPv6 header.
    public static let linkType: UInt32 = 101
    /// The largest TCP payload per synthesized segment.
    static let maxTCPSegment = 65_000

    /// The capture written so far (starting with the global header) and not yet taken.
    public private(set) var bytes: [UInt8]
    /// How many packets were written.
    public private(set) var packetCount = 0
    private var nextSequence: [FlowKey: UInt32] = [:]
    private var identification: UInt16 = 0

    private struct FlowKey: Hashable {
        var source: [UInt8]
        var sourcePort: UInt16
        var destination: [UInt8]
        var destinationPort: UInt16

        var reversed: FlowKey {
            FlowKey(
                source: self.destination,
                sourcePort: self.destinationPort,
                destination: self.source,
                destinationPort: self.sourcePort
            )
        }
    }

    /// Creates a writer whose ``bytes`` hold the 24-byte global header.
    public init() {
        var header: [UInt8] = []
        header.reserveCapacity(24)
        Self.le32(Self.magic, into: &header)
        header += [2, 0, 4, 0]  // version 2.4
        Self.le32(0, into: &header)  // thiszone
        Self.le32(0, into: &header)  // sigfigs
        Self.le32(Self.snapLength, into: &header)
        Self.le32(Self.linkType, into: &header)
        self.bytes = header
    }

    /// A whole capture of `records`, in timestamp order (ties by id, then input order).
    public static func capture(_ records: [TraceRecord]) -> [UInt8] {
        var writer = PcapWriter()
        for record in Self.sorted(records) {
            writer.append(record)
        }
        return writer.bytes
    }

    /// Writes a capture of `records` to the file at `path`, replacing it.
    ///
    /// - Throws: ``StorageError`` with code ``StorageError/Code/writeFailed``.
    public static func write(_ records: [TraceRecord], toFile path: String) throws(StorageError) {
        do {
            try Data(Self.capture(records)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .writeFailed(path, error)
        }
    }

    /// `records` in export order: by timestamp, then id, then input order.
    public static func sorted(_ records: [TraceRecord]) -> [TraceRecord] {
        records.enumerated().sorted { a, b in
            if a.element.timestamp != b.element.timestamp { return a.element.timestamp < b.element.timestamp }
            if a.element.id != b.element.id { return (a.element.id ?? .max) < (b.element.id ?? .max) }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Returns the bytes written so far and empties ``bytes`` (for streaming a large export to a file).
    public mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &self.bytes)
        return taken
    }

    /// Appends the packets of one record (records should be appended in timestamp order).
    public mutating func append(_ record: TraceRecord) {
        let (sender, receiver) =
            switch record.direction {
            case .received: (record.remote, record.local)
            case .sent: (record.local, record.remote)
            }
        let (source, destination) = IPAddressBytes.pair(sender.address, receiver.address)
        if record.transport.isStream {
            var key = FlowKey(
                source: source,
                sourcePort: sender.port,
                destination: destination,
                destinationPort: receiver.port
            )
            var offset = record.raw.startIndex
            repeat {
                let end = min(offset + Self.maxTCPSegment, record.raw.endIndex)
                let payload = record.raw[offset..<end]
                let sequence = self.nextSequence[key] ?? 1
                let segment = PacketBuilder.tcpSegment(
                    sourcePort: sender.port,
                    destinationPort: receiver.port,
                    sequence: sequence,
                    acknowledgement: self.nextSequence[key.reversed] ?? 1,
                    payload: payload
                )
                self.nextSequence[key] = sequence &+ UInt32(payload.count)
                self.appendPacket(source, destination, PacketBuilder.protocolTCP, segment, 16, record.timestamp)
                offset = end
                key = FlowKey(
                    source: source,
                    sourcePort: sender.port,
                    destination: destination,
                    destinationPort: receiver.port
                )
            } while offset < record.raw.endIndex
        } else {
            let maxPayload = source.count == 4 ? 65_507 : 65_527
            let payload = record.raw.prefix(maxPayload)
            let segment = PacketBuilder.udpSegment(
                sourcePort: sender.port,
                destinationPort: receiver.port,
                payload: payload
            )
            self.appendPacket(source, destination, PacketBuilder.protocolUDP, segment, 6, record.timestamp)
        }
    }

    private mutating func appendPacket(
        _ source: [UInt8],
        _ destination: [UInt8],
        _ protocolNumber: UInt8,
        _ segment: [UInt8],
        _ checksumOffset: Int,
        _ timestamp: TraceTimestamp
    ) {
        self.identification &+= 1
        let packet = PacketBuilder.packet(
            source: source,
            destination: destination,
            protocolNumber: protocolNumber,
            identification: self.identification,
            segment: segment,
            checksumOffset: checksumOffset
        )
        let seconds = UInt32(clamping: max(0, timestamp.seconds))
        let nanoseconds = timestamp.nanosecondsSinceEpoch < 0 ? 0 : UInt32(timestamp.nanoseconds)
        let length = UInt32(packet.count)
        Self.le32(seconds, into: &self.bytes)
        Self.le32(nanoseconds, into: &self.bytes)
        Self.le32(min(length, Self.snapLength), into: &self.bytes)
        Self.le32(length, into: &self.bytes)
        self.bytes += packet.prefix(Int(Self.snapLength))
        self.packetCount += 1
    }

    private static func le32(_ value: UInt32, into bytes: inout [UInt8]) {
        bytes += [UInt8(value & 0xff), UInt8((value >> 8) & 0xff), UInt8((value >> 16) & 0xff), UInt8(value >> 24)]
    }
}
