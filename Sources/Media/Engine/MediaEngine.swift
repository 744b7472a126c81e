public import NIOCore
public import NIOPosix
public import RTP
import Synchronization

/// Creates and bounds media sessions: one per call, each with an RTP/RTCP port pair from the configured range.
///
/// The engine holds the port allocator and the session count behind a mutex; sessions release both when they
/// stop. It owns no threads: sessions run on the event loop group given (by default the shared singleton).
public final class MediaEngine: Sendable {
    private struct State {
        var ports: MediaPortAllocator
        var sessions = 0
        var nextID: UInt64 = 1
    }

    /// The configuration in force.
    public let configuration: MediaConfiguration

    private let group: any EventLoopGroup
    private let state: Mutex<State>

    /// Creates an engine.
    ///
    /// - Parameters:
    ///   - configuration: Ports, limits and timings.
    ///   - group: The event loops sessions run on. Default `MultiThreadedEventLoopGroup.singleton`.
    public init(
        configuration: MediaConfiguration = MediaConfiguration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.group = group
        self.state = Mutex(State(ports: MediaPortAllocator(range: configuration.portRange)))
    }

    /// The number of sessions open now.
    public var sessionCount: Int {
        self.state.withLock { $0.sessions }
    }

    /// Opens a session: reserves a slot and a port pair, binds both sockets and starts RTCP.
    ///
    /// Ports whose sockets cannot be bound (another process has them) are skipped, up to
    /// ``MediaConfiguration/maximumBindAttempts``.
    ///
    /// - Parameters:
    ///   - parameters: What the SDP negotiation produced.
    ///   - observer: Called for every RTP/RTCP datagram received or sent, on the session's event loop (keep it
    ///     quick; it runs on the packet path).
    ///   - onDigit: Called once per telephone-event received, on the session's event loop.
    /// - Throws: ``MediaError`` with ``MediaError/Code/tooManySessions`` or ``MediaError/Code/noPortAvailable``.
    ///   - port: The RTP port to bind (RTCP on the next one), when the SDP already names it; it must be an even
    ///     port of the range that is not in use. `nil`: the engine picks one.
    ///   - host: The address to bind, when it must be the one of the SDP; `nil`: ``MediaConfiguration/host``.
    public func makeSession(
        _ parameters: MediaSession.Parameters,
        port requestedPort: Int? = nil,
        host: String? = nil,
        observer: (@Sendable (MediaPacketEvent) -> Void)? = nil,
        onDigit: (@Sendable (TelephoneEventReceiverDetected) -> Void)? = nil
    ) async throws -> MediaSession {
        let id: UInt64 = try self.state.withLock { state in
            guard state.sessions < self.configuration.maximumSessions else {
                throw MediaError(
                    code: .tooManySessions,
                    message: "\(state.sessions) media sessions are open, the limit is "
                        + "\(self.configuration.maximumSessions)"
                )
            }
            state.sessions += 1
            defer { state.nextID += 1 }
            return state.nextID
        }
        let eventLoop = self.group.next()
        let bound: (port: Int, rtp: any Channel, rtcp: any Channel)
        do {
            if let requestedPort {
                bound = try await self.bindPair(port: requestedPort, host: host, on: eventLoop)
            } else {
                bound = try await self.bindPair(on: eventLoop, host: host)
            }
        } catch {
            self.state.withLock { $0.sessions -= 1 }
            throw error
        }
        let configuration = self.configuration
        let port = bound.port
        let release: @Sendable () -> Void = { [weak self] in
            self?.state.withLock { state in
                state.sessions -= 1
                state.ports.release(port)
            }
        }
        let core: NIOLoopBound<MediaSessionCore>
        do {
            core = try await eventLoop.submit {
                let core = MediaSessionCore(
                    id: id,
                    eventLoop: eventLoop,
                    configuration: configuration,
                    parameters: parameters,
                    rtpChannel: bound.rtp,
                    rtcpChannel: bound.rtcp,
                    observer: observer,
                    onDigit: onDigit
                )
                try bound.rtp.pipeline.syncOperations.addHandler(MediaDatagramHandler(core: core, kind: .rtp))
                try bound.rtcp.pipeline.syncOperations.addHandler(MediaDatagramHandler(core: core, kind: .rtcp))
                core.start()
                return NIOLoopBound(core, eventLoop: eventLoop)
            }.get()
        } catch {
            try? await bound.rtp.close()
            try? await bound.rtcp.close()
            release()
            throw error
        }
        return MediaSession(id: id, rtpPort: port, eventLoop: eventLoop, core: core, release: release)
    }

    private func bindPair(
        port: Int,
        host: String?,
        on eventLoop: any EventLoop
    ) async throws
        -> (port: Int, rtp: any Channel, rtcp: any Channel)
    {
        guard self.state.withLock({ $0.ports.reserve(port: port) }) else {
            throw MediaError(code: .noPortAvailable, message: "RTP port \(port) is not a free even port of the range")
        }
        do {
            let rtp = try await self.bind(port: port, host: host, on: eventLoop)
            do {
                let rtcp = try await self.bind(port: port + 1, host: host, on: eventLoop)
                return (port, rtp, rtcp)
            } catch {
                try? await rtp.close()
                throw error
            }
        } catch {
            self.state.withLock { $0.ports.release(port) }
            throw MediaError(code: .noPortAvailable, message: "RTP port \(port) cannot be bound", cause: error)
        }
    }

    private func bindPair(
        on eventLoop: any EventLoop,
        host: String? = nil
    ) async throws
        -> (port: Int, rtp: any Channel, rtcp: any Channel)
    {
        var lastError: (any Error)?
        for _ in 0..<self.configuration.maximumBindAttempts {
            guard let port = self.state.withLock({ $0.ports.reserve() }) else {
                break
            }
            do {
                let rtp = try await self.bind(port: port, host: host, on: eventLoop)
                do {
                    let rtcp = try await self.bind(port: port + 1, host: host, on: eventLoop)
                    return (port, rtp, rtcp)
                } catch {
                    try? await rtp.close()
                    throw error
                }
            } catch {
                lastError = error
                self.state.withLock { $0.ports.release(port) }
            }
        }
        throw MediaError(
            code: .noPortAvailable,
            message: "no free RTP/RTCP port pair in \(self.configuration.portRange)",
            cause: lastError
        )
    }

    private func bind(port: Int, host: String?, on eventLoop: any EventLoop) async throws -> any Channel {
        try await DatagramBootstrap(group: eventLoop)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 2_048))
            .channelOption(.maxMessagesPerRead, value: 16)
            .bind(host: host ?? self.configuration.host, port: port)
            .get()
    }
}

/// The event a session reports for each telephone-event received (``RTP/TelephoneEventReceiver/Detected``).
public typealias TelephoneEventReceiverDetected = TelephoneEventReceiver.Detected
