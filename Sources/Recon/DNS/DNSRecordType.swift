/// A DNS RR type (RFC 1035 §3.2.2 and later RFCs). Extensible.
public struct DNSRecordType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// IPv4 address (RFC 1035).
    public static let a = Self(rawValue: 1)
    /// Name server (RFC 1035).
    public static let ns = Self(rawValue: 2)
    /// Canonical name (RFC 1035).
    public static let cname = Self(rawValue: 5)
    /// Start of authority (RFC 1035).
    public static let soa = Self(rawValue: 6)
    /// Domain name pointer (RFC 1035).
    public static let ptr = Self(rawValue: 12)
    /// Text strings (RFC 1035).
    public static let txt = Self(rawValue: 16)
    /// IPv6 address (RFC 3596).
    public static let aaaa = Self(rawValue: 28)
    /// Service location (RFC 2782).
    public static let srv = Self(rawValue: 33)
    /// Naming authority pointer (RFC 3403).
    public static let naptr = Self(rawValue: 35)

    public var description: String {
        switch self.rawValue {
        case 1: return "A"
        case 2: return "NS"
        case 5: return "CNAME"
        case 6: return "SOA"
        case 12: return "PTR"
        case 16: return "TXT"
        case 28: return "AAAA"
        case 33: return "SRV"
        case 35: return "NAPTR"
        default: return "TYPE\(self.rawValue)"
        }
    }
}

/// A DNS response code (RFC 1035 §4.1.1). Extensible.
public struct DNSResponseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// No error.
    public static let noError = Self(rawValue: 0)
    /// The server could not interpret the query.
    public static let formatError = Self(rawValue: 1)
    /// The server failed.
    public static let serverFailure = Self(rawValue: 2)
    /// The name does not exist.
    public static let nameError = Self(rawValue: 3)
    /// The server does not support the query.
    public static let notImplemented = Self(rawValue: 4)
    /// The server refused.
    public static let refused = Self(rawValue: 5)

    public var description: String {
        switch self.rawValue {
        case 0: return "NOERROR"
        case 1: return "FORMERR"
        case 2: return "SERVFAIL"
        case 3: return "NXDOMAIN"
        case 4: return "NOTIMP"
        case 5: return "REFUSED"
        default: return "RCODE\(self.rawValue)"
        }
    }
}
