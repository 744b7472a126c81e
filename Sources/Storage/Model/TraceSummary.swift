/// The parsed summary of a traced message: the fields an analyst filters and lists by.
///
/// Every string is attacker text: each is bounded to ``TraceLimits/maxFieldLength`` UTF-8 bytes and has NUL
/// replaced (see ``TraceRecord``). A field is `nil` when the message does not have it or it did not parse.
public struct TraceSummary: Sendable, Hashable {
    /// Request, response or unparsed.
    public let kind: TraceKind
    /// The request method as sent (requests), e.g. `INVITE`.
    public let method: String?
    /// The status code (responses).
    public let statusCode: Int?
    /// The reason phrase (responses).
    public let reasonPhrase: String?
    /// The Request-URI as sent (requests).
    public let requestURI: String?
    /// The Call-ID header value.
    public let callID: String?
    /// The CSeq sequence number.
    public let cseqNumber: UInt32?
    /// The CSeq method.
    public let cseqMethod: String?
    /// The From header's URI.
    public let fromURI: String?
    /// The From header's tag.
    public let fromTag: String?
    /// The To header's URI.
    public let toURI: String?
    /// The To header's tag.
    public let toTag: String?
    /// The first Contact header's URI (`*` for a wildcard).
    public let contactURI: String?
    /// The User-Agent header, or for a response without one, the Server header.
    public let userAgent: String?
    /// The `SIPParseError.Code` raw value when ``kind`` is ``TraceKind/unparsed``.
    public let parseErrorCode: String?

    /// Creates a summary; every string is bounded.
    public init(
        kind: TraceKind,
        method: String? = nil,
        statusCode: Int? = nil,
        reasonPhrase: String? = nil,
        requestURI: String? = nil,
        callID: String? = nil,
        cseqNumber: UInt32? = nil,
        cseqMethod: String? = nil,
        fromURI: String? = nil,
        fromTag: String? = nil,
        toURI: String? = nil,
        toTag: String? = nil,
        contactURI: String? = nil,
        userAgent: String? = nil,
        parseErrorCode: String? = nil
    ) {
        self.kind = kind
        self.method = TraceText.bounded(method)
        self.statusCode = statusCode
        self.reasonPhrase = TraceText.bounded(reasonPhrase)
        self.requestURI = TraceText.bounded(requestURI)
        self.callID = TraceText.bounded(callID)
        self.cseqNumber = cseqNumber
        self.cseqMethod = TraceText.bounded(cseqMethod)
        self.fromURI = TraceText.bounded(fromURI)
        self.fromTag = TraceText.bounded(fromTag)
        self.toURI = TraceText.bounded(toURI)
        self.toTag = TraceText.bounded(toTag)
        self.contactURI = TraceText.bounded(contactURI)
        self.userAgent = TraceText.bounded(userAgent)
        self.parseErrorCode = TraceText.bounded(parseErrorCode)
    }
}
