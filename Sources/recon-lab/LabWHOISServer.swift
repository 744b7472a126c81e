import NIOCore
import NIOPosix
import Synchronization

/// A bounded RFC 3912 server over SwiftNIO: one query line (at most 1 KiB) in, the answer out, close.
final class LabWHOISServer: Sendable {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    let channel: any Channel
    let connections: Counter

    private init(channel: any Channel, connections: Counter) {
        self.channel = channel
        self.connections = connections
    }

    static func start(host: String, port: Int, database: LabWHOISDatabase) async throws -> LabWHOISServer {
        let counter = Counter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                counter.value.add(1, ordering: .relaxed)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(database: database))
                }
            }
            .bind(host: host, port: port).get()
        return LabWHOISServer(channel: channel, connections: counter)
    }

    /// Serves until `limit` has passed or `maximumConnections` were accepted, then closes.
    func run(forAtMost limit: Duration, maximumConnections: Int) async {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: limit)
        while clock.now < end {
            try? await Task.sleep(for: .milliseconds(200))
            if self.connections.value.load(ordering: .relaxed) >= maximumConnections { break }
        }
        try? await self.channel.close()
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let database: LabWHOISDatabase
        var line: [UInt8] = []

        init(database: LabWHOISDatabase) {
            self.database = database
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let chunk = Self.unwrapInboundIn(data)
            self.line += chunk.readableBytesView
            guard let end = self.line.firstIndex(of: UInt8(ascii: "\n")) else {
                if self.line.count > 1024 { context.close(promise: nil) }
                return
            }
            let query = String(decoding: self.line[..<end], as: UTF8.self)
            let answer = self.database.answer(query)
            let buffer = context.channel.allocator.buffer(string: answer)
            context.writeAndFlush(Self.wrapOutboundOut(buffer)).whenComplete { _ in context.close(promise: nil) }
            self.line = []
        }
    }
}
