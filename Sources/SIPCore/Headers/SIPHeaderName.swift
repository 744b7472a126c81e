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
    public var isSingleInstance: Bool { Self.table[Int(self.rawValue)].single }

    /// Whether the value is a comma-separated list (several headers combine into one, RFC 3261 §7.3.1).
    public var isList: Bool { Self.table[Int(self.rawValue)].list }

    struct Entry {
        let canonical: String
        let lower: [UInt8]
        let compact: UInt8?
        let single: Bool
        let list: Bool
    }

    static let table: [Entry] = {
        func e(_ c: String, _ compact: Character? = nil, single: Bool = false, list: Bool = false) -> Entry {
            Entry(
                canonical: c,
                lower: Array(c.lowercased().utf8),
                compact: compact.flatMap { $0.asciiValue },
                single: single,
                list: list
            )
        }
        let entries: [SIPHeaderName: Entry] = [
            .accept: e("Accept", list: true), .acceptContact: e("Accept-Contact", "a", list: true),
            .acceptEncoding: e("Accept-Encoding", list: true), .acceptLanguage: e("Accept-Language", list: true),
            .alertInfo: e("Alert-Info", list: true), .allow: e("Allow", list: true),
            .allowEvents: e("Allow-Events", "u", list: true), .authenticationInfo: e("Authentication-Info", single: true),
            .authorization: e("Authorization"), .callID: e("Call-ID", "i", single: true),
            .callInfo: e("Call-Info", list: true), .contact: e("Contact", "m", list: true),
            .contentDisposition: e("Content-Disposition", single: true),
            .contentEncoding: e("Content-Encoding", "e", list: true), .contentLanguage: e("Content-Language", list: true),
            .contentLength: e("Content-Length", "l", single: true), .contentType: e("Content-Type", "c", single: true),
            .cseq: e("CSeq", single: true), .date: e("Date", single: true), .errorInfo: e("Error-Info", list: true),
            .event: e("Event", "o", single: true), .expires: e("Expires", single: true), .from: e("From", "f", single: true),
            .identity: e("Identity", "y"), .inReplyTo: e("In-Reply-To", list: true),
            .maxForwards: e("Max-Forwards", single: true), .mimeVersion: e("MIME-Version", single: true),
            .minExpires: e("Min-Expires", single: true), .minSE: e("Min-SE", single: true),
            .organization: e("Organization", single: true), .pAssertedIdentity: e("P-Asserted-Identity", list: true),
            .pPreferredIdentity: e("P-Preferred-Identity", list: true), .path: e("Path", list: true),
            .priority: e("Priority", single: true), .privacy: e("Privacy"),
            .proxyAuthenticate: e("Proxy-Authenticate"), .proxyAuthorization: e("Proxy-Authorization"),
            .proxyRequire: e("Proxy-Require", list: true), .rack: e("RAck", single: true), .reason: e("Reason", list: true),
            .recordRoute: e("Record-Route", list: true), .referTo: e("Refer-To", "r", single: true),
            .referredBy: e("Referred-By", "b", single: true), .rejectContact: e("Reject-Contact", "j", list: true),
            .replyTo: e("Reply-To", single: true), .requestDisposition: e("Request-Disposition", "d", list: true),
            .require: e("Require", list: true), .retryAfter: e("Retry-After", single: true),
            .route: e("Route", list: true), .rseq: e("RSeq", single: true), .server: e("Server", single: true),
            .serviceRoute: e("Service-Route", list: true), .sessionExpires: e("Session-Expires", "x", single: true),
            .subject: e("Subject", "s", single: true), .subscriptionState: e("Subscription-State", single: true),
            .supported: e("Supported", "k", list: true), .timestamp: e("Timestamp", single: true),
            .to: e("To", "t", single: true), .unsupported: e("Unsupported", list: true),
            .userAgent: e("User-Agent", single: true), .via: e("Via", "v", list: true), .warning: e("Warning", list: true),
            .wwwAuthenticate: e("WWW-Authenticate"), .other: e(""),
        ]
        return Self.allCases.map { entries[$0]! }
    }()

    /// Long names indexed by length, then by lower-cased first byte, for the parser's lookup.
    static let byLength: [[(lower: [UInt8], name: SIPHeaderName)]] = {
        var buckets = [[(lower: [UInt8], name: SIPHeaderName)]](repeating: [], count: 32)
        for name in Self.allCases where name != .other {
            let lower = Self.table[Int(name.rawValue)].lower
            buckets[lower.count].append((lower, name))
        }
        return buckets
    }()

    static let byCompact: [SIPHeaderName?] = {
        var map = [SIPHeaderName?](repeating: nil, count: 128)
        for name in Self.allCases {
            if let c = Self.table[Int(name.rawValue)].compact {
                map[Int(c)] = name
                map[Int(c.asciiLowercased ^ 0x20)] = name
            }
        }
        return map
    }()

    /// Looks a raw header name up, case-insensitively, long or compact form.
    /// - Returns: the known name (or `.other`) and whether the compact form was used.
    static func lookup(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> (SIPHeaderName, compact: Bool) {
        let count = range.count
        if count == 1 {
            let b = bytes[range.lowerBound]
            if b < 128, let name = Self.byCompact[Int(b)] { return (name, true) }
            return (.other, false)
        }
        guard count < 32 else { return (.other, false) }
        let candidates = Self.byLength[count]
        let first = bytes[range.lowerBound].asciiLowercased
        candidateLoop: for candidate in candidates where candidate.lower[0] == first {
            var i = 1
            var j = range.lowerBound + 1
            while i < count {
                if bytes[j].asciiLowercased != candidate.lower[i] { continue candidateLoop }
                i += 1
                j += 1
            }
            return (candidate.name, false)
        }
        return (.other, false)
    }
}
