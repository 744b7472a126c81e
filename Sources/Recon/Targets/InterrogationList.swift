import NIOCore
public import SDP
public import SIPCore

/// The list under interrogation of one message (paper §VI-B): every host taking part in the session
/// set-up, deduplicated, with its roles (the source points A–E of §VII-B and the other hosts) and the
/// ports claimed for it.
///
/// Built in two steps: ``init(message:sdp:limits:)`` reads the message and its SDP (pure, no IO); then
/// ``locatingFromDomain(with:)`` adds point E, the hosts RFC 3263 returns for the From URI.
/// Host texts are attacker input: names must pass ``DNSName/init(validating:limits:)`` and are
/// lower-cased; anything else is counted in ``rejectedCount`` and never contacted.
public struct InterrogationList: Hashable, Sendable {
    /// The hosts, in the order first met (A, B, C, D, the From domain, then other Vias and routes).
    public private(set) var targets: [InterrogationTarget] = []
    /// Hosts dropped because the list was full (``InterrogationLimits/maximumTargets``).
    public private(set) var droppedCount = 0
    /// Host texts that were neither an IP address nor a valid DNS name.
    public private(set) var rejectedCount = 0
    /// The From URI's host, when it has one (the input of RFC 3263 location).
    public private(set) var fromHost: String?
    /// The From URI's port, when written.
    public private(set) var fromPort: Int?
    /// Whether the From URI is `sips:`.
    public private(set) var fromIsSecure = false
    /// The bounds in force.
    public let limits: InterrogationLimits

    /// Reads the hosts of `message` and of its SDP body (parsed from the body when `sdp` is `nil` and the
    /// message carries `application/sdp`).
    public init(message: SIPMessage, sdp: SDPSessionDescription? = nil, limits: InterrogationLimits = .default) {
        self.limits = limits
        let cap = limits.maximumHeaderValues
        let vias = message.vias.prefix(cap)
        if let top = vias.first {
            self.add(top.host.text, role: .signalingSource, sipPort: top.port ?? 5060)
        }
        if let contact = message.contacts.first?.uri, let host = contact.host {
            self.add(host.text, role: .contact, sipPort: contact.port ?? 5060)
        }
        let description = sdp ?? Self.parseSDP(of: message)
        if let description {
            self.addMedia(description)
        }
        if let from = message.from?.uri, let host = from.host {
            self.fromHost = host.text
            self.fromPort = from.port
            self.fromIsSecure = from.scheme == .sips
            self.add(host.text, role: .fromDomain, sipPort: from.port)
        }
        for via in vias.dropFirst() {
            self.add(via.host.text, role: .via, sipPort: via.port ?? 5060)
        }
        for route in message.recordRoutes.prefix(cap) {
            guard let uri = route.uri, let host = uri.host else { continue }
            self.add(host.text, role: .recordRoute, sipPort: uri.port ?? 5060)
        }
        for route in message.routes.prefix(cap) {
            guard let uri = route.uri, let host = uri.host else { continue }
            self.add(host.text, role: .route, sipPort: uri.port ?? 5060)
        }
    }

    /// The target for `host` (canonical text), if listed.
    public func target(for host: String) -> InterrogationTarget? {
        guard let key = Self.canonicalHost(host) else { return nil }
        return self.targets.first { $0.host == key }
    }

    /// The targets having `role`.
    public func targets(with role: TargetRole) -> [InterrogationTarget] {
        self.targets.filter { $0.roles.contains(role) }
    }

    /// Adds `host` with `role` and its claimed ports; merges with an existing entry for the same host.
    public mutating func add(_ host: String, role: TargetRole, sipPort: Int? = nil, rtpPort: Int? = nil) {
        guard let key = Self.canonicalHost(host) else {
            self.rejectedCount += 1
            return
        }
        let portCap = self.limits.maximumPortsPerTarget
        let index: Int
        if let existing = self.targets.firstIndex(where: { $0.host == key }) {
            index = existing
        } else {
            guard self.targets.count < self.limits.maximumTargets else {
                self.droppedCount += 1
                return
            }
            var literal = Substring(key)
            if literal.hasPrefix("["), literal.hasSuffix("]") { literal = literal.dropFirst().dropLast() }
            self.targets.append(InterrogationTarget(host: key, address: IPAddress(literal), roles: []))
            index = self.targets.count - 1
        }
        var target = self.targets[index]
        if !target.roles.contains(role) {
            target.roles.append(role)
            target.roles.sort()
        }
        if let sipPort, (1...65_535).contains(sipPort), !target.sipPorts.contains(sipPort),
            target.sipPorts.count < portCap
        {
            target.sipPorts.append(sipPort)
        }
        if let rtpPort, (1...65_535).contains(rtpPort), !target.rtpPorts.contains(rtpPort),
            target.rtpPorts.count < portCap
        {
            target.rtpPorts.append(rtpPort)
        }
        self.targets[index] = target
    }

    /// The canonical text of a host: an IP address's canonical form, or a validated lower-cased name.
    /// `nil` for anything else.
    public static func canonicalHost(_ text: String) -> String? {
        var literal = Substring(text)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = literal.dropFirst().dropLast() }
        if let address = IPAddress(literal) { return address.description }
        guard let name = try? DNSName(validating: String(literal)), !name.labels.isEmpty else { return nil }
        return name.description.lowercased()
    }

    private mutating func addMedia(_ description: SDPSessionDescription) {
        let sessionHost = description.connection?.address
        if let sessionHost {
            self.add(sessionHost, role: .mediaConnection)
        }
        for media in description.media.prefix(self.limits.maximumHeaderValues) {
            let host = media.connections.first?.address ?? sessionHost
            guard let host else { continue }
            self.add(host, role: .mediaConnection, rtpPort: media.port == 0 ? nil : Int(media.port))
        }
        if let owner = description.origin?.unicastAddress {
            self.add(owner, role: .mediaOwner)
        }
    }

    private static func parseSDP(of message: SIPMessage) -> SDPSessionDescription? {
        guard message.contentType?.isSDP == true else { return nil }
        let body = message.body
        guard body.readableBytes > 0 else { return nil }
        return try? SDPParser.parse(body)
    }
}
