/// The transport a traced message travelled over.
///
/// The raw values are stable: they are what the store writes in its `transport` column.
public enum TraceTransport: String, Sendable, Hashable, CaseIterable {
    /// UDP (RFC 3261 §18).
    case udp
    /// TCP (RFC 3261 §18).
    case tcp
    /// TLS over TCP (RFC 3261 §26.2); the trace holds the decrypted SIP bytes.
    case tls
    /// WebSocket (RFC 7118); the trace holds the SIP bytes of one frame's payload.
    case ws
    /// Secure WebSocket (RFC 7118); the trace holds the SIP bytes of one frame's payload.
    case wss

    /// Whether the transport is a byte stream (everything but UDP).
    public var isStream: Bool {
        switch self {
        case .udp: false
        case .tcp, .tls, .ws, .wss: true
        }
    }
}
