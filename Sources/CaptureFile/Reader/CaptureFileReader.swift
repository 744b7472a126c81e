public import NIOCore

/// Reads UDP datagrams and in-order TCP stream bytes out of a pcap or pcapng capture held in memory.
///
/// ```swift
/// var reader = try CaptureFileReader(bytes: file)
/// while let payload = try reader.next() {
///     // payload.transport, payload.source, payload.destination, payload.bytes
/// }
/// print(reader.statistics)
/// ```
///
/// The format is recognised by its first bytes. Every frame goes through its link layer (``CaptureFileLimits``
/// lists the link types), IPv4 or IPv6 (fragments reassembled), then UDP (each datagram's payload) or TCP (each
/// direction reassembled in sequence order; a payload is the run of bytes a segment made contiguous). Problems in
/// the file's structure throw a ``CaptureFileError`` with the offset; a broken packet inside a sound file is skipped
/// and counted in ``statistics``, and the reader goes on. Nothing here traps on hostile input: every read is
/// bounds-checked and every length and count is bounded by ``CaptureFileLimits``.
public struct CaptureFileReader {
    /// The capture's container format.
    public enum Format: Sendable, Hashable {
        /// libpcap, with µs or ns timestamps.
        case pcap
        /// pcapng.
        case pcapng
    }

    /// Which format the file is.
    public let format: Format

    /// What was skipped or dropped so far, by reason.
    public internal(set) var statistics = CaptureStatistics()

    /// The limits in force.
    public let limits: CaptureFileLimits

    /// The whole file, with its first byte at index 0.
    let file: ByteBuffer
    /// The offset of the next record or block.
    private var offset: Int
    /// The pcap header, for pcap files.
    private let pcap: PcapFormat?
    /// The block reader's state, for pcapng files.
    private var pcapng = PcapngFormat()
    /// IP fragments waiting for their datagram.
    var fragments: FragmentReassembler
    /// TCP flows.
    var streams: TCPReassembler

    /// Recognises the format of `bytes` (its readable bytes) and reads the pcap file header.
    ///
    /// Throws ``CaptureFileError/Code/unknownFormat`` when the file is neither pcap nor pcapng.
    public init(bytes: ByteBuffer, limits: CaptureFileLimits = CaptureFileLimits()) throws(CaptureFileError) {
        let file = bytes.getSlice(at: bytes.readerIndex, length: bytes.readableBytes) ?? ByteBuffer()
        self.file = file
        self.limits = limits
        self.fragments = FragmentReassembler(limits: limits)
        self.streams = TCPReassembler(limits: limits)
        if let pcap = try PcapFormat.header(file) {
            guard file.readableBytes >= PcapFormat.headerLength else {
                throw .truncated("the pcap file header", offset: 0)
            }
            self.format = .pcap
            self.pcap = pcap
            self.offset = PcapFormat.headerLength
        } else if file.getInteger(at: 0, endianness: .little, as: UInt32.self) == PcapngFormat.sectionHeader {
            self.format = .pcapng
            self.pcap = nil
            self.offset = 0
        } else {
            throw .unknownFormat(offset: 0)
        }
    }

    /// The next payload, or `nil` at the end of the capture.
    public mutating func next() throws(CaptureFileError) -> CapturedPayload? {
        while let packet = try self.nextPacket() {
            self.statistics.packets += 1
            if let payload = self.decode(packet) {
                return payload
            }
        }
        return nil
    }

    /// Every payload of `bytes` with the statistics, for tools and fuzzing: one call, no state to keep. A structural
    /// error ends the reading and is thrown; use ``next()`` to keep what came before it.
    public static func readAll(
        bytes: [UInt8],
        limits: CaptureFileLimits = CaptureFileLimits()
    ) throws(CaptureFileError) -> (payloads: [CapturedPayload], statistics: CaptureStatistics) {
        var reader = try CaptureFileReader(bytes: ByteBuffer(bytes: bytes), limits: limits)
        var payloads: [CapturedPayload] = []
        while let payload = try reader.next() {
            payloads.append(payload)
        }
        return (payloads, reader.statistics)
    }

    private mutating func nextPacket() throws(CaptureFileError) -> RawPacket? {
        if let pcap = self.pcap {
            return try pcap.next(self.file, offset: &self.offset, limits: self.limits)
        }
        return try self.pcapng.next(self.file, offset: &self.offset, limits: self.limits, statistics: &self.statistics)
    }
}
