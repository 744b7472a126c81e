/// One SIP message received or sent, as the trace store keeps it.
///
/// A record holds the exact bytes (``raw``), when and how they travelled, the parsed ``summary``, the
/// parser's ``anomalies``, and optional references to the dialog and registration they belong to.
///
/// Every string in a record is bounded (``TraceLimits``) and NUL-free: the initializers normalise them, so
/// a record read back from a store equals the record appended (apart from ``id``, which the store sets).
/// The raw bytes are kept exactly, NULs and invalid UTF-8 included, up to ``TraceLimits/maxRawBytes``.
public struct TraceRecord: Sendable, Hashable {
    /// The store's identifier: `nil` until the record is stored, then set on records read back.
    public internal(set) var id: Int64?
    /// When the message was received or sent (the caller's clock).
    public let timestamp: TraceTimestamp
    /// Received or sent.
    public let direction: TraceDirection
    /// The transport.
    public let transport: TraceTransport
    /// The honeypot's end.
    public let local: TraceEndpoint
    /// The peer's end.
    public let remote: TraceEndpoint
    /// The exact bytes of the message (bounded to ``TraceLimits/maxRawBytes``).
    public let raw: [UInt8]
    /// The parsed summary.
    public let summary: TraceSummary
    /// The parser's anomalies, in the order found (at most ``TraceLimits/maxAnomalies``).
    public let anomalies: [TraceAnomaly]
    /// The dialog this message belongs to, if the caller knows it.
    public let dialogID: String?
    /// The registration this message belongs to, if the caller knows it.
    public let registrationID: String?

    /// Creates a record from its parts; strings, raw bytes and anomalies are bounded.
    public init(
        id: Int64? = nil,
        timestamp: TraceTimestamp,
        direction: TraceDirection,
        transport: TraceTransport,
        local: TraceEndpoint,
        remote: TraceEndpoint,
        raw: [UInt8],
        summary: TraceSummary,
        anomalies: [TraceAnomaly] = [],
        dialogID: String? = nil,
        registrationID: String? = nil
    ) {
        self.id = id
        self.timestamp = timestamp
        self.direction = direction
        self.transport = transport
        self.local = local
        self.remote = remote
        self.raw = raw.count <= TraceLimits.maxRawBytes ? raw : Array(raw.prefix(TraceLimits.maxRawBytes))
        self.summary = summary
        self.anomalies =
            anomalies.count <= TraceLimits.maxAnomalies ? anomalies : Array(anomalies.prefix(TraceLimits.maxAnomalies))
        self.dialogID = TraceText.bounded(dialogID)
        self.registrationID = TraceText.bounded(registrationID)
    }

    /// An estimate of the memory the record holds, used for the writer's byte bound.
    var approximateSize: Int {
        var size = 512 + self.raw.count
        for anomaly in self.anomalies {
            size += 64 + anomaly.code.utf8.count + anomaly.detail.utf8.count
        }
        return size
    }
}

extension TraceRecord {
    /// The record with other anomalies (used by stores when reading back).
    func replacingAnomalies(_ anomalies: [TraceAnomaly]) -> TraceRecord {
        TraceRecord(
            id: self.id,
            timestamp: self.timestamp,
            direction: self.direction,
            transport: self.transport,
            local: self.local,
            remote: self.remote,
            raw: self.raw,
            summary: self.summary,
            anomalies: anomalies,
            dialogID: self.dialogID,
            registrationID: self.registrationID
        )
    }
}
