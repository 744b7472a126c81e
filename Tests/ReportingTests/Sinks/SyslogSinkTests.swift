import NIOCore
import NIOPosix
import ServiceLifecycleTestKit
import Synchronization
import Testing

@testable import Reporting

/// Collects what a loopback syslog collector receives.
final class Collected: Sendable {
    let messages = Mutex<[String]>([])
    let bytes = Mutex<[UInt8]>([])
}

final class DatagramCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let collected: Collected
    init(_ collected: Collected) { self.collected = collected }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = Self.unwrapInboundIn(data)
        let text = String(buffer: envelope.data)
        self.collected.messages.withLock { $0.append(text) }
    }
}

final class StreamCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let collected: Collected
    init(_ collected: Collected) { self.collected = collected }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = Self.unwrapInboundIn(data)
        self.collected.bytes.withLock { $0 += buffer.readableBytesView }
    }
}

@Suite struct SyslogSinkTests {
    @Test func udpOneMessagePerDatagram() async throws {
        let collected = Collected()
        let server = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { $0.pipeline.addHandler(DatagramCollector(collected)) }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let sink = SyslogSink(transport: .udp, host: "127.0.0.1", port: port, filter: .alerts, hostname: "lab-3")
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event(uuid: "one"))
                sink.offer(Fixtures.event(uuid: "skipped", alert: false))
                sink.offer(Fixtures.event(uuid: "two", userAgent: "x\"]"))
                trigger.triggerGracefulShutdown()
            }
        }
        for _ in 0..<100 where collected.messages.withLock({ $0.count }) < 2 {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await server.close()
        let messages = collected.messages.withLock { $0 }
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("<132>1 2026-12-05T10:00:00.123456Z lab-3 honeyphone ") == true)
        #expect(messages.first?.contains("event_uuid=\"one\"") == true)
        #expect(messages.last?.contains("user_agent=\"x\\\"\\]\"") == true)
        #expect(sink.statistics.delivered == 2 && sink.statistics.accepted == 2)
        #expect(sink.name == "syslog udp 127.0.0.1:\(port)")
    }

    @Test func tcpOctetCounting() async throws {
        let collected = Collected()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { $0.pipeline.addHandler(StreamCollector(collected)) }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let sink = SyslogSink(transport: .tcp, host: "127.0.0.1", port: port, hostname: "lab-3")
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event(uuid: "é-one"))
                sink.offer(Fixtures.event(uuid: "two", alert: false))
                trigger.triggerGracefulShutdown()
            }
        }
        for _ in 0..<100 where collected.bytes.withLock({ $0.count }) < 200 {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(50))
        try await server.close()
        // Frames: LENGTH SP MESSAGE, LENGTH counting octets.
        var bytes = collected.bytes.withLock { $0 }[...]
        var frames: [String] = []
        while let space = bytes.firstIndex(of: 0x20) {
            let length = try #require(Int(String(decoding: bytes[..<space], as: UTF8.self)))
            let start = bytes.index(after: space)
            frames.append(String(decoding: bytes[start..<(start + length)], as: UTF8.self))
            bytes = bytes[(start + length)...]
        }
        #expect(frames.count == 2 && bytes.isEmpty)
        #expect(frames[0].contains("event_uuid=\"é-one\"") && frames[0].hasPrefix("<132>1 "))
        #expect(frames[1].hasPrefix("<134>1 "))
    }

    @Test func unreachableTCPCollectorCountsFailures() async throws {
        // Port 9 on loopback: nothing listens there in the test environment (connection refused).
        let sink = SyslogSink(transport: .tcp, host: "127.0.0.1", port: 9, hostname: "lab-3")
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event())
                trigger.triggerGracefulShutdown()
            }
        }
        #expect(sink.statistics.failed == 1 && sink.statistics.delivered == 0)
    }
}
