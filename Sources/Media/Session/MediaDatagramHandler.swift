import NIOCore
import RTP

/// Feeds one socket's datagrams to the session core, on the session's event loop.
final class MediaDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let core: MediaSessionCore
    private let kind: MediaPacketEvent.Kind

    init(core: MediaSessionCore, kind: MediaPacketEvent.Kind) {
        self.core = core
        self.kind = kind
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = Self.unwrapInboundIn(data)
        switch self.kind {
        case .rtp: self.core.received(envelope, on: .rtp)
        case .rtcp: self.core.received(envelope, on: .rtcp)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP port-unreachable and similar errors surface here; a UDP socket stays usable, so they are ignored.
    }
}

@available(*, unavailable)
extension MediaDatagramHandler: Sendable {}
