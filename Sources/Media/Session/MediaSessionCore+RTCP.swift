import Foundation
import NIOCore
import RTP

/// RTCP: periodic SR/RR with SDES CNAME (RFC 3550 §6), BYE on stop, the last SR remembered for LSR/DLSR.
extension MediaSessionCore {
    // MARK: RTCP

    func scheduleRTCP() {
        guard self.configuration.rtcpInterval > 0, !self.isClosed else {
            return
        }
        // RFC 3550 §6.3.1: randomise the interval between 0.5 and 1.5 times the nominal value.
        let nominal = Int64(self.configuration.rtcpInterval) * 1_000
        let interval = TimeAmount.milliseconds(Int64.random(in: nominal / 2...nominal * 3 / 2))
        self.rtcpTask = self.eventLoop.assumeIsolated().scheduleTask(in: interval) {
            self.sendRTCP(bye: false)
            self.scheduleRTCP()
        }
    }

    var rtcpDestination: SocketAddress? {
        if let remote = self.remoteRTCP {
            return remote
        }
        guard var address = self.remoteRTP, let port = address.port else {
            return nil
        }
        address.port = port == 65_535 ? port : port + 1
        return address
    }

    func sendRTCP(bye: Bool) {
        guard let destination = self.rtcpDestination else {
            return
        }
        var blocks: [RTCPReportBlock] = []
        if let block = self.receiver.makeReportBlock(at: Self.now()) {
            blocks.append(block)
        }
        var packets: [RTCPPacket] = []
        if self.sender.packetCount > 0 {
            let now = NIODeadline.now()
            let unix = Date().timeIntervalSince1970
            let seconds = UInt64(unix) &+ 2_208_988_800
            let fraction = UInt64((unix - unix.rounded(.down)) * 4_294_967_296)
            packets.append(
                .senderReport(
                    RTCPPacket.SenderReport(
                        ssrc: self.ssrc,
                        ntpTimestamp: seconds << 32 | (fraction & 0xFFFF_FFFF),
                        rtpTimestamp: self.mediaTimestamp(at: now),
                        packetCount: UInt32(truncatingIfNeeded: self.sender.packetCount),
                        octetCount: UInt32(truncatingIfNeeded: self.sender.octetCount),
                        reportBlocks: blocks
                    )
                )
            )
        } else {
            packets.append(.receiverReport(RTCPPacket.ReceiverReport(ssrc: self.ssrc, reportBlocks: blocks)))
        }
        packets.append(
            .sourceDescription([
                RTCPPacket.SourceDescriptionChunk(
                    ssrc: self.ssrc,
                    items: [.cname(self.parameters.canonicalName ?? Self.defaultCanonicalName(self.ssrc))]
                )
            ])
        )
        if bye {
            packets.append(.bye(RTCPPacket.Bye(ssrcs: [self.ssrc])))
        }
        let bytes = RTCPPacket.compound(packets, allocator: self.rtcpChannel.allocator)
        self.statistics.rtcpSent += 1
        self.report(.sent, .rtcp, bytes: bytes, remote: destination)
        self.rtcpChannel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: bytes), promise: nil)
    }

    static func defaultCanonicalName(_ ssrc: UInt32) -> String {
        // RFC 7022: a random, per-session CNAME; nothing that names the honeypot.
        let hex = String(ssrc, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

}
