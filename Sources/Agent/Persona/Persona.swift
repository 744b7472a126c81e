/// How one honeypot URI presents itself: the device it claims to be, down to header order, casing and the shape
/// of its random identifiers (the paper's section IV: "we configure each SIP URI of the honeyphone to adopt one
/// SIP user agent type").
///
/// Personas are `attribute: value` files (see ``Persona/init(document:)`` for the keys); the built-in ones are in
/// ``Persona/builtIn`` and documented, with the source of every detail, in the module's Personas article.
public struct Persona: Sendable, Hashable {
    /// Which header carries the product name on responses.
    public enum ResponseProductHeader: String, Sendable, Hashable {
        /// `Server:` (RFC 3261 §20.35), as Asterisk and baresip do.
        case server
        /// `User-Agent:` on responses too, as Linphone and many desk phones do.
        case userAgent = "user-agent"
        /// Neither.
        case none
    }

    /// How Content-Length is written.
    public enum ContentLengthStyle: String, Sendable, Hashable {
        /// `Content-Length: 42`.
        case plain
        /// pjsip's: two spaces after the colon (`Content-Length:  0`), as the Asterisk captures show for
        /// bodiless messages. (With a body pjsip pads to a wider column; not reproduced.)
        case pjsip
    }

    /// The persona's name in settings (`linphone-android-5.2`).
    public var id: String
    /// One line for listings.
    public var summary: String
    /// The `User-Agent` of requests.
    public var userAgent: String
    /// The `Server` text of responses (often equal to ``userAgent``).
    public var server: String
    /// Which header names the product on responses.
    public var responseProductHeader: ResponseProductHeader
    /// The `Allow` value, exactly as the device writes it.
    public var allow: String
    /// The methods of ``allow``.
    public var allowedMethods: [String]
    /// `Accept` values (one header each), or empty.
    public var accept: [String]
    /// The `Supported` value, or `nil`.
    public var supported: String?
    /// The option tags of ``supported``.
    public var supportedOptions: [String]
    /// The `Allow-Events` value, or `nil`.
    public var allowEvents: String?
    /// `Accept-Encoding`, `Accept-Language` of OPTIONS answers, or `nil`.
    public var acceptEncoding: String?
    public var acceptLanguage: String?
    /// Header order (and spelling) of responses; names not listed follow in the stack's order.
    public var responseOrder: [String] { didSet { self.responseKeys = Self.orderKeys(self.responseOrder) } }
    /// Header order (and spelling) of the 200 answer to OPTIONS.
    public var optionsOrder: [String] { didSet { self.optionsKeys = Self.orderKeys(self.optionsOrder) } }
    /// Header order (and spelling) of requests the persona sends (REGISTER, BYE).
    public var requestOrder: [String] { didSet { self.requestKeys = Self.orderKeys(self.requestOrder) } }
    /// The orders' names in canonical lower case, computed once (compose runs for every response).
    var responseKeys: OrderKeys = .init()
    var optionsKeys: OrderKeys = .init()
    var requestKeys: OrderKeys = .init()

    /// An order's canonical lowercased names and the first position of each.
    struct OrderKeys: Sendable, Hashable {
        var keys: [String] = []
        var positions: [String: Int] = [:]
    }

    static func orderKeys(_ order: [String]) -> OrderKeys {
        let keys = order.map { Self.canonicalLowercased($0) }
        var positions: [String: Int] = [:]
        for (position, key) in keys.enumerated() where positions[key] == nil { positions[key] = position }
        return OrderKeys(keys: keys, positions: positions)
    }
    /// Whether the OPTIONS answer carries an SDP body (baresip's does).
    public var optionsCarriesSDP: Bool
    /// Whether the device sends its own 100 Trying to an INVITE (baresip does not).
    public var sendsTrying: Bool
    /// The REGISTER answer of a device that is not a registrar: 405 with Allow, or a 401 challenge (every
    /// answer to the challenge then gets 403; the attempts are recorded).
    public var registerResponse: Int
    /// How Content-Length is written.
    public var contentLength: ContentLengthStyle
    /// From/To tags.
    public var tagFormat: IdentifierFormat
    /// The text after the RFC 3261 magic cookie `z9hG4bK` in branches (`Pj`, `.`), then the random part.
    public var branchPrefix: String
    public var branchFormat: IdentifierFormat
    /// Call-IDs: the random part, and whether `@<local IP>` follows.
    public var callIDFormat: IdentifierFormat
    public var callIDWithHost: Bool
    /// The Max-Forwards of requests.
    public var maxForwards: Int
    /// The Expires a REGISTER asks for.
    public var registerExpires: Int
    /// Whether a REGISTER writes its expiry as a Contact parameter (`;expires=`) instead of an Expires header.
    public var registerExpiresInContact: Bool
    /// SDP `o=` user name (`-`, `user`, or the literal `$user` for the account's user part) and `s=` text.
    public var sdpOriginUser: String
    public var sdpSessionName: String
    /// Reason phrases that differ from RFC 3261's (`200: Ok` for Linphone).
    public var reasonPhrases: [Int: String]

    /// The reason phrase the persona writes for `status`.
    public func reason(for status: Int) -> String {
        self.reasonPhrases[status] ?? Self.standardReason(status)
    }

    /// RFC 3261 §21's reason phrases.
    public static func standardReason(_ status: Int) -> String {
        switch status {
        case 100: "Trying"
        case 180: "Ringing"
        case 181: "Call Is Being Forwarded"
        case 182: "Queued"
        case 183: "Session Progress"
        case 200: "OK"
        case 202: "Accepted"
        case 301: "Moved Permanently"
        case 302: "Moved Temporarily"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 415: "Unsupported Media Type"
        case 416: "Unsupported URI Scheme"
        case 420: "Bad Extension"
        case 423: "Interval Too Brief"
        case 480: "Temporarily Unavailable"
        case 481: "Call/Transaction Does Not Exist"
        case 482: "Loop Detected"
        case 483: "Too Many Hops"
        case 486: "Busy Here"
        case 487: "Request Terminated"
        case 488: "Not Acceptable Here"
        case 489: "Bad Event"
        case 491: "Request Pending"
        case 500: "Server Internal Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 603: "Decline"
        default: "Unknown"
        }
    }

    /// Whether the persona's Allow lists `method`.
    public func allows(_ method: String) -> Bool {
        self.allowedMethods.contains(method)
    }
}
