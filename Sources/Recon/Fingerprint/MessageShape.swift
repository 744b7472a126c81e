public import SIPCore

/// The observable shape of one SIP message, read once and compared with every signature: header order
/// and spelling, compact forms, generated tokens, default URIs and formatting habits.
///
/// Every string here is attacker-supplied; values are truncated to ``maximumValueLength`` bytes.
public struct MessageShape: Hashable, Sendable {
    /// Longest header value kept.
    public static let maximumValueLength = 256
    /// Most header names kept, in order.
    public static let maximumHeaders = 64

    /// Whether the message is a request.
    public var isRequest: Bool
    /// The method of a request, or of the CSeq of a response.
    public var method: String?
    /// The status code of a response.
    public var statusCode: Int?
    /// The raw header names, as spelled, in order.
    public var rawNames: [String]
    /// The header names in order, lower-cased long forms (`v` becomes `via`).
    public var names: [String]
    /// Whether any compact form (`v`, `f`, `i`, ...) was used.
    public var usesCompactForms: Bool
    /// The User-Agent value, else the Server value.
    public var agent: String?
    /// The top Via's branch.
    public var branch: String?
    /// The top Via's parameter names, in order, lower-cased.
    public var viaParameterNames: [String]
    /// The From tag.
    public var fromTag: String?
    /// The To tag.
    public var toTag: String?
    /// The Call-ID.
    public var callID: String?
    /// The CSeq number.
    public var cseqNumber: UInt32?
    /// Max-Forwards.
    public var maxForwards: Int?
    /// The first raw value per lower-cased long header name.
    public var values: [String: String]
    /// The number of spaces between the colon and the value, per lower-cased long header name.
    public var spacesAfterColon: [String: Int]
    /// The From, To and Contact URIs (`user@host[:port]`, scheme dropped).
    public var fromURI: String?
    /// See ``fromURI``.
    public var toURI: String?
    /// See ``fromURI``.
    public var contactURI: String?
    /// The display names of From and To.
    public var fromDisplayName: String?
    /// See ``fromDisplayName``.
    public var toDisplayName: String?
    /// The request URI without scheme.
    public var requestURI: String?

    /// Reads the shape of `message`.
    public init(message: SIPMessage) {
        self.isRequest = message.isRequest
        self.method = message.method?.rawValue ?? message.cseq?.method.rawValue
        self.statusCode = message.statusCode
        var rawNames: [String] = []
        var names: [String] = []
        var values: [String: String] = [:]
        var spaces: [String: Int] = [:]
        var compact = false
        for field in message.headerFields.prefix(Self.maximumHeaders) {
            let raw = Self.truncate(message.name(of: field))
            let name = field.name == .other ? raw.lowercased() : field.name.canonicalName.lowercased()
            compact = compact || field.isCompact
            rawNames.append(raw)
            names.append(name)
            if values[name] == nil {
                values[name] = Self.truncate(message.value(of: field))
                spaces[name] = Self.spaces(message, field)
            }
        }
        self.rawNames = rawNames
        self.names = names
        self.values = values
        self.spacesAfterColon = spaces
        self.usesCompactForms = compact
        self.agent = (message.userAgent ?? message.server).map(Self.truncate)
        let top = message.topVia
        self.branch = top?.branch.map(Self.truncate)
        self.viaParameterNames = Self.parameterNames(values["via"])
        let from = message.from
        let to = message.to
        self.fromTag = from?.tag.map(Self.truncate)
        self.toTag = to?.tag.map(Self.truncate)
        self.callID = message.callID.map(Self.truncate)
        self.cseqNumber = message.cseq?.sequence
        self.maxForwards = message.maxForwards
        self.fromURI = from?.uri.map(Self.address)
        self.toURI = to?.uri.map(Self.address)
        self.contactURI = message.contacts.first?.uri.map(Self.address)
        self.fromDisplayName = from?.displayName.map(Self.truncate)
        self.toDisplayName = to?.displayName.map(Self.truncate)
        self.requestURI = message.requestURI.map(Self.address)
    }

    /// Whether the lower-cased long header name occurs.
    public func has(_ name: String) -> Bool { self.values[name] != nil }

    static func truncate(_ text: String) -> String {
        text.utf8.count <= Self.maximumValueLength
            ? text : String(decoding: text.utf8.prefix(Self.maximumValueLength), as: UTF8.self)
    }

    static func address(_ uri: SIPURI) -> String {
        var text = uri.user.map { "\($0)@" } ?? ""
        text += uri.host?.description ?? ""
        if let port = uri.port { text += ":\(port)" }
        return Self.truncate(text)
    }

    private static func spaces(_ message: SIPMessage, _ field: SIPHeaderField) -> Int {
        // Between the end of the name and the start of the value: optional spaces, the colon, spaces.
        let gap = message.string(field.nameRange.upperBound..<field.valueRange.lowerBound)
        return gap.utf8.reversed().prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
    }

    private static func parameterNames(_ via: String?) -> [String] {
        guard let via else { return [] }
        return via.split(separator: ";").dropFirst().prefix(16).map {
            String($0.prefix { $0 != "=" }).trimmingSpaces().lowercased()
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let bytes = Array(self.utf8)
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.count
        let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? start
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : ""
    }
}
