import Logging
import NIOCore
import NIOPosix
import SIPCore
import SIPTransport
import Synchronization
import Testing

/// What the transport told its delegate.
enum TransportEvent: Sendable {
    case received(SIPInboundMessage)
    case rejected(SIPRejectedBytes)
    case sent(ByteBuffer, SIPTarget, SocketAddress?)
    case failed(SIPTarget)
}

/// A delegate recording every callback; read from any thread.
final class RecordingDelegate: SIPTransportDelegate, Sendable {
    let events = Mutex<[TransportEvent]>([])

    func transport(received message: SIPInboundMessage) {
        self.events.withLock { $0.append(.received(message)) }
    }

    func transport(rejected bytes: SIPRejectedBytes) {
        self.events.withLock { $0.append(.rejected(bytes)) }
    }

    func transport(
        sent bytes: ByteBuffer,
        to target: SIPTarget,
        from local: SocketAddress?,
        nanosecondsSinceEpoch: Int64
    ) {
        self.events.withLock { $0.append(.sent(bytes, target, local)) }
    }

    func transport(failedToSendTo target: SIPTarget, error: any Error) {
        self.events.withLock { $0.append(.failed(target)) }
    }

    var received: [SIPInboundMessage] {
        self.events.withLock {
            $0.compactMap {
                if case .received(let m) = $0 { return m }
                return nil
            }
        }
    }

    var rejected: [SIPRejectedBytes] {
        self.events.withLock {
            $0.compactMap {
                if case .rejected(let r) = $0 { return r }
                return nil
            }
        }
    }
}

/// Collects what a peer socket reads.
final class PeerInbox: Sendable {
    let datagrams = Mutex<[AddressedEnvelope<ByteBuffer>]>([])
    let bytes = Mutex<ByteBuffer>(ByteBuffer())

    var text: String { self.bytes.withLock { String(buffer: $0) } }
}

final class DatagramCollector: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let inbox: PeerInbox
    init(_ inbox: PeerInbox) { self.inbox = inbox }
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = Self.unwrapInboundIn(data)
        self.inbox.datagrams.withLock { $0.append(envelope) }
    }
}

final class StreamCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let inbox: PeerInbox
    init(_ inbox: PeerInbox) { self.inbox = inbox }
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = Self.unwrapInboundIn(data)
        self.inbox.bytes.withLock { _ = $0.writeBuffer(&buffer) }
    }
}

struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(self.what)" }
}

/// Polls `condition` every 10 ms for at most `seconds`.
func eventually(_ what: String, seconds: Double = 5, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !(try await condition()) {
        guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

@Suite(.timeLimit(.minutes(1))) struct SIPTransportLoopbackTests {
    static let logger = Logger(label: "SIPTransportTests", factory: { _ in SwiftLogNoOpLogHandler() })

    static func message(_ method: String = "OPTIONS", callID: String = "c1", body: String = "") -> String {
        "\(method) sip:1001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-\(callID)\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: \(callID)\r\n"
            + "CSeq: 1 \(method)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    /// A started transport on 127.0.0.1 (port 0) with its bound addresses by transport.
    func start(
        _ kinds: [SIPTransportKind],
        host: String = "127.0.0.1",
        maximumConnectionsPerSource: Int = 32
    ) async throws -> (SIPTransport, RecordingDelegate, [SIPTransportKind: SocketAddress]) {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let transport = SIPTransport(
            configuration: .init(
                listen: kinds.map { SIPListenAddress(transport: $0, host: host, port: 0) },
                udpReceiveBufferSize: 1 << 20,
                maximumConnectionsPerSource: maximumConnectionsPerSource
            ),
            eventLoop: loop,
            logger: Self.logger
        )
        let delegate = RecordingDelegate()
        transport.delegate = delegate
        try await transport.start()
        let bound = try await loop.submit { transport.boundAddresses }.get()
        var addresses: [SIPTransportKind: SocketAddress] = [:]
        for (kind, address) in bound { addresses[kind] = address }
        #expect(addresses.count == kinds.count)
        return (transport, delegate, addresses)
    }

    func udpPeer(_ inbox: PeerInbox) async throws -> any Channel {
        try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramCollector(inbox))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    func tcpClient(to address: SocketAddress, _ inbox: PeerInbox) async throws -> any Channel {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(StreamCollector(inbox))
                }
            }
            .connect(to: address)
            .get()
    }

    @Test func udpDatagramIsDeliveredWithBothAddresses() async throws {
        // Bound to the wildcard: the destination address can only come from the packet information.
        let (transport, delegate, bound) = try await self.start([.udp], host: "0.0.0.0")
        let port = try #require(bound[.udp]?.port)
        let peer = try await self.udpPeer(PeerInbox())
        let destination = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        try await peer.writeAndFlush(
            AddressedEnvelope(remoteAddress: destination, data: ByteBuffer(string: Self.message()))
        ).get()
        try await eventually("the datagram") { delegate.received.count == 1 }
        let inbound = try #require(delegate.received.first)
        #expect(inbound.message.method == .options)
        #expect(inbound.message.callID == "c1")
        #expect(inbound.arrival.transport == .udp)
        #expect(inbound.arrival.connection == nil)
        #expect(inbound.arrival.remote == peer.localAddress)
        #expect(inbound.arrival.local.ipAddress == "127.0.0.1")
        #expect(inbound.arrival.local.port == port)
        #expect(inbound.arrival.nanosecondsSinceEpoch > 1_600_000_000_000_000_000)
        try await peer.close()
        await transport.close()
    }

    @Test func invalidDatagramIsRejectedWithItsBytes() async throws {
        let (transport, delegate, bound) = try await self.start([.udp])
        let peer = try await self.udpPeer(PeerInbox())
        let garbage = ByteBuffer(bytes: [0x16, 0x03, 0x01, 0x00, 0x05, 0xFF, 0x00, 0x41])
        try await peer.writeAndFlush(AddressedEnvelope(remoteAddress: try #require(bound[.udp]), data: garbage)).get()
        try await eventually("the rejection") { delegate.rejected.count == 1 }
        let rejected = try #require(delegate.rejected.first)
        #expect(rejected.bytes == garbage)
        #expect(rejected.arrival.remote == peer.localAddress)
        #expect(rejected.arrival.local == bound[.udp])
        #expect(delegate.received.isEmpty)
        try await peer.close()
        await transport.close()
    }

    @Test func tcpStreamIsFramed() async throws {
        let (transport, delegate, bound) = try await self.start([.tcp])
        let server = try #require(bound[.tcp])
        let client = try await self.tcpClient(to: server, PeerInbox())
        // Two messages in one write (the first with a body).
        let twoAtOnce = Self.message("MESSAGE", callID: "m1", body: "hello\r\n\r\nworld") + Self.message(callID: "m2")
        try await client.writeAndFlush(ByteBuffer(string: twoAtOnce)).get()
        try await eventually("two messages") { delegate.received.count == 2 }
        // One message over three writes, with a keep-alive before it.
        let third = "\r\n\r\n" + Self.message("INFO", callID: "m3", body: "abc")
        let bytes = Array(third.utf8)
        let cuts = [0, 17, bytes.count - 2, bytes.count]
        for i in 0..<3 {
            try await client.writeAndFlush(ByteBuffer(bytes: bytes[cuts[i]..<cuts[i + 1]])).get()
            try await Task.sleep(for: .milliseconds(50))
            if i < 2 { #expect(delegate.received.count == 2) }
        }
        try await eventually("the third message") { delegate.received.count == 3 }
        let received = delegate.received
        #expect(received.map(\.message.callID) == ["m1", "m2", "m3"])
        #expect(String(buffer: received[0].message.body) == "hello\r\n\r\nworld")
        #expect(String(buffer: received[2].message.body) == "abc")
        let connection = try #require(received[0].arrival.connection)
        #expect(received.allSatisfy { $0.arrival.connection == connection && $0.arrival.transport == .tcp })
        #expect(received[0].arrival.remote == client.localAddress)
        #expect(received[0].arrival.local == server)
        #expect(delegate.rejected.isEmpty)
        try await client.close()
        await transport.close()
    }

    /// A stream that cannot be framed (Content-Length not a number): its bytes are reported, the connection closed.
    @Test func unframeableTCPStreamIsRejectedWithItsBytesAndTheConnectionClosed() async throws {
        try await self.rejectsAndCloses("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nContent-Length: lots\r\n\r\n")
    }

    /// Bytes that frame (an empty line ends them) but are not SIP: reported with their bytes, connection closed.
    @Test
    func framedGarbageOnTCPIsRejectedWithItsBytesAndTheConnectionClosed() async throws {
        try await self.rejectsAndCloses("\u{16}\u{03}\u{01} not sip at all\r\n\r\n")
    }

    func rejectsAndCloses(_ garbage: String) async throws {
        let (transport, delegate, bound) = try await self.start([.tcp])
        let client = try await self.tcpClient(to: try #require(bound[.tcp]), PeerInbox())
        try await client.writeAndFlush(ByteBuffer(string: garbage)).get()
        try await eventually("the rejection") { delegate.rejected.count == 1 }
        let rejected = String(buffer: try #require(delegate.rejected.first).bytes)
        #expect(rejected == garbage)
        try await eventually("the close") { !client.isActive }
        #expect(delegate.received.isEmpty)
        try await eventually("the connection count") {
            try await transport.eventLoop.submit { transport.statistics.openConnections }.get() == 0
        }
        await transport.close()
    }

    @Test func connectionsBeyondThePerSourceBoundAreClosed() async throws {
        let (transport, delegate, bound) = try await self.start([.tcp], maximumConnectionsPerSource: 1)
        let server = try #require(bound[.tcp])
        let first = try await self.tcpClient(to: server, PeerInbox())
        try await first.writeAndFlush(ByteBuffer(string: Self.message(callID: "a1"))).get()
        try await eventually("the first client's message") { delegate.received.count == 1 }
        let second = try await self.tcpClient(to: server, PeerInbox())
        try await eventually("the second connection to close") { !second.isActive }
        // The first connection still works.
        #expect(first.isActive)
        try await first.writeAndFlush(ByteBuffer(string: Self.message(callID: "a2"))).get()
        try await eventually("the first client's second message") { delegate.received.count == 2 }
        let statistics = try await transport.eventLoop.submit { transport.statistics }.get()
        #expect(statistics.connectionsRefusedPerSource == 1)
        #expect(statistics.openConnections == 1)
        try await first.close()
        await transport.close()
    }

    @Test func sendOverUDPReachesThePeer() async throws {
        let (transport, delegate, bound) = try await self.start([.udp])
        let inbox = PeerInbox()
        let peer = try await self.udpPeer(inbox)
        let peerAddress = try #require(peer.localAddress)
        let payload = ByteBuffer(string: "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n")
        let target = SIPTarget(transport: .udp, remote: peerAddress, local: bound[.udp])
        try await transport.eventLoop.submit { transport.send(payload, to: target) }.get()
        try await eventually("the datagram at the peer") { inbox.datagrams.withLock { $0.count } == 1 }
        let envelope = try #require(inbox.datagrams.withLock { $0.first })
        #expect(envelope.data == payload)
        #expect(envelope.remoteAddress == bound[.udp])
        try await eventually("the sent report") {
            delegate.events.withLock { $0.contains { if case .sent = $0 { true } else { false } } }
        }
        try await peer.close()
        await transport.close()
    }

    @Test func sendOverTCPOpensAConnectionToThePeer() async throws {
        let (transport, delegate, _) = try await self.start([.tcp])
        let inbox = PeerInbox()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(StreamCollector(inbox))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let address = try #require(listener.localAddress)
        let payload = "BYE sip:a@127.0.0.1 SIP/2.0\r\nContent-Length: 0\r\n\r\n"
        let target = SIPTarget(transport: .tcp, remote: address)
        try await transport.eventLoop.submit { transport.send(ByteBuffer(string: payload), to: target) }.get()
        try await eventually("the bytes at the peer") { inbox.text == payload }
        try await eventually("the sent report") {
            delegate.events.withLock { $0.contains { if case .sent = $0 { true } else { false } } }
        }
        try await listener.close()
        await transport.close()
    }

    @Test func replyGoesBackOverTheConnectionItCameOn() async throws {
        let (transport, delegate, bound) = try await self.start([.tcp])
        let inbox = PeerInbox()
        let client = try await self.tcpClient(to: try #require(bound[.tcp]), inbox)
        try await client.writeAndFlush(ByteBuffer(string: Self.message(callID: "r1"))).get()
        try await eventually("the request") { delegate.received.count == 1 }
        let arrival = try #require(delegate.received.first).arrival
        let reply = "SIP/2.0 200 OK\r\nCall-ID: r1\r\nContent-Length: 0\r\n\r\n"
        try await transport.eventLoop.submit { transport.send(ByteBuffer(string: reply), to: arrival.replyTarget) }
            .get()
        try await eventually("the reply at the client") { inbox.text == reply }
        let statistics = try await transport.eventLoop.submit { transport.statistics }.get()
        #expect(statistics.openConnections == 1)
        try await client.close()
        await transport.close()
    }
}
