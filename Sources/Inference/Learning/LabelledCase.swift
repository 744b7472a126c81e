/// One labelled example for ``Learning/learnModel(from:base:alpha:tolerance:maximumIterations:)``: what the verdict
/// engine would see of a request, and what it really was.
public struct LabelledCase: Sendable, Hashable {
    /// The request as the engine takes it; unknown fields are missing evidence, which learning handles by EM.
    public var observation: Observation

    /// The name of the root state the request really belongs to (`Normal`, `Suspicious` or `Crafted` in the
    /// default model), or `nil` when it is not known: the class label is then hidden and EM infers it.
    public var nature: String?

    /// The attack types the source was running, when known. The tree has no attack-type node, so learning does
    /// not use them; they travel with the case for evaluating the ``AttackLabeller``.
    public var attackTypes: [AttackLabel.Kind]?

    /// Creates a labelled case.
    public init(observation: Observation, nature: String?, attackTypes: [AttackLabel.Kind]? = nil) {
        self.observation = observation
        self.nature = nature
        self.attackTypes = attackTypes
    }
}
