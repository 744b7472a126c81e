import NIOCore
import NIOPosix
import Synchronization

/// A WHOIS server for tests on 127.0.0.1: reads one query line, writes the answer for it, closes.
public final class FakeWHOISServer: Sendable {
    /// The port.
    public let port: Int
    let answers: [String: String]
    let defaultAnswer: String
    let received = Mutex<[String]>([])
    let channel: Mutex<(any Channel)?> = Mutex(nil)

    /// The queries received, in order.
    public var queries: [String] { self.received.withLock { $0 } }

    init(port: Int, answers: [String: String], defaultAnswer: String) {
        self.port = port
        self.answers = answers
        self.defaultAnswer = defaultAnswer
    }

    /// Starts a server answering `answers[query]`, else `defaultAnswer`; `{PORT:name}` placeholders are
    /// not expanded, callers build texts after starting servers they refer to.
    public static func start(
        answers: [String: String],
        defaultAnswer: String = "%ERROR:101: no entries found\n"
    ) async throws -> FakeWHOISServer {
        let box = Mutex<FakeWHOISServer?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let server = box.withLock { $0 }!
                    try channel.pipeline.syncOperations.addHandler(Handler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = FakeWHOISServer(port: channel.localAddress!.port!, answers: answers, defaultAnswer: defaultAnswer)
        server.channel.withLock { $0 = channel }
        box.withLock { $0 = server }
        return server
    }

    /// Closes the listening socket.
    public func stop() async {
        try? await self.channel.withLock { $0 }?.close()
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let server: FakeWHOISServer
        var line: [UInt8] = []
        init(server: FakeWHOISServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let chunk = Self.unwrapInboundIn(data)
            self.line += chunk.readableBytesView
            guard let end = self.line.firstIndex(of: UInt8(ascii: "\n")) else {
                if self.line.count > 1024 { context.close(promise: nil) }
                return
            }
            var query = String(decoding: self.line[..<end], as: UTF8.self)
            if query.hasSuffix("\r") { query.removeLast() }
            self.server.received.withLock { $0.append(query) }
            let answer = self.server.answers[query] ?? self.server.defaultAnswer
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(string: answer))).whenComplete { _ in
                bound.value.close(promise: nil)
            }
        }
    }
}

@available(*, unavailable)
extension FakeWHOISServer.Handler: Sendable {}
