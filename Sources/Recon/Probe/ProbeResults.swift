public import SIPCore

/// A SIP answer to a probe.
public struct SIPProbeResponse: Sendable {
    /// The status code.
    public var statusCode: Int
    /// The parsed answer.
    public var message: SIPMessage
    /// The transport it came over.
    public var transport: SIPTransportKind
    /// Time from sending to the answer.
    public var roundTrip: Duration
}

/// Whether a claimed port is really open (paper §VI-B "Has Port").
public struct PortStatus: Hashable, Sendable {
    /// The verdict.
    public enum State: String, Hashable, Sendable {
        /// Something answered (a SIP status line, a TCP handshake, a datagram).
        case open
        /// The host refused (TCP RST, ICMP port unreachable).
        case closed
        /// Nothing came back before the deadline.
        case noAnswer = "no-answer"
        /// Cannot be told from outside (an RTP port that stays silent).
        case unverifiable
    }

    /// The verdict.
    public var state: State
    /// The port checked.
    public var port: Int
    /// What decided it: `sip-response 200 (udp)`, `tcp-connect`, `icmp-port-unreachable`, `tcp-refused`, ...
    public var evidence: String

    /// Creates a status.
    public init(state: State, port: Int, evidence: String) {
        self.state = state
        self.port = port
        self.evidence = evidence
    }
}

/// A hop count to a host, with how it was measured.
public struct HopCount: Hashable, Sendable {
    /// How the hops were counted.
    public enum Method: String, Hashable, Sendable {
        /// IP TTL / hop limit: the smallest TTL at which the target answers. A host on the same link, and
        /// loopback, is 1 hop (traceroute's convention: TTL 1 reaches it).
        case ipTTL = "ip-ttl"
        /// SIP Max-Forwards: the number of `483 Too Many Hops` answers before the first other answer, i.e.
        /// the SIP proxies in front of the target (0 when the target answers Max-Forwards 0 itself).
        case sipMaxForwards = "sip-max-forwards"
    }

    /// The method.
    public var method: Method
    /// The count.
    public var hops: Int
    /// Who answered at each step (`*` for silence), for the route map.
    public var path: [String]
    /// How the target was recognised: `sip-response`, `icmp-port-unreachable`, `sip-483`, ...
    public var reachedBy: String
    /// When it was measured (cached results keep this; the age is now minus this).
    public var measuredAt: ReconInstant

    /// Creates a hop count.
    public init(method: Method, hops: Int, path: [String], reachedBy: String, measuredAt: ReconInstant) {
        self.method = method
        self.hops = hops
        self.path = path
        self.reachedBy = reachedBy
        self.measuredAt = measuredAt
    }
}

extension UnknownReason {
    /// The target refused (TCP reset, ICMP port unreachable).
    public static func refused(_ detail: String) -> Self { .init(code: "refused", detail: detail) }
    /// The source is not configured (no WHOIS server, no mmdb file).
    public static func notConfigured(_ detail: String) -> Self { .init(code: "not-configured", detail: detail) }
}
