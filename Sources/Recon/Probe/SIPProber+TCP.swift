import NIOCore
import NIOPosix
import SIPCore

extension SIPProber {
    /// Connects over TCP within the connect timeout.
    func connectTCP(
        address: IPAddress,
        port: Int
    ) async -> Result<NIOAsyncChannel<ByteBuffer, ByteBuffer>, ProbeFailure> {
        do {
            let socketAddress = try SocketAddress(ipAddress: address.description, port: port)
            let channel = try await ClientBootstrap(group: self.group)
                .connectTimeout(self.configuration.connectTimeout.timeAmount)
                .connect(to: socketAddress) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            return .success(channel)
        } catch {
            if case .connectTimeout? = error as? ChannelError { return .failure(ProbeFailure(.timeout("TCP connect"))) }
            if let posix = error as? IOError, posix.errnoCode == ECONNREFUSED {
                return .failure(ProbeFailure(.refused("TCP connection refused")))
            }
            if let connect = error as? NIOConnectionError,
                connect.connectionErrors.contains(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED })
            {
                return .failure(ProbeFailure(.refused("TCP connection refused")))
            }
            return .failure(ProbeFailure(.io("TCP connect: \(type(of: error))")))
        }
    }

    /// Sends one OPTIONS over TCP and reads the answer (RFC 3261 §18.3 framing by Content-Length).
    public func optionsOverTCP(
        to address: IPAddress,
        port: Int,
        maxForwards: Int = 70
    ) async -> Lookup<SIPProbeResponse> {
        let started = self.clock.now()
        if let denial = await self.probeGuard.authorize(address, waitingAtMost: self.configuration.rateLimitWait) {
            return Lookup(.unknown(denial), provenance: self.provenance("sip-tcp", address, port, started))
        }
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        switch await self.connectTCP(address: address, port: port) {
        case .success(let connected): channel = connected
        case .failure(let failure):
            return Lookup(.unknown(failure.reason), provenance: self.provenance("sip-tcp", address, port, started))
        }
        let limit = self.configuration.maximumAnswerBytes
        let timeout = self.configuration.answerTimeout
        let underlying = channel.channel
        let local = underlying.localAddress
        let localAddress = local?.ipAddress.flatMap { IPAddress($0) } ?? address
        let request = SIPProbeRequest(local: localAddress)
        let bytes = request.bytes(
            target: address,
            port: port,
            transport: .tcp,
            local: localAddress,
            localPort: local?.port ?? 0,
            maxForwards: maxForwards
        )
        let monotonic = ContinuousClock()
        let begin = monotonic.now
        let timer = underlying.eventLoop.scheduleTask(in: timeout.timeAmount) { underlying.close(promise: nil) }
        defer { timer.cancel() }
        let received: [UInt8]? = try? await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            var buffer: [UInt8] = []
            for try await chunk in inbound {
                buffer += chunk.readableBytesView.prefix(limit - buffer.count)
                if let length = Self.completeMessageLength(buffer) { return Array(buffer.prefix(length)) }
                if buffer.count >= limit { return nil }
            }
            return nil
        }
        let outcome: Lookup<SIPProbeResponse>.Outcome
        if let received, let message = try? SIPMessageParser.parseDatagram(received), let status = message.statusCode {
            let response = SIPProbeResponse(
                statusCode: status,
                message: message,
                transport: .tcp,
                roundTrip: begin.duration(to: monotonic.now)
            )
            outcome = .known(response)
        } else {
            outcome = .unknown(.timeout("no SIP answer over TCP within \(timeout)"))
        }
        return Lookup(outcome, provenance: self.provenance("sip-tcp", address, port, started))
    }

    /// The length of the first complete message in `bytes` (headers, blank line, Content-Length body).
    static func completeMessageLength(_ bytes: [UInt8]) -> Int? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.firstRange(of: terminator)?.upperBound else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        var length = 0
        for line in head.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingSpaces()
            if name == "content-length" || name == "l" { length = Int(parts[1].trimmingSpaces()) ?? 0 }
        }
        return bytes.count >= end + length ? end + length : nil
    }
}

/// A probe failure carried through `Result`.
struct ProbeFailure: Error {
    var reason: UnknownReason
    init(_ reason: UnknownReason) { self.reason = reason }
}
