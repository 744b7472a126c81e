/// One host of the list under interrogation, with every role it plays and the ports claimed for it.
public struct InterrogationTarget: Hashable, Sendable {
    /// The host as a canonical text: an IP address (RFC 5952 for IPv6) or a lower-cased DNS name.
    public var host: String
    /// The address when ``host`` is an IP literal.
    public var address: IPAddress?
    /// The roles, sorted (A–E first).
    public var roles: [TargetRole]
    /// SIP ports claimed for the host (Via sent-by, Contact, Route ports; 5060 when none is written).
    public var sipPorts: [Int]
    /// RTP ports claimed for the host (each non-zero `m=` port whose connection address is this host).
    public var rtpPorts: [Int]

    /// Creates a target.
    public init(host: String, address: IPAddress?, roles: [TargetRole], sipPorts: [Int] = [], rtpPorts: [Int] = []) {
        self.host = host
        self.address = address
        self.roles = roles.sorted()
        self.sipPorts = sipPorts
        self.rtpPorts = rtpPorts
    }

    /// Whether the host is a DNS name rather than an IP literal.
    public var isName: Bool { self.address == nil }

    /// The paper's source-point letters of this host (`"A,B"`), empty when it is none of A–E.
    public var sourcePoints: [TargetRole] { self.roles.filter(\.isSourcePoint) }
}
