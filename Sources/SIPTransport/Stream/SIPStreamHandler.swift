import NIOCore
import SIPCore

/// Frames and parses the SIP messages of one TCP or TLS connection with ``SIPCore/SIPStreamDecoder`` and hands
/// them to the transport. When framing fails the buffered bytes are reported (so nothing received is lost
/// from the trace) and the connection is closed: the next message boundary is unknown.
final class SIPStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private unowned let transport: SIPTransport
    private let kind: SIPTransportKind
    private let id: SIPConnectionID
    private var decoder: SIPStreamDecoder
    private var buffer: ByteBuffer?
    private var failed = false
    private var remote: SocketAddress?
    private var local: SocketAddress?

    init(transport: SIPTransport, kind: SIPTransportKind, id: SIPConnectionID, limits: SIPParserLimits) {
        self.transport = transport
        self.kind = kind
        self.id = id
        self.decoder = SIPStreamDecoder(limits: limits)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.remote = context.channel.remoteAddress
        self.local = context.channel.localAddress
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.failed else { return }
        var incoming = Self.unwrapInboundIn(data)
        if self.buffer == nil {
            self.buffer = incoming
        } else {
            self.buffer!.writeBuffer(&incoming)
        }
        while var buffer = self.buffer, buffer.readableBytes > 0 {
            let arrival = self.arrival()
            // The decoder consumes a framed message before parsing it: keep the bytes to report on failure.
            let before = buffer
            do {
                guard let message = try self.decoder.decode(buffer: &buffer) else {
                    self.buffer = buffer
                    break
                }
                self.buffer = buffer
                self.transport.deliver(SIPInboundMessage(message: message, arrival: arrival))
            } catch {
                self.failed = true
                self.buffer = nil
                self.transport.deliver(SIPRejectedBytes(bytes: before, error: error, arrival: arrival))
                context.close(promise: nil)
                return
            }
        }
        if let buffer = self.buffer, buffer.readableBytes == 0 {
            self.buffer = nil
        } else {
            self.buffer?.discardReadBytes()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.transport.connectionClosed(self.id)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func arrival() -> SIPArrival {
        let unknown = try! SocketAddress(ipAddress: "0.0.0.0", port: 0)
        return SIPArrival(
            transport: self.kind,
            remote: self.remote ?? unknown,
            local: self.local ?? unknown,
            connection: self.id,
            nanosecondsSinceEpoch: WallClock.nanosecondsSinceEpoch()
        )
    }
}

@available(*, unavailable)
extension SIPStreamHandler: Sendable {}
