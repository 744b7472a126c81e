public import Recon

/// The operator's trust tables (paper §VI-B): a coefficient in [0, 1] per WHOIS organisation, AS number,
/// country and device fingerprint, turned into the `WHOIS`, `AS`, `GL` and `Fingerprint` evidence of the
/// per-host tree (the default model cuts coefficients at 0.35 and 0.65: Low, Medium, High).
///
/// Defaults, each documented on its property: every table is empty, so an investigated host gets the neutral
/// 0.5 ("known, but nothing said about it") unless the operator lists it; the fingerprint table is Recon's
/// (scanner 0, tool 0.2, softphone 0.8, hardphone 0.9, server 0.8, unrecognised 0.5).
///
/// Read from the investigation file (see ``InvestigationSettings``) with repeatable entries
/// `whois-trust: PATTERN = VALUE`, `as-trust: NUMBER = VALUE`, `country-trust: CC = VALUE`,
/// `fingerprint-trust: CATEGORY-OR-SIGNATURE = VALUE`; the pattern `*` sets a table's default.
public struct TrustTables: Sendable, Hashable {
    /// Organisation patterns (lower-cased substrings of the WHOIS organisation or net name) and their
    /// coefficients, tried in order; the first that matches wins.
    public var whois: [(pattern: String, trust: Double)]
    /// The coefficient of a registered network no pattern matches (default 0.5).
    public var whoisDefault: Double
    /// The coefficient when the registries hold nothing for the address (`not-found`, `nxdomain`): an address
    /// no registry knows is unusual (default 0.2).
    public var whoisMissing: Double
    /// Coefficient per AS number.
    public var autonomousSystems: [UInt32: Double]
    /// The coefficient of an AS not listed (default 0.5).
    public var autonomousSystemDefault: Double
    /// Coefficient per ISO 3166 country code (upper case).
    public var countries: [String: Double]
    /// The coefficient of a located host whose country is not listed (default 0.5).
    public var countryDefault: Double
    /// The fingerprint table (Recon's defaults).
    public var fingerprints: FingerprintTrustTable

    /// Creates tables; every parameter defaults as documented on its property.
    public init(
        whois: [(pattern: String, trust: Double)] = [],
        whoisDefault: Double = 0.5,
        whoisMissing: Double = 0.2,
        autonomousSystems: [UInt32: Double] = [:],
        autonomousSystemDefault: Double = 0.5,
        countries: [String: Double] = [:],
        countryDefault: Double = 0.5,
        fingerprints: FingerprintTrustTable = FingerprintTrustTable()
    ) {
        self.whois = whois.map { (pattern: $0.pattern.lowercased(), trust: Self.clamp($0.trust)) }
        self.whoisDefault = Self.clamp(whoisDefault)
        self.whoisMissing = Self.clamp(whoisMissing)
        self.autonomousSystems = autonomousSystems.mapValues(Self.clamp)
        self.autonomousSystemDefault = Self.clamp(autonomousSystemDefault)
        self.countries = Dictionary(
            countries.map { ($0.key.uppercased(), Self.clamp($0.value)) },
            uniquingKeysWith: { _, last in last }
        )
        self.countryDefault = Self.clamp(countryDefault)
        self.fingerprints = fingerprints
    }

    /// The WHOIS coefficient of a registrant (organisation, else net name); `nil` text: the default.
    public func whoisTrust(organisation: String?) -> Double {
        guard let organisation = organisation?.lowercased() else { return self.whoisDefault }
        return self.whois.first { organisation.contains($0.pattern) }?.trust ?? self.whoisDefault
    }

    /// The AS coefficient.
    public func autonomousSystemTrust(_ number: UInt32) -> Double {
        self.autonomousSystems[number] ?? self.autonomousSystemDefault
    }

    /// The location coefficient of a country code (`nil`: located without a country, the default).
    public func countryTrust(_ code: String?) -> Double {
        code.flatMap { self.countries[$0.uppercased()] } ?? self.countryDefault
    }

    static func clamp(_ value: Double) -> Double { min(1, max(0, value.isNaN ? 0 : value)) }

    public static func == (lhs: TrustTables, rhs: TrustTables) -> Bool {
        lhs.whois.map(\.pattern) == rhs.whois.map(\.pattern) && lhs.whois.map(\.trust) == rhs.whois.map(\.trust)
            && lhs.whoisDefault == rhs.whoisDefault && lhs.whoisMissing == rhs.whoisMissing
            && lhs.autonomousSystems == rhs.autonomousSystems
            && lhs.autonomousSystemDefault == rhs.autonomousSystemDefault && lhs.countries == rhs.countries
            && lhs.countryDefault == rhs.countryDefault && lhs.fingerprints == rhs.fingerprints
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.whois.map(\.pattern))
        hasher.combine(self.autonomousSystems)
        hasher.combine(self.countries)
    }
}
