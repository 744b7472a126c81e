/// One origin record from a Team Cymru-style IP-to-ASN TXT service: `"AS | prefix | CC | registry | date"`.
public struct ASNOrigin: Hashable, Sendable {
    /// The origin AS numbers (a prefix announced by several ASes lists them separated by spaces).
    public var asNumbers: [UInt32]
    /// The announced prefix, as published.
    public var prefix: String
    /// The country code.
    public var countryCode: String
    /// The registry (`ripencc`, `arin`, ...).
    public var registry: String
    /// The allocation date, as published.
    public var allocated: String

    /// Creates a record.
    public init(asNumbers: [UInt32], prefix: String, countryCode: String, registry: String, allocated: String) {
        self.asNumbers = asNumbers
        self.prefix = prefix
        self.countryCode = countryCode
        self.registry = registry
        self.allocated = allocated
    }

    /// Parses one TXT string; `nil` when it does not have the five `|`-separated fields and a numeric AS.
    public static func parse(_ text: String) -> ASNOrigin? {
        guard text.utf8.count <= 512 else { return nil }
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingSpaces()
        }
        guard fields.count >= 3 else { return nil }
        let numbers = fields[0].split(separator: " ").compactMap { UInt32($0) }
        guard !numbers.isEmpty, numbers.count <= 16 else { return nil }
        return ASNOrigin(
            asNumbers: numbers,
            prefix: fields[1],
            countryCode: fields[2],
            registry: fields.count > 3 ? fields[3] : "",
            allocated: fields.count > 4 ? fields[4] : ""
        )
    }
}

extension DNSClient {
    /// The default IPv4 zone of the IP-to-ASN service.
    public static let cymruOriginZone = DNSName(labels: ["origin", "asn", "cymru", "com"].map { Array($0.utf8) })
    /// The default IPv6 zone of the IP-to-ASN service.
    public static let cymruOrigin6Zone = DNSName(labels: ["origin6", "asn", "cymru", "com"].map { Array($0.utf8) })

    /// The origin AS of `address` from a TXT service: reversed IPv4 octets (IPv6 nibbles) under `zone`.
    public func originASN(
        of address: IPAddress,
        zone: DNSName = DNSClient.cymruOriginZone,
        zone6: DNSName = DNSClient.cymruOrigin6Zone
    ) async -> Lookup<[ASNOrigin]> {
        let name =
            address.isIPv4
            ? ReverseName.reversedOctets(address).appending(zone)
            : ReverseName.reversedNibbles(address).appending(zone6)
        return await self.textRecords(name).map { texts in
            let origins = texts.compactMap(ASNOrigin.parse)
            return origins.isEmpty ? .unknown(.malformed("no parsable origin TXT record")) : .known(origins)
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(
            self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()
        )
    }
}
