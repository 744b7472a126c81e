import NIOCore
import SIPCore

/// Parses each datagram of a UDP channel and hands it to the transport's delegate: no task, no copy of the
/// bytes (the message keeps the datagram's buffer), the local address from the packet information.
final class SIPDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private unowned let transport: SIPTransport
    private let limits: SIPParserLimits
    /// The socket's own address, used when the packet carries no packet information.
    private var boundAddress: SocketAddress?

    init(transport: SIPTransport, limits: SIPParserLimits) {
        self.transport = transport
        self.limits = limits
    }

    func channelActive(context: ChannelHandlerContext) {
        self.boundAddress = context.channel.localAddress
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.transport.readingDatagramsBegan()
        let envelope = Self.unwrapInboundIn(data)
        let local = envelope.metadata?.packetInfo?.destinationAddress ?? self.boundAddress ?? envelope.remoteAddress
        let arrival = SIPArrival(
            transport: .udp,
            remote: envelope.remoteAddress,
            local: Self.withPort(local, of: self.boundAddress),
            connection: nil,
            nanosecondsSinceEpoch: WallClock.nanosecondsSinceEpoch()
        )
        do {
            let message = try SIPMessageParser.parse(envelope.data, framing: .datagram, limits: self.limits)
            self.transport.deliver(SIPInboundMessage(message: message, arrival: arrival))
        } catch {
            self.transport.deliver(SIPRejectedBytes(bytes: envelope.data, error: error, arrival: arrival))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // The end of one read batch (up to 32 datagrams by `recvmmsg`): their responses leave together.
        self.transport.datagramsRead()
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP errors surface here (ECONNREFUSED after a send); a UDP socket stays open. A read that fails may
        // end without a read-complete: flush what waits now rather than leave it for the next batch.
        self.transport.datagramsRead()
        self.transport.noteUDPError(error)
    }

    /// The packet information's address has port 0: give it the socket's port.
    private static func withPort(_ address: SocketAddress, of bound: SocketAddress?) -> SocketAddress {
        guard address.port == 0 || address.port == nil, let port = bound?.port else { return address }
        var copy = address
        copy.port = port
        return copy
    }
}

@available(*, unavailable)
extension SIPDatagramHandler: Sendable {}
