/// The functioning mode of a profile (section VI-A): fixed settings or random distributions.
public enum BehaviourMode: String, Sendable, Hashable, CaseIterable {
    /// Every number is a constant; `choose` and distributions are rejected when the profile loads.
    case deterministic = "Deterministic"
    /// Any number of seconds may be a distribution and a rule may `choose` among operators by weight.
    case randomized = "Randomized"
}
