import Agent
import Foundation
public import Logging
import SIPTransport
import ServiceLifecycle
import Storage
import UnixSignals

/// `honeyphone run`: reads the environment (the embedded default when no file is given), opens the trace store
/// in the data folder and runs the honeypot until SIGINT or SIGTERM.
public struct RunCommandRunner: Sendable {
    /// The environment file, or `nil` for ``HoneyphoneEnvironment/defaultText``.
    public var environmentPath: String?
    /// Overrides of the environment from the command line.
    public var dataFolder: String?
    public var port: Int?

    /// A runner.
    public init(environmentPath: String?, dataFolder: String?, port: Int?) {
        self.environmentPath = environmentPath
        self.dataFolder = dataFolder
        self.port = port
    }

    /// Loads the environment with the overrides applied.
    public func loadEnvironment() throws -> HoneyphoneEnvironment {
        let text: String
        let name: String
        if let path = self.environmentPath {
            text = try String(contentsOfFile: path, encoding: .utf8)
            name = path
        } else {
            text = HoneyphoneEnvironment.defaultText
            name = "default-environment"
        }
        let base = (self.environmentPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }) ?? "."
        var environment = try HoneyphoneEnvironment(text: text, fileName: name) { file in
            let path = file.hasPrefix("/") ? file : base + "/" + file
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        if let folder = self.dataFolder { environment.dataFolder = folder }
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
        try FileManager.default.createDirectory(atPath: environment.dataFolder, withIntermediateDirectories: true)
        let storePath = environment.dataFolder + "/traces.sqlite"
        let store = try SQLiteTraceStore(path: storePath)
        let writer = TraceWriter(store: store)
        print("honeyphone: trace store \(storePath)")
        let honeyphone = try HoneyphoneService(
            environment: environment,
            writer: writer,
            logger: logger,
            announce: print
        )
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: TraceWriterService(writer: writer)),
                    .init(service: honeyphone),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
        let statistics = writer.statistics
        print(
            "honeyphone: traces written \(statistics.written), dropped \(statistics.dropped), failed \(statistics.failed)"
        )
    }
}
