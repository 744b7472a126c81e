/// The bounds that the RTP, RTCP and telephone-event parsers hold every hostile datagram to.
///
/// RFC 3550 bounds most fields by their width (at most 15 CSRCs, 31 report blocks, a 16-bit extension length),
/// so these limits mostly tighten the sizes a honeypot is willing to look at. Exceeding one throws
/// ``RTPError/Code/limitExceeded``. A negative value is treated as zero.
public struct RTPLimits: Sendable, Hashable {
    /// The largest datagram parsed as RTP or RTCP, in bytes. Default 2,048: G.711 at 20 ms is 172 bytes and
    /// even 60 ms frames with extensions stay well under one Ethernet MTU.
    public var maximumPacketSize: Int

    /// The most CSRC identifiers accepted (RFC 3550 §5.1 `CC`, at most 15 by its 4-bit width). Default 15.
    public var maximumCSRCCount: Int

    /// The longest RTP header extension accepted, in bytes after its 4-byte header (RFC 3550 §5.3.1: a
    /// 16-bit count of 32-bit words). Default 1,024.
    public var maximumExtensionLength: Int

    /// The most RTCP packets read from one compound datagram (RFC 3550 §6.1). Default 16.
    public var maximumRTCPPackets: Int

    /// The most SDES chunks read from one SDES packet (RFC 3550 §6.5, at most 31 by `SC`). Default 31.
    public var maximumSDESChunks: Int

    /// The most SDES items read from one chunk (RFC 3550 §6.5). Default 16.
    public var maximumSDESItemsPerChunk: Int

    /// Creates limits; every parameter defaults to the documented default.
    public init(
        maximumPacketSize: Int = 2_048,
        maximumCSRCCount: Int = 15,
        maximumExtensionLength: Int = 1_024,
        maximumRTCPPackets: Int = 16,
        maximumSDESChunks: Int = 31,
        maximumSDESItemsPerChunk: Int = 16
    ) {
        self.maximumPacketSize = max(0, maximumPacketSize)
        self.maximumCSRCCount = max(0, maximumCSRCCount)
        self.maximumExtensionLength = max(0, maximumExtensionLength)
        self.maximumRTCPPackets = max(0, maximumRTCPPackets)
        self.maximumSDESChunks = max(0, maximumSDESChunks)
        self.maximumSDESItemsPerChunk = max(0, maximumSDESItemsPerChunk)
    }
}
