/// The engine's answer about one request, with everything needed to explain it.
///
/// The explanation (``messages`` and ``trustChain``) is built from the propagations when it is read, not when
/// the verdict is made: most verdicts are stored or counted, few are explained, and building it eagerly would
/// cost about a dozen allocations per host. Each read builds it again; keep the result when reading it often.
public struct Verdict: Sendable, Hashable {
    /// The root's state names (`Normal`, `Suspicious`, `Crafted` in the default model).
    public var states: [String]

    /// BEL at the root, one entry per state; sums to 1.
    public var belief: [Double]

    /// The index of the state with the highest belief (the first on ties).
    public var winner: Int

    /// The root's normalised prior π.
    public var prior: [Double]

    /// The root's fused, normalised λ (equation 3).
    public var lambda: [Double]

    /// The λ message every child of the root sent (To, Dispersion, Trust, Anomalies in the default model).
    public var messages: [EvidenceMessage] {
        switch self.explanation {
        case .given(let messages, _):
            return messages
        case .propagated(let propagations):
            return propagations.messages
        }
    }

    /// The trust chain, one step per host; empty without hosts.
    public var trustChain: [TrustStep] {
        switch self.explanation {
        case .given(_, let trustChain):
            return trustChain
        case .propagated(let propagations):
            return propagations.trustChain
        }
    }

    /// Where ``messages`` and ``trustChain`` come from.
    let explanation: Explanation

    /// The trust over the list (the last host's posterior) that entered the root as soft evidence; `nil`
    /// without hosts.
    public var trustSummary: [Double]?

    /// The root states whose belief reached their threshold in the model, in state order.
    public var flagged: [String]

    /// The names of nodes where evidence contradicted itself and a neutral vector was used (found on the way up to
    /// the root: the engine computes no belief below it).
    public var conflicts: [String]

    /// The name of the winning state.
    public var winnerName: String {
        self.states[self.winner]
    }

    /// Creates a verdict.
    public init(
        states: [String],
        belief: [Double],
        winner: Int,
        prior: [Double],
        lambda: [Double],
        messages: [EvidenceMessage],
        trustChain: [TrustStep],
        trustSummary: [Double]?,
        flagged: [String],
        conflicts: [String]
    ) {
        self.states = states
        self.belief = belief
        self.winner = winner
        self.prior = prior
        self.lambda = lambda
        self.explanation = .given(messages: messages, trustChain: trustChain)
        self.trustSummary = trustSummary
        self.flagged = flagged
        self.conflicts = conflicts
    }

    /// A verdict whose explanation is built on demand from `propagations`.
    init(
        states: [String],
        belief: [Double],
        winner: Int,
        prior: [Double],
        lambda: [Double],
        propagations: Propagations,
        trustSummary: [Double]?,
        flagged: [String],
        conflicts: [String]
    ) {
        self.states = states
        self.belief = belief
        self.winner = winner
        self.prior = prior
        self.lambda = lambda
        self.explanation = .propagated(propagations)
        self.trustSummary = trustSummary
        self.flagged = flagged
        self.conflicts = conflicts
    }

    /// Two verdicts are equal when every public property is, the explanation included.
    public static func == (lhs: Verdict, rhs: Verdict) -> Bool {
        lhs.states == rhs.states && lhs.belief == rhs.belief && lhs.winner == rhs.winner && lhs.prior == rhs.prior
            && lhs.lambda == rhs.lambda && lhs.trustSummary == rhs.trustSummary && lhs.flagged == rhs.flagged
            && lhs.conflicts == rhs.conflicts && lhs.messages == rhs.messages && lhs.trustChain == rhs.trustChain
    }

    /// Hashes the belief and its states (equal verdicts have equal beliefs).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.states)
        hasher.combine(self.belief)
        hasher.combine(self.winner)
    }
}
