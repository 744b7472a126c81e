/// The transports a SIP message travels over (RFC 3261 §18, §26.2).
///
/// The raw values are the lowercase names used in settings, logs and the trace store.
public enum SIPTransportKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// UDP: one message per datagram, unreliable (timers A, E, G retransmit).
    case udp
    /// TCP: a byte stream framed by Content-Length, reliable.
    case tcp
    /// TLS over TCP (`sips:`), reliable.
    case tls

    /// Whether the transport is reliable (RFC 3261 §17: no retransmission timers).
    public var isReliable: Bool {
        switch self {
        case .udp: false
        case .tcp, .tls: true
        }
    }

    /// The transport token of a Via header (`SIP/2.0/UDP`).
    public var viaToken: String {
        switch self {
        case .udp: "UDP"
        case .tcp: "TCP"
        case .tls: "TLS"
        }
    }

    /// The transport named by a Via token or a `transport=` URI parameter, case-insensitively.
    public init?(token: some StringProtocol) {
        switch token.lowercased() {
        case "udp": self = .udp
        case "tcp": self = .tcp
        case "tls": self = .tls
        default: return nil
        }
    }

    /// The default port of the transport (RFC 3261 §19.1.2: 5060, 5061 for TLS).
    public var defaultPort: Int {
        switch self {
        case .udp, .tcp: 5060
        case .tls: 5061
        }
    }

    public var description: String { self.rawValue }
}
