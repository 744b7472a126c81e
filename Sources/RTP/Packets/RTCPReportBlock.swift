public import NIOCore

/// One reception report block of an RTCP SR or RR packet (RFC 3550 §6.4.1), 24 bytes on the wire.
public struct RTCPReportBlock: Sendable, Hashable {
    /// The source this block reports on (SSRC_n).
    public var ssrc: UInt32

    /// The fraction of packets lost since the previous report, as a fixed-point number with the binary point at
    /// the left edge (`lost / expected * 256`).
    public var fractionLost: UInt8

    /// The cumulative number of packets lost, a signed 24-bit value (duplicates can make it negative); clamped
    /// to `-8_388_608...8_388_607` when serialized.
    public var cumulativeLost: Int32

    /// The extended highest sequence number received (cycles in the high 16 bits).
    public var extendedHighestSequenceNumber: UInt32

    /// The interarrival jitter, in timestamp units (RFC 3550 §6.4.1, Appendix A.8).
    public var jitter: UInt32

    /// The middle 32 bits of the NTP timestamp of the last SR received from this source (LSR), or 0.
    public var lastSenderReport: UInt32

    /// The delay since that SR was received, in units of 1/65536 s (DLSR), or 0.
    public var delaySinceLastSenderReport: UInt32

    /// Creates a report block.
    public init(
        ssrc: UInt32,
        fractionLost: UInt8,
        cumulativeLost: Int32,
        extendedHighestSequenceNumber: UInt32,
        jitter: UInt32,
        lastSenderReport: UInt32 = 0,
        delaySinceLastSenderReport: UInt32 = 0
    ) {
        self.ssrc = ssrc
        self.fractionLost = fractionLost
        self.cumulativeLost = cumulativeLost
        self.extendedHighestSequenceNumber = extendedHighestSequenceNumber
        self.jitter = jitter
        self.lastSenderReport = lastSenderReport
        self.delaySinceLastSenderReport = delaySinceLastSenderReport
    }

    /// The size of a report block on the wire, in bytes.
    public static let size = 24

    /// Reads one block; the caller has checked that ``size`` bytes are readable.
    static func read(from buffer: inout ByteBuffer) -> RTCPReportBlock? {
        guard let ssrc = buffer.readInteger(as: UInt32.self),
            let lossWord = buffer.readInteger(as: UInt32.self),
            let highest = buffer.readInteger(as: UInt32.self),
            let jitter = buffer.readInteger(as: UInt32.self),
            let lsr = buffer.readInteger(as: UInt32.self),
            let dlsr = buffer.readInteger(as: UInt32.self)
        else {
            return nil
        }
        // Sign-extend the 24-bit cumulative loss.
        let raw = Int32(bitPattern: lossWord << 8) >> 8
        return RTCPReportBlock(
            ssrc: ssrc,
            fractionLost: UInt8(lossWord >> 24),
            cumulativeLost: raw,
            extendedHighestSequenceNumber: highest,
            jitter: jitter,
            lastSenderReport: lsr,
            delaySinceLastSenderReport: dlsr
        )
    }

    /// Appends the block's 24 bytes to `buffer`.
    public func write(into buffer: inout ByteBuffer) {
        let lost = min(max(self.cumulativeLost, -8_388_608), 8_388_607)
        let lossWord = UInt32(self.fractionLost) << 24 | (UInt32(bitPattern: lost) & 0x00FF_FFFF)
        buffer.writeInteger(self.ssrc)
        buffer.writeInteger(lossWord)
        buffer.writeInteger(self.extendedHighestSequenceNumber)
        buffer.writeInteger(self.jitter)
        buffer.writeInteger(self.lastSenderReport)
        buffer.writeInteger(self.delaySinceLastSenderReport)
    }
}
