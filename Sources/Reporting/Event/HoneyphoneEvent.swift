public import Storage

/// One reportable fact: the verdict on one analysed request, with what SentryPeer records about the same request.
///
/// The event is what every sink writes (``EventHub``): its JSON form (``json``) uses SentryPeer's field names and
/// value formats for the facts both tools record, so that tools reading SentryPeer's JSON log or webhook read
/// Honeyphone's, and `honeyphone_*` fields for the verdict.
///
/// Every string that came from the wire (method, called number, User-Agent, Call-ID, the message) is attacker text:
/// it is bounded here and escaped by every encoder. Addresses come from the socket.
public struct HoneyphoneEvent: Sendable, Hashable {
    /// The most bytes of the raw message kept in ``sipMessage`` (16 KiB).
    public static let maxSIPMessageBytes = 16_384
    /// The most UTF-8 bytes kept of each short wire field (method, called number, User-Agent, Call-ID).
    public static let maxFieldBytes = 1_024
    /// SentryPeer's `collected_method` when the honeypot answers what it receives (Honeyphone always does).
    public static let responsive = "responsive"
    /// The `app_name` of every event.
    public static let appName = "honeyphone"

    /// The event's identity: an RFC 4122 version 4 UUID in lower-case text (``EventUUID``).
    public var uuid: String
    /// When the request arrived.
    public var timestamp: TraceTimestamp
    /// SentryPeer's `collected_method`: `responsive` (the honeypot answered) or `passive`.
    public var collectedMethod: String
    /// The honeypot that saw it (the environment's `identity`): SentryPeer's `created_by_node_id`.
    public var nodeID: String
    /// The application version written as `app_version`.
    public var appVersion: String
    /// The packet's source.
    public var source: TraceEndpoint
    /// The honeypot's address the packet was sent to, when known.
    public var destination: TraceEndpoint?
    /// The transport.
    public var transport: TraceTransport
    /// The request method as sent.
    public var method: String?
    /// The user part of the Request-URI, else of the To URI: the number the caller dialled.
    public var calledNumber: String?
    /// The User-Agent header.
    public var userAgent: String?
    /// The Call-ID header.
    public var callID: String?
    /// The raw message as text (invalid UTF-8 replaced), at most ``maxSIPMessageBytes`` bytes of it.
    public var sipMessage: String
    /// Whether ``sipMessage`` was cut.
    public var sipMessageTruncated: Bool
    /// The winning state of Nature (`Normal`, `Suspicious`, `Crafted`).
    public var verdict: String
    /// The winner's belief.
    public var belief: Double
    /// The belief of every state, in the model's order.
    public var beliefs: [VerdictRecord.NamedBelief]
    /// Whether the verdict raised an alert (Suspicious or Crafted at or above the alert threshold).
    public var alert: Bool
    /// The attack types labelled for the source (`scanning`, `enumeration`, …).
    public var attacks: [String]

    /// An event; strings are bounded, the message is decoded lossily and cut at ``maxSIPMessageBytes``.
    public init(
        uuid: String,
        timestamp: TraceTimestamp,
        collectedMethod: String = Self.responsive,
        nodeID: String,
        appVersion: String = "dev",
        source: TraceEndpoint,
        destination: TraceEndpoint?,
        transport: TraceTransport,
        method: String?,
        calledNumber: String?,
        userAgent: String?,
        callID: String?,
        sipMessage: some Collection<UInt8>,
        verdict: String,
        belief: Double,
        beliefs: [VerdictRecord.NamedBelief],
        alert: Bool,
        attacks: [String]
    ) {
        self.uuid = truncatedUTF8(uuid, maxBytes: 64)
        self.timestamp = timestamp
        self.collectedMethod = truncatedUTF8(collectedMethod, maxBytes: 32)
        self.nodeID = truncatedUTF8(nodeID, maxBytes: 255)
        self.appVersion = truncatedUTF8(appVersion, maxBytes: 64)
        self.source = source
        self.destination = destination
        self.transport = transport
        self.method = method.map { truncatedUTF8($0, maxBytes: Self.maxFieldBytes) }
        self.calledNumber = calledNumber.map { truncatedUTF8($0, maxBytes: Self.maxFieldBytes) }
        self.userAgent = userAgent.map { truncatedUTF8($0, maxBytes: Self.maxFieldBytes) }
        self.callID = callID.map { truncatedUTF8($0, maxBytes: Self.maxFieldBytes) }
        self.sipMessage = lossyString(sipMessage, maxBytes: Self.maxSIPMessageBytes)
        self.sipMessageTruncated = sipMessage.count > Self.maxSIPMessageBytes
        self.verdict = truncatedUTF8(verdict, maxBytes: 64)
        self.belief = belief
        self.beliefs = beliefs
        self.alert = alert
        self.attacks = attacks.prefix(16).map { truncatedUTF8($0, maxBytes: 64) }
    }

    /// An event for a stored verdict: time, transport, source, method, Call-ID and belief from `record`, the rest
    /// (which the verdict does not keep) from the request.
    public init(
        record: VerdictRecord,
        uuid: String,
        nodeID: String,
        appVersion: String = "dev",
        destination: TraceEndpoint?,
        calledNumber: String?,
        userAgent: String?,
        sipMessage: some Collection<UInt8>,
        attacks: [String]
    ) {
        self.init(
            uuid: uuid,
            timestamp: record.timestamp,
            nodeID: nodeID,
            appVersion: appVersion,
            source: record.source,
            destination: destination,
            transport: record.transport,
            method: record.method,
            calledNumber: calledNumber,
            userAgent: userAgent,
            callID: record.callID,
            sipMessage: sipMessage,
            verdict: record.winner,
            belief: record.winnerBelief,
            beliefs: record.belief,
            alert: record.alert,
            attacks: attacks
        )
    }
}
