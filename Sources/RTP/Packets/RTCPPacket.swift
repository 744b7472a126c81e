/// One packet of an RTCP compound datagram (RFC 3550 §6.4–6.7).
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|    RC   |   PT=SR=200   |             length            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
///
/// SR, RR, SDES and BYE are modelled; APP (204) and any other type are kept only as their type, count and
/// length in ``other(packetType:count:length:)``.
public enum RTCPPacket: Sendable, Hashable {
    /// A sender report (PT 200, §6.4.1).
    case senderReport(SenderReport)
    /// A receiver report (PT 201, §6.4.2).
    case receiverReport(ReceiverReport)
    /// Source description items (PT 202, §6.5).
    case sourceDescription([SourceDescriptionChunk])
    /// Goodbye (PT 203, §6.6).
    case bye(Bye)
    /// APP (PT 204, §6.7) or any other packet type, skipped: its type, the 5-bit count field and its length in
    /// bytes including the 4-byte header.
    case other(packetType: UInt8, count: UInt8, length: Int)

    /// The RTCP packet type numbers of RFC 3550 §12.1.
    public enum PacketType {
        /// Sender report.
        public static let senderReport: UInt8 = 200
        /// Receiver report.
        public static let receiverReport: UInt8 = 201
        /// Source description.
        public static let sourceDescription: UInt8 = 202
        /// Goodbye.
        public static let bye: UInt8 = 203
        /// Application-defined.
        public static let application: UInt8 = 204
    }

    /// A sender report: the sender info and the report blocks.
    public struct SenderReport: Sendable, Hashable {
        /// The sender's SSRC.
        public var ssrc: UInt32
        /// The 64-bit NTP timestamp of the report (seconds since 1900 in the high 32 bits).
        public var ntpTimestamp: UInt64
        /// The RTP timestamp that corresponds to ``ntpTimestamp``.
        public var rtpTimestamp: UInt32
        /// The sender's packet count.
        public var packetCount: UInt32
        /// The sender's payload octet count.
        public var octetCount: UInt32
        /// The reception report blocks (at most 31 are serialized).
        public var reportBlocks: [RTCPReportBlock]

        /// Creates a sender report.
        public init(
            ssrc: UInt32,
            ntpTimestamp: UInt64,
            rtpTimestamp: UInt32,
            packetCount: UInt32,
            octetCount: UInt32,
            reportBlocks: [RTCPReportBlock] = []
        ) {
            self.ssrc = ssrc
            self.ntpTimestamp = ntpTimestamp
            self.rtpTimestamp = rtpTimestamp
            self.packetCount = packetCount
            self.octetCount = octetCount
            self.reportBlocks = reportBlocks
        }
    }

    /// A receiver report: the reporter's SSRC and the report blocks.
    public struct ReceiverReport: Sendable, Hashable {
        /// The reporter's SSRC.
        public var ssrc: UInt32
        /// The reception report blocks (at most 31 are serialized).
        public var reportBlocks: [RTCPReportBlock]

        /// Creates a receiver report.
        public init(ssrc: UInt32, reportBlocks: [RTCPReportBlock] = []) {
            self.ssrc = ssrc
            self.reportBlocks = reportBlocks
        }
    }

    /// One SDES chunk: a source and its items.
    public struct SourceDescriptionChunk: Sendable, Hashable {
        /// The source described.
        public var ssrc: UInt32
        /// The items, in order.
        public var items: [SourceDescriptionItem]

        /// Creates a chunk.
        public init(ssrc: UInt32, items: [SourceDescriptionItem]) {
            self.ssrc = ssrc
            self.items = items
        }
    }

    /// One SDES item: its type (1 CNAME, 2 NAME, … 8 PRIV) and raw value bytes (attacker text: never trusted
    /// as a string).
    public struct SourceDescriptionItem: Sendable, Hashable {
        /// The item type.
        public var type: UInt8
        /// The value, at most 255 bytes.
        public var value: [UInt8]

        /// Creates an item.
        public init(type: UInt8, value: [UInt8]) {
            self.type = type
            self.value = value
        }

        /// The CNAME item type (RFC 3550 §6.5.1).
        public static let cname: UInt8 = 1

        /// A CNAME item from ASCII/UTF-8 text.
        public static func cname(_ text: String) -> SourceDescriptionItem {
            SourceDescriptionItem(type: Self.cname, value: Array(text.utf8.prefix(255)))
        }
    }

    /// A BYE packet: the sources leaving and an optional reason.
    public struct Bye: Sendable, Hashable {
        /// The sources leaving (at most 31 are serialized).
        public var ssrcs: [UInt32]
        /// The reason bytes, at most 255, if any.
        public var reason: [UInt8]?

        /// Creates a BYE.
        public init(ssrcs: [UInt32], reason: [UInt8]? = nil) {
            self.ssrcs = ssrcs
            self.reason = reason
        }
    }
}
