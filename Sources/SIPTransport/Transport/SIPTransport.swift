public import Logging
public import NIOCore
import NIOPosix
import NIOSSL
import SIPCore

/// The SIP transport layer (RFC 3261 §18): UDP, TCP and TLS listeners on one event loop, framing and parsing
/// of what arrives, and sending to a ``SIPTarget``.
///
/// Everything runs on one event loop: the channels of every listener and connection are registered on it and
/// the ``delegate`` is called on it, so the stack above needs no locks and hands nothing between threads.
/// A UDP datagram is parsed in the channel handler and delivered synchronously: there is no task per packet
/// and no queue to overflow, and the socket's receive buffer (asked as large as the system allows) absorbs
/// bursts. UDP responses sent while a socket delivers what one readable event brought (`recvmmsg` calls of
/// ``Configuration/udpVectorReadCount`` datagrams) are written, and flushed together when the read ends, so
/// the kernel gets them in one `sendmmsg`; a send outside a read (a timer's retransmission) is flushed at once.
///
/// Stream connections are bounded in total and per source address and closed after an idle time; when a
/// bound is hit a new connection is closed as soon as it is accepted, and counted in ``statistics``.
///
/// The type is confined to ``eventLoop``: call ``send(_:to:)`` and read ``statistics`` there.
public final class SIPTransport: @unchecked Sendable {
    /// The loop every channel and every delegate call runs on.
    public let eventLoop: any EventLoop
    /// The configuration it was created with.
    public let configuration: Configuration
    /// Receives messages and send reports; set it before ``start()``.
    public weak var delegate: (any SIPTransportDelegate)?

    private let logger: Logger
    private var udpChannels: [any Channel] = []
    private var serverChannels: [any Channel] = []
    private var connections: [SIPConnectionID: Connection] = [:]
    private var connectionsBySource: [String: Int] = [:]
    private var connectionsByRemote: [SocketAddress: SIPConnectionID] = [:]
    private var nextConnectionID: UInt64 = 1
    private var sslContext: NIOSSLContext?
    private var counters = Statistics()
    /// Whether a UDP socket is delivering a batch of datagrams now: responses sent meanwhile are written and
    /// flushed together when the batch ends (one `sendmmsg` instead of a `sendmsg` each).
    private var readingDatagrams = false
    /// The UDP channels written to since the batch began, to flush when it ends.
    private var unflushedUDPChannels: [any Channel] = []

    /// Counters of what the transport refused or could not do.
    public struct Statistics: Sendable, Hashable {
        /// Connections closed at once because of ``Configuration/maximumConnections``.
        public var connectionsRefusedTotal = 0
        /// Connections closed at once because of ``Configuration/maximumConnectionsPerSource``.
        public var connectionsRefusedPerSource = 0
        /// Errors reported by UDP sockets (ICMP unreachable after a send, …).
        public var udpErrors = 0
        /// Sends that failed.
        public var sendFailures = 0
        /// The UDP receive buffer the system granted, per socket, in bytes.
        public var grantedReceiveBuffers: [Int] = []
        /// Stream connections open now.
        public var openConnections = 0
    }

    private struct Connection {
        var channel: any Channel
        var source: String
        var kind: SIPTransportKind
    }

    /// A transport that will listen on `configuration.listen` once started.
    public init(configuration: Configuration, eventLoop: any EventLoop, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
    }

    /// Counters; read on ``eventLoop``.
    public var statistics: Statistics {
        var counters = self.counters
        counters.openConnections = self.connections.count
        return counters
    }

    /// The addresses actually bound, in the order of ``Configuration/listen`` (with system-chosen ports filled in).
    public private(set) var boundAddresses: [(SIPTransportKind, SocketAddress)] = []

    // MARK: Lifecycle

    /// Binds every listen address. Throws if any fails (the ones already bound are closed).
    public func start() async throws {
        if self.configuration.listen.contains(where: { $0.transport == .tls }) {
            guard let tls = self.configuration.tls else { throw SIPTransportError.tlsMaterialMissing() }
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(file: tls.privateKeyPath, format: .pem)
            let tlsConfiguration = NIOSSL.TLSConfiguration.makeServerConfiguration(
                certificateChain: chain,
                privateKey: .privateKey(key)
            )
            self.sslContext = try NIOSSLContext(configuration: tlsConfiguration)
        }
        do {
            for address in self.configuration.listen {
                switch address.transport {
                case .udp: try await self.bindUDP(address)
                case .tcp, .tls: try await self.bindStream(address)
                }
            }
        } catch {
            await self.close()
            throw error
        }
    }

    /// Closes every listener and connection.
    public func close() async {
        let channels = try? await self.eventLoop.submit { () -> [any Channel] in
            let all = self.udpChannels + self.serverChannels + self.connections.values.map(\.channel)
            self.udpChannels = []
            self.serverChannels = []
            return all
        }.get()
        for channel in channels ?? [] {
            try? await channel.close()
        }
    }

    private func bindUDP(_ address: SIPListenAddress) async throws {
        let limits = self.configuration.parserLimits
        let channel = try await DatagramBootstrap(group: self.eventLoop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.receivePacketInfo, value: true)
            .channelOption(.datagramVectorReadMessageCount, value: self.configuration.udpVectorReadCount)
            .channelOption(.socketOption(.so_rcvbuf), value: self.configuration.udpReceiveBufferSize)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(transport: self, limits: limits))
                }
            }
            .bind(host: address.host, port: address.port)
            .get()
        let granted = (try? await channel.getOption(ChannelOptions.socketOption(.so_rcvbuf)).get()) ?? 0
        try await self.eventLoop.submit {
            self.udpChannels.append(channel)
            self.counters.grantedReceiveBuffers.append(granted)
            if let local = channel.localAddress { self.boundAddresses.append((.udp, local)) }
        }.get()
        self.logger.info(
            "listening",
            metadata: [
                "sip.transport": "udp", "sip.local": "\(channel.localAddress.map { "\($0)" } ?? "?")",
                "sip.udp.receive_buffer.requested": "\(self.configuration.udpReceiveBufferSize)",
                "sip.udp.receive_buffer.granted": "\(granted)",
            ]
        )
    }

    private func bindStream(_ address: SIPListenAddress) async throws {
        let kind = address.transport
        let channel = try await ServerBootstrap(group: self.eventLoop, childGroup: self.eventLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    _ = try self.adopt(channel, kind: kind, accepted: true)
                }
            }
            .bind(host: address.host, port: address.port)
            .get()
        try await self.eventLoop.submit {
            self.serverChannels.append(channel)
            if let local = channel.localAddress { self.boundAddresses.append((kind, local)) }
        }.get()
        self.logger.info(
            "listening",
            metadata: ["sip.transport": "\(kind)", "sip.local": "\(channel.localAddress.map { "\($0)" } ?? "?")"]
        )
    }

    /// Admits a new stream channel (accepted or opened) under the connection bounds and sets up its pipeline.
    private func adopt(_ channel: any Channel, kind: SIPTransportKind, accepted: Bool) throws -> SIPConnectionID {
        self.eventLoop.assertInEventLoop()
        let source = channel.remoteAddress?.ipAddress ?? "?"
        guard self.connections.count < self.configuration.maximumConnections else {
            self.counters.connectionsRefusedTotal += 1
            throw SIPTransportError.tooManyConnections(limit: self.configuration.maximumConnections)
        }
        guard self.connectionsBySource[source, default: 0] < self.configuration.maximumConnectionsPerSource else {
            self.counters.connectionsRefusedPerSource += 1
            throw SIPTransportError.tooManyConnections(limit: self.configuration.maximumConnectionsPerSource)
        }
        let id = SIPConnectionID(rawValue: self.nextConnectionID)
        self.nextConnectionID += 1
        let idle = TimeAmount.nanoseconds(Int64(self.configuration.idleTimeout.components.seconds) * 1_000_000_000)
        let sync = channel.pipeline.syncOperations
        if kind == .tls {
            guard let context = self.sslContext else { throw SIPTransportError.tlsMaterialMissing() }
            if accepted {
                try sync.addHandler(NIOSSLServerHandler(context: context))
            } else {
                try sync.addHandler(try NIOSSLClientHandler(context: context, serverHostname: nil))
            }
        }
        try sync.addHandler(IdleStateHandler(allTimeout: idle))
        try sync.addHandler(
            SIPStreamHandler(transport: self, kind: kind, id: id, limits: self.configuration.parserLimits)
        )
        self.connections[id] = Connection(channel: channel, source: source, kind: kind)
        self.connectionsBySource[source, default: 0] += 1
        if let remote = channel.remoteAddress { self.connectionsByRemote[remote] = id }
        return id
    }

    // MARK: From the handlers

    /// A UDP socket starts delivering datagrams (called for each; idempotent until ``datagramsRead()``).
    func readingDatagramsBegan() {
        self.readingDatagrams = true
    }

    /// A UDP socket has delivered what it read in one go: flush the responses written meanwhile.
    func datagramsRead() {
        self.readingDatagrams = false
        let channels = self.unflushedUDPChannels
        self.unflushedUDPChannels.removeAll(keepingCapacity: true)
        for channel in channels { channel.flush() }
    }

    /// Whether a UDP write to `channel` may wait for the end of the read batch; notes it for the flush.
    func deferFlush(of channel: any Channel) -> Bool {
        guard self.readingDatagrams else { return false }
        if !self.unflushedUDPChannels.contains(where: { $0 === channel }) { self.unflushedUDPChannels.append(channel) }
        return true
    }

    func deliver(_ message: SIPInboundMessage) {
        self.delegate?.transport(received: message)
    }

    func deliver(_ rejected: SIPRejectedBytes) {
        self.delegate?.transport(rejected: rejected)
    }

    func connectionClosed(_ id: SIPConnectionID) {
        guard let connection = self.connections.removeValue(forKey: id) else { return }
        let left = self.connectionsBySource[connection.source, default: 1] - 1
        self.connectionsBySource[connection.source] = left > 0 ? left : nil
        if let remote = connection.channel.remoteAddress, self.connectionsByRemote[remote] == id {
            self.connectionsByRemote[remote] = nil
        }
    }

    func noteUDPError(_ error: any Error) {
        self.counters.udpErrors += 1
    }

    // MARK: For sending

    func noteSendFailure() {
        self.counters.sendFailures += 1
    }

    func adoptOutgoing(_ channel: any Channel, kind: SIPTransportKind) throws -> SIPConnectionID {
        try self.adopt(channel, kind: kind, accepted: false)
    }

    func connectionID(to remote: SocketAddress) -> SIPConnectionID? {
        self.connectionsByRemote[remote]
    }

    func channel(of id: SIPConnectionID) -> (any Channel)? {
        self.connections[id]?.channel
    }

    /// The UDP socket for a target: the one bound to its local address, else one of the remote's family.
    func udpChannel(for target: SIPTarget) -> (any Channel)? {
        if let local = target.local,
            let exact = self.udpChannels.first(where: {
                $0.localAddress?.port == local.port
                    && ($0.localAddress?.ipAddress == local.ipAddress || Self.isWildcard($0.localAddress))
            })
        {
            return exact
        }
        return self.udpChannels.first(where: { $0.localAddress?.protocol == target.remote.protocol })
            ?? self.udpChannels.first
    }

    private static func isWildcard(_ address: SocketAddress?) -> Bool {
        address?.ipAddress == "0.0.0.0" || address?.ipAddress == "::"
    }
}
