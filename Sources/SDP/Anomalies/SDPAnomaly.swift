/// One deviation from RFC 8866 found while parsing an SDP body.
///
/// The parser is lenient: it structures what it can and records every deviation as an anomaly, because for a
/// honeypot the deviations are evidence (a crafted or fuzzed body deviates in ways a real phone does not).
/// Strict validation is a separate step: a caller that wants RFC 8866 behaviour rejects any description with
/// an anomaly of severity ``Severity/error``.
public struct SDPAnomaly: Sendable, Hashable, CustomStringConvertible {
    /// What kind of deviation this is.
    public var code: Code

    /// How serious the deviation is.
    public var severity: Severity

    /// A short explanation in our own words. It never quotes the attacker's bytes; use ``offset`` and
    /// ``SDPSessionDescription/lines`` for those.
    public var detail: String

    /// The byte offset within the SDP body where the deviation is.
    public var offset: Int

    /// Creates an anomaly.
    public init(code: Code, severity: Severity, detail: String, offset: Int) {
        self.code = code
        self.severity = severity
        self.detail = detail
        self.offset = offset
    }

    /// Creates an anomaly with the code's ``Code/defaultSeverity``.
    public init(code: Code, detail: String, offset: Int) {
        self.init(code: code, severity: code.defaultSeverity, detail: detail, offset: offset)
    }

    /// `<severity> <code> at <offset>: <detail>`.
    public var description: String {
        "\(self.severity.rawValue) \(self.code) at \(self.offset): \(self.detail)"
    }

    /// How serious an anomaly is.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// A structural fault that a strict RFC 8866 parser would reject the body for: a missing or malformed
        /// `v=`, `o=`, `s=`, `t=`, `c=` or `m=` line, a bad number, an unknown line type.
        case error = "error"

        /// A tolerable deviation: RFC 8866 discourages it, or parsers are told to accept it, or it hit one of
        /// our own ``SDPLimits``.
        case warning = "warning"
    }
}
