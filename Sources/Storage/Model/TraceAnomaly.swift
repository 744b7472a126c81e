public import SIPCore

/// One deviation the parser recorded in a traced message (a stored `SIPAnomaly`).
public struct TraceAnomaly: Sendable, Hashable {
    /// The anomaly's stable kebab-case code (`SIPAnomaly.Code.rawValue`).
    public let code: String
    /// `warning` or `error` (`SIPAnomaly.Severity.rawValue`).
    public let severity: String
    /// What exactly was wrong (bounded to ``TraceLimits/maxFieldLength``).
    public let detail: String
    /// The byte offset in the message.
    public let offset: Int

    /// Creates an anomaly; the strings are bounded.
    public init(code: String, severity: String, detail: String, offset: Int) {
        self.code = TraceText.bounded(code)
        self.severity = TraceText.bounded(severity)
        self.detail = TraceText.bounded(detail)
        self.offset = offset
    }

    /// Creates the stored form of a parser anomaly.
    public init(_ anomaly: SIPAnomaly) {
        self.init(
            code: anomaly.code.rawValue,
            severity: anomaly.severity.rawValue,
            detail: anomaly.detail,
            offset: anomaly.offset
        )
    }
}
