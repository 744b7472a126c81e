import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A thread-safe list that callbacks append to and tests read.
final class Collector<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func append(_ item: Element) {
        self.items.withLock { $0.append(item) }
    }

    var values: [Element] {
        self.items.withLock { $0 }
    }

    /// Waits (at most `timeout` seconds, polling every 20 ms) until `condition` holds for the values.
    func wait(timeout: Double = 5, until condition: ([Element]) -> Bool) async -> [Element] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let values = self.values
            if condition(values) {
                return values
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return self.values
    }
}

/// Counts datagrams a test socket receives.
final class DatagramCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    let received = Collector<ByteBuffer>()

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.received.append(Self.unwrapInboundIn(data).data)
    }
}

enum Loopback {
    /// Binds a UDP socket on 127.0.0.1 (`port` 0 picks a free one) that collects what it receives.
    static func socket(port: Int = 0) async throws -> (any Channel, DatagramCollector) {
        let collector = DatagramCollector()
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        return (channel, collector)
    }

    static func address(port: Int) throws -> SocketAddress {
        try SocketAddress(ipAddress: "127.0.0.1", port: port)
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "media-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
