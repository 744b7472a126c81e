/// The fields Recon extracts from a WHOIS answer (RPSL `key: value` lines of RIPE, APNIC, AFRINIC,
/// LACNIC, and ARIN's `Key: Value` style); keys compare case-insensitively.
public struct WHOISResponse: Hashable, Sendable {
    /// A referral to another WHOIS server.
    public struct Referral: Hashable, Sendable {
        /// The server's host name or address.
        public var host: String
        /// The server's port.
        public var port: Int

        /// Creates a referral.
        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
    }

    /// The organisation (`org-name`, `OrgName`, `owner`, `organisation`, `Organization`, then `descr`).
    public var organisation: String?
    /// The network range (`inetnum`, `inet6num`, `NetRange`).
    public var networkRange: String?
    /// The CIDR form, when given (`CIDR`, `route`).
    public var cidr: String?
    /// The network's name (`netname`, `NetName`).
    public var networkName: String?
    /// The country (`country`, `Country`).
    public var country: String?
    /// The referral found (`refer:`, `whois:`, `ReferralServer: whois://`).
    public var referral: Referral?

    /// Most lines examined.
    static let maximumLines = 4096
    /// Keys in order of preference for the organisation.
    static let organisationKeys = ["org-name", "orgname", "owner", "organisation", "organization", "descr"]

    /// Parses a response text.
    public static func parse(_ text: String, defaultPort: Int = 43) -> WHOISResponse {
        var response = WHOISResponse()
        var organisationRank = Int.max
        for line in text.split(whereSeparator: \.isNewline).prefix(Self.maximumLines) {
            guard !line.hasPrefix("%"), !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            guard !value.isEmpty, key.utf8.count <= 64 else { continue }
            let clipped = String(value.prefix(256))
            if let rank = Self.organisationKeys.firstIndex(of: key), rank < organisationRank {
                organisationRank = rank
                response.organisation = clipped
            }
            switch key {
            case "inetnum", "inet6num", "netrange":
                if response.networkRange == nil { response.networkRange = clipped }
            case "cidr", "route", "route6":
                if response.cidr == nil { response.cidr = clipped }
            case "netname":
                if response.networkName == nil { response.networkName = clipped }
            case "country":
                if response.country == nil { response.country = String(clipped.prefix(8)) }
            case "refer", "whois":
                if response.referral == nil {
                    response.referral = Self.referral(host: clipped, defaultPort: defaultPort)
                }
            case "referralserver":
                if response.referral == nil, clipped.lowercased().hasPrefix("whois://") {
                    response.referral = Self.referral(host: String(clipped.dropFirst(8)), defaultPort: defaultPort)
                }
            default:
                continue
            }
        }
        return response
    }

    /// `host`, `host:port`, `host/` or `[v6]:port`; `nil` unless the host is a valid name or address.
    static func referral(host text: String, defaultPort: Int) -> Referral? {
        var hostPart = Substring(text.split(separator: "/").first ?? "")
        var port = defaultPort
        if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
            let rest = hostPart[hostPart.index(after: close)...]
            if rest.hasPrefix(":") {
                guard let value = Int(rest.dropFirst()), (1...65_535).contains(value) else { return nil }
                port = value
            }
            hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
        } else if hostPart.filter({ $0 == ":" }).count == 1, let colon = hostPart.firstIndex(of: ":") {
            guard let value = Int(hostPart[hostPart.index(after: colon)...]), (1...65_535).contains(value) else {
                return nil
            }
            port = value
            hostPart = hostPart[..<colon]
        }
        if IPAddress(hostPart) != nil { return Referral(host: String(hostPart), port: port) }
        guard (try? DNSName(validating: hostPart)) != nil else { return nil }
        return Referral(host: hostPart.lowercased(), port: port)
    }
}
