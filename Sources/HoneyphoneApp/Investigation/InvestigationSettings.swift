public import Agent
public import Recon

/// The settings of the investigation and of verdicts, read from the optional file given with
/// `--investigation FILE` (`attribute: value`, the environment's grammar). Nothing leaves the host unless the
/// file says so: no DNS, no WHOIS, no probe by default.
///
/// | key | value | default |
/// | --- | --- | --- |
/// | `probing` | `off` (nothing is sent anywhere: DNS and WHOIS are not used even when set), `passive` (DNS and WHOIS servers may be asked, nothing is sent to sources), `on` (active probes: port checks, OPTIONS fingerprints, traceroutes, to `allowed-networks` only) | `passive` |
/// | `allowed-networks` | comma-separated CIDR networks probes may reach; required with `probing: on` | none |
/// | `forbidden-networks` | comma-separated CIDR networks never probed (wins over allowed), nor used for WHOIS | none |
/// | `dns-server` | `ADDRESS[:PORT]` (IP literal), or `system` for `/etc/resolv.conf` | none (the environment's `dns-server` when set) |
/// | `whois-server` | `HOST[:PORT]` of the first WHOIS server (referrals are followed) | none |
/// | `rdap-server` | `http://` or `https://` base URL of an RDAP service (RFC 9082), asked before WHOIS; redirects (bootstrap servers such as `https://rdap.org`) are followed, at most 3 | none |
/// | `geo-database` | a MaxMind-format city/country `.mmdb` file | none |
/// | `asn-database` | a MaxMind-format ASN `.mmdb` file | none |
/// | `asn-over-dns` | `yes`: without an AS number from a database, ask the DNS server for the TXT record of the address under `origin.asn.cymru.com` (`origin6` for IPv6), Team Cymru's IP-to-ASN service | `no` |
/// | `history-file` | the historical cache's file | none for the CLI, `DATA/history.tsv` for `run` |
/// | `history-max-age` | duration (`30`, `2.5s`, `500ms`) after which an unseen host is forgotten | 2592000 (30 days) |
/// | `alert-threshold` | belief in [0, 1] at which a Suspicious or Crafted verdict raises an alert | 0.6 |
/// | `model` | a model file (see `honeyphone model --show`) | the built-in model |
/// | `deadline` | duration of one investigation | 20 |
/// | `queue-size` | requests waiting for investigation in `run`; beyond, they are dropped and counted | 1024 |
/// | `whois-trust` | `PATTERN = VALUE`, repeatable: organisation substring and its trust; `*` sets the default | `* = 0.5` |
/// | `as-trust` | `NUMBER = VALUE`, repeatable; `*` sets the default | `* = 0.5` |
/// | `country-trust` | `CC = VALUE`, repeatable; `*` sets the default | `* = 0.5` |
/// | `fingerprint-trust` | `CATEGORY-OR-SIGNATURE = VALUE`, repeatable; `*` sets the unrecognised value | Recon's table |
public struct InvestigationSettings: Sendable {
    /// How far the investigation may reach.
    public enum Probing: String, Sendable, Hashable {
        /// Nothing is sent anywhere.
        case off
        /// DNS and WHOIS servers only; nothing to sources.
        case passive
        /// Active probes to allowed networks.
        case on
    }

    public var probing: Probing = .passive
    public var allowedNetworks: [CIDRNetwork] = []
    public var forbiddenNetworks: [CIDRNetwork] = []
    /// `nil`: none; `"system"`: resolv.conf; else `ADDRESS[:PORT]`.
    public var dnsServer: String?
    public var whoisServer: String?
    public var rdapServer: String?
    public var geoDatabase: String?
    public var asnDatabase: String?
    public var asnOverDNS = false
    public var historyFile: String?
    public var historyMaximumAge: Duration = .seconds(30 * 86_400)
    public var alertThreshold = 0.6
    public var modelPath: String?
    public var deadline: Duration = .seconds(20)
    public var queueSize = 1_024
    public var trust = TrustTables()

    /// The keys of the file.
    public static let keys: Set<String> = [
        "probing", "allowed-networks", "forbidden-networks", "dns-server", "whois-server", "rdap-server",
        "geo-database",
        "asn-database", "asn-over-dns", "history-file", "history-max-age", "alert-threshold", "model", "deadline",
        "queue-size",
        "whois-trust", "as-trust", "country-trust", "fingerprint-trust",
    ]

    /// The defaults (passive, nothing configured).
    public init() {}

    /// Reads the file's text; `fileName` is used in errors (`file:line:column: message`).
    public init(text: String, fileName: String) throws(SettingsError) {
        self.init()
        let document = try AttributeDocument(parsing: text, fileName: fileName)
        let reader = AttributeReader(fileName: fileName, entries: document.entries, known: Self.keys)
        try reader.checkKeys()
        if let entry = try reader.entry("probing") {
            guard let probing = Probing(rawValue: entry.value) else {
                throw reader.error(entry, "'probing' must be off, passive or on")
            }
            self.probing = probing
        }
        self.allowedNetworks = try Self.networks(reader, "allowed-networks")
        self.forbiddenNetworks = try Self.networks(reader, "forbidden-networks")
        if self.probing == .on, self.allowedNetworks.isEmpty, let entry = try reader.entry("probing") {
            throw reader.error(entry, "'probing: on' needs 'allowed-networks'")
        }
        self.dnsServer = try reader.string("dns-server")
        self.whoisServer = try reader.string("whois-server")
        if let entry = try reader.entry("rdap-server") {
            let value = entry.value
            let lower = value.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), value.utf8.count <= 256,
                value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
            else {
                throw reader.error(entry, "'rdap-server' must be an http:// or https:// URL")
            }
            self.rdapServer = value
        }
        self.geoDatabase = try reader.string("geo-database")
        self.asnDatabase = try reader.string("asn-database")
        self.asnOverDNS = try reader.bool("asn-over-dns") ?? false
        self.historyFile = try reader.string("history-file")
        self.historyMaximumAge =
            try reader.duration("history-max-age", max: 10 * 365 * 86_400) ?? self.historyMaximumAge
        if let entry = try reader.entry("alert-threshold") {
            guard let value = Double(entry.value), value >= 0, value <= 1 else {
                throw reader.error(entry, "'alert-threshold' must be a number in [0, 1]")
            }
            self.alertThreshold = value
        }
        self.modelPath = try reader.string("model")
        self.deadline = try reader.duration("deadline", max: 300) ?? self.deadline
        self.queueSize = try reader.integer("queue-size", in: 1...1_000_000) ?? self.queueSize
        try self.readTrust(reader)
    }

    private mutating func readTrust(_ reader: AttributeReader) throws(SettingsError) {
        var whois: [(pattern: String, trust: Double)] = []
        var whoisDefault = 0.5
        for (key, value, _) in try Self.pairs(reader, "whois-trust") {
            if key == "*" { whoisDefault = value } else { whois.append((key, value)) }
        }
        var systems: [UInt32: Double] = [:]
        var systemDefault = 0.5
        for (key, value, entry) in try Self.pairs(reader, "as-trust") {
            if key == "*" {
                systemDefault = value
            } else {
                let digits = key.hasPrefix("AS") || key.hasPrefix("as") ? String(key.dropFirst(2)) : key
                guard let number = UInt32(digits) else { throw reader.error(entry, "'as-trust' needs an AS number") }
                systems[number] = value
            }
        }
        var countries: [String: Double] = [:]
        var countryDefault = 0.5
        for (key, value, _) in try Self.pairs(reader, "country-trust") {
            if key == "*" { countryDefault = value } else { countries[key.uppercased()] = value }
        }
        var fingerprints = FingerprintTrustTable()
        for (key, value, _) in try Self.pairs(reader, "fingerprint-trust") {
            if key == "*" {
                fingerprints.unknown = value
            } else if let category = FingerprintCategory(rawValue: key) {
                fingerprints.categories[category] = value
            } else {
                fingerprints.signatures[key] = value
            }
        }
        self.trust = TrustTables(
            whois: whois,
            whoisDefault: whoisDefault,
            autonomousSystems: systems,
            autonomousSystemDefault: systemDefault,
            countries: countries,
            countryDefault: countryDefault,
            fingerprints: FingerprintTrustTable(
                categories: fingerprints.categories,
                signatures: fingerprints.signatures,
                unknown: fingerprints.unknown
            )
        )
    }

    /// `KEY = VALUE` entries with VALUE in [0, 1].
    static func pairs(
        _ reader: AttributeReader,
        _ key: String
    ) throws(SettingsError) -> [(
        String, Double, AttributeDocument.Entry
    )] {
        var result: [(String, Double, AttributeDocument.Entry)] = []
        for entry in reader.all(key) {
            let parts = entry.value.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                let value = Double(parts[1].trimmingCharacters(in: " \t")), value >= 0, value <= 1
            else {
                throw reader.error(entry, "'\(key)' must be 'NAME = VALUE' with VALUE in [0, 1]")
            }
            let name = String(parts[0].trimmingCharacters(in: " \t"))
            guard !name.isEmpty else { throw reader.error(entry, "'\(key)' needs a name before '='") }
            result.append((name, value, entry))
        }
        return result
    }

    static func networks(_ reader: AttributeReader, _ key: String) throws(SettingsError) -> [CIDRNetwork] {
        guard let entry = try reader.entry(key) else { return [] }
        var result: [CIDRNetwork] = []
        for item in entry.value.split(separator: ",") {
            let text = item.trimmingCharacters(in: " \t")
            guard let network = CIDRNetwork(String(text)) else {
                throw reader.error(entry, "'\(key)': '\(text.prefix(60))' is not a CIDR network such as 10.0.0.0/8")
            }
            result.append(network)
        }
        return result
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in blanks: String) -> Substring {
        var text = self
        while let first = text.first, blanks.contains(first) { text = text.dropFirst() }
        while let last = text.last, blanks.contains(last) { text = text.dropLast() }
        return text
    }
}
