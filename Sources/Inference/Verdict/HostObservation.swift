/// The investigation results for one host of the list (paper Table I). `nil` fields are unknown (no
/// evidence). Coefficients come from the operator's trust tables and are in [0, 1].
public struct HostObservation: Sendable, Hashable {
    /// The host as written in the request (attacker-supplied: data only, never interpreted).
    public var host: String

    /// How many times the host was seen before (Historical).
    public var sightings: Int?

    /// The WHOIS trust coefficient of the host's registrant.
    public var whoisTrust: Double?

    /// The AS trust coefficient of the host's autonomous system.
    public var asTrust: Double?

    /// The location trust coefficient of the host's geolocation (GL).
    public var locationTrust: Double?

    /// Whether the SIP or RTP port the request claims is really open (HasPort).
    public var portOpen: Bool?

    /// The device-fingerprint trust coefficient.
    public var fingerprintTrust: Double?

    /// Whether the DNS checks (forward, reverse, SRV or ENUM as fits) agree (DNS).
    public var dnsValid: Bool?

    /// Creates a host observation; everything but the host defaults to unknown.
    public init(
        host: String,
        sightings: Int? = nil,
        whoisTrust: Double? = nil,
        asTrust: Double? = nil,
        locationTrust: Double? = nil,
        portOpen: Bool? = nil,
        fingerprintTrust: Double? = nil,
        dnsValid: Bool? = nil
    ) {
        self.host = host
        self.sightings = sightings
        self.whoisTrust = whoisTrust
        self.asTrust = asTrust
        self.locationTrust = locationTrust
        self.portOpen = portOpen
        self.fingerprintTrust = fingerprintTrust
        self.dnsValid = dnsValid
    }
}
