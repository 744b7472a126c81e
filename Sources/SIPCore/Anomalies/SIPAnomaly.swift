/// A deviation from RFC 3261 (or its extensions) found while parsing a message.
///
/// The parser is lenient: it structures whatever it can and records every deviation as an anomaly instead
/// of rejecting the message. Anomalies are evidence for the inference engine (a tool-crafted message
/// deviates in ways an honest user agent does not), so each has a stable, documented ``Code``, a
/// ``Severity`` (`error`: a strict parser would reject the message; `warning`: legal or tolerated, but
/// unusual), a human-readable detail and the byte offset in the message where it was found.
public struct SIPAnomaly: Sendable, Hashable, CustomStringConvertible {
    /// How serious a deviation is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Tolerated or legal but unusual (for example RFC 2543 compatibility, line folding, bare LF).
        case warning
        /// A strict RFC 3261 parser would reject the message (or answer 400).
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The stable code of the deviation; the catalogue is in `SIPAnomaly+Codes.swift`.
    public var code: Code
    /// How serious it is.
    public var severity: Severity
    /// What exactly was wrong, naming the header or field (attacker text in it is truncated and escaped).
    public var detail: String
    /// Byte offset from the start of the message.
    public var offset: Int

    /// Creates an anomaly.
    public init(code: Code, severity: Severity, detail: String, offset: Int) {
        self.code = code
        self.severity = severity
        self.detail = detail
        self.offset = offset
    }

    public var description: String {
        "\(self.severity.rawValue) \(self.code.rawValue) at \(self.offset): \(self.detail)"
    }
}

extension SIPAnomaly {
    /// An anomaly code: a stable kebab-case identifier. Extensible: other modules may declare more.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }
    }
}

/// Collects anomalies during one parse. Bounded: after `limit` entries only a count is kept.
struct AnomalySink {
    var list: [SIPAnomaly] = []
    var dropped = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    @inline(never)
    mutating func add(_ code: SIPAnomaly.Code, _ severity: SIPAnomaly.Severity, _ detail: String, at offset: Int) {
        if self.list.count < self.limit {
            self.list.append(SIPAnomaly(code: code, severity: severity, detail: detail, offset: offset))
        } else {
            self.dropped += 1
        }
    }

    var hasErrors: Bool { self.list.contains { $0.severity == .error } }
}
