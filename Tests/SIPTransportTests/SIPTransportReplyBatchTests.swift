import Logging
import NIOCore
import NIOPosix
import SIPCore
import SIPTransport
import Synchronization
import Testing

/// A delegate that answers every datagram from inside the delivery, as the SIP stack does, so the replies are
/// written during the read and flushed when it ends.
final class ReplyingDelegate: SIPTransportDelegate, @unchecked Sendable {
    /// Set before the transport starts; used on its event loop only.
    weak var transport: SIPTransport?
    let sent = Mutex(0)

    func transport(received message: SIPInboundMessage) {
        let reply = "SIP/2.0 200 OK\r\nCall-ID: \(message.message.callID ?? "")\r\nContent-Length: 0\r\n\r\n"
        self.transport?.send(ByteBuffer(string: reply), to: message.arrival.replyTarget)
    }

    func transport(rejected bytes: SIPRejectedBytes) {}

    func transport(
        sent bytes: ByteBuffer,
        to target: SIPTarget,
        from local: SocketAddress?,
        nanosecondsSinceEpoch: Int64
    ) {
        self.sent.withLock { $0 += 1 }
    }

    func transport(failedToSendTo target: SIPTarget, error: any Error) {}
}

@Suite(.timeLimit(.minutes(1))) struct SIPTransportReplyBatchTests {
    @Test func repliesWrittenDuringAReadAllLeaveWhenItEnds() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let transport = SIPTransport(
            configuration: .init(
                listen: [SIPListenAddress(transport: .udp, host: "127.0.0.1", port: 0)],
                udpReceiveBufferSize: 1 << 20
            ),
            eventLoop: loop,
            logger: SIPTransportLoopbackTests.logger
        )
        let delegate = ReplyingDelegate()
        delegate.transport = transport
        transport.delegate = delegate
        try await transport.start()
        let bound = try #require(try await loop.submit { transport.boundAddresses.first?.1 }.get())

        let inbox = PeerInbox()
        let peer = try await SIPTransportLoopbackTests().udpPeer(inbox)
        // A burst, so that reads return several datagrams at once.
        let count = 200
        for index in 0..<count {
            let request = SIPTransportLoopbackTests.message(callID: "burst-\(index)")
            peer.write(AddressedEnvelope(remoteAddress: bound, data: ByteBuffer(string: request)), promise: nil)
        }
        peer.flush()
        try await eventually("every reply at the peer") { inbox.datagrams.withLock { $0.count } == count }
        try await eventually("every sent report") { delegate.sent.withLock { $0 } == count }
        let callIDs = Set(
            inbox.datagrams.withLock { $0.map { String(buffer: $0.data) } }.compactMap {
                $0.split(separator: "\r\n").first { $0.hasPrefix("Call-ID: ") }
            }
        )
        #expect(callIDs.count == count)

        // A send outside a read still leaves at once.
        let target = SIPTarget(transport: .udp, remote: try #require(peer.localAddress), local: bound)
        try await loop.submit { transport.send(ByteBuffer(string: "SIP/2.0 200 OK\r\n\r\n"), to: target) }.get()
        try await eventually("the reply sent outside a read") { inbox.datagrams.withLock { $0.count } == count + 1 }
        try await peer.close()
        await transport.close()
    }
}
