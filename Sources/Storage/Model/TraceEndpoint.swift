/// One end of a traced message's path: an IP address (IPv4 or IPv6, as text) and a port.
///
/// The address comes from the socket, not from the message, but it is still bounded to
/// ``TraceLimits/maxAddressLength`` UTF-8 bytes (and NUL-free) like every other stored string.
public struct TraceEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The IP address in its textual form: `192.0.2.1` or `2001:db8::1` (no brackets, no zone).
    public let address: String
    /// The port.
    public let port: UInt16

    /// Creates an endpoint; the address is trimmed of IPv6 brackets and bounded.
    public init(address: String, port: UInt16) {
        var text = Substring(address)
        if text.hasPrefix("["), text.hasSuffix("]") {
            text = text.dropFirst().dropLast()
        }
        self.address = TraceText.bounded(String(text), maxUTF8: TraceLimits.maxAddressLength)
        self.port = port
    }

    /// `address:port`, with the IPv6 address in brackets.
    public var description: String {
        self.address.contains(":") ? "[\(self.address)]:\(self.port)" : "\(self.address):\(self.port)"
    }
}
