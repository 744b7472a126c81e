/// The λ message one evidence node sent its parent (paper equation 2), normalised, for explaining a verdict.
public struct EvidenceMessage: Sendable, Hashable {
    /// The node's name.
    public var node: String

    /// The state that was observed, or `nil` when the evidence was soft or unknown.
    public var observedState: String?

    /// The message, one entry per parent state. Unknown evidence gives a uniform vector.
    public var vector: [Double]

    /// Creates a message record.
    public init(node: String, observedState: String?, vector: [Double]) {
        self.node = node
        self.observedState = observedState
        self.vector = vector
    }
}
