import NIOCore
import NIOPosix
import SIPCore

extension SIPProber {
    /// What one UDP OPTIONS exchange produced.
    enum UDPExchange {
        case response(SIPProbeResponse)
        case icmp(UDPProbeSocket.ICMPKind, offender: IPAddress?)
        case timeout
        case failure(String)
    }

    /// Sends one OPTIONS (with an optional IP TTL) from a fresh socket and waits at most `timeout` for a
    /// SIP response with our Call-ID or an ICMP error. Blocking work runs on the prober's thread pool.
    func udpExchange(
        address: IPAddress,
        port: Int,
        hopLimit: Int?,
        maxForwards: Int,
        requestTarget: (address: IPAddress, port: Int)? = nil,
        timeout: Duration
    ) async -> UDPExchange {
        let ignoredLimit = self.configuration.maximumIgnoredDatagrams
        let work: @Sendable () -> UDPExchange = {
            Self.blockingExchange(
                address: address,
                port: port,
                hopLimit: hopLimit,
                maxForwards: maxForwards,
                requestTarget: requestTarget,
                timeout: timeout,
                ignoredLimit: ignoredLimit
            )
        }
        do {
            return try await self.pool.runIfActive(work)
        } catch {
            return .failure("prober stopped")
        }
    }

    static func blockingExchange(
        address: IPAddress,
        port: Int,
        hopLimit: Int?,
        maxForwards: Int,
        requestTarget: (address: IPAddress, port: Int)? = nil,
        timeout: Duration,
        ignoredLimit: Int
    ) -> UDPExchange {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: timeout)
        do throws(SocketFailure) {
            let socket = try UDPProbeSocket(address: address, port: port)
            if let hopLimit { try socket.setHopLimit(hopLimit) }
            let local = socket.localEndpoint() ?? (address.isIPv4 ? IPAddress("0.0.0.0")! : IPAddress("::")!, 0)
            let request = SIPProbeRequest(local: local.address)
            try socket.send(
                request.bytes(
                    target: requestTarget?.address ?? address,
                    port: requestTarget?.port ?? port,
                    transport: .udp,
                    local: local.address,
                    localPort: local.port,
                    maxForwards: maxForwards
                )
            )
            var ignored = 0
            while true {
                let remaining = clock.now.duration(to: deadline)
                guard remaining > .zero else { return .timeout }
                switch socket.wait(milliseconds: remaining.milliseconds) {
                case .timeout:
                    return .timeout
                case .failure(let number):
                    return .failure("errno \(number)")
                case .icmp(let kind, let offender):
                    return .icmp(kind, offender: offender)
                case .datagram(let bytes):
                    if let message = try? SIPMessageParser.parseDatagram(bytes), !message.isRequest,
                        message.callID == request.callID, let status = message.statusCode
                    {
                        let response = SIPProbeResponse(
                            statusCode: status,
                            message: message,
                            transport: .udp,
                            roundTrip: start.duration(to: clock.now)
                        )
                        return .response(response)
                    }
                    ignored += 1
                    if ignored > ignoredLimit { return .failure("too many unrelated datagrams") }
                }
            }
        } catch {
            return .failure("errno \(error.errno)")
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up (at least 1 when positive).
    var milliseconds: Int {
        let (seconds, attoseconds) = self.components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(0, min(millis, Int64(Int32.max))))
    }
}
