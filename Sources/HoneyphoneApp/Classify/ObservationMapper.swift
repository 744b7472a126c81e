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
        passiveFingerprint: [FingerprintMatch]
    ) -> Observation {
        Observation(
            toIsOurs: self.toIsOurs(message),
            hopCounts: Self.hopCounts(hosts),
            hosts: hosts.map(self.hostObservation),
            anomalies: self.anomalies(message: message, sdp: sdp, passiveFingerprint: passiveFingerprint)
        )
    }

    /// The observation for `message` from an investigation report.
    public func observation(
        message: SIPMessage,
        sdp: SDPSessionDescription?,
        report: InvestigationReport
    )
        -> Observation
    {
        self.observation(
            message: message,
            sdp: sdp,
            hosts: report.hosts.map(HostFacts.init),
            passiveFingerprint: report.passiveFingerprint
        )
    }

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
