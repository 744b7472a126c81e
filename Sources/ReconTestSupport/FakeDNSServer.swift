import NIOCore
import NIOPosix
public import Recon
import Synchronization

/// A DNS server for tests on 127.0.0.1: UDP and TCP on the same ephemeral port, answering from a zone table.
///
/// Names with records of other types get NOERROR/no data, unknown names NXDOMAIN; CNAMEs are followed
/// once. `truncateUDP` answers every UDP query with TC and no records (forcing TCP); `silentUDP` drops them.
public final class FakeDNSServer: Sendable {
    /// How the server behaves.
    public struct Behaviour: Sendable {
        /// Answer UDP with an empty, truncated message.
        public var truncateUDP: Bool
        /// Never answer UDP.
        public var silentUDP: Bool

        /// Creates a behaviour.
        public init(truncateUDP: Bool = false, silentUDP: Bool = false) {
            self.truncateUDP = truncateUDP
            self.silentUDP = silentUDP
        }
    }

    /// The port, for both UDP and TCP.
    public let port: Int
    let zone: [DNSResourceRecord]
    let behaviour: Behaviour
    let counters = Mutex((udp: 0, tcp: 0))
    let channels: Mutex<[any Channel]> = Mutex([])

    /// Queries received over UDP and TCP.
    public var queryCounts: (udp: Int, tcp: Int) { self.counters.withLock { $0 } }

    /// The server as a client configuration entry.
    public var server: DNSClientConfiguration.Server { .init(address: .v4(127, 0, 0, 1), port: self.port) }

    init(port: Int, zone: [DNSResourceRecord], behaviour: Behaviour) {
        self.port = port
        self.zone = zone
        self.behaviour = behaviour
    }

    /// Starts a server (tries a few ephemeral ports until UDP and TCP both bind).
    public static func start(zone: [DNSResourceRecord], behaviour: Behaviour = .init()) async throws -> FakeDNSServer {
        let group = MultiThreadedEventLoopGroup.singleton
        var lastError: (any Error)? = nil
        for _ in 0..<10 {
            let udp = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
            guard let port = udp.localAddress?.port else { continue }
            let server = FakeDNSServer(port: port, zone: zone, behaviour: behaviour)
            do {
                let tcp = try await ServerBootstrap(group: group)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(TCPHandler(server: server))
                        }
                    }
                    .bind(host: "127.0.0.1", port: port).get()
                try await udp.pipeline.addHandler(UDPHandler(server: server)).get()
                server.channels.withLock { $0 = [udp, tcp] }
                return server
            } catch {
                lastError = error
                try? await udp.close()
            }
        }
        throw lastError ?? ChannelError.inappropriateOperationForState
    }

    /// Closes both sockets.
    public func stop() async {
        for channel in self.channels.withLock({ $0 }) { try? await channel.close() }
    }

    func respond(to bytes: ByteBuffer, overTCP: Bool) -> ByteBuffer? {
        self.counters.withLock {
            if overTCP {
                $0.tcp += 1
            } else {
                $0.udp += 1
            }
        }
        guard let query = try? DNSMessageDecoder().decode(bytes), let question = query.questions.first else {
            return nil
        }
        if !overTCP, self.behaviour.silentUDP { return nil }
        var flags = DNSMessage.Flags(
            isResponse: true,
            isAuthoritative: true,
            recursionDesired: query.flags.recursionDesired
        )
        var answers: [DNSResourceRecord] = []
        if !overTCP, self.behaviour.truncateUDP {
            flags.isTruncated = true
        } else {
            var owner = question.name
            if question.type != .cname, let cname = self.zone.first(where: { $0.name == owner && $0.type == .cname }) {
                answers.append(cname)
                if case .canonicalName(let target) = cname.data { owner = target }
            }
            answers += self.zone.filter { $0.name == owner && $0.type == question.type }
            if answers.isEmpty, !self.zone.contains(where: { $0.name == question.name }) {
                flags.responseCode = .nameError
            }
        }
        let response = DNSMessage(id: query.id, flags: flags, questions: [question], answers: answers)
        return DNSMessageWriter.encode(response)
    }

    final class UDPHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        typealias OutboundOut = AddressedEnvelope<ByteBuffer>
        let server: FakeDNSServer
        init(server: FakeDNSServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = Self.unwrapInboundIn(data)
            guard let answer = self.server.respond(to: envelope.data, overTCP: false) else { return }
            context.writeAndFlush(
                Self.wrapOutboundOut(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: answer)),
                promise: nil
            )
        }
    }

    final class TCPHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let server: FakeDNSServer
        var received = ByteBuffer()
        init(server: FakeDNSServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var chunk = Self.unwrapInboundIn(data)
            self.received.writeBuffer(&chunk)
            while let length = self.received.getInteger(at: self.received.readerIndex, as: UInt16.self),
                self.received.readableBytes >= 2 + Int(length)
            {
                self.received.moveReaderIndex(forwardBy: 2)
                let query = self.received.readSlice(length: Int(length))!
                guard let answer = self.server.respond(to: query, overTCP: true) else { continue }
                var framed = ByteBuffer()
                framed.writeInteger(UInt16(answer.readableBytes))
                framed.writeImmutableBuffer(answer)
                context.writeAndFlush(Self.wrapOutboundOut(framed), promise: nil)
            }
        }
    }
}

@available(*, unavailable)
extension FakeDNSServer.TCPHandler: Sendable {}
