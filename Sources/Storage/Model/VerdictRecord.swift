/// One stored inference verdict: which message it is about, the belief over the root's states (Nature), the
/// winner, and the JSON texts that explain it.
///
/// The message is referenced by what identifies it on the wire and in the trace store (Call-ID, CSeq, arrival
/// time, source and transport), not by a row id: the verdict and the trace are written by independent queues.
/// Every string is bounded like a ``TraceRecord``'s (NUL replaced, at most ``TraceLimits/maxFieldLength``
/// bytes for wire fields, ``maxJSONLength`` for each JSON text) so that a stored record reads back equal.
public struct VerdictRecord: Sendable, Hashable {
    /// The most UTF-8 bytes kept of one JSON text (explanation, labels, investigation): 256 KiB.
    public static let maxJSONLength = 262_144

    /// The row id; `nil` until stored.
    public internal(set) var id: Int64?
    /// When the message arrived.
    public let timestamp: TraceTimestamp
    /// The transport it arrived on.
    public let transport: TraceTransport
    /// The source address (text) and port of the message.
    public let source: TraceEndpoint
    /// The request method, when parsed.
    public let method: String?
    /// The Call-ID, when present.
    public let callID: String?
    /// The CSeq number, when present.
    public let cseqNumber: Int64?
    /// The CSeq method, when present.
    public let cseqMethod: String?
    /// The belief per root state, in the model's state order.
    public let belief: [NamedBelief]
    /// The winning state's name.
    public let winner: String
    /// The winning state's belief.
    public let winnerBelief: Double
    /// Whether the verdict raised an alert (Suspicious or Crafted at or above the alert threshold).
    public let alert: Bool
    /// The explanation as JSON: prior, λ per evidence, trust chain.
    public let explanationJSON: String
    /// The attack labels of the source at the time of the verdict, as a JSON array.
    public let attackLabelsJSON: String
    /// The investigation report as JSON.
    public let investigationJSON: String

    /// One state's belief.
    public struct NamedBelief: Sendable, Hashable {
        /// The state's name.
        public var state: String
        /// Its belief in [0, 1].
        public var belief: Double

        /// Creates an entry.
        public init(state: String, belief: Double) {
            self.state = state
            self.belief = belief
        }
    }

    /// Creates a record; strings are bounded as described above.
    public init(
        timestamp: TraceTimestamp,
        transport: TraceTransport,
        source: TraceEndpoint,
        method: String?,
        callID: String?,
        cseqNumber: Int64?,
        cseqMethod: String?,
        belief: [NamedBelief],
        winner: String,
        winnerBelief: Double,
        alert: Bool,
        explanationJSON: String,
        attackLabelsJSON: String,
        investigationJSON: String
    ) {
        self.id = nil
        self.timestamp = timestamp
        self.transport = transport
        self.source = source
        self.method = TraceText.bounded(method)
        self.callID = TraceText.bounded(callID)
        self.cseqNumber = cseqNumber
        self.cseqMethod = TraceText.bounded(cseqMethod)
        self.belief = belief.map {
            NamedBelief(state: TraceText.bounded($0.state, maxUTF8: 64), belief: $0.belief)
        }
        self.winner = TraceText.bounded(winner, maxUTF8: 64)
        self.winnerBelief = winnerBelief
        self.alert = alert
        self.explanationJSON = TraceText.bounded(explanationJSON, maxUTF8: Self.maxJSONLength)
        self.attackLabelsJSON = TraceText.bounded(attackLabelsJSON, maxUTF8: Self.maxJSONLength)
        self.investigationJSON = TraceText.bounded(investigationJSON, maxUTF8: Self.maxJSONLength)
    }
}
