/// Every field the investigation gathers for one host (paper §VI-B), each a ``Lookup`` with provenance.
public struct HostFindings: Sendable {
    /// A/AAAA of a name, or the literal address itself.
    public var addresses: Lookup<[IPAddress]>
    /// PTR names and forward confirmation (for an address, or a name's first address).
    public var reverseDNS: Lookup<ForwardConfirmedReverse>
    /// `_sip._udp` SRV records of a name.
    public var sipServices: Lookup<[SRVRecord]>
    /// WHOIS of the address (or of the name when it has none).
    public var whois: Lookup<WHOISRecord>
    /// The origin AS number.
    public var asNumber: Lookup<UInt32>
    /// Country/city/coordinates.
    public var geolocation: Lookup<GeoRecord>
    /// The first claimed SIP port.
    public var sipPort: Lookup<PortStatus>
    /// The first claimed RTP port.
    public var rtpPort: Lookup<PortStatus>
    /// Signatures matched by OPTIONS to the first SIP port.
    public var activeFingerprint: Lookup<[FingerprintMatch]>
    /// IP hop count (TTL).
    public var hopsByTTL: Lookup<HopCount>
    /// SIP hop count (Max-Forwards).
    public var hopsByMaxForwards: Lookup<HopCount>
}

/// One column of the report: a host, its roles and ports, its findings, and its history.
public struct HostReport: Sendable {
    /// The host and its roles and claimed ports.
    public var target: InterrogationTarget
    /// The gathered fields.
    public var findings: HostFindings
    /// The message's own fingerprint, for the source points that produced it (A and B).
    public var passiveFingerprint: Lookup<[FingerprintMatch]>
    /// The history entry as it was before this sighting (`nil` value: never seen).
    public var history: Lookup<HistoryEntry?>
}

/// The result of one investigation.
public struct InvestigationReport: Sendable {
    /// One entry per host, in list order.
    public var hosts: [HostReport]
    /// RFC 3263 location of the From URI (point E), when DNS is configured.
    public var fromLocation: Lookup<[SIPTarget]>?
    /// The passive fingerprint of the message.
    public var passiveFingerprint: [FingerprintMatch]
    /// ENUM (RFC 6116) of the global numbers in From, To and P-Asserted-Identity.
    public var numbers: [NumberReport] = []
    /// Hosts dropped by the list cap, and host texts rejected as invalid.
    public var droppedHosts: Int
    /// See ``droppedHosts``.
    public var rejectedHosts: Int
    /// When it started and how long it took.
    public var startedAt: ReconInstant
    /// See ``startedAt``.
    public var duration: Duration
}
