import NIOCore
import RTP
import Testing

@Suite struct RTCPPacketTests {
    private let block = RTCPReportBlock(
        ssrc: 0x1111_2222,
        fractionLost: 64,
        cumulativeLost: -3,
        extendedHighestSequenceNumber: 0x0001_0005,
        jitter: 42,
        lastSenderReport: 0xAABB_CCDD,
        delaySinceLastSenderReport: 65_536
    )

    @Test func roundTripsACompoundSenderReport() throws {
        let packets: [RTCPPacket] = [
            .senderReport(
                .init(
                    ssrc: 1,
                    ntpTimestamp: 0xE000_0000_8000_0000,
                    rtpTimestamp: 160,
                    packetCount: 10,
                    octetCount: 1_600,
                    reportBlocks: [self.block]
                )
            ),
            .sourceDescription([.init(ssrc: 1, items: [.cname("abc@example")])]),
            .bye(.init(ssrcs: [1], reason: Array("done".utf8))),
        ]
        let bytes = RTCPPacket.compound(packets)
        #expect(bytes.readableBytes % 4 == 0)
        #expect(bytes.readableBytes == (28 + 24) + 24 + 16)
        #expect(try RTCPPacket.parseCompound(bytes) == packets)
    }

    @Test func roundTripsAReceiverReportAndNegativeLoss() throws {
        let packets: [RTCPPacket] = [.receiverReport(.init(ssrc: 9, reportBlocks: [self.block, self.block]))]
        let bytes = RTCPPacket.compound(packets)
        #expect(bytes.readableBytes == 8 + 48)
        let parsed = try RTCPPacket.parseCompound(bytes)
        #expect(parsed == packets)
        guard case .receiverReport(let report) = parsed.first else {
            Issue.record("not an RR")
            return
        }
        #expect(report.reportBlocks[0].cumulativeLost == -3)
    }

    @Test func parsesAKnownReceiverReport() throws {
        // RR from SSRC 0x01020304, one block: fraction 0x10, lost 5, highest 100, jitter 7.
        let bytes: [UInt8] =
            [0x81, 201, 0x00, 0x07, 1, 2, 3, 4]
            + [0, 0, 0, 9, 0x10, 0, 0, 5, 0, 0, 0, 100, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0]
        let packets = try RTCPPacket.parseCompound(ByteBuffer(bytes: bytes))
        #expect(
            packets == [
                .receiverReport(
                    .init(
                        ssrc: 0x0102_0304,
                        reportBlocks: [
                            .init(
                                ssrc: 9,
                                fractionLost: 0x10,
                                cumulativeLost: 5,
                                extendedHighestSequenceNumber: 100,
                                jitter: 7
                            )
                        ]
                    )
                )
            ]
        )
    }

    @Test func skipsAPPAndUnknownPackets() throws {
        let bytes: [UInt8] = [0x80, 201, 0, 1, 0, 0, 0, 1] + [0x81, 204, 0, 2, 0, 0, 0, 1] + Array("NAME".utf8)
        let packets = try RTCPPacket.parseCompound(ByteBuffer(bytes: bytes))
        #expect(packets == [.receiverReport(.init(ssrc: 1)), .other(packetType: 204, count: 1, length: 12)])
    }

    @Test func removesPadding() throws {
        // An RR with no blocks and 4 bytes of padding (P bit, count 4).
        let bytes: [UInt8] = [0xA0, 201, 0, 2, 0, 0, 0, 1, 0, 0, 0, 4]
        #expect(try RTCPPacket.parseCompound(ByteBuffer(bytes: bytes)) == [.receiverReport(.init(ssrc: 1))])
    }

    @Test(
        arguments: [
            ([], RTPError.Code.truncated),
            ([0x80, 201, 0, 5, 0, 0, 0, 1], .truncated),  // length beyond the datagram
            ([0x40, 201, 0, 1, 0, 0, 0, 1], .badVersion),
            ([0x81, 201, 0, 1, 0, 0, 0, 1], .truncated),  // one report block announced, none present
            ([0x80, 200, 0, 1, 0, 0, 0, 1], .truncated),  // SR without sender info
            ([0xA0, 201, 0, 1, 0, 0, 0, 9], .malformed),  // padding count larger than the packet
            ([0x81, 202, 0, 2, 0, 0, 0, 1, 1, 9, 0, 0], .truncated),  // SDES item runs past the end
            ([0x82, 203, 0, 1, 0, 0, 0, 1], .truncated),  // BYE with two sources, one present
        ] as [([UInt8], RTPError.Code)]
    )
    func rejectsMalformedCompounds(bytes: [UInt8], code: RTPError.Code) {
        #expect {
            try RTCPPacket.parseCompound(ByteBuffer(bytes: bytes))
        } throws: { error in
            (error as? RTPError)?.code == code
        }
    }

    @Test func boundsThePacketCount() {
        var bytes: [UInt8] = []
        for _ in 0..<20 {
            bytes += [0x80, 201, 0, 1, 0, 0, 0, 1]
        }
        #expect {
            try RTCPPacket.parseCompound(ByteBuffer(bytes: bytes))
        } throws: { error in
            (error as? RTPError)?.code == .limitExceeded
        }
    }
}
