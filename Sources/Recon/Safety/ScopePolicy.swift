/// Where active probes may go: checked before every packet Recon sends to a source.
///
/// An address may be probed when the policy is not passive-only, the address lies in at least one
/// ``allowed`` network, and in no ``forbidden`` network. Forbidden wins. The default is
/// ``passive``: nothing is sent until the administrator says where.
public struct ScopePolicy: Hashable, Sendable {
    /// Networks that may be probed.
    public var allowed: [CIDRNetwork]
    /// Networks that may never be probed (wins over ``allowed``).
    public var forbidden: [CIDRNetwork]
    /// When `true`, nothing at all is sent to sources (DNS/WHOIS servers are not sources).
    public var passiveOnly: Bool

    /// Creates a policy.
    public init(allowed: [CIDRNetwork], forbidden: [CIDRNetwork] = [], passiveOnly: Bool = false) {
        self.allowed = allowed
        self.forbidden = forbidden
        self.passiveOnly = passiveOnly
    }

    /// Sends nothing.
    public static let passive = ScopePolicy(allowed: [], passiveOnly: true)
    /// Loopback only (127.0.0.0/8 and ::1): for tests and the lab.
    public static let loopbackOnly = ScopePolicy(allowed: [CIDRNetwork("127.0.0.0/8")!, CIDRNetwork("::1/128")!])
    /// The public Internet: everything except private, loopback, link-local, multicast and reserved ranges.
    public static let publicInternet = ScopePolicy(
        allowed: [CIDRNetwork("0.0.0.0/0")!, CIDRNetwork("::/0")!],
        forbidden: [
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3", "::/128", "::1/128", "fc00::/7",
            "fe80::/10", "ff00::/8",
        ].compactMap(CIDRNetwork.init)
    )

    /// `nil` when `address` may be probed, else why not.
    public func denial(for address: IPAddress) -> UnknownReason? {
        if self.passiveOnly { return .outOfScope("passive-only mode: nothing is sent") }
        if let network = self.forbidden.first(where: { $0.contains(address) }) {
            return .outOfScope("\(address) is in forbidden network \(network)")
        }
        guard self.allowed.contains(where: { $0.contains(address) }) else {
            return .outOfScope("\(address) is not in an allowed network")
        }
        return nil
    }
}
