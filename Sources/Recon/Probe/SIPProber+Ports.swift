import NIOPosix
import SIPCore

extension SIPProber {
    /// Whether a claimed SIP port is open: one OPTIONS over UDP (any status line means an open SIP
    /// service); without an answer, one OPTIONS over TCP. Refusals on both (ICMP port unreachable, TCP
    /// reset) mean closed; otherwise no answer.
    public func sipPortStatus(of address: IPAddress, port: Int) async -> Lookup<PortStatus> {
        let started = self.clock.now()
        let udp = await self.optionsOverUDP(to: address, port: port)
        if let response = udp.value {
            let status = PortStatus(state: .open, port: port, evidence: "sip-response \(response.statusCode) (udp)")
            return Lookup(.known(status), provenance: self.provenance("sip-port", address, port, started))
        }
        if let reason = udp.unknownReason, reason.code == "out-of-scope" || reason.code == "limit" {
            return Lookup(.unknown(reason), provenance: self.provenance("sip-port", address, port, started))
        }
        let tcp = await self.optionsOverTCP(to: address, port: port)
        let status: PortStatus
        if let response = tcp.value {
            status = PortStatus(state: .open, port: port, evidence: "sip-response \(response.statusCode) (tcp)")
        } else if udp.unknownReason?.code == "refused", tcp.unknownReason?.code == "refused" {
            status = PortStatus(state: .closed, port: port, evidence: "icmp-port-unreachable, tcp-refused")
        } else if let reason = tcp.unknownReason, reason.code == "out-of-scope" || reason.code == "limit" {
            return Lookup(.unknown(reason), provenance: self.provenance("sip-port", address, port, started))
        } else {
            let evidence = "udp \(udp.unknownReason?.code ?? "-"), tcp \(tcp.unknownReason?.code ?? "-")"
            status = PortStatus(state: .noAnswer, port: port, evidence: evidence)
        }
        return Lookup(.known(status), provenance: self.provenance("sip-port", address, port, started))
    }

    /// An RTP port cannot be verified from outside unless something answers: one 12-byte RTP packet
    /// (version 2, PCMU, no payload) is sent; a datagram back means open, ICMP port unreachable closed,
    /// silence ``PortStatus/State/unverifiable``.
    public func rtpPortStatus(of address: IPAddress, port: Int) async -> Lookup<PortStatus> {
        let started = self.clock.now()
        if let denial = await self.probeGuard.authorize(address, waitingAtMost: self.configuration.rateLimitWait) {
            return Lookup(.unknown(denial), provenance: self.provenance("rtp-port", address, port, started))
        }
        let timeout = self.configuration.answerTimeout
        let work: @Sendable () -> PortStatus = {
            do throws(SocketFailure) {
                let socket = try UDPProbeSocket(address: address, port: port)
                let ssrc = UInt32.random(in: .min ... .max)
                var packet: [UInt8] = [0x80, 0x00, 0x00, 0x01, 0, 0, 0, 0]
                packet += [UInt8(ssrc >> 24), UInt8(ssrc >> 16 & 0xFF), UInt8(ssrc >> 8 & 0xFF), UInt8(ssrc & 0xFF)]
                try socket.send(packet)
                switch socket.wait(milliseconds: timeout.milliseconds) {
                case .datagram: return PortStatus(state: .open, port: port, evidence: "datagram")
                case .icmp(.portUnreachable, _):
                    return PortStatus(state: .closed, port: port, evidence: "icmp-port-unreachable")
                case .icmp, .timeout, .failure:
                    return PortStatus(state: .unverifiable, port: port, evidence: "silent")
                }
            } catch {
                return PortStatus(state: .unverifiable, port: port, evidence: "errno \(error.errno)")
            }
        }
        let status =
            (try? await self.pool.runIfActive(work))
            ?? PortStatus(state: .unverifiable, port: port, evidence: "prober stopped")
        return Lookup(.known(status), provenance: self.provenance("rtp-port", address, port, started))
    }

    /// Active fingerprint: one OPTIONS (UDP, then TCP without an answer) and the answer's shape matched
    /// against the response signatures of `database`. Unknown when nothing answers.
    public func activeFingerprint(
        of address: IPAddress,
        port: Int,
        database: FingerprintDatabase
    ) async -> Lookup<[FingerprintMatch]> {
        var answer = await self.optionsOverUDP(to: address, port: port)
        if answer.value == nil, let reason = answer.unknownReason, reason.code != "out-of-scope", reason.code != "limit"
        {
            answer = await self.optionsOverTCP(to: address, port: port)
        }
        return answer.map { response in .known(database.match(response.message)) }
    }
}
