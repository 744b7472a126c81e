import NIOCore
import NIOPosix
import Synchronization

/// A SIP responder for tests on 127.0.0.1, over UDP and TCP on the same port number: answers every
/// request with a configured status and headers, echoing Via, From, To (plus a To tag), Call-ID, CSeq.
///
/// `proxyDepth` imitates proxies in front of a UA: a request with Max-Forwards below it gets
/// `483 Too Many Hops` (one per missing hop, as a chain of proxies would).
public final class FakeSIPResponder: Sendable {
    /// The port (UDP and TCP).
    public let port: Int
    let status: String
    let extraHeaders: [String]
    let toTag: String
    let proxyDepth: Int
    let silent: Bool
    let count = Mutex(0)
    let channels = Mutex<[any Channel]>([])

    let lines = Mutex<[String]>([])

    /// The number of requests received.
    public var requestsReceived: Int { self.count.withLock { $0 } }
    /// The request lines received, in order.
    public var requestLines: [String] { self.lines.withLock { $0 } }

    init(port: Int, status: String, extraHeaders: [String], toTag: String, proxyDepth: Int, silent: Bool) {
        self.port = port
        self.status = status
        self.extraHeaders = extraHeaders
        self.toTag = toTag
        self.proxyDepth = proxyDepth
        self.silent = silent
    }

    /// Starts a responder; `silent` counts requests but never answers.
    public static func start(
        status: String = "200 OK",
        extraHeaders: [String] = ["Server: FakeSIP/1"],
        toTag: String = "fake1234",
        proxyDepth: Int = 0,
        silent: Bool = false
    ) async throws -> FakeSIPResponder {
        let box = Mutex<FakeSIPResponder?>(nil)
        let tcp = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(StreamHandler(responder: box.withLock { $0 }!))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = tcp.localAddress!.port!
        let responder = FakeSIPResponder(
            port: port,
            status: status,
            extraHeaders: extraHeaders,
            toTag: toTag,
            proxyDepth: proxyDepth,
            silent: silent
        )
        box.withLock { $0 = responder }
        let udp = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramHandler(responder: responder))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        responder.channels.withLock { $0 = [tcp, udp] }
        return responder
    }

    /// Closes both sockets.
    public func stop() async {
        for channel in self.channels.withLock({ $0 }) { try? await channel.close() }
    }

    /// The answer to `request` (text), or `nil` when silent.
    func answer(to request: String) -> String? {
        self.count.withLock { $0 += 1 }
        if let line = request.split(separator: "\r\n", maxSplits: 1).first {
            self.lines.withLock { $0.append(String(line.prefix(256))) }
        }
        guard !self.silent else { return nil }
        var copied: [String] = []
        var maxForwards = 70
        for line in request.split(separator: "\r\n").dropFirst() {
            let lower = line.lowercased()
            if lower.hasPrefix("max-forwards:") { maxForwards = Int(line.dropFirst(13).trimmingPrefix(" ")) ?? 70 }
            if lower.hasPrefix("to:") {
                copied.append(line + ";tag=" + self.toTag)
            } else if ["via:", "from:", "call-id:", "cseq:"].contains(where: { lower.hasPrefix($0) }) {
                copied.append(String(line))
            }
        }
        let status = maxForwards < self.proxyDepth ? "483 Too Many Hops" : self.status
        let headers = maxForwards < self.proxyDepth ? ["Server: FakeProxy/\(maxForwards)"] : self.extraHeaders
        return (["SIP/2.0 \(status)"] + copied + headers + ["Content-Length: 0", "", ""]).joined(separator: "\r\n")
    }

    final class DatagramHandler: ChannelInboundHandler {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        typealias OutboundOut = AddressedEnvelope<ByteBuffer>
        let responder: FakeSIPResponder
        init(responder: FakeSIPResponder) { self.responder = responder }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = Self.unwrapInboundIn(data)
            let text = String(buffer: envelope.data)
            guard text.hasPrefix("OPTIONS") || text.hasPrefix("INVITE"), let answer = self.responder.answer(to: text)
            else { return }
            let reply = AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: ByteBuffer(string: answer))
            context.writeAndFlush(Self.wrapOutboundOut(reply), promise: nil)
        }
    }

    final class StreamHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let responder: FakeSIPResponder
        var received = ""
        init(responder: FakeSIPResponder) { self.responder = responder }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            self.received += String(buffer: Self.unwrapInboundIn(data))
            guard self.received.contains("\r\n\r\n") else {
                if self.received.utf8.count > 8192 { context.close(promise: nil) }
                return
            }
            let request = self.received
            self.received = ""
            if let answer = self.responder.answer(to: request) {
                context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(string: answer)), promise: nil)
            }
        }
    }
}

@available(*, unavailable)
extension FakeSIPResponder.DatagramHandler: Sendable {}

@available(*, unavailable)
extension FakeSIPResponder.StreamHandler: Sendable {}
