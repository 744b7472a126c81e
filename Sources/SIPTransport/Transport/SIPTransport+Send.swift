public import NIOCore
import NIOPosix

extension SIPTransport {
    /// Sends `bytes` to `target`; call on ``eventLoop``. Success is reported to the delegate's
    /// ``SIPTransportDelegate/transport(sent:to:from:nanosecondsSinceEpoch:)`` once the socket took the bytes
    /// (a UDP datagram when it is queued on the socket), failure to
    /// ``SIPTransportDelegate/transport(failedToSendTo:error:)``.
    ///
    /// UDP goes out of the socket bound to ``SIPTarget/local`` (the address the request arrived on), or else of
    /// a socket of the destination's address family. A stream goes over ``SIPTarget/connection`` while it is
    /// open, else over any open connection to the same address, else over a new connection (RFC 3261 §18.2.2:
    /// "the server SHOULD open a connection to the IP address in the received parameter").
    public func send(_ bytes: ByteBuffer, to target: SIPTarget) {
        self.eventLoop.assertInEventLoop()
        switch target.transport {
        case .udp:
            guard let channel = self.udpChannel(for: target) else {
                self.reportFailure(target, SIPTransportError.noSocket(for: target.transport))
                return
            }
            // No promise per datagram: a promise, its callback and its fulfilment cost as much as the send itself
            // under a flood. A datagram counts as sent when the socket's queue takes it (what the delegate is
            // told); a failure NIO reports per datagram (EHOSTUNREACH, EMSGSIZE) is then not seen here, and a
            // socket error reaches the channel's error handler.
            let envelope = AddressedEnvelope(remoteAddress: target.remote, data: bytes)
            if self.deferFlush(of: channel) {
                channel.write(envelope, promise: nil)
            } else {
                channel.writeAndFlush(envelope, promise: nil)
            }
            self.delegate?.transport(
                sent: bytes,
                to: target,
                from: channel.localAddress,
                nanosecondsSinceEpoch: WallClock.nanosecondsSinceEpoch()
            )
        case .tcp, .tls:
            if let id = target.connection ?? self.connectionID(to: target.remote), let channel = self.channel(of: id) {
                self.write(bytes, bytes, on: channel, target)
                return
            }
            self.connect(target).whenComplete { result in
                switch result {
                case .success(let channel): self.write(bytes, bytes, on: channel, target)
                case .failure(let error): self.reportFailure(target, error)
                }
            }
        }
    }

    private func write<Payload: Sendable>(
        _ payload: Payload,
        _ bytes: ByteBuffer,
        on channel: any Channel,
        _ target: SIPTarget
    ) {
        let local = channel.localAddress
        let written = channel.writeAndFlush(payload)
        written.assumeIsolated().whenComplete { result in
            switch result {
            case .success:
                self.delegate?.transport(
                    sent: bytes,
                    to: target,
                    from: local,
                    nanosecondsSinceEpoch: WallClock.nanosecondsSinceEpoch()
                )
            case .failure(let error):
                self.reportFailure(target, error)
            }
        }
    }

    private func reportFailure(_ target: SIPTarget, _ error: any Error) {
        self.noteSendFailure()
        self.delegate?.transport(failedToSendTo: target, error: error)
    }

    /// Opens a stream connection to `target.remote`, admitted under the same bounds as accepted ones.
    private func connect(_ target: SIPTarget) -> EventLoopFuture<any Channel> {
        let kind = target.transport
        let timeout = TimeAmount.nanoseconds(
            Int64(self.configuration.connectTimeout.components.seconds) * 1_000_000_000
                + self.configuration.connectTimeout.components.attoseconds / 1_000_000_000
        )
        return ClientBootstrap(group: self.eventLoop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    _ = try self.adoptOutgoing(channel, kind: kind)
                }
            }
            .connect(to: target.remote)
    }
}
