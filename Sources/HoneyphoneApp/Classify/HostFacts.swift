public import Recon

/// What the investigation learnt about one host, reduced to the plain values the evidence mapping needs.
///
/// ``init(_:)`` reads a Recon ``HostReport``; tests and offline tools may build one directly. A `nil` field is
/// unknown (not configured, timed out, not applicable) and sends no evidence. The *absence* of an answer is
/// kept apart from an unknown where it is evidence: ``whoisMissing`` (no registry holds the address) and a
/// ``DNSStatus/invalid`` DNS check.
public struct HostFacts: Sendable, Hashable {
    /// The result of the DNS checks for one host.
    public enum DNSStatus: String, Sendable, Hashable {
        /// An address with a forward-confirmed PTR name, or a name that resolves.
        case valid
        /// An address whose PTR names do not map back to it or that has none, or a name that does not resolve.
        case invalid
    }

    /// The host (canonical text; attacker-supplied).
    public var host: String
    /// Its roles in the message (A–E and the others).
    public var roles: [TargetRole]
    /// The IP hop count measured by TTL.
    public var hopsByTTL: Int?
    /// Sightings before this message (0 when known never seen).
    public var sightings: Int?
    /// Whether WHOIS answered with a record.
    public var whoisFound: Bool?
    /// The registrant organisation, else net name, when WHOIS found a record.
    public var whoisOrganisation: String?
    /// The origin AS.
    public var autonomousSystem: UInt32?
    /// Whether geolocation found the host (`nil`: unknown), and its country.
    public var located: Bool?
    /// See ``located``.
    public var countryCode: String?
    /// The SIP (else RTP) port check: `true` open, `false` closed or silent.
    public var portOpen: Bool?
    /// The device fingerprint: passive for the hosts that produced the message (A, B), else active. `nil`
    /// when no fingerprint was taken; an empty match list when one was taken and nothing was recognised.
    public var fingerprints: [FingerprintMatch]?
    /// The DNS checks.
    public var dns: DNSStatus?

    /// Creates facts; everything but the host defaults to unknown.
    public init(
        host: String,
        roles: [TargetRole] = [],
        hopsByTTL: Int? = nil,
        sightings: Int? = nil,
        whoisFound: Bool? = nil,
        whoisOrganisation: String? = nil,
        autonomousSystem: UInt32? = nil,
        located: Bool? = nil,
        countryCode: String? = nil,
        portOpen: Bool? = nil,
        fingerprints: [FingerprintMatch]? = nil,
        dns: DNSStatus? = nil
    ) {
        self.host = host
        self.roles = roles
        self.hopsByTTL = hopsByTTL
        self.sightings = sightings
        self.whoisFound = whoisFound
        self.whoisOrganisation = whoisOrganisation
        self.autonomousSystem = autonomousSystem
        self.located = located
        self.countryCode = countryCode
        self.portOpen = portOpen
        self.fingerprints = fingerprints
        self.dns = dns
    }

    /// The facts of one column of the investigation report.
    ///
    /// - History: the entry before this sighting; known-never-seen is 0 sightings.
    /// - WHOIS: an answer naming an organisation (else a net name) → found, with it; an answer naming neither
    ///   → not found (no registry knows the address); no answer → unknown.
    /// - Geolocation: a record → located with its country; otherwise unknown.
    /// - Port: the SIP port's state (open → `true`; closed or no answer → `false`: a user agent that claims a
    ///   SIP port answers OPTIONS on it); when the SIP port is unknown or unverifiable, the RTP port's state
    ///   (open → `true`, closed → `false`, otherwise unknown).
    /// - Fingerprint: the passive fingerprint where the report has one for the host, else the active one.
    /// - DNS: for an address, a forward-confirmed PTR → valid, PTR names none of which confirm or no PTR at
    ///   all (`nxdomain`, `no-data`) → invalid; for a name, addresses → valid, `nxdomain`/`no-data` → invalid.
    public init(_ report: HostReport) {
        let findings = report.findings
        self.host = report.target.host
        self.roles = report.target.roles
        self.hopsByTTL = findings.hopsByTTL.value?.hops
        switch report.history.outcome {
        case .known(let entry): self.sightings = entry?.sightings ?? 0
        case .unknown: self.sightings = nil
        }
        switch findings.whois.outcome {
        case .known(let record):
            self.whoisOrganisation = record.response.organisation ?? record.response.networkName
            self.whoisFound = self.whoisOrganisation != nil
        case .unknown:
            self.whoisFound = nil
            self.whoisOrganisation = nil
        }
        self.autonomousSystem = findings.asNumber.value
        switch findings.geolocation.outcome {
        case .known(let record):
            self.located = true
            self.countryCode = record.countryCode
        case .unknown:
            self.located = nil
            self.countryCode = nil
        }
        self.portOpen = Self.portOpen(sip: findings.sipPort.value, rtp: findings.rtpPort.value)
        self.fingerprints = report.passiveFingerprint.value ?? findings.activeFingerprint.value
        if report.target.address != nil {
            switch findings.reverseDNS.outcome {
            case .known(let reverse): self.dns = reverse.confirmedNames.isEmpty ? .invalid : .valid
            case .unknown(let reason): self.dns = Self.isAbsence(reason) ? .invalid : nil
            }
        } else {
            switch findings.addresses.outcome {
            case .known(let addresses): self.dns = addresses.isEmpty ? .invalid : .valid
            case .unknown(let reason): self.dns = Self.isAbsence(reason) ? .invalid : nil
            }
        }
    }

    /// Whether a DNS reason says "there is nothing" (evidence) rather than "we could not tell".
    static func isAbsence(_ reason: UnknownReason) -> Bool {
        reason.code == "nxdomain" || reason.code == "no-data"
    }

    static func portOpen(sip: PortStatus?, rtp: PortStatus?) -> Bool? {
        switch sip?.state {
        case .open: return true
        case .closed, .noAnswer: return false
        case .unverifiable, nil: break
        }
        switch rtp?.state {
        case .open: return true
        case .closed: return false
        case .noAnswer, .unverifiable, nil: return nil
        }
    }
}
