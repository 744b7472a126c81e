import NIOCore
public import SIPCore

extension TraceRecord {
    /// Creates a record for a message the parser structured, filling the summary from it.
    ///
    /// - Parameters:
    ///   - message: The parsed message; ``raw`` is its `bytes` (the whole datagram, trailing bytes included).
    ///   - timestamp: When it was received or sent.
    ///   - direction: Received or sent.
    ///   - transport: The transport.
    ///   - local: The honeypot's end.
    ///   - remote: The peer's end.
    ///   - dialogID: The dialog it belongs to, if known.
    ///   - registrationID: The registration it belongs to, if known.
    public init(
        message: SIPMessage,
        timestamp: TraceTimestamp,
        direction: TraceDirection,
        transport: TraceTransport,
        local: TraceEndpoint,
        remote: TraceEndpoint,
        dialogID: String? = nil,
        registrationID: String? = nil
    ) {
        let raw = message.bytes.getBytes(at: message.bytes.readerIndex, length: message.bytes.readableBytes) ?? []
        let from = message.fromSummary
        let to = message.toSummary
        let contact: String? = message.isContactWildcard ? "*" : message.firstContactSummary?.uriText
        let cseq = message.cseq
        let summary: TraceSummary
        if message.isRequest {
            summary = TraceSummary(
                kind: .request,
                method: message.method?.rawValue,
                requestURI: message.requestURIText,
                callID: message.callID,
                cseqNumber: cseq?.sequence,
                cseqMethod: cseq?.method.rawValue,
                fromURI: from?.uriText,
                fromTag: from?.tag,
                toURI: to?.uriText,
                toTag: to?.tag,
                contactURI: contact,
                userAgent: message.userAgent
            )
        } else {
            summary = TraceSummary(
                kind: .response,
                statusCode: message.statusCode,
                reasonPhrase: message.reasonPhrase,
                callID: message.callID,
                cseqNumber: cseq?.sequence,
                cseqMethod: cseq?.method.rawValue,
                fromURI: from?.uriText,
                fromTag: from?.tag,
                toURI: to?.uriText,
                toTag: to?.tag,
                contactURI: contact,
                userAgent: message.userAgent ?? message.server
            )
        }
        self.init(
            timestamp: timestamp,
            direction: direction,
            transport: transport,
            local: local,
            remote: remote,
            raw: raw,
            summary: summary,
            anomalies: message.anomalies.prefix(TraceLimits.maxAnomalies).map(TraceAnomaly.init),
            dialogID: dialogID,
            registrationID: registrationID
        )
    }

    /// Creates a record for bytes the parser could not structure.
    ///
    /// - Parameters:
    ///   - unparsedBytes: The bytes as received or sent (kept up to ``TraceLimits/maxRawBytes``).
    ///   - parseError: Why they did not parse; its code is stored and it becomes the one anomaly.
    ///   - timestamp: When they were received or sent.
    ///   - direction: Received or sent.
    ///   - transport: The transport.
    ///   - local: The honeypot's end.
    ///   - remote: The peer's end.
    public init(
        unparsedBytes: some Collection<UInt8>,
        parseError: SIPParseError,
        timestamp: TraceTimestamp,
        direction: TraceDirection,
        transport: TraceTransport,
        local: TraceEndpoint,
        remote: TraceEndpoint
    ) {
        self.init(
            timestamp: timestamp,
            direction: direction,
            transport: transport,
            local: local,
            remote: remote,
            raw: Array(unparsedBytes.prefix(TraceLimits.maxRawBytes)),
            summary: TraceSummary(kind: .unparsed, parseErrorCode: parseError.code.rawValue),
            anomalies: [
                TraceAnomaly(
                    code: parseError.code.rawValue,
                    severity: SIPAnomaly.Severity.error.rawValue,
                    detail: parseError.message,
                    offset: parseError.offset
                )
            ]
        )
    }
}
