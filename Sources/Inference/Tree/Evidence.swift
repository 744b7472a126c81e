/// What is observed at one node.
///
/// A node with no evidence sends λ = (1, …, 1): it says nothing (paper §VII-C, "unknown").
public enum Evidence: Sendable, Hashable {
    /// The node is known to be in this state (index into its states): λ is the indicator of that state.
    case hard(Int)

    /// Virtual (soft) evidence: a likelihood vector, one non-negative finite entry per state, not all zero.
    /// Only ratios matter; `(0.9, 0.1)` and `(9, 1)` are the same evidence.
    case soft([Double])
}

/// The evidence for every node of one tree, as flat λ vectors ready for ``BayesianTree/propagate(_:rootPrior:)``.
///
/// Starts with no evidence anywhere. Setting evidence validates it against the node's states.
public struct EvidenceSet: Sendable {
    /// The flat λ buffer, laid out like the tree's states.
    var values: [Double]

    /// Where each node's λ starts in ``values`` (the tree's ``BayesianTree/offsets``).
    let offsets: [Int]

    /// The number of states of each node (the tree's ``BayesianTree/counts``).
    let counts: [Int]

    /// No evidence on any node of `tree`.
    public init(for tree: BayesianTree) {
        self.values = [Double](repeating: 1, count: tree.stateTotal)
        self.offsets = tree.offsets
        self.counts = tree.counts
    }

    /// Sets the evidence on `node`, replacing what was there.
    public mutating func set(_ evidence: Evidence, on node: Int) throws(InferenceError) {
        guard node >= 0, node < self.counts.count else {
            throw .invalidEvidence("node index \(node) is out of range")
        }
        let offset = self.offsets[node]
        let count = self.counts[node]
        switch evidence {
        case .hard(let state):
            guard state >= 0, state < count else {
                throw .invalidEvidence("state \(state) is out of range for a node with \(count) states")
            }
            for index in 0..<count {
                self.values[offset + index] = index == state ? 1 : 0
            }
        case .soft(let likelihood):
            guard likelihood.count == count, Vector.isLikelihood(likelihood) else {
                throw .invalidEvidence("a likelihood needs \(count) finite non-negative entries, not all zero")
            }
            for index in 0..<count {
                self.values[offset + index] = likelihood[index]
            }
        }
    }

    /// Removes the evidence on `node` (λ back to all ones).
    public mutating func clear(_ node: Int) {
        guard node >= 0, node < self.counts.count else {
            return
        }
        for index in self.offsets[node]..<(self.offsets[node] + self.counts[node]) {
            self.values[index] = 1
        }
    }

    /// The λ vector currently set on `node`.
    public func likelihood(of node: Int) -> [Double] {
        Array(self.values[self.offsets[node]..<(self.offsets[node] + self.counts[node])])
    }
}
