public import NIOCore

/// One RTP data packet (RFC 3550 §5.1).
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           timestamp                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           synchronization source (SSRC) identifier            |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |            contributing source (CSRC) identifiers             |
/// |                             ....                              |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
///
/// The header extension (§5.3.1) is kept as its profile word and raw bytes; padding (the `P` bit and the count in
/// the last byte) is removed from ``payload`` and remembered in ``paddingLength`` so that serializing a parsed
/// packet gives back the same bytes.
public struct RTPPacket: Sendable, Hashable {
    /// The header extension of RFC 3550 §5.3.1: a 16-bit profile-defined word and the extension's data.
    public struct HeaderExtension: Sendable, Hashable {
        /// The first 16 bits of the extension ("defined by profile"), e.g. `0xBEDE` for RFC 8285 one-byte headers.
        public var profile: UInt16

        /// The extension data; its length is a multiple of four when serialized (short data is zero-padded).
        public var data: [UInt8]

        /// Creates an extension.
        public init(profile: UInt16, data: [UInt8]) {
            self.profile = profile
            self.data = data
        }
    }

    /// The marker bit (for audio, RFC 3551 §4.1: the first packet of a talkspurt).
    public var marker: Bool

    /// The payload type, 0–127 (only the low seven bits are serialized).
    public var payloadType: UInt8

    /// The 16-bit sequence number.
    public var sequenceNumber: UInt16

    /// The 32-bit media timestamp.
    public var timestamp: UInt32

    /// The synchronization source.
    public var ssrc: UInt32

    /// The contributing sources (at most 15 are serialized).
    public var csrcs: [UInt32]

    /// The header extension, if the `X` bit is set.
    public var headerExtension: HeaderExtension?

    /// The payload without padding.
    public var payload: ByteBuffer

    /// The number of padding bytes after the payload (the last one holds this count); 0 for no padding.
    public var paddingLength: UInt8

    /// Creates a packet.
    public init(
        marker: Bool = false,
        payloadType: UInt8,
        sequenceNumber: UInt16,
        timestamp: UInt32,
        ssrc: UInt32,
        csrcs: [UInt32] = [],
        headerExtension: HeaderExtension? = nil,
        payload: ByteBuffer,
        paddingLength: UInt8 = 0
    ) {
        self.marker = marker
        self.payloadType = payloadType
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.ssrc = ssrc
        self.csrcs = csrcs
        self.headerExtension = headerExtension
        self.payload = payload
        self.paddingLength = paddingLength
    }

    /// The size of the fixed header, in bytes.
    public static let fixedHeaderSize = 12
}

// MARK: - Parsing

extension RTPPacket {
    /// Parses one datagram as an RTP packet.
    ///
    /// The buffer's readable bytes are the whole datagram; the buffer is not consumed. Anything that does not fit
    /// (a version other than 2, a CSRC list or extension past the end, a padding count larger than what is left)
    /// throws; nothing traps.
    ///
    /// - Parameters:
    ///   - datagram: The datagram's bytes.
    ///   - limits: The bounds to hold the packet to.
    public init(parsing datagram: ByteBuffer, limits: RTPLimits = RTPLimits()) throws(RTPError) {
        var buffer = datagram
        let size = buffer.readableBytes
        if size > limits.maximumPacketSize {
            throw .limitExceeded("the packet size", value: size, limit: limits.maximumPacketSize, offset: 0)
        }
        guard let first = buffer.readInteger(as: UInt8.self),
            let second = buffer.readInteger(as: UInt8.self),
            let sequenceNumber = buffer.readInteger(as: UInt16.self),
            let timestamp = buffer.readInteger(as: UInt32.self),
            let ssrc = buffer.readInteger(as: UInt32.self)
        else {
            throw .truncated("the fixed header", offset: 0, needed: Self.fixedHeaderSize - size)
        }
        let version = first >> 6
        guard version == 2 else {
            throw .badVersion(version, offset: 0, bytes: datagram.readableBytesView)
        }
        let hasPadding = first & 0x20 != 0
        let hasExtension = first & 0x10 != 0
        let csrcCount = Int(first & 0x0F)
        if csrcCount > limits.maximumCSRCCount {
            throw .limitExceeded("the CSRC count", value: csrcCount, limit: limits.maximumCSRCCount, offset: 0)
        }
        var csrcs: [UInt32] = []
        csrcs.reserveCapacity(csrcCount)
        for index in 0..<csrcCount {
            guard let csrc = buffer.readInteger(as: UInt32.self) else {
                throw .truncated("the CSRC list", offset: 12 + index * 4, needed: (csrcCount - index) * 4)
            }
            csrcs.append(csrc)
        }
        var headerExtension: HeaderExtension?
        if hasExtension {
            let offset = size - buffer.readableBytes
            guard let profile = buffer.readInteger(as: UInt16.self),
                let words = buffer.readInteger(as: UInt16.self)
            else {
                throw .truncated("the header extension", offset: offset, needed: 4)
            }
            let length = Int(words) * 4
            if length > limits.maximumExtensionLength {
                throw .limitExceeded(
                    "the header extension length",
                    value: length,
                    limit: limits.maximumExtensionLength,
                    offset: offset
                )
            }
            guard let data = buffer.readBytes(length: length) else {
                throw .truncated("the header extension data", offset: offset + 4, needed: length)
            }
            headerExtension = HeaderExtension(profile: profile, data: data)
        }
        var paddingLength: UInt8 = 0
        if hasPadding {
            let remaining = buffer.readableBytes
            guard remaining > 0, let count = buffer.getInteger(at: buffer.writerIndex - 1, as: UInt8.self) else {
                throw .malformed("the padding bit is set but no padding follows", offset: size)
            }
            guard count > 0, Int(count) <= remaining else {
                throw .malformed(
                    "the padding count \(count) does not fit in the \(remaining) bytes after the header",
                    offset: size - 1,
                    bytes: [count]
                )
            }
            paddingLength = count
        }
        let payloadLength = buffer.readableBytes - Int(paddingLength)
        let payload = buffer.readSlice(length: payloadLength) ?? ByteBuffer()
        self.init(
            marker: second & 0x80 != 0,
            payloadType: second & 0x7F,
            sequenceNumber: sequenceNumber,
            timestamp: timestamp,
            ssrc: ssrc,
            csrcs: csrcs,
            headerExtension: headerExtension,
            payload: payload,
            paddingLength: paddingLength
        )
    }

    /// Whether the first bytes of a datagram look like RTCP rather than RTP (RFC 5761 §4: payload type 64–95
    /// with the marker bit, i.e. packet types 192–223), for demultiplexing a port that carries both.
    public static func looksLikeRTCP(_ datagram: ByteBuffer) -> Bool {
        guard let second = datagram.getInteger(at: datagram.readerIndex + 1, as: UInt8.self) else {
            return false
        }
        return (192...223).contains(second)
    }
}

// MARK: - Serializing

extension RTPPacket {
    /// Appends the packet's bytes to `buffer`.
    ///
    /// At most 15 CSRCs are written; extension data is zero-padded to a multiple of four bytes (and cut at
    /// 262,140 bytes, the most a 16-bit word count describes); padding is written as `paddingLength - 1` zero
    /// bytes and the count.
    public func write(into buffer: inout ByteBuffer) {
        let csrcs = self.csrcs.prefix(15)
        var first = UInt8(2 << 6) | UInt8(csrcs.count)
        if self.paddingLength > 0 {
            first |= 0x20
        }
        if self.headerExtension != nil {
            first |= 0x10
        }
        buffer.writeInteger(first)
        buffer.writeInteger((self.marker ? 0x80 : 0) | (self.payloadType & 0x7F) as UInt8)
        buffer.writeInteger(self.sequenceNumber)
        buffer.writeInteger(self.timestamp)
        buffer.writeInteger(self.ssrc)
        for csrc in csrcs {
            buffer.writeInteger(csrc)
        }
        if let headerExtension = self.headerExtension {
            let data = headerExtension.data.prefix(Int(UInt16.max) * 4)
            let words = (data.count + 3) / 4
            buffer.writeInteger(headerExtension.profile)
            buffer.writeInteger(UInt16(words))
            buffer.writeBytes(data)
            buffer.writeRepeatingByte(0, count: words * 4 - data.count)
        }
        var payload = self.payload
        buffer.writeBuffer(&payload)
        if self.paddingLength > 0 {
            buffer.writeRepeatingByte(0, count: Int(self.paddingLength) - 1)
            buffer.writeInteger(self.paddingLength)
        }
    }

    /// The packet's bytes in a new buffer.
    public func serialized(allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: Self.fixedHeaderSize + self.payload.readableBytes + 64)
        self.write(into: &buffer)
        return buffer
    }
}
