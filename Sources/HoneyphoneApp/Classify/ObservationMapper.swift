public import Inference
public import Recon
public import SDP
public import SIPCore

/// From a parsed SIP request and its investigation to the inference engine's ``Observation`` (paper §VII-B).
///
/// Each evidence of the model (Fig. 6 plus `Anomalies`) comes from one place:
///
/// | evidence | from | rule |
/// | --- | --- | --- |
/// | `To` | the To URI's user and host (else the Request-URI's) | ``OurURIs/contains(user:host:)``: one of the environment's accounts |
/// | `Dispersion` | ``HostFacts/hopsByTTL`` of points A–E | one entry per point the message names, in order A, B, C, D, E (the first host holding the role); `nil` when not traced. σ needs two known points |
/// | hosts | every host of the report, in list order | one ``HostObservation`` each (the trust chain) |
/// | `Historical` | ``HostFacts/sightings`` | sightings before this message |
/// | `WHOIS` | ``HostFacts/whoisOrganisation`` | ``TrustTables/whoisTrust(organisation:)``; no record → ``TrustTables/whoisMissing`` |
/// | `AS` | ``HostFacts/autonomousSystem`` | ``TrustTables/autonomousSystemTrust(_:)`` |
/// | `GL` | ``HostFacts/countryCode`` | ``TrustTables/countryTrust(_:)`` when located |
/// | `HasPort` | ``HostFacts/portOpen`` | as is |
/// | `Fingerprint` | ``HostFacts/fingerprints`` | the best match's ``FingerprintTrustTable/trust(for:)``; nothing recognised → the table's `unknown` |
/// | `DNS` | ``HostFacts/dns`` | valid → `Valid`, invalid → `Invalid` |
/// | `Anomalies` | the parser's anomalies of the message and of its SDP | errors and warnings counted; tool-shaped when the passive fingerprint names a `scanner` or `tool` with confidence ≥ ``toolConfidence`` |
/// | `SentBy` | the top Via's sent-by host and the packet's source address | ``sentByIsSource(_:source:)``: equal addresses, or not; names, private and other non-routable addresses (NAT) and an unknown source send nothing |
///
/// Unknown facts stay `nil` and send no evidence (λ = 1).
public struct ObservationMapper: Sendable {
    /// The honeypot's URIs.
    public var ours: OurURIs
    /// The trust tables.
    public var tables: TrustTables
    /// The least confidence of a scanner/tool fingerprint that makes a message tool-shaped (default 0.5: the
    /// shape alone, or an agent string with part of the shape).
    public var toolConfidence: Double

    /// Creates a mapper.
    public init(ours: OurURIs, tables: TrustTables = TrustTables(), toolConfidence: Double = 0.5) {
        self.ours = ours
        self.tables = tables
        self.toolConfidence = toolConfidence
    }

    /// The observation for `message` given the facts of its investigation (in the report's list order) and the
    /// message's passive fingerprint.
    public func observation(
        message: SIPMessage,
        sdp: SDPSessionDescription?,
        hosts: [HostFacts],
        passiveFingerprint: [FingerprintMatch],
        source: String? = nil
    ) -> Observation {
        Observation(
            toIsOurs: self.toIsOurs(message),
            hopCounts: Self.hopCounts(hosts),
            hosts: hosts.map(self.hostObservation),
            anomalies: self.anomalies(message: message, sdp: sdp, passiveFingerprint: passiveFingerprint),
            sentByIsSource: source.flatMap { Self.sentByIsSource(message, source: $0) }
        )
    }

    /// The observation for `message` from an investigation report.
    public func observation(
        message: SIPMessage,
        sdp: SDPSessionDescription?,
        report: InvestigationReport,
        source: String? = nil
    )
        -> Observation
    {
        self.observation(
            message: message,
            sdp: sdp,
            hosts: report.hosts.map(HostFacts.init),
            passiveFingerprint: report.passiveFingerprint,
            source: source
        )
    }

    /// Whether the top Via's sent-by host is `source`, the address the request came from (RFC 3261 §18.2.1: the
    /// element that sends a request puts its own address there, and a server notes `received=` when they
    /// differ). `nil` when there is nothing to compare: no Via, a sent-by name (comparing would need DNS), a
    /// source that is not an address, or a sent-by address that is not globally routable (RFC 1918, RFC 6598
    /// shared, loopback, link-local, unique-local): a phone behind NAT writes its private address, which is
    /// not a forgery.
    public static func sentByIsSource(_ message: SIPMessage, source: String) -> Bool? {
        guard let via = message.vias.first, let from = IPAddress(source) else { return nil }
        let sentBy: IPAddress?
        switch via.host {
        case .ipv4(let text), .ipv6(let text): sentBy = IPAddress(text)
        case .name: sentBy = nil
        }
        guard let sentBy, !Self.nonRoutable.contains(where: { $0.contains(sentBy) }) else { return nil }
        return sentBy == from
    }

    /// Networks whose addresses appear in Vias behind NAT or locally: RFC 1918, RFC 6598, loopback,
    /// link-local (v4 and v6), unique-local.
    static let nonRoutable: [CIDRNetwork] = [
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "::1/128",
        "fe80::/10", "fc00::/7",
    ].compactMap { CIDRNetwork($0) }

    /// `To`: the To URI when it has a user, else the Request-URI.
    public func toIsOurs(_ message: SIPMessage) -> Bool? {
        if let uri = message.to?.uri, uri.user != nil {
            return self.ours.contains(user: uri.user, host: uri.host?.description)
        }
        if let uri = message.requestURI {
            return self.ours.contains(user: uri.user, host: uri.host?.description)
        }
        return nil
    }

    /// The hop counts of points A–E, one entry per point present.
    public static func hopCounts(_ hosts: [HostFacts]) -> [Int?] {
        let points: [TargetRole] = [.signalingSource, .contact, .mediaConnection, .mediaOwner, .fromLocation]
        return points.compactMap { role -> Int?? in
            guard let host = hosts.first(where: { $0.roles.contains(role) }) else { return nil }
            return .some(host.hopsByTTL)
        }
    }

    /// One host's evidence.
    public func hostObservation(_ facts: HostFacts) -> HostObservation {
        var whois: Double?
        switch facts.whoisFound {
        case true?: whois = self.tables.whoisTrust(organisation: facts.whoisOrganisation)
        case false?: whois = self.tables.whoisMissing
        case nil: whois = nil
        }
        let fingerprint = facts.fingerprints.map { self.tables.fingerprints.trust(for: $0.first) }
        return HostObservation(
            host: facts.host,
            sightings: facts.sightings,
            whoisTrust: whois,
            asTrust: facts.autonomousSystem.map(self.tables.autonomousSystemTrust),
            locationTrust: facts.located == true ? self.tables.countryTrust(facts.countryCode) : nil,
            portOpen: facts.portOpen,
            fingerprintTrust: fingerprint,
            dnsValid: facts.dns.map { $0 == .valid }
        )
    }

    /// The parser's anomalies of the message and its SDP, and whether the message is tool-shaped.
    public func anomalies(
        message: SIPMessage,
        sdp: SDPSessionDescription?,
        passiveFingerprint: [FingerprintMatch]
    )
        -> AnomalySummary
    {
        var summary = AnomalySummary()
        for anomaly in message.anomalies {
            switch anomaly.severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            }
        }
        for anomaly in sdp?.anomalies ?? [] {
            switch anomaly.severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            }
        }
        summary.toolShaped = passiveFingerprint.contains {
            ($0.category == .scanner || $0.category == .tool) && $0.confidence >= self.toolConfidence
        }
        return summary
    }
}
