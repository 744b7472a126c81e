public import SIPCore

/// Identifies one transaction: the key a transaction table files it under and matches messages against.
///
/// **Server transactions** (RFC 3261 §17.2.3). When the top Via's branch begins with the magic cookie
/// `z9hG4bK`, a request belongs to the transaction whose creating request had the same branch, the same
/// sent-by and the same method, except that an ACK matches the INVITE transaction (the ACK of a non-2xx
/// response reuses the INVITE's branch, §17.1.1.3). A CANCEL has a transaction of its own, and
/// ``keyOfTransactionCancelled(by:)`` names the INVITE transaction it cancels (§9.2). Without the cookie,
/// or with a branch that is nothing but the cookie (RFC 4475's `badbranch` message: such a branch cannot be
/// unique), the RFC 2543 rules apply: Request-URI, To tag, From tag, Call-ID, CSeq and the top Via entry.
///
/// **Client transactions** (§17.1.3). A response matches the client transaction whose request had the same
/// top Via branch and whose method is the response's CSeq method (a CANCEL shares its INVITE's branch).
/// The sent-by is not compared: this element chose the branch.
///
/// Server and client keys never compare equal, even for the same branch. Every component is text the peer
/// chose; ``retainedByteCount`` lets a table charge it against its memory bound.
public struct SIPTransactionKey: Sendable, Hashable, CustomStringConvertible {
    /// The magic cookie that marks an RFC 3261 branch (§8.1.1.7).
    public static let magicCookie = "z9hG4bK"

    /// The fields that identify the transaction, by kind.
    enum Storage: Sendable, Hashable {
        /// A server transaction with an RFC 3261 branch; the sent-by is lower-cased `host[:port]`.
        case server(branch: String, sentBy: String, method: SIPMethod)
        /// A server transaction matched by the RFC 2543 fields.
        case serverRFC2543(RFC2543)
        /// A client transaction.
        case client(branch: String, method: SIPMethod)
    }

    /// The RFC 2543 fields of §17.2.3. The CSeq method is ``method`` (INVITE for an ACK or a cancelled INVITE).
    struct RFC2543: Sendable, Hashable {
        /// The Request-URI as sent.
        var requestURI: String
        /// The To tag of the request (none for an initial INVITE).
        var toTag: String?
        /// The From tag (RFC 2543 made it optional).
        var fromTag: String?
        /// The Call-ID.
        var callID: String
        /// The CSeq number.
        var sequence: UInt32
        /// The transaction's method.
        var method: SIPMethod
        /// The top Via entry as sent.
        var topVia: String
    }

    /// The identifying fields.
    let storage: Storage

    /// A key from its fields.
    init(_ storage: Storage) {
        self.storage = storage
    }

    /// The key of the server transaction `request` belongs to (§17.2.3); for an ACK, the INVITE transaction
    /// it would acknowledge. `nil` for a response, or for a request without the fields matching needs (a top
    /// Via; and, without an RFC 3261 branch, a Call-ID and a CSeq).
    public init?(serverTransactionOf request: SIPMessage) {
        guard let method = request.method else { return nil }
        self.init(serverTransactionOf: request, requestMethod: method)
    }

    /// The server key of `request`, whose method the caller has already read.
    init?(serverTransactionOf request: SIPMessage, requestMethod method: SIPMethod) {
        self.init(serverTransactionOf: request, method: method == .ack ? .invite : method)
    }

    /// The key of the INVITE server transaction that the CANCEL `cancel` cancels: the CANCEL matched as if
    /// its method were INVITE (§9.2). `nil` when `cancel` is not a CANCEL or lacks the matching fields.
    public static func keyOfTransactionCancelled(by cancel: SIPMessage) -> SIPTransactionKey? {
        guard cancel.method == .cancel else { return nil }
        return SIPTransactionKey(serverTransactionOf: cancel, method: .invite)
    }

    /// The key of the client transaction that sends `request` (§17.1.3): its top Via branch and its method.
    /// `nil` for a response, an ACK (never a transaction of its own, §17.1.1.3) or a request without a branch.
    public init?(clientTransactionOf request: SIPMessage) {
        guard let method = request.method, method != .ack, let branch = request.topVia?.branch,
            !branch.isEmpty
        else { return nil }
        self.init(.client(branch: branch, method: method))
    }

    /// The key of the client transaction `response` matches (§17.1.3): the top Via branch and the CSeq method.
    /// `nil` for a request, or a response without either.
    public init?(clientTransactionMatching response: SIPMessage) {
        guard !response.isRequest, let branch = response.topVia?.branch, !branch.isEmpty,
            let method = response.cseq?.method
        else { return nil }
        self.init(.client(branch: branch, method: method))
    }

    private init?(serverTransactionOf request: SIPMessage, method: SIPMethod) {
        guard request.isRequest, let via = request.topViaSummary else { return nil }
        if let branch = via.branch, Self.isRFC3261Branch(branch) {
            self.init(.server(branch: branch, sentBy: Self.sentBy(via.host, port: via.port), method: method))
            return
        }
        guard let requestURI = request.requestURIText, let callID = request.callID, let cseq = request.cseq,
            let topVia = request.topViaText
        else { return nil }
        self.init(
            .serverRFC2543(
                RFC2543(
                    requestURI: requestURI,
                    toTag: request.to?.tag,
                    fromTag: request.from?.tag,
                    callID: callID,
                    sequence: cseq.sequence,
                    method: method,
                    topVia: topVia
                )
            )
        )
    }

    /// The sent-by of a key: the host as written (IPv6 in brackets) with ASCII letters lower-cased, then `:port`
    /// when the Via has one. Built in one allocation: every request of a flood makes one.
    static func sentBy(_ host: SIPURI.Host, port: Int?) -> String {
        var text = host.text
        let bracketed = if case .ipv6 = host { true } else { false }
        let portText = port.map { ":\($0)" } ?? ""
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + (bracketed ? 2 : 0) + portText.utf8.count) { out in
                var written = 0
                func put(_ byte: UInt8) {
                    out[written] = byte
                    written += 1
                }
                if bracketed { put(UInt8(ascii: "[")) }
                for byte in bytes { put(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                if bracketed { put(UInt8(ascii: "]")) }
                for byte in portText.utf8 { put(byte) }
                return written
            }
        }
    }

    /// Whether `branch` identifies a transaction by itself: it starts with the magic cookie and has more.
    public static func isRFC3261Branch(_ branch: String) -> Bool {
        branch.hasPrefix(Self.magicCookie) && branch.utf8.count > Self.magicCookie.utf8.count
    }

    /// The method of the transaction: the method of the request that created (or will create) it.
    public var method: SIPMethod {
        switch self.storage {
        case .server(_, _, let method), .client(_, let method): method
        case .serverRFC2543(let fields): fields.method
        }
    }

    /// Whether this is the key of a client transaction.
    public var isClient: Bool {
        switch self.storage {
        case .client: true
        case .server, .serverRFC2543: false
        }
    }

    /// Whether this server key uses the RFC 2543 fallback fields rather than an RFC 3261 branch.
    public var usesRFC2543Matching: Bool {
        switch self.storage {
        case .serverRFC2543: true
        case .server, .client: false
        }
    }

    /// The same RFC 2543 key without the To tag: how an ACK finds an initial INVITE, whose To had no tag
    /// while the ACK's To carries the tag of the response (§17.2.3). `nil` for other keys.
    var withoutToTag: SIPTransactionKey? {
        switch self.storage {
        case .serverRFC2543(var fields):
            guard fields.toTag != nil else { return nil }
            fields.toTag = nil
            return SIPTransactionKey(.serverRFC2543(fields))
        case .server, .client:
            return nil
        }
    }

    /// The bytes of peer-chosen text the key holds (its strings' UTF-8 lengths), for memory accounting.
    public var retainedByteCount: Int {
        switch self.storage {
        case .server(let branch, let sentBy, let method):
            branch.utf8.count + sentBy.utf8.count + method.rawValue.utf8.count
        case .client(let branch, let method):
            branch.utf8.count + method.rawValue.utf8.count
        case .serverRFC2543(let f):
            f.requestURI.utf8.count + (f.toTag?.utf8.count ?? 0) + (f.fromTag?.utf8.count ?? 0) + f.callID.utf8.count
                + f.method.rawValue.utf8.count + f.topVia.utf8.count
        }
    }

    /// A readable form for debugging (the text is the peer's: escape it before logging).
    public var description: String {
        switch self.storage {
        case .server(let branch, let sentBy, let method):
            "server \(method) branch=\(branch) sent-by=\(sentBy)"
        case .client(let branch, let method):
            "client \(method) branch=\(branch)"
        case .serverRFC2543(let f):
            "server-2543 \(method) \(f.requestURI) call-id=\(f.callID) cseq=\(f.sequence) "
                + "from-tag=\(f.fromTag ?? "-") to-tag=\(f.toTag ?? "-") via=\(f.topVia)"
        }
    }
}
