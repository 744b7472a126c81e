import NIOCore
import NIOPosix

/// One query/response exchange with one server over UDP or TCP, bounded by a timeout.
///
/// UDP: a new socket per attempt bound to an ephemeral port (the kernel randomises it), datagrams from
/// other addresses or with another ID/question are ignored (at most ``maximumIgnoredDatagrams``).
/// TCP: RFC 1035 §4.2.2 two-byte length framing; the answer may be at most 65535 bytes.
struct DNSTransport: Sendable {
    enum Failure: Error {
        case timeout
        case io(String)
        case malformed(DNSError)
    }

    /// Most unrelated datagrams read before an attempt gives up.
    static let maximumIgnoredDatagrams = 64

    let group: any EventLoopGroup
    let decoder: DNSMessageDecoder

    func exchangeUDP(
        query: ByteBuffer,
        id: UInt16,
        question: DNSQuestion,
        server: SocketAddress,
        timeout: TimeAmount
    ) async throws(Failure) -> DNSMessage {
        let decoder = self.decoder
        do {
            let bindHost = server.protocol == .inet6 ? "::" : "0.0.0.0"
            let channel = try await DatagramBootstrap(group: self.group)
                .bind(host: bindHost, port: 0) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(
                            wrappingChannelSynchronously: channel
                        )
                    }
                }
            let underlying = channel.channel
            let timer = underlying.eventLoop.scheduleTask(in: timeout) { underlying.close(promise: nil) }
            defer { timer.cancel() }
            let result: DNSMessage? = try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(AddressedEnvelope(remoteAddress: server, data: query))
                var ignored = 0
                for try await envelope in inbound {
                    if envelope.remoteAddress == server,
                        let message = try? decoder.decode(envelope.data),
                        Self.matches(message, id: id, question: question)
                    {
                        return message
                    }
                    ignored += 1
                    if ignored >= Self.maximumIgnoredDatagrams { return nil }
                }
                return nil
            }
            guard let result else { throw Failure.timeout }
            return result
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Self.classify(error)
        }
    }

    func exchangeTCP(
        query: ByteBuffer,
        id: UInt16,
        question: DNSQuestion,
        server: SocketAddress,
        timeout: TimeAmount
    ) async throws(Failure) -> DNSMessage {
        var framed = ByteBuffer()
        framed.writeInteger(UInt16(query.readableBytes))
        framed.writeImmutableBuffer(query)
        let limit = self.decoder.limits.maximumMessageSize
        do {
            let channel = try await ClientBootstrap(group: self.group)
                .connectTimeout(timeout)
                .connect(to: server) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            let underlying = channel.channel
            let timer = underlying.eventLoop.scheduleTask(in: timeout) { underlying.close(promise: nil) }
            defer { timer.cancel() }
            let bytes: [UInt8]? = try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(framed)
                var received = ByteBuffer()
                for try await chunk in inbound {
                    var chunk = chunk
                    received.writeBuffer(&chunk)
                    guard let length = received.getInteger(at: received.readerIndex, as: UInt16.self) else { continue }
                    guard Int(length) <= limit else { return nil }
                    if received.readableBytes >= 2 + Int(length) {
                        return received.getBytes(at: received.readerIndex + 2, length: Int(length))
                    }
                }
                return nil
            }
            guard let bytes else { throw Failure.timeout }
            let message: DNSMessage
            do {
                message = try self.decoder.decode(bytes)
            } catch {
                throw Failure.malformed(error)
            }
            guard Self.matches(message, id: id, question: question) else {
                throw Failure.io("TCP answer does not match the query")
            }
            return message
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Self.classify(error)
        }
    }

    static func matches(_ message: DNSMessage, id: UInt16, question: DNSQuestion) -> Bool {
        message.id == id && message.flags.isResponse && message.questions.count == 1
            && message.questions[0].name == question.name && message.questions[0].type == question.type
    }

    static func classify(_ error: any Error) -> Failure {
        if error is ChannelError, case .ioOnClosedChannel? = error as? ChannelError { return .timeout }
        if case .connectTimeout? = error as? ChannelError { return .timeout }
        if let failure = error as? Failure { return failure }
        return .io(String(describing: type(of: error)))
    }
}
