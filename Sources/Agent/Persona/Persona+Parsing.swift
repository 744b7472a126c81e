extension Persona {
    /// Every key a persona file may use.
    public static let keys: Set<String> = [
        "persona", "description", "user-agent", "server", "ua-header-on-responses", "allow", "accept", "supported",
        "allow-events", "accept-encoding", "accept-language", "header-order-response", "header-order-options-200",
        "header-order-request", "options-sdp", "sends-trying", "register-response", "content-length-format",
        "tag-format", "branch-prefix", "branch-format", "callid-format", "callid-host", "max-forwards",
        "register-expires", "register-expires-in-contact", "sdp-origin-user", "sdp-session-name", "reason",
    ]

    /// Reads a persona from an `attribute: value` document.
    ///
    /// Keys (all but `persona`, `user-agent` and `allow` optional): `persona` (id), `description`, `user-agent`,
    /// `server` (default: the user-agent), `ua-header-on-responses` (`server` | `user-agent` | `none`), `allow`,
    /// `accept` (values separated by `|` become separate headers), `supported`, `allow-events`,
    /// `accept-encoding`, `accept-language`, `header-order-response`, `header-order-options-200`,
    /// `header-order-request` (comma-separated header names, spelled as the device spells them),
    /// `options-sdp` (yes/no), `sends-trying` (yes/no, default yes), `register-response` (401 or 405, default
    /// 405), `content-length-format` (`plain` | `pjsip`), `tag-format`, `branch-format`, `callid-format`
    /// (``IdentifierFormat`` names), `branch-prefix` (after `z9hG4bK`), `callid-host` (yes/no), `max-forwards`,
    /// `register-expires`, `register-expires-in-contact` (yes/no), `sdp-origin-user`, `sdp-session-name`, and any
    /// number of `reason: <code> <phrase>` lines.
    public init(document: AttributeDocument) throws(SettingsError) {
        let reader = AttributeReader(fileName: document.fileName, entries: document.entries, known: Self.keys)
        try reader.checkKeys()
        let id = try reader.required("persona")
        let userAgent = try reader.required("user-agent")
        let allow = try reader.required("allow")
        self.id = id
        self.summary = try reader.string("description") ?? id
        self.userAgent = userAgent
        self.server = try reader.string("server") ?? userAgent
        if let entry = try reader.entry("ua-header-on-responses") {
            guard let value = ResponseProductHeader(rawValue: entry.value) else {
                throw reader.error(entry, "'ua-header-on-responses' must be server, user-agent or none")
            }
            self.responseProductHeader = value
        } else {
            self.responseProductHeader = .server
        }
        self.allow = allow
        self.allowedMethods = allow.split(separator: ",").map { String(Substring($0).trimmingCharacters()) }
        self.accept =
            (try reader.string("accept")).map {
                $0.split(separator: "|").map { String(Substring($0).trimmingCharacters()) }
            } ?? []
        self.supported = try reader.string("supported")
        self.supportedOptions = (self.supported ?? "").split(separator: ",").map {
            String(Substring($0).trimmingCharacters())
        }
        self.allowEvents = try reader.string("allow-events")
        self.acceptEncoding = try reader.string("accept-encoding")
        self.acceptLanguage = try reader.string("accept-language")
        let defaultResponse = [
            "Via", "From", "To", "Call-ID", "CSeq", "Server", "User-Agent", "Contact", "Allow",
            "Supported", "Content-Type", "Content-Length",
        ]
        self.responseOrder = try reader.list("header-order-response") ?? defaultResponse
        self.optionsOrder = try reader.list("header-order-options-200") ?? self.responseOrder
        self.requestOrder =
            try reader.list("header-order-request")
            ?? [
                "Via", "Max-Forwards", "From", "To", "Call-ID", "CSeq", "Contact", "Authorization", "User-Agent",
                "Expires", "Allow", "Content-Length",
            ]
        self.responseKeys = Self.orderKeys(self.responseOrder)
        self.optionsKeys = Self.orderKeys(self.optionsOrder)
        self.requestKeys = Self.orderKeys(self.requestOrder)
        self.optionsCarriesSDP = try reader.bool("options-sdp") ?? false
        self.sendsTrying = try reader.bool("sends-trying") ?? true
        if let entry = try reader.entry("register-response") {
            guard entry.value == "401" || entry.value == "405" else {
                throw reader.error(entry, "'register-response' must be 401 or 405")
            }
            self.registerResponse = Int(entry.value)!
        } else {
            self.registerResponse = 405
        }
        if let entry = try reader.entry("content-length-format") {
            guard let value = ContentLengthStyle(rawValue: entry.value) else {
                throw reader.error(entry, "'content-length-format' must be plain or pjsip")
            }
            self.contentLength = value
        } else {
            self.contentLength = .plain
        }
        self.tagFormat = try Self.format(reader, "tag-format", default: .hex(16))
        self.branchFormat = try Self.format(reader, "branch-format", default: .hex(16))
        self.callIDFormat = try Self.format(reader, "callid-format", default: .hex(32))
        self.branchPrefix = try reader.string("branch-prefix") ?? ""
        guard self.branchPrefix.count <= 8,
            self.branchPrefix.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
        else {
            throw reader.error(try reader.entry("branch-prefix")!, "'branch-prefix' must be at most 8 token characters")
        }
        self.callIDWithHost = try reader.bool("callid-host") ?? false
        self.maxForwards = try reader.integer("max-forwards", in: 1...255) ?? 70
        self.registerExpires = try reader.integer("register-expires", in: 1...86_400) ?? 3600
        self.registerExpiresInContact = try reader.bool("register-expires-in-contact") ?? false
        self.sdpOriginUser = try reader.string("sdp-origin-user") ?? "-"
        self.sdpSessionName = try reader.string("sdp-session-name") ?? "-"
        var reasons: [Int: String] = [:]
        for entry in reader.all("reason") {
            let parts = entry.value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let code = Int(parts[0]), (100...699).contains(code),
                parts[1].allSatisfy({ $0.isASCII && !$0.isNewline })
            else {
                throw reader.error(entry, "'reason' must be a status code and an ASCII phrase, such as '200 Ok'")
            }
            reasons[code] = String(parts[1])
        }
        self.reasonPhrases = reasons
        for text in [self.userAgent, self.server, self.allow, self.supported ?? "", self.sdpSessionName]
        where text.contains(where: { $0.isNewline }) {
            throw SettingsError(
                file: document.fileName,
                line: 1,
                column: 1,
                message: "persona text contains a line break"
            )
        }
    }

    private static func format(
        _ reader: AttributeReader,
        _ key: String,
        default value: IdentifierFormat
    ) throws(SettingsError) -> IdentifierFormat {
        guard let entry = try reader.entry(key) else { return value }
        guard let format = IdentifierFormat(entry.value) else {
            throw reader.error(entry, "'\(key)' must be hexN, HEXN, digitsN, alnumN, tokenN (N ≤ 64) or uuid")
        }
        return format
    }
}
