import NIOCore
import RTP
import Testing

@Suite struct RTPPacketTests {
    @Test func parsesAMinimalPCMUPacket() throws {
        let bytes: [UInt8] = [0x80, 0x80, 0x12, 0x34, 0x00, 0x00, 0x01, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0xFF, 0xFE]
        let packet = try RTPPacket(parsing: ByteBuffer(bytes: bytes))
        #expect(packet.marker)
        #expect(packet.payloadType == 0)
        #expect(packet.sequenceNumber == 0x1234)
        #expect(packet.timestamp == 256)
        #expect(packet.ssrc == 0xDEAD_BEEF)
        #expect(packet.csrcs.isEmpty)
        #expect(packet.headerExtension == nil)
        #expect(Array(packet.payload.readableBytesView) == [0xFF, 0xFE])
        #expect(Array(packet.serialized().readableBytesView) == bytes)
    }

    @Test func roundTripsCSRCsExtensionAndPadding() throws {
        let packet = RTPPacket(
            marker: false,
            payloadType: 101,
            sequenceNumber: 65_535,
            timestamp: 0xFFFF_FFFF,
            ssrc: 7,
            csrcs: [1, 2, 3],
            headerExtension: .init(profile: 0xBEDE, data: [1, 2, 3, 4, 5, 6, 7, 8]),
            payload: ByteBuffer(bytes: [9, 9, 9]),
            paddingLength: 5
        )
        let bytes = packet.serialized()
        #expect(bytes.readableBytes == 12 + 12 + 4 + 8 + 3 + 5)
        let parsed = try RTPPacket(parsing: bytes)
        #expect(parsed == packet)
        #expect(Array(parsed.serialized().readableBytesView) == Array(bytes.readableBytesView))
    }

    @Test func skipsTheHeaderExtensionToFindThePayload() throws {
        var buffer = ByteBuffer(bytes: [0x90, 0x08, 0, 1, 0, 0, 0, 160, 0, 0, 0, 1])
        buffer.writeBytes([0x10, 0x00, 0x00, 0x02, 1, 2, 3, 4, 5, 6, 7, 8])  // two words of extension
        buffer.writeBytes([0xD5, 0xD5])
        let packet = try RTPPacket(parsing: buffer)
        #expect(packet.payloadType == 8)
        #expect(packet.headerExtension?.data.count == 8)
        #expect(Array(packet.payload.readableBytesView) == [0xD5, 0xD5])
    }

    @Test(
        arguments: [
            ([0x80, 0x00, 0x00], RTPError.Code.truncated),
            ([0x40, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], .badVersion),
            ([0x81, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], .truncated),  // CSRC announced, missing
            ([0x90, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9], .truncated),  // extension longer than packet
            ([0xA0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 9], .malformed),  // padding count 9 > 3 bytes
            ([0xA0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], .malformed),  // padding count 0
            ([0xA0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], .malformed),  // padding bit, nothing after header
        ] as [([UInt8], RTPError.Code)]
    )
    func rejectsMalformedPackets(bytes: [UInt8], code: RTPError.Code) {
        #expect {
            try RTPPacket(parsing: ByteBuffer(bytes: bytes))
        } throws: { error in
            (error as? RTPError)?.code == code
        }
    }

    @Test func enforcesLimits() {
        let big = ByteBuffer(repeating: 0x80, count: 3_000)
        #expect(throws: RTPError.self) { try RTPPacket(parsing: big) }
        let csrcs = ByteBuffer(bytes: [0x8F, 0x00] + [UInt8](repeating: 0, count: 10 + 60))
        #expect(throws: Never.self) { try RTPPacket(parsing: csrcs) }
        #expect {
            try RTPPacket(parsing: csrcs, limits: RTPLimits(maximumCSRCCount: 2))
        } throws: { error in
            (error as? RTPError)?.code == .limitExceeded
        }
    }

    @Test func demultiplexesRTCPFromRTP() {
        #expect(RTPPacket.looksLikeRTCP(ByteBuffer(bytes: [0x80, 200, 0, 6])))
        #expect(RTPPacket.looksLikeRTCP(ByteBuffer(bytes: [0x81, 201, 0, 7])))
        #expect(!RTPPacket.looksLikeRTCP(ByteBuffer(bytes: [0x80, 0x00, 0, 1])))
        #expect(!RTPPacket.looksLikeRTCP(ByteBuffer(bytes: [0x80])))
    }
}
