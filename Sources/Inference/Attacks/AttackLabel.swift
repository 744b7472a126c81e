/// An attack type attributed to one source, with how sure the labeller is and why.
public struct AttackLabel: Sendable, Hashable {
    /// The attack types (paper §II) the labeller recognises.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Sweeps of OPTIONS or INVITE over many targets (svmap-like).
        case scanning = "scanning"
        /// Requests to many distinct users, mostly refused (svwar-like).
        case extensionEnumeration = "extension-enumeration"
        /// Many authenticated attempts per user (svcrack-like).
        case passwordGuessing = "password-guessing"
        /// A request rate above the flood thresholds.
        case flooding = "flooding"
        /// Calls with media to many distinct callees.
        case spit = "spit"
        /// Calls to external, international or premium numbers.
        case tollFraud = "toll-fraud"
        /// A large share of messages the parser found broken (fuzzing).
        case malformed = "malformed"
    }

    /// One measured quantity behind a label: its name (a constant of ours), value and the threshold it met.
    public struct Metric: Sendable, Hashable {
        /// The quantity, e.g. `distinct-users` or `requests-per-second`.
        public var name: String
        /// The value over the window.
        public var value: Double
        /// The configured threshold it was compared with.
        public var threshold: Double

        /// Creates a metric.
        public init(name: String, value: Double, threshold: Double) {
            self.name = name
            self.value = value
            self.threshold = threshold
        }
    }

    /// The attack type.
    public var kind: Kind

    /// How sure the labeller is, in [0, 1]: 0.5 when the main metric just meets its threshold, rising
    /// linearly to 1 at twice the threshold, and lowered where supporting evidence is missing.
    public var confidence: Double

    /// The metrics that produced the label, main metric first.
    public var evidence: [Metric]

    /// Creates a label.
    public init(kind: Kind, confidence: Double, evidence: [Metric]) {
        self.kind = kind
        self.confidence = confidence
        self.evidence = evidence
    }
}
