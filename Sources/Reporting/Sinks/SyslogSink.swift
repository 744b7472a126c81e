public import NIOCore
import NIOPosix
import Storage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends each event as an RFC 5424 message (``SyslogMessage``) to a collector: over UDP, one message per datagram
/// (RFC 5426), or over TCP with octet counting (RFC 6587 §3.4.1: `LENGTH SP MESSAGE`).
///
/// The collector's name is resolved when the sink starts. Over TCP the connection is opened on the first batch and
/// reopened once when a write fails (the batch is then sent again); events that still cannot be sent count as
/// failed. UDP never knows whether a datagram arrived: sent is delivered.
public final class SyslogSink: EventSink, Sendable {
    /// The transport to the collector.
    public enum Transport: String, Sendable, Hashable {
        /// RFC 5426.
        case udp
        /// RFC 6587 octet counting.
        case tcp
    }

    /// The transport.
    public let transport: Transport
    /// The collector's host (name or address).
    public let host: String
    /// The collector's port.
    public let port: Int
    public let filter: EventFilter
    /// The formatter.
    public let formatter: SyslogMessage
    let queue: SinkQueue
    let group: any EventLoopGroup

    /// A sink sending to `host:port`; `hostname` defaults to this machine's name.
    public init(
        transport: Transport,
        host: String,
        port: Int,
        filter: EventFilter = .all,
        facility: SyslogMessage.Facility = .local0,
        hostname: String? = nil,
        capacity: Int = JSONLinesSink.defaultCapacity,
        group: (any EventLoopGroup)? = nil
    ) {
        self.transport = transport
        self.host = host
        self.port = port
        self.filter = filter
        self.formatter = SyslogMessage(
            facility: facility,
            hostname: hostname ?? Self.machineName(),
            processID: String(getpid()),
            maximumLength: transport == .udp ? 2_048 : 8_192
        )
        self.queue = SinkQueue(capacity: capacity)
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
    }

    public var name: String {
        "syslog \(self.transport.rawValue) \(self.host.contains(":") ? "[\(self.host)]" : self.host):\(self.port)"
    }

    public func offer(_ event: HoneyphoneEvent) {
        if self.filter.accepts(event) { self.queue.offer(event) }
    }

    public var statistics: SinkStatistics { self.queue.statistics }

    public func run() async throws {
        var connection = Connection()
        await SinkLoop.run(queue: self.queue, batchSize: 64) { batch in
            let messages = batch.map { self.formatter.format($0) }
            let sent = await self.send(messages, connection: &connection)
            self.queue.record(delivered: sent, failed: batch.count - sent)
        }
        try? await connection.channel?.close()
    }

    struct Connection {
        var target: SocketAddress?
        var channel: (any Channel)?
    }

    /// Sends `messages`; returns how many were sent.
    func send(_ messages: [String], connection: inout Connection) async -> Int {
        for attempt in 0..<2 {
            do {
                let channel = try await self.channel(&connection)
                guard let target = connection.target else { return 0 }
                switch self.transport {
                case .udp:
                    var writes: [EventLoopFuture<Void>] = []
                    for message in messages {
                        let buffer = channel.allocator.buffer(string: message)
                        writes.append(channel.write(AddressedEnvelope(remoteAddress: target, data: buffer)))
                    }
                    channel.flush()
                    try await EventLoopFuture.andAllSucceed(writes, on: channel.eventLoop).get()
                case .tcp:
                    var buffer = channel.allocator.buffer(capacity: messages.reduce(0) { $0 + $1.utf8.count + 8 })
                    for message in messages {
                        buffer.writeString("\(message.utf8.count) ")
                        buffer.writeString(message)
                    }
                    try await channel.writeAndFlush(buffer).get()
                }
                return messages.count
            } catch {
                try? await connection.channel?.close()
                connection.channel = nil
                if attempt == 1 || self.transport == .udp { return 0 }
            }
        }
        return 0
    }

    private func channel(_ connection: inout Connection) async throws -> any Channel {
        if let channel = connection.channel, channel.isActive { return channel }
        let target: SocketAddress
        if let known = connection.target {
            target = known
        } else {
            target = try SocketAddress.makeAddressResolvingHost(self.host, port: self.port)
            connection.target = target
        }
        let channel: any Channel
        switch self.transport {
        case .udp:
            let local = target.protocol == .inet6 ? "::" : "0.0.0.0"
            channel = try await DatagramBootstrap(group: self.group).bind(host: local, port: 0).get()
        case .tcp:
            channel = try await ClientBootstrap(group: self.group)
                .connectTimeout(.seconds(5))
                .connect(to: target).get()
        }
        connection.channel = channel
        return channel
    }

    static func machineName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "-" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
