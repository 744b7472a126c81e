/// The header names the parser knows, with their canonical spelling, compact form and cardinality.
///
/// Unknown names are kept as they are (``SIPHeaderName/other``); header names compare case-insensitively
/// (RFC 3261 §7.3.1) and compact forms map to their long names (`v` ↔ `Via`, RFC 3261 §7.3.3 and the
/// IANA registry).
public enum SIPHeaderName: UInt8, Sendable, Hashable, CaseIterable {
    case accept, acceptContact, acceptEncoding, acceptLanguage, alertInfo, allow, allowEvents
    case authenticationInfo, authorization, callID, callInfo, contact, contentDisposition
    case contentEncoding, contentLanguage, contentLength, contentType, cseq, date, errorInfo, event
    case expires, from, identity, inReplyTo, maxForwards, mimeVersion, minExpires, minSE, organization
    case pAssertedIdentity, pPreferredIdentity, path, priority, privacy, proxyAuthenticate
    case proxyAuthorization, proxyRequire, rack, reason, recordRoute, referTo, referredBy
    case rejectContact, replyTo, requestDisposition, require, retryAfter, route, rseq, server
    case serviceRoute, sessionExpires, subject, subscriptionState, supported, timestamp, to
    case unsupported, userAgent, via, warning, wwwAuthenticate
    /// Any header the parser does not know; its raw name is kept.
    case other

    /// The canonical spelling (RFC 3261 §20 and later RFCs).
    public var canonicalName: String { Self.table[Int(self.rawValue)].canonical }

    /// The compact form, if the header has one.
    public var compactForm: Character? {
        Self.table[Int(self.rawValue)].compact.map { Character(Unicode.Scalar($0)) }
    }

    /// Whether RFC 3261 allows at most one instance of this header (a second one is `duplicate-single-header`).
    public var isSingleInstance: Bool {
        switch self {
        case .authenticationInfo, .callID, .contentDisposition, .contentLength, .contentType, .cseq, .date, .event,
            .expires, .from, .maxForwards, .mimeVersion, .minExpires, .minSE, .organization, .priority, .rack, .referTo,
            .referredBy, .replyTo, .retryAfter, .rseq, .server, .sessionExpires, .subject, .subscriptionState,
            .timestamp, .to, .userAgent:
            return true
        default:
            return false
        }
    }

    /// Whether the value is a comma-separated list (several headers combine into one, RFC 3261 §7.3.1).
    public var isList: Bool {
        switch self {
        case .accept, .acceptContact, .acceptEncoding, .acceptLanguage, .alertInfo, .allow, .allowEvents, .callInfo,
            .contact, .contentEncoding, .contentLanguage, .errorInfo, .inReplyTo, .pAssertedIdentity,
            .pPreferredIdentity, .path, .proxyRequire, .reason, .recordRoute, .rejectContact, .requestDisposition,
            .require, .route, .serviceRoute, .supported, .unsupported, .via, .warning:
            return true
        default:
            return false
        }
    }

    struct Entry {
        let canonical: String
        let compact: UInt8?
    }

    static let table: [Entry] = {
        func e(_ c: String, _ compact: Character? = nil, single: Bool = false, list: Bool = false) -> Entry {
            Entry(
                canonical: c,
                compact: compact.flatMap { $0.asciiValue }
            )
        }
        let entries: [SIPHeaderName: Entry] = [
            .accept: e("Accept", list: true), .acceptContact: e("Accept-Contact", "a", list: true),
            .acceptEncoding: e("Accept-Encoding", list: true), .acceptLanguage: e("Accept-Language", list: true),
            .alertInfo: e("Alert-Info", list: true), .allow: e("Allow", list: true),
            .allowEvents: e("Allow-Events", "u", list: true),
            .authenticationInfo: e("Authentication-Info", single: true),
            .authorization: e("Authorization"), .callID: e("Call-ID", "i", single: true),
            .callInfo: e("Call-Info", list: true), .contact: e("Contact", "m", list: true),
            .contentDisposition: e("Content-Disposition", single: true),
            .contentEncoding: e("Content-Encoding", "e", list: true),
            .contentLanguage: e("Content-Language", list: true),
            .contentLength: e("Content-Length", "l", single: true), .contentType: e("Content-Type", "c", single: true),
            .cseq: e("CSeq", single: true), .date: e("Date", single: true), .errorInfo: e("Error-Info", list: true),
            .event: e("Event", "o", single: true), .expires: e("Expires", single: true),
            .from: e("From", "f", single: true),
            .identity: e("Identity", "y"), .inReplyTo: e("In-Reply-To", list: true),
            .maxForwards: e("Max-Forwards", single: true), .mimeVersion: e("MIME-Version", single: true),
            .minExpires: e("Min-Expires", single: true), .minSE: e("Min-SE", single: true),
            .organization: e("Organization", single: true), .pAssertedIdentity: e("P-Asserted-Identity", list: true),
            .pPreferredIdentity: e("P-Preferred-Identity", list: true), .path: e("Path", list: true),
            .priority: e("Priority", single: true), .privacy: e("Privacy"),
            .proxyAuthenticate: e("Proxy-Authenticate"), .proxyAuthorization: e("Proxy-Authorization"),
            .proxyRequire: e("Proxy-Require", list: true), .rack: e("RAck", single: true),
            .reason: e("Reason", list: true),
            .recordRoute: e("Record-Route", list: true), .referTo: e("Refer-To", "r", single: true),
            .referredBy: e("Referred-By", "b", single: true), .rejectContact: e("Reject-Contact", "j", list: true),
            .replyTo: e("Reply-To", single: true), .requestDisposition: e("Request-Disposition", "d", list: true),
            .require: e("Require", list: true), .retryAfter: e("Retry-After", single: true),
            .route: e("Route", list: true), .rseq: e("RSeq", single: true), .server: e("Server", single: true),
            .serviceRoute: e("Service-Route", list: true), .sessionExpires: e("Session-Expires", "x", single: true),
            .subject: e("Subject", "s", single: true), .subscriptionState: e("Subscription-State", single: true),
            .supported: e("Supported", "k", list: true), .timestamp: e("Timestamp", single: true),
            .to: e("To", "t", single: true), .unsupported: e("Unsupported", list: true),
            .userAgent: e("User-Agent", single: true), .via: e("Via", "v", list: true),
            .warning: e("Warning", list: true),
            .wwwAuthenticate: e("WWW-Authenticate"), .other: e(""),
        ]
        return Self.allCases.map { entries[$0]! }
    }()

    /// `range` must hold token characters only.
    /// Looks a raw header name up, case-insensitively, long or compact form: one `switch` on the length and the
    /// first and last bytes (lower-cased), then one comparison.
    /// - Returns: the known name (or `.other`) and whether the compact form was used.
    static func lookup(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> (SIPHeaderName, compact: Bool) {
        let count = range.count
        guard count > 0, count < 64 else { return (.other, false) }
        let first = UInt32(p[range.lowerBound] | 0x20)
        if count == 1 {
            switch first {
            case 0x61: return (.acceptContact, true)  // a
            case 0x62: return (.referredBy, true)  // b
            case 0x63: return (.contentType, true)  // c
            case 0x64: return (.requestDisposition, true)  // d
            case 0x65: return (.contentEncoding, true)  // e
            case 0x66: return (.from, true)  // f
            case 0x69: return (.callID, true)  // i
            case 0x6A: return (.rejectContact, true)  // j
            case 0x6B: return (.supported, true)  // k
            case 0x6C: return (.contentLength, true)  // l
            case 0x6D: return (.contact, true)  // m
            case 0x6F: return (.event, true)  // o
            case 0x72: return (.referTo, true)  // r
            case 0x73: return (.subject, true)  // s
            case 0x74: return (.to, true)  // t
            case 0x75: return (.allowEvents, true)  // u
            case 0x76: return (.via, true)  // v
            case 0x78: return (.sessionExpires, true)  // x
            case 0x79: return (.identity, true)  // y
            default: return (.other, false)
            }
        }
        let last = UInt32(p[range.upperBound - 1] | 0x20)
        switch UInt32(count) << 16 | first << 8 | last {
        case 0x02746F:  // to
            if Scan.tokenEqualsLower(p, range, "to") { return (.to, false) }
            return (.other, false)
        case 0x037661:  // via
            if Scan.tokenEqualsLower(p, range, "via") { return (.via, false) }
            return (.other, false)
        case 0x046371:  // cseq
            if Scan.tokenEqualsLower(p, range, "cseq") { return (.cseq, false) }
            return (.other, false)
        case 0x046465:  // date
            if Scan.tokenEqualsLower(p, range, "date") { return (.date, false) }
            return (.other, false)
        case 0x04666D:  // from
            if Scan.tokenEqualsLower(p, range, "from") { return (.from, false) }
            return (.other, false)
        case 0x047068:  // path
            if Scan.tokenEqualsLower(p, range, "path") { return (.path, false) }
            return (.other, false)
        case 0x04726B:  // rack
            if Scan.tokenEqualsLower(p, range, "rack") { return (.rack, false) }
            return (.other, false)
        case 0x047271:  // rseq
            if Scan.tokenEqualsLower(p, range, "rseq") { return (.rseq, false) }
            return (.other, false)
        case 0x056177:  // allow
            if Scan.tokenEqualsLower(p, range, "allow") { return (.allow, false) }
            return (.other, false)
        case 0x056574:  // event
            if Scan.tokenEqualsLower(p, range, "event") { return (.event, false) }
            return (.other, false)
        case 0x057265:  // route
            if Scan.tokenEqualsLower(p, range, "route") { return (.route, false) }
            return (.other, false)
        case 0x066174:  // accept
            if Scan.tokenEqualsLower(p, range, "accept") { return (.accept, false) }
            return (.other, false)
        case 0x066D65:  // min-se
            if Scan.tokenEqualsLower(p, range, "min-se") { return (.minSE, false) }
            return (.other, false)
        case 0x06726E:  // reason
            if Scan.tokenEqualsLower(p, range, "reason") { return (.reason, false) }
            return (.other, false)
        case 0x067372:  // server
            if Scan.tokenEqualsLower(p, range, "server") { return (.server, false) }
            return (.other, false)
        case 0x076364:  // call-id
            if Scan.tokenEqualsLower(p, range, "call-id") { return (.callID, false) }
            return (.other, false)
        case 0x076374:  // contact
            if Scan.tokenEqualsLower(p, range, "contact") { return (.contact, false) }
            return (.other, false)
        case 0x076573:  // expires
            if Scan.tokenEqualsLower(p, range, "expires") { return (.expires, false) }
            return (.other, false)
        case 0x077079:  // privacy
            if Scan.tokenEqualsLower(p, range, "privacy") { return (.privacy, false) }
            return (.other, false)
        case 0x077265:  // require
            if Scan.tokenEqualsLower(p, range, "require") { return (.require, false) }
            return (.other, false)
        case 0x077374:  // subject
            if Scan.tokenEqualsLower(p, range, "subject") { return (.subject, false) }
            return (.other, false)
        case 0x077767:  // warning
            if Scan.tokenEqualsLower(p, range, "warning") { return (.warning, false) }
            return (.other, false)
        case 0x086979:  // identity
            if Scan.tokenEqualsLower(p, range, "identity") { return (.identity, false) }
            return (.other, false)
        case 0x087079:  // priority
            if Scan.tokenEqualsLower(p, range, "priority") { return (.priority, false) }
            return (.other, false)
        case 0x08726F:  // refer-to, reply-to
            if Scan.tokenEqualsLower(p, range, "refer-to") { return (.referTo, false) }
            if Scan.tokenEqualsLower(p, range, "reply-to") { return (.replyTo, false) }
            return (.other, false)
        case 0x09636F:  // call-info
            if Scan.tokenEqualsLower(p, range, "call-info") { return (.callInfo, false) }
            return (.other, false)
        case 0x097364:  // supported
            if Scan.tokenEqualsLower(p, range, "supported") { return (.supported, false) }
            return (.other, false)
        case 0x097470:  // timestamp
            if Scan.tokenEqualsLower(p, range, "timestamp") { return (.timestamp, false) }
            return (.other, false)
        case 0x0A616F:  // alert-info
            if Scan.tokenEqualsLower(p, range, "alert-info") { return (.alertInfo, false) }
            return (.other, false)
        case 0x0A656F:  // error-info
            if Scan.tokenEqualsLower(p, range, "error-info") { return (.errorInfo, false) }
            return (.other, false)
        case 0x0A7574:  // user-agent
            if Scan.tokenEqualsLower(p, range, "user-agent") { return (.userAgent, false) }
            return (.other, false)
        case 0x0B696F:  // in-reply-to
            if Scan.tokenEqualsLower(p, range, "in-reply-to") { return (.inReplyTo, false) }
            return (.other, false)
        case 0x0B6D73:  // min-expires
            if Scan.tokenEqualsLower(p, range, "min-expires") { return (.minExpires, false) }
            return (.other, false)
        case 0x0B7272:  // retry-after
            if Scan.tokenEqualsLower(p, range, "retry-after") { return (.retryAfter, false) }
            return (.other, false)
        case 0x0B7279:  // referred-by
            if Scan.tokenEqualsLower(p, range, "referred-by") { return (.referredBy, false) }
            return (.other, false)
        case 0x0B7564:  // unsupported
            if Scan.tokenEqualsLower(p, range, "unsupported") { return (.unsupported, false) }
            return (.other, false)
        case 0x0C6173:  // allow-events
            if Scan.tokenEqualsLower(p, range, "allow-events") { return (.allowEvents, false) }
            return (.other, false)
        case 0x0C6365:  // content-type
            if Scan.tokenEqualsLower(p, range, "content-type") { return (.contentType, false) }
            return (.other, false)
        case 0x0C6D6E:  // mime-version
            if Scan.tokenEqualsLower(p, range, "mime-version") { return (.mimeVersion, false) }
            return (.other, false)
        case 0x0C6D73:  // max-forwards
            if Scan.tokenEqualsLower(p, range, "max-forwards") { return (.maxForwards, false) }
            return (.other, false)
        case 0x0C6F6E:  // organization
            if Scan.tokenEqualsLower(p, range, "organization") { return (.organization, false) }
            return (.other, false)
        case 0x0C7265:  // record-route
            if Scan.tokenEqualsLower(p, range, "record-route") { return (.recordRoute, false) }
            return (.other, false)
        case 0x0D616E:  // authorization
            if Scan.tokenEqualsLower(p, range, "authorization") { return (.authorization, false) }
            return (.other, false)
        case 0x0D7065:  // proxy-require
            if Scan.tokenEqualsLower(p, range, "proxy-require") { return (.proxyRequire, false) }
            return (.other, false)
        case 0x0D7365:  // service-route
            if Scan.tokenEqualsLower(p, range, "service-route") { return (.serviceRoute, false) }
            return (.other, false)
        case 0x0E6174:  // accept-contact
            if Scan.tokenEqualsLower(p, range, "accept-contact") { return (.acceptContact, false) }
            return (.other, false)
        case 0x0E6368:  // content-length
            if Scan.tokenEqualsLower(p, range, "content-length") { return (.contentLength, false) }
            return (.other, false)
        case 0x0E7274:  // reject-contact
            if Scan.tokenEqualsLower(p, range, "reject-contact") { return (.rejectContact, false) }
            return (.other, false)
        case 0x0F6165:  // accept-language
            if Scan.tokenEqualsLower(p, range, "accept-language") { return (.acceptLanguage, false) }
            return (.other, false)
        case 0x0F6167:  // accept-encoding
            if Scan.tokenEqualsLower(p, range, "accept-encoding") { return (.acceptEncoding, false) }
            return (.other, false)
        case 0x0F7373:  // session-expires
            if Scan.tokenEqualsLower(p, range, "session-expires") { return (.sessionExpires, false) }
            return (.other, false)
        case 0x106365:  // content-language
            if Scan.tokenEqualsLower(p, range, "content-language") { return (.contentLanguage, false) }
            return (.other, false)
        case 0x106367:  // content-encoding
            if Scan.tokenEqualsLower(p, range, "content-encoding") { return (.contentEncoding, false) }
            return (.other, false)
        case 0x107765:  // www-authenticate
            if Scan.tokenEqualsLower(p, range, "www-authenticate") { return (.wwwAuthenticate, false) }
            return (.other, false)
        case 0x127065:  // proxy-authenticate
            if Scan.tokenEqualsLower(p, range, "proxy-authenticate") { return (.proxyAuthenticate, false) }
            return (.other, false)
        case 0x127365:  // subscription-state
            if Scan.tokenEqualsLower(p, range, "subscription-state") { return (.subscriptionState, false) }
            return (.other, false)
        case 0x13616F:  // authentication-info
            if Scan.tokenEqualsLower(p, range, "authentication-info") { return (.authenticationInfo, false) }
            return (.other, false)
        case 0x13636E:  // content-disposition
            if Scan.tokenEqualsLower(p, range, "content-disposition") { return (.contentDisposition, false) }
            return (.other, false)
        case 0x13706E:  // proxy-authorization
            if Scan.tokenEqualsLower(p, range, "proxy-authorization") { return (.proxyAuthorization, false) }
            return (.other, false)
        case 0x137079:  // p-asserted-identity
            if Scan.tokenEqualsLower(p, range, "p-asserted-identity") { return (.pAssertedIdentity, false) }
            return (.other, false)
        case 0x13726E:  // request-disposition
            if Scan.tokenEqualsLower(p, range, "request-disposition") { return (.requestDisposition, false) }
            return (.other, false)
        case 0x147079:  // p-preferred-identity
            if Scan.tokenEqualsLower(p, range, "p-preferred-identity") { return (.pPreferredIdentity, false) }
            return (.other, false)
        default:
            return (.other, false)
        }
    }
}
