public import Hummingbird
public import Logging
public import ServiceLifecycle
import Synchronization

/// The administrator interface as a `Service`: the Hummingbird server on the configured address, and the loop that
/// feeds the metrics from the live verdicts. Stops on graceful shutdown.
public struct WebUIService: Service, CustomStringConvertible {
    let site: WebSite
    let configuration: WebConfiguration
    let logger: Logger
    let announce: @Sendable (String) -> Void

    /// A service serving `site` on `configuration.host:port`; `announce` receives the line printed once bound.
    public init(
        site: WebSite,
        configuration: WebConfiguration,
        logger: Logger,
        announce: @escaping @Sendable (String) -> Void
    ) {
        self.site = site
        self.configuration = configuration
        self.logger = logger
        self.announce = announce
    }

    public var description: String { "WebUIService(\(self.configuration.host):\(self.configuration.port))" }

    public func run() async throws {
        let announce = self.announce
        let host = self.configuration.host
        let started = Mutex(false)
        let application = Application(
            router: self.site.router(),
            configuration: .init(address: .hostname(host, port: self.configuration.port), serverName: nil),
            onServerRunning: { channel in
                started.withLock { $0 = true }
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                announce("honeyphone: web UI http://\(shown):\(port)/")
            },
            logger: self.logger
        )
        let site = self.site
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await cancelWhenGracefulShutdown {
                    for await event in site.backend.liveEvents() {
                        site.metrics.observe(event, nowNanoseconds: WallClock.nanosecondsSinceEpoch())
                    }
                }
            }
            // The server decides when the service ends; the metrics feed ends with it. Live streams never end by
            // themselves: graceful shutdown closes them so that the server can drain its connections.
            do {
                try await withGracefulShutdownHandler {
                    try await application.run()
                } onGracefulShutdown: {
                    site.liveStreams.closeAll()
                }
            } catch  where !started.withLock({ $0 }) {
                throw WebUIError(
                    description: "web UI: cannot listen on \(self.description.dropFirst(13).dropLast()): \(error)"
                        + " (set 'web-listen: HOST:PORT', or 'web-listen: none')"
                )
            }
            group.cancelAll()
        }
    }
}
