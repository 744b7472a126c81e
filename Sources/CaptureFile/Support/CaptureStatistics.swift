/// What the reader met besides the payloads it yielded: packets it skipped and data it dropped, by reason.
public struct CaptureStatistics: Sendable, Hashable {
    /// Packet records (pcap) or packet blocks (pcapng EPB, SPB) read.
    public var packets = 0
    /// UDP datagrams yielded.
    public var udpDatagrams = 0
    /// TCP segments read (with or without data).
    public var tcpSegments = 0
    /// TCP payloads yielded (runs of in-order stream bytes).
    public var tcpPayloads = 0
    /// Packets whose link type this reader does not decode.
    public var unsupportedLinkType = 0
    /// Packets that are not IPv4 or IPv6 (ARP, LLDP, …) or carry neither UDP nor TCP.
    public var notIPOrTransport = 0
    /// Packets cut short by the capture's snap length or with a broken link, IP, UDP or TCP header.
    public var malformed = 0
    /// IP datagrams rebuilt from fragments.
    public var fragmentsReassembled = 0
    /// IP datagrams given up while being reassembled (overlap, too many fragments or bytes, evicted).
    public var fragmentedDatagramsDropped = 0
    /// TCP bytes beyond a flow's window, or over its out-of-order buffer, dropped.
    public var tcpBytesDropped = 0
    /// TCP bytes seen again (retransmissions), not yielded twice.
    public var tcpBytesRetransmitted = 0
    /// TCP flows forgotten to stay within ``CaptureFileLimits/maximumFlows``.
    public var flowsEvicted = 0
    /// pcapng blocks of a type this reader skips (name resolution, statistics, custom, …).
    public var skippedBlocks = 0

    /// No packets yet.
    public init() {}
}
