import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycleTestKit
import Synchronization
import Testing

@testable import Reporting

/// A loopback HTTP server that answers `failures` requests with `failureStatus`, then 200, and keeps the bodies and
/// the arrival times.
final class FlakyServer: Sendable {
    let failures: Int
    let failureStatus: HTTPResponseStatus
    let state = Mutex<(count: Int, bodies: [String], headers: [HTTPHeaders], times: [ContinuousClock.Instant])>(
        (0, [], [], [])
    )
    let channel: Mutex<(any Channel)?> = Mutex(nil)

    init(failures: Int, status: HTTPResponseStatus = .serviceUnavailable) {
        self.failures = failures
        self.failureStatus = status
    }

    func start() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        self.channel.withLock { $0 = channel }
        return channel.localAddress!.port!
    }

    func stop() async throws {
        try await self.channel.withLock { $0 }?.close()
    }

    var requests: Int { self.state.withLock { $0.count } }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: FlakyServer
        var body = ByteBuffer()
        var head: HTTPRequestHead?

        init(server: FlakyServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch Self.unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                self.body.clear()
            case .body(var part):
                self.body.writeBuffer(&part)
            case .end:
                let text = String(buffer: self.body)
                let headers = self.head?.headers ?? [:]
                let number = self.server.state.withLock { state in
                    state.count += 1
                    state.bodies.append(text)
                    state.headers.append(headers)
                    state.times.append(.now)
                    return state.count
                }
                let status: HTTPResponseStatus = number <= self.server.failures ? self.server.failureStatus : .ok
                var responseHeaders = HTTPHeaders()
                responseHeaders.add(name: "Content-Length", value: "2")
                context.write(
                    Self.wrapOutboundOut(
                        .head(HTTPResponseHead(version: .http1_1, status: status, headers: responseHeaders))
                    ),
                    promise: nil
                )
                context.write(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "ok")))), promise: nil)
                context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}

@Suite struct WebhookSinkTests {
    static let fast = RetryPolicy(
        maximumAttempts: 4,
        initialDelay: .milliseconds(20),
        maximumDelay: .milliseconds(200),
        jitter: false
    )

    @Test func retriesWithBackoffUntilDelivered() async throws {
        let server = FlakyServer(failures: 2)
        let port = try await server.start()
        let sink = try WebhookSink(
            url: "http://127.0.0.1:\(port)/hook?token=secret",
            headers: [(name: "Authorization", value: "Bearer t0ken")],
            retry: Self.fast
        )
        #expect(sink.name == "webhook http://127.0.0.1:\(port)/hook")
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event(uuid: "retried"))
                for _ in 0..<200 where sink.statistics.delivered == 0 {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                trigger.triggerGracefulShutdown()
            }
        }
        try await server.stop()
        #expect(sink.statistics.delivered == 1 && sink.statistics.failed == 0)
        let (count, bodies, headers, times) = server.state.withLock { $0 }
        #expect(count == 3)
        #expect(try Fixtures.object(bodies[2])["event_uuid"] as? String == "retried")
        #expect(headers[2]["Authorization"] == ["Bearer t0ken"])
        #expect(headers[2]["Content-Type"] == ["application/json"])
        // Backoff: 20 ms, then 40 ms.
        #expect(times[1] - times[0] >= .milliseconds(20))
        #expect(times[2] - times[1] >= .milliseconds(40))
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        let server = FlakyServer(failures: 100)
        let port = try await server.start()
        let sink = try WebhookSink(url: "http://127.0.0.1:\(port)/", retry: Self.fast)
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event())
                for _ in 0..<300 where sink.statistics.failed == 0 {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                trigger.triggerGracefulShutdown()
            }
        }
        try await server.stop()
        #expect(server.requests == 4)
        #expect(sink.statistics.failed == 1 && sink.statistics.delivered == 0)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = FlakyServer(failures: 100, status: .badRequest)
        let port = try await server.start()
        let sink = try WebhookSink(url: "http://127.0.0.1:\(port)/", retry: Self.fast)
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                sink.offer(Fixtures.event())
                for _ in 0..<300 where sink.statistics.failed == 0 {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                trigger.triggerGracefulShutdown()
            }
        }
        try await server.stop()
        #expect(server.requests == 1)
        #expect(sink.statistics.failed == 1)
    }

    @Test func queueBoundAndDrainOnShutdown() async throws {
        let server = FlakyServer(failures: 0)
        let port = try await server.start()
        let sink = try WebhookSink(url: "http://127.0.0.1:\(port)/", retry: Self.fast, capacity: 10)
        // Offered before the loop runs: ten fit, the rest are dropped at once.
        for index in 0..<25 { sink.offer(Fixtures.event(uuid: "e\(index)")) }
        #expect(sink.statistics.accepted == 10 && sink.statistics.dropped == 15)
        await testGracefulShutdown { trigger in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await sink.run() }
                trigger.triggerGracefulShutdown()
            }
        }
        try await server.stop()
        // Graceful shutdown drains what was queued.
        #expect(sink.statistics.delivered == 10 && server.requests == 10)
    }

    @Test func settings() {
        #expect(throws: ReportingError.self) { try WebhookSink(url: "ftp://example.com/") }
        #expect(throws: ReportingError.self) { try WebhookSink(url: "http:///nohost") }
        #expect(throws: ReportingError.self) { try WebhookSink(url: "javascript:alert(1)") }
        #expect(throws: ReportingError.self) {
            try WebhookSink(url: "https://example.com/", headers: [(name: "X", value: "a\r\nInjected: 1")])
        }
        #expect(throws: Never.self) { try WebhookSink(url: "https://[2001:db8::1]:8443/events") }
    }

    @Test func backoffDelays() {
        let policy = RetryPolicy(initialDelay: .milliseconds(500), maximumDelay: .seconds(30), jitter: false)
        #expect(policy.delay(afterAttempt: 1, random: 0) == .milliseconds(500))
        #expect(policy.delay(afterAttempt: 2, random: 0) == .seconds(1))
        #expect(policy.delay(afterAttempt: 4, random: 0) == .seconds(4))
        #expect(policy.delay(afterAttempt: 20, random: 0) == .seconds(30))
        let jittered = RetryPolicy(initialDelay: .seconds(2), jitter: true)
        #expect(jittered.delay(afterAttempt: 1, random: 0) == .seconds(1))
        #expect(jittered.delay(afterAttempt: 1, random: 0.5) == .milliseconds(1_500))
        #expect(jittered.delay(afterAttempt: 1, random: 7) == .seconds(2))
    }
}
