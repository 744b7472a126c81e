import Agent
import Foundation
public import Logging
import Recon
public import Reporting
import SIPTransport
import ServiceLifecycle
import Storage
import UnixSignals
import WebUI

/// `honeyphone run`: reads the environment (the embedded default when no file is given), opens the trace store
/// in the data folder and runs the honeypot until SIGINT or SIGTERM.
public struct RunCommandRunner: Sendable {
    /// The environment file, or `nil` for ``HoneyphoneEnvironment/defaultText``.
    public var environmentPath: String?
    /// Overrides of the environment from the command line.
    public var dataFolder: String?
    public var port: Int?
    /// The investigation settings file (`--investigation`), or `nil` for ``InvestigationSettings/init()``.
    public var investigationPath: String?
    /// The behaviour profile (`--profile NAME|FILE`), or `nil` for the environment's built-in call policy.
    public var profile: String?
    /// The user profiles folder (`--profiles`), or `nil` for `DATA/profiles`.
    public var profilesFolder: String?
    /// The web interface's address (`--web-listen HOST:PORT|none`), or `nil` for the environment's.
    public var webListen: String?

    /// A runner.
    public init(
        environmentPath: String?,
        dataFolder: String?,
        port: Int?,
        investigationPath: String? = nil,
        profile: String? = nil,
        profilesFolder: String? = nil,
        webListen: String? = nil
    ) {
        self.environmentPath = environmentPath
        self.dataFolder = dataFolder
        self.port = port
        self.investigationPath = investigationPath
        self.profile = profile
        self.profilesFolder = profilesFolder
        self.webListen = webListen
    }

    /// The active profile of the run, loaded before anything starts (an invalid profile stops the start with
    /// the parser's `file:line:column` error: never a half-configured honeyphone).
    public func loadProfile(environment: HoneyphoneEnvironment) throws(ProfileError) -> ActiveProfile? {
        guard let reference = self.profile else { return nil }
        return try ActiveProfile(reference: reference, library: self.library(environment: environment))
    }

    /// The profiles database: the built-in profiles and the user folder (`--profiles`, else `DATA/profiles`).
    public func library(environment: HoneyphoneEnvironment) -> ProfileLibrary {
        ProfileLibrary(userFolder: self.profilesFolder ?? environment.dataFolder + "/profiles")
    }

    /// Loads the environment with the overrides applied.
    /// The environment file in force: `--environment`, else the environment part of a profile given as a file
    /// (`NAME.env` beside `NAME.profile`, or beside it in `--profiles`), else `nil` (the embedded default).
    public var effectiveEnvironmentPath: String? {
        if let path = self.environmentPath { return path }
        guard let reference = self.profile else { return nil }
        var candidates: [String] = []
        if reference.contains("/") || reference.hasSuffix(".profile") {
            candidates.append(
                reference.hasSuffix(".profile") ? String(reference.dropLast(8)) + ".env" : reference + ".env"
            )
        } else if let folder = self.profilesFolder {
            candidates.append(folder + "/" + reference + ".env")
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    public func loadEnvironment() throws -> HoneyphoneEnvironment {
        let text: String
        let name: String
        if let path = self.effectiveEnvironmentPath {
            text = try String(contentsOfFile: path, encoding: .utf8)
            name = path
        } else {
            text = HoneyphoneEnvironment.defaultText
            name = "default-environment"
        }
        let base =
            (self.effectiveEnvironmentPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }) ?? "."
        var environment = try HoneyphoneEnvironment(text: text, fileName: name) { file in
            let path = file.hasPrefix("/") ? file : base + "/" + file
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        if let folder = self.dataFolder { environment.dataFolder = folder }
        if let listen = self.webListen {
            if listen == "none" {
                environment.web = nil
            } else {
                guard let (host, port) = HoneyphoneEnvironment.hostPort(listen), (0...65_535).contains(port) else {
                    throw SettingsError(
                        file: "--web-listen",
                        line: 1,
                        column: 1,
                        message: "expected HOST:PORT or 'none'"
                    )
                }
                var web = environment.web ?? WebConfiguration()
                web.host = host
                web.port = port
                environment.web = web
            }
        }
        if let port = self.port {
            environment.listen = environment.listen.map {
                var copy = $0
                copy.port = port
                return copy
            }
        }
        return environment
    }

    /// Runs until a shutdown signal; `print` receives the lines the command prints.
    public func run(logger: Logger, print: @escaping @Sendable (String) -> Void) async throws {
        let environment = try self.loadEnvironment()
        let profile = try self.loadProfile(environment: environment)
        try FileManager.default.createDirectory(atPath: environment.dataFolder, withIntermediateDirectories: true)
        let storePath = environment.dataFolder + "/traces.sqlite"
        let store = try SQLiteTraceStore(path: storePath)
        let writer = TraceWriter(store: store)
        print("honeyphone: trace store \(storePath)")
        // Events: the environment's sinks and the in-process subscribers, fed with every verdict.
        let events = try Self.eventHub(environment: environment, logger: logger)
        for sink in events.sinks {
            print("honeyphone: events \(sink.name)\(sink.filter == .alerts ? " (alerts)" : "")")
        }
        // Investigation and verdicts (stored in the same database, table `verdict`).
        let investigation = try await self.investigationService(
            environment: environment,
            store: store,
            logger: logger,
            publish: { record, inbound in
                guard events.hasListeners else { return }
                events.publish(HoneyphoneEvent(record: record, inbound: inbound, nodeID: environment.identity))
            }
        )
        if self.investigationPath != nil {
            print("honeyphone: investigation \(investigation.analyzer.toolkit.settings.probing.rawValue)")
        }
        let selector = ProfileSelector(library: self.library(environment: environment), initial: profile)
        let honeyphone = try HoneyphoneService(
            environment: environment,
            writer: writer,
            logger: logger,
            announce: print,
            requestObserver: { investigation.submit($0) },
            profiles: selector
        )
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: TraceWriterService(writer: writer)),
            .init(service: events),
            .init(service: investigation),
            .init(service: honeyphone),
            .init(service: ProfileReloadService(selector: selector, logger: logger)),
        ]
        if let profile { print("honeyphone: profile \(profile.summary); SIGHUP reloads it") }
        if let web = environment.web {
            let (credentials, announcement) = try WebAdminFile.credentials(
                configuration: web,
                dataFolder: environment.dataFolder
            )
            if let announcement { print(announcement) }
            let backend = HoneyphoneBackend(
                environment: environment,
                selector: selector,
                parts: self.backendParts(
                    honeyphone: honeyphone,
                    investigation: investigation,
                    events: events,
                    store: store,
                    environment: environment
                )
            )
            let site = try WebSite(
                store: store,
                backend: backend,
                credentials: credentials,
                configuration: web,
                metrics: WebMetrics(),
                logger: logger
            )
            services.append(
                .init(service: WebUIService(site: site, configuration: web, logger: logger, announce: print))
            )
        }
        let group = ServiceGroup(
            configuration: .init(
                // Graceful shutdown runs in reverse order: the honeypot stops feeding, the investigation drains,
                // the event sinks drain, then the trace writer flushes.
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
        let statistics = writer.statistics
        print(
            "honeyphone: traces written \(statistics.written), dropped \(statistics.dropped), failed \(statistics.failed)"
        )
        for (name, counters) in events.statistics {
            print(
                "honeyphone: events \(name): delivered \(counters.delivered), dropped \(counters.dropped), "
                    + "failed \(counters.failed)"
            )
        }
    }

    /// The event hub of a run: one sink per `event-*` key of the environment, in file order (relative paths in
    /// the data folder).
    public static func eventHub(environment: HoneyphoneEnvironment, logger: Logger) throws -> EventHub {
        let sinks = try environment.eventSinks.map { try $0.makeSink(dataFolder: environment.dataFolder) }
        return EventHub(sinks: sinks, logger: logger)
    }

    /// What the web interface's backend reads from this run.
    func backendParts(
        honeyphone: HoneyphoneService,
        investigation: InvestigationService,
        events: EventHub,
        store: SQLiteTraceStore,
        environment: HoneyphoneEnvironment
    ) -> HoneyphoneBackend.Parts {
        let recordings = environment.dataFolder + "/recordings"
        return HoneyphoneBackend.Parts(
            snapshot: { await honeyphone.snapshot() },
            investigation: {
                let queue = investigation.queueStatistics
                let counters = investigation.statistics
                return (
                    queue.accepted, queue.dropped, max(0, queue.accepted - queue.dropped - counters.analysed),
                    counters.analysed, counters.storeFailures
                )
            },
            eventsDropped: { events.statistics.reduce(0) { $0 + $1.statistics.dropped + $1.statistics.failed } },
            liveEvents: {
                let source = events.subscribe(bufferingNewest: 256)
                return AsyncStream(bufferingPolicy: .bufferingNewest(256)) { continuation in
                    let task = Task {
                        for await event in source { continuation.yield(LiveEvent(event)) }
                        continuation.finish()
                    }
                    continuation.onTermination = { _ in task.cancel() }
                }
            },
            evidenceBundle: { callID in
                try await EvidenceBundleBuilder(store: store, recordingsFolder: recordings).bundle(callID: callID)
            },
            blockList: { format, belief in
                guard let format = BlockList.Format(rawValue: format) else {
                    throw WebUIError(description: "unknown block list format")
                }
                return try await BlockListBuilder(store: store).render(format: format, minimumBelief: belief)
            },
            geoDatabase: investigation.analyzer.toolkit.investigator.configuration.geoDatabase
        )
    }

    /// The investigation service of a run: the settings file's (or the defaults: passive, nothing leaves the host),
    /// the history in `DATA/history.tsv` only when the settings file names none and one was given.
    func investigationService(
        environment: HoneyphoneEnvironment,
        store: SQLiteTraceStore,
        logger: Logger,
        publish: (@Sendable (VerdictRecord, SIPInboundMessage) -> Void)? = nil
    )
        async throws -> InvestigationService
    {
        let settings = try AnalysisToolkit.settings(path: self.investigationPath)
        let toolkit = try await AnalysisToolkit.make(
            settings: settings,
            ours: OurURIs(environment: environment),
            defaultHistoryFile: self.investigationPath == nil ? nil : environment.dataFolder + "/history.tsv",
            environmentDNSServer: self.investigationPath == nil ? nil : environment.dnsServer
        )
        return InvestigationService(
            analyzer: MessageAnalyzer(toolkit: toolkit),
            store: store,
            logger: logger,
            origin: Int64(Date().timeIntervalSince1970 * 1_000_000_000),
            publish: publish
        )
    }
}
