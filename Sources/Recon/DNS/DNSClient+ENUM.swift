/// One usable ENUM entry: a terminal `u` NAPTR with an `E2U+sip` service, rewritten to a URI.
public struct ENUMEntry: Hashable, Sendable {
    /// The NAPTR order.
    public var order: UInt16
    /// The NAPTR preference.
    public var preference: UInt16
    /// The services field as published (`E2U+sip`).
    public var services: String
    /// The URI produced by the substitution (`sip:1001@lab.test`).
    public var uri: String

    /// Creates an entry.
    public init(order: UInt16, preference: UInt16, services: String, uri: String) {
        self.order = order
        self.preference = preference
        self.services = services
        self.uri = uri
    }
}

extension DNSClient {
    /// ENUM lookup (RFC 6116) of an E.164 number: the SIP URIs its NAPTR records give.
    ///
    /// Only terminal (`u`) records whose services contain the `sip` enumservice are used; an
    /// unsupported regexp skips the record, and when nothing usable remains the result is unknown.
    public func enumLookup(number: String, suffix: DNSName = ENUM.defaultSuffix) async -> Lookup<[ENUMEntry]> {
        guard let aus = ENUM.applicationUniqueString(number), let domain = ENUM.domain(for: number, suffix: suffix)
        else { return self.rejected(.invalidInput("not an E.164 number")) }
        let naptr = await self.namingAuthorityPointers(domain)
        return naptr.map { records in
            var entries: [ENUMEntry] = []
            var skipped: [String] = []
            for record in records where Self.isSIPEnumservice(record) {
                switch ENUM.substitute(record.regexp, in: aus) {
                case .result(let uri) where uri.hasPrefix("sip:") || uri.hasPrefix("sips:"):
                    entries.append(
                        ENUMEntry(
                            order: record.order,
                            preference: record.preference,
                            services: record.services,
                            uri: uri
                        )
                    )
                case .result:
                    skipped.append("result is not a SIP URI")
                case .noMatch:
                    skipped.append("regexp does not match")
                case .unsupported(let why):
                    skipped.append(why)
                }
            }
            if entries.isEmpty {
                return .unknown(
                    skipped.isEmpty ? .noData("no E2U+sip record") : .unsupported(skipped.joined(separator: "; "))
                )
            }
            return .known(entries)
        }
    }

    static func isSIPEnumservice(_ record: NAPTRRecord) -> Bool {
        guard record.flags.lowercased() == "u" else { return false }
        let parts = record.services.lowercased().split(separator: "+")
        guard parts.first == "e2u" else { return false }
        return parts.dropFirst().contains { $0 == "sip" || $0.hasPrefix("sip:") }
    }
}
