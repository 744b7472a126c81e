/// One address the transport listens on: a transport, a host (IPv4 or IPv6 literal) and a port.
public struct SIPListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The transport.
    public var transport: SIPTransportKind
    /// The IP literal to bind (`127.0.0.1`, `::1`, `0.0.0.0`, `::`).
    public var host: String
    /// The port; `0` asks the system for a free port (tests), whose number ``SIPTransport/boundAddresses`` tells.
    public var port: Int

    /// A listen address.
    public init(transport: SIPTransportKind, host: String, port: Int) {
        self.transport = transport
        self.host = host
        self.port = port
    }

    public var description: String {
        self.host.contains(":")
            ? "\(self.transport) [\(self.host)]:\(self.port)" : "\(self.transport) \(self.host):\(self.port)"
    }
}
