import Agent
import Foundation
public import Logging
import Media
import NIOCore
import NIOPosix
import SIPCore
import SIPTransactions
public import SIPTransport
public import ServiceLifecycle
public import Storage

/// The running honeypot as a `Service`: binds the transport, answers through the stack, registers the
/// environment's URIs, writes the status file every 2 s; on graceful shutdown un-registers (3 s at most) and
/// closes the sockets.
public final class HoneyphoneService: Service, Sendable {
    let environment: HoneyphoneEnvironment
    let stack: SIPStack
    let writer: TraceWriter
    let logger: Logger
    let statusPath: String
    let accounts: [RegistrationAccount]
    let announce: @Sendable (String) -> Void
    let media: MediaCoordinator

    /// A service for `environment` whose traces go to `writer`; `announce` receives the lines printed at start;
    /// `requestObserver` (the investigation's bounded queue) receives every new request on the event loop; `profiles`
    /// decides calls when it holds an active profile (else the environment's built-in policy).
    public init(
        environment: HoneyphoneEnvironment,
        writer: TraceWriter,
        logger: Logger,
        announce: @escaping @Sendable (String) -> Void,
        requestObserver: (@Sendable (SIPInboundMessage) -> Void)? = nil,
        profiles: ProfileSelector? = nil
    ) throws {
        self.environment = environment
        self.writer = writer
        self.logger = logger
        self.announce = announce
        self.statusPath = environment.dataFolder + "/status.json"
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        var tls: SIPTransport.TLSConfiguration?
        if environment.listen.contains(where: { $0.transport == .tls }) {
            tls = try TLSMaterial.ensure(environment: environment, logger: logger)
        }
        let transport = SIPTransport(
            configuration: .init(
                listen: environment.listen,
                udpReceiveBufferSize: environment.udpReceiveBuffer,
                maximumConnections: environment.tcpMaximumConnections,
                maximumConnectionsPerSource: environment.tcpMaximumConnectionsPerSource,
                idleTimeout: environment.tcpIdleTimeout,
                tls: tls
            ),
            eventLoop: loop,
            logger: logger
        )
        let personas = environment.personas
        let defaultPersona = personas[environment.personaID] ?? Persona.builtIn[Persona.defaultID]!
        var byUser: [String: Persona] = [:]
        for account in environment.accounts { byUser[account.user] = personas[account.personaID] ?? defaultPersona }
        let policy = environment.policy
        // A behaviour profile, when one is active, decides every call; else the environment's built-in policy.
        var coreConfiguration = UserAgentCore.Configuration(
            defaultPersona: defaultPersona,
            personaByUser: byUser,
            unknownUserStatus: environment.unknownUserStatus,
            maximumDialogs: environment.maximumDialogs,
            rtpPorts: environment.rtpPorts,
            controllerFactory: { call in profiles?.controller(for: call) ?? BuiltInCallPolicy(settings: policy) }
        )
        if let profiles { coreConfiguration.registerChallenge = { profiles.registerRealm } }
        let core = UserAgentCore(configuration: coreConfiguration)
        let table = SIPTransactionTable(
            configuration: .init(
                maximumTransactions: environment.maximumTransactions,
                tryingHeaders: [.init("Server", defaultPersona.server)],
                // A flood of OPTIONS or REGISTERs fills the table within seconds (each lives 32 s): past
                // `max-stateful-non-invite` (or half full) they are answered as a stateless UAS instead of kept
                // or dropped, and the rest of the table stays for INVITEs.
                statelessUnderLoad: true,
                maximumStatefulNonInvite: environment.maximumStatefulNonInvite
            )
        )
        self.stack = SIPStack(
            transport: transport,
            core: core,
            table: table,
            traceSink: { writer.submit($0) },
            logger: logger
        )
        self.accounts = try Self.registrationAccounts(environment, personas: personas, defaultPersona: defaultPersona)
        // Investigation: set before the transport starts (the stack reads it on its loop from then on).
        self.stack.requestObserver = requestObserver
        // Media: a session per answered call on the SDP's port; files from DATA/media, then ./Media.
        let stack = self.stack
        self.media = MediaCoordinator(
            engine: MediaEngine(
                configuration: MediaConfiguration(
                    portRange: Int(environment.rtpPorts.lowerBound)...Int(environment.rtpPorts.upperBound) + 1
                )
            ),
            mediaFolders: [environment.dataFolder + "/media", "Media", "/usr/share/honeyphone/media"],
            recordingsFolder: environment.dataFolder + "/recordings",
            logger: logger,
            deliverDigit: { digit, id in stack.deliverDigit(digit, dialog: id) }
        )
        self.stack.mediaHandler = self.media
    }

    public func run() async throws {
        try await self.stack.transport.start()
        let bound = try await self.stack.eventLoop.submit { self.stack.transport.boundAddresses }.get()
        self.announce(
            "honeyphone: \(self.environment.identity) listening on "
                + bound.map { "\($0.0) \($0.1.ipAddress ?? "?"):\($0.1.port ?? 0)" }.joined(separator: ", ")
        )
        for account in self.environment.accounts {
            self.announce("honeyphone: uri \(account.aor) as \(account.personaID)")
        }
        if let registrar = self.environment.registrar {
            self.announce("honeyphone: registering \(self.accounts.count) URI(s) at \(registrar)")
        }
        try await self.stack.eventLoop.submit { self.stack.startRegistrations(self.accounts) }.get()
        await withGracefulShutdownHandler {
            while !Task.isCancelled {
                await self.writeStatus()
                try? await Task.sleep(for: .seconds(2))
                if Task.isShuttingDownGracefully { break }
            }
        } onGracefulShutdown: {
            self.logger.info("shutting down")
        }
        let stack = self.stack
        try? await stack.eventLoop.flatSubmit { stack.stopRegistrations(timeout: .seconds(3)) }.get()
        await self.media.stopAll()
        await self.writeStatus()
        await stack.transport.close()
        self.announce("honeyphone: stopped")
    }

    /// Writes `status.json` in the data folder (read by `honeyphone status`).
    func writeStatus() async {
        guard let snapshot = await self.snapshot() else { return }
        snapshot.write(to: self.statusPath)
    }

    /// The running honeypot's counters now (read on the stack's event loop; /proc off it).
    public func snapshot() async -> StatusSnapshot? {
        let stack = self.stack
        guard
            var snapshot = try? await stack.eventLoop.submit({
                StatusSnapshot(
                    identity: self.environment.identity,
                    pid: Int(getpid()),
                    updatedAt: Date().timeIntervalSince1970,
                    listening: stack.transport.boundAddresses.map {
                        "\($0.0) \($0.1.ipAddress ?? "?"):\($0.1.port ?? 0)"
                    },
                    messages: stack.statistics,
                    dialogs: stack.dialogCount,
                    transactions: stack.transactionCount,
                    registrations: stack.registrationStatuses(),
                    traces: .init(self.writer.statistics),
                    grantedReceiveBuffers: stack.transport.statistics.grantedReceiveBuffers,
                    openConnections: stack.transport.statistics.openConnections,
                    refusedConnections: stack.transport.statistics.connectionsRefusedTotal
                        + stack.transport.statistics.connectionsRefusedPerSource,
                    kernelUDPDrops: nil
                )
            }).get()
        else { return nil }
        let udpSockets = snapshot.listening.compactMap { line -> (address: String, port: Int)? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let colon = parts[1].lastIndex(of: ":"),
                let port = Int(parts[1][parts[1].index(after: colon)...])
            else { return nil }
            return (address: String(parts[1][..<colon]), port: port)
        }
        snapshot.kernelUDPDrops = KernelUDPDrops.count(boundTo: udpSockets)
        return snapshot
    }

    static func registrationAccounts(
        _ environment: HoneyphoneEnvironment,
        personas: [String: Persona],
        defaultPersona: Persona
    ) throws -> [RegistrationAccount] {
        guard let registrar = environment.registrar else { return [] }
        let server = environment.outboundProxy ?? registrar
        let destination = try SocketAddress.makeAddressResolvingHost(server.host, port: server.port)
        return environment.accounts.filter(\.register).map { account in
            RegistrationAccount(
                aor: account.aor,
                user: account.user,
                domain: account.domain,
                authUsername: account.authUser,
                password: account.password,
                expires: account.expires,
                persona: personas[account.personaID] ?? defaultPersona,
                transport: server.transport,
                destination: destination
            )
        }
    }
}

/// The trace writer as a `Service`: flushes until graceful shutdown reaches it, then flushes what is left.
public struct TraceWriterService: Service {
    let writer: TraceWriter

    /// Wraps `writer`.
    public init(writer: TraceWriter) {
        self.writer = writer
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await self.writer.run()
        }
    }
}
