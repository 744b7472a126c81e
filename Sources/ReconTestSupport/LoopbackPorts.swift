import NIOCore
import NIOPosix

/// Ports on 127.0.0.1 for tests.
public enum LoopbackPorts {
    /// A port that was just free for both UDP and TCP (bound, then closed).
    public static func unused() async throws -> Int {
        let tcp = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = tcp.localAddress!.port!
        try await tcp.close()
        return port
    }
}
