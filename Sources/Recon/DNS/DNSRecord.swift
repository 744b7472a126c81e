/// A question (RFC 1035 §4.1.2); the class is always IN here.
public struct DNSQuestion: Hashable, Sendable {
    /// The name asked about.
    public var name: DNSName
    /// The type asked for.
    public var type: DNSRecordType
    /// The class (1 = IN).
    public var recordClass: UInt16

    /// Creates a question of class IN unless told otherwise.
    public init(name: DNSName, type: DNSRecordType, recordClass: UInt16 = 1) {
        self.name = name
        self.type = type
        self.recordClass = recordClass
    }
}

/// A resource record (RFC 1035 §4.1.3) with its data decoded for the types Recon uses.
public struct DNSResourceRecord: Hashable, Sendable {
    /// The owner name.
    public var name: DNSName
    /// The record's type.
    public var type: DNSRecordType
    /// The class (1 = IN).
    public var recordClass: UInt16
    /// The time to live in seconds.
    public var ttl: UInt32
    /// The decoded data.
    public var data: DNSRecordData

    /// Creates a record.
    public init(name: DNSName, type: DNSRecordType, recordClass: UInt16 = 1, ttl: UInt32, data: DNSRecordData) {
        self.name = name
        self.type = type
        self.recordClass = recordClass
        self.ttl = ttl
        self.data = data
    }
}

/// The data of a resource record.
public enum DNSRecordData: Hashable, Sendable {
    /// An A or AAAA address.
    case address(IPAddress)
    /// A PTR target.
    case pointer(DNSName)
    /// A CNAME target.
    case canonicalName(DNSName)
    /// A SRV record.
    case service(SRVRecord)
    /// A NAPTR record.
    case namingAuthority(NAPTRRecord)
    /// TXT character-strings, as raw bytes.
    case text([[UInt8]])
    /// Any other type: the raw RDATA (names inside it are not decompressed).
    case other([UInt8])
}

/// A SRV record (RFC 2782).
public struct SRVRecord: Hashable, Sendable {
    /// Lower is tried first.
    public var priority: UInt16
    /// Relative weight among equal priorities.
    public var weight: UInt16
    /// The port.
    public var port: UInt16
    /// The target host (`.` means "not available").
    public var target: DNSName

    /// Creates a SRV record.
    public init(priority: UInt16, weight: UInt16, port: UInt16, target: DNSName) {
        self.priority = priority
        self.weight = weight
        self.port = port
        self.target = target
    }
}

/// A NAPTR record (RFC 3403 §4.1). Character-strings are kept as text decoded leniently from UTF-8.
public struct NAPTRRecord: Hashable, Sendable {
    /// Lower is processed first.
    public var order: UInt16
    /// Lower is preferred among equal orders.
    public var preference: UInt16
    /// Flags such as `s`, `a`, `u`.
    public var flags: String
    /// The service, e.g. `SIP+D2U` or `E2U+sip`.
    public var services: String
    /// The substitution expression, e.g. `!^.*$!sip:1001@lab.test!`.
    public var regexp: String
    /// The replacement name (`.` when the regexp is used).
    public var replacement: DNSName

    /// Creates a NAPTR record.
    public init(
        order: UInt16,
        preference: UInt16,
        flags: String,
        services: String,
        regexp: String,
        replacement: DNSName
    ) {
        self.order = order
        self.preference = preference
        self.flags = flags
        self.services = services
        self.regexp = regexp
        self.replacement = replacement
    }
}
