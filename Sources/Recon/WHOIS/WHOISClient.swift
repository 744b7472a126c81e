public import NIOCore
public import NIOPosix

/// An RFC 3912 WHOIS client: one query line over TCP, the answer read to the close, referrals followed.
///
/// Server names are resolved only through the injected `resolve` closure and every address is checked
/// with the injected `isAllowed` scope hook before a connection is made, so tests stay on loopback and
/// production follows the administrator's scope. Failures are recorded ``UnknownReason`` values.
public final class WHOISClient: Sendable {
    /// Resolves a server host name to addresses.
    public typealias Resolver = @Sendable (String) async -> [IPAddress]
    /// Decides whether an address and port may be contacted.
    public typealias ScopeCheck = @Sendable (IPAddress, Int) -> Bool

    /// The configuration in force.
    public let configuration: WHOISClientConfiguration
    let resolve: Resolver
    let isAllowed: ScopeCheck
    let clock: ReconClock
    let group: any EventLoopGroup

    /// Creates a client.
    public init(
        configuration: WHOISClientConfiguration = .init(),
        resolve: @escaping Resolver,
        isAllowed: @escaping ScopeCheck,
        clock: ReconClock = .system,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.resolve = resolve
        self.isAllowed = isAllowed
        self.clock = clock
        self.group = eventLoopGroup
    }

    /// Validates a query: 1 to ``WHOISClientConfiguration/maximumQueryLength`` printable ASCII characters,
    /// so no CR, LF or other control byte can inject a second line.
    public static func isValidQuery(_ query: String, maximumLength: Int = 256) -> Bool {
        let bytes = query.utf8
        return !bytes.isEmpty && bytes.count <= maximumLength && bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Asks `query` (an address, network, AS number or domain) starting at the configured server.
    public func lookup(_ query: String) async -> Lookup<WHOISRecord> {
        let started = self.clock.now()
        var servers: [String] = []
        func finish(_ outcome: Lookup<WHOISRecord>.Outcome) -> Lookup<WHOISRecord> {
            let source = LookupSource(kind: "whois", server: servers.last ?? self.configuration.initialServer)
            let provenance = LookupProvenance(
                source: source,
                startedAt: started,
                duration: started.duration(to: self.clock.now()),
                fromCache: false
            )
            return Lookup(outcome, provenance: provenance)
        }
        guard Self.isValidQuery(query, maximumLength: self.configuration.maximumQueryLength) else {
            return finish(
                .unknown(.invalidInput("query must be 1-\(self.configuration.maximumQueryLength) printable ASCII"))
            )
        }
        let monotonic = ContinuousClock()
        let deadline = monotonic.now.advanced(by: self.configuration.deadline)
        var merged = WHOISResponse()
        var truncated = false
        var visited: Set<String> = []
        var next: WHOISResponse.Referral? = WHOISResponse.Referral(
            host: self.configuration.initialServer.lowercased(),
            port: self.configuration.port
        )
        var stop: String? = nil
        var answered = false
        while let server = next {
            next = nil
            let key = "\(server.host):\(server.port)"
            guard visited.insert(key).inserted else {
                stop = "loop"
                break
            }
            guard visited.count <= self.configuration.maximumReferrals + 1 else {
                stop = "depth"
                break
            }
            servers.append(key)
            let remaining = monotonic.now.duration(to: deadline)
            guard remaining > .zero else {
                stop = "deadline"
                break
            }
            let result = await self.ask(
                query,
                server: server,
                timeout: min(remaining, self.configuration.serverTimeout)
            )
            switch result {
            case .failed(let reason):
                if !answered { return finish(.unknown(reason)) }
                stop = reason.code == "out-of-scope" ? "out-of-scope" : "unreachable"
            case .answer(let text, let wasTruncated):
                answered = true
                truncated = truncated || wasTruncated
                let response = WHOISResponse.parse(text, defaultPort: self.configuration.port)
                merged.merge(response)
                next = response.referral
            }
        }
        merged.referral = nil
        let record = WHOISRecord(servers: servers, response: merged, truncated: truncated, referralStop: stop)
        return finish(.known(record))
    }

    private func ask(
        _ query: String,
        server: WHOISResponse.Referral,
        timeout: Duration
    ) async
        -> AskResult
    {
        let addresses: [IPAddress]
        if let literal = IPAddress(server.host) {
            addresses = [literal]
        } else {
            addresses = await self.resolve(server.host)
        }
        guard let address = addresses.first(where: { self.isAllowed($0, server.port) }) else {
            return .failed(
                addresses.isEmpty
                    ? .notFound("cannot resolve \(server.host)") : .outOfScope("\(server.host) not allowed")
            )
        }
        let limit = self.configuration.maximumResponseBytes
        do {
            let socketAddress = try SocketAddress(ipAddress: address.description, port: server.port)
            let channel = try await ClientBootstrap(group: self.group)
                .connectTimeout(timeout.timeAmount)
                .connect(to: socketAddress) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            let underlying = channel.channel
            let timer = underlying.eventLoop.scheduleTask(in: timeout.timeAmount) { underlying.close(promise: nil) }
            defer { timer.cancel() }
            let (bytes, wasTruncated): ([UInt8], Bool) = try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: query + "\r\n"))
                var received: [UInt8] = []
                for try await chunk in inbound {
                    received += chunk.readableBytesView.prefix(limit - received.count)
                    if received.count >= limit { return (received, true) }
                }
                return (received, false)
            }
            return .answer(String(decoding: bytes, as: UTF8.self), wasTruncated)
        } catch {
            if case .connectTimeout? = error as? ChannelError { return .failed(.timeout("connect to \(server.host)")) }
            if case .ioOnClosedChannel? = error as? ChannelError { return .failed(.timeout("\(server.host) too slow")) }
            return .failed(.io("\(server.host): \(type(of: error))"))
        }
    }
}

enum AskResult {
    case answer(String, Bool)
    case failed(UnknownReason)
}

extension WHOISResponse {
    mutating func merge(_ other: WHOISResponse) {
        self.organisation = other.organisation ?? self.organisation
        self.networkRange = other.networkRange ?? self.networkRange
        self.cidr = other.cidr ?? self.cidr
        self.networkName = other.networkName ?? self.networkName
        self.country = other.country ?? self.country
        self.referral = other.referral
    }
}
