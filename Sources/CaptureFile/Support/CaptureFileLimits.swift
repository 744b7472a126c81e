/// Every length and count the capture reader accepts, with its reason and default. Exceeding a file-structure
/// limit is a ``CaptureFileError``; exceeding a per-packet or reassembly limit drops data and counts it in
/// ``CaptureStatistics``. With the defaults the reader holds at most about 64 MiB of TCP data and 16 MiB of IP
/// fragments whatever the file.
public struct CaptureFileLimits: Sendable, Hashable {
    /// The largest captured packet in a pcap record: 262,144, libpcap's `MAXIMUM_SNAPLEN`.
    public var maximumPacketLength: Int

    /// The largest pcapng block (pcapng draft §3.1 sets no bound): 1 MiB, room for a maximal packet and options.
    public var maximumBlockLength: Int

    /// The most interface description blocks in one pcapng section: 256.
    public var maximumInterfaces: Int

    /// The most 802.1Q / 802.1ad VLAN tags stacked on one Ethernet frame: 4.
    public var maximumVLANTags: Int

    /// The most IPv6 extension headers before the upper-layer header (RFC 8200 §4.1 expects few): 8.
    public var maximumExtensionHeaders: Int

    /// The most IP datagrams being reassembled at once; beyond it the oldest is dropped: 256.
    public var maximumFragmentedDatagrams: Int

    /// The most fragments of one IP datagram: 64.
    public var maximumFragmentsPerDatagram: Int

    /// The largest reassembled IP payload: 65,535, the IPv4 total-length maximum (RFC 791).
    public var maximumReassembledLength: Int

    /// The most TCP flows (one per direction) followed at once; beyond it the least recently seen are dropped: 1,024.
    public var maximumFlows: Int

    /// How far past the next expected sequence number a TCP segment may reach and how many bytes a flow may hold
    /// out of order (its window): 65,536. Data beyond is dropped and counted.
    public var maximumFlowBufferBytes: Int

    /// The most out-of-order segments held per TCP flow: 64.
    public var maximumSegmentsPerFlow: Int

    /// Creates limits; every parameter defaults to the value documented on its property.
    public init(
        maximumPacketLength: Int = 262_144,
        maximumBlockLength: Int = 1 << 20,
        maximumInterfaces: Int = 256,
        maximumVLANTags: Int = 4,
        maximumExtensionHeaders: Int = 8,
        maximumFragmentedDatagrams: Int = 256,
        maximumFragmentsPerDatagram: Int = 64,
        maximumReassembledLength: Int = 65_535,
        maximumFlows: Int = 1_024,
        maximumFlowBufferBytes: Int = 65_536,
        maximumSegmentsPerFlow: Int = 64
    ) {
        self.maximumPacketLength = maximumPacketLength
        self.maximumBlockLength = maximumBlockLength
        self.maximumInterfaces = maximumInterfaces
        self.maximumVLANTags = maximumVLANTags
        self.maximumExtensionHeaders = maximumExtensionHeaders
        self.maximumFragmentedDatagrams = maximumFragmentedDatagrams
        self.maximumFragmentsPerDatagram = maximumFragmentsPerDatagram
        self.maximumReassembledLength = maximumReassembledLength
        self.maximumFlows = maximumFlows
        self.maximumFlowBufferBytes = maximumFlowBufferBytes
        self.maximumSegmentsPerFlow = maximumSegmentsPerFlow
    }
}
