/// What an ``Investigator`` may use and how far it may go. A source left `nil` gives
/// `.unknown(not-configured)` for its fields; without a ``prober`` nothing is sent to sources.
public struct InvestigatorConfiguration: Sendable {
    /// DNS (A/AAAA, PTR, FCrDNS, SRV, RFC 3263 location, ASN over DNS).
    public var dns: DNSClient?
    /// WHOIS (RFC 3912).
    public var whois: WHOISClient?
    /// RDAP (RFC 9082/9083): asked first when set; WHOIS answers when RDAP gives nothing.
    public var rdap: RDAPClient?
    /// A MaxMind-format city/country database (geolocation).
    public var geoDatabase: MMDBDatabase?
    /// A MaxMind-format ASN database; without it the AS comes from ``asnOverDNS`` when set.
    public var asnDatabase: MMDBDatabase?
    /// Ask a Team Cymru-style TXT zone for the AS when no ASN database is set (default `false`).
    public var asnOverDNS: Bool
    /// Active probes (ports, active fingerprint, hop counts); `nil` is passive-only.
    public var prober: SIPProber?
    /// The passive and active fingerprint signatures.
    public var fingerprints: FingerprintDatabase
    /// Sightings per host.
    public var history: HistoryStore?
    /// Bounds of the list under interrogation.
    public var listLimits: InterrogationLimits
    /// Hosts investigated at once, over all messages (default 8).
    public var maximumConcurrentHosts: Int
    /// Hosts waiting for a slot (default 256); beyond, a host is reported `limit`.
    public var maximumWaitingHosts: Int
    /// Deadline of one investigation (default 20 s); hosts not finished by then are reported `timeout`
    /// (their lookups still finish in the background, each within its own deadline, and fill the cache).
    public var deadline: Duration
    /// How long a host's findings are reused (default 10 min): a flood from one source costs one investigation.
    public var hostCacheLifetime: Duration
    /// Most hosts cached (default 4096).
    public var hostCacheEntries: Int

    /// Creates a configuration; everything optional defaults to "not configured".
    public init(
        dns: DNSClient? = nil,
        whois: WHOISClient? = nil,
        rdap: RDAPClient? = nil,
        geoDatabase: MMDBDatabase? = nil,
        asnDatabase: MMDBDatabase? = nil,
        asnOverDNS: Bool = false,
        prober: SIPProber? = nil,
        fingerprints: FingerprintDatabase = FingerprintDatabase(),
        history: HistoryStore? = nil,
        listLimits: InterrogationLimits = .default,
        maximumConcurrentHosts: Int = 8,
        maximumWaitingHosts: Int = 256,
        deadline: Duration = .seconds(20),
        hostCacheLifetime: Duration = .seconds(600),
        hostCacheEntries: Int = 4096
    ) {
        self.dns = dns
        self.whois = whois
        self.rdap = rdap
        self.geoDatabase = geoDatabase
        self.asnDatabase = asnDatabase
        self.asnOverDNS = asnOverDNS
        self.prober = prober
        self.fingerprints = fingerprints
        self.history = history
        self.listLimits = listLimits
        self.maximumConcurrentHosts = maximumConcurrentHosts
        self.maximumWaitingHosts = maximumWaitingHosts
        self.deadline = deadline
        self.hostCacheLifetime = hostCacheLifetime
        self.hostCacheEntries = hostCacheEntries
    }
}
