/// Estimates a tree's CPTs and root prior from labelled cases by counting with a symmetric Dirichlet
/// prior α (Laplace smoothing when α = 1): P(child = j | parent = i) = (n_ij + α) / (n_i + α · states).
///
/// A case gives each node's state or `nil` when unknown; a node's row counts only cases where both it and
/// its parent are known. When values are missing, ``expectationMaximisation(_:from:alpha:tolerance:maximumIterations:)``
/// uses every case; ``learnModel(from:base:alpha:tolerance:maximumIterations:)`` learns a whole model from labelled
/// observations.
public enum Learning {
    /// A new tree with the same structure as `tree` and parameters estimated from `cases`, where
    /// `cases[k][node]` is the state of `node` in case `k` (or `nil`). Out-of-range states are ignored.
    public static func estimate(
        _ tree: BayesianTree,
        from cases: [[Int?]],
        alpha: Double = 1
    ) throws(InferenceError) -> BayesianTree {
        let alpha = max(0, alpha.isFinite ? alpha : 1)
        var definitions = tree.definitions
        for node in 0..<tree.count {
            let states = tree.states(of: node).count
            guard let parent = tree.parent(of: node) else {
                var counts = [Double](repeating: alpha, count: states)
                for state in cases.compactMap({ $0.indices.contains(node) ? $0[node] : nil })
                where state < states && state >= 0 {
                    counts[state] += 1
                }
                definitions[node].prior = Vector.normalised(counts) ?? tree.prior
                continue
            }
            let parentStates = tree.states(of: parent).count
            var rows = [[Double]](repeating: [Double](repeating: alpha, count: states), count: parentStates)
            for observed in cases where observed.count == tree.count {
                guard let state = observed[node], let parentState = observed[parent], state >= 0, state < states,
                    parentState >= 0, parentState < parentStates
                else {
                    continue
                }
                rows[parentState][state] += 1
            }
            for parentState in 0..<parentStates {
                let fallback = (0..<states).map { tree.probability(of: node, state: $0, givenParentState: parentState) }
                rows[parentState] = Vector.normalised(rows[parentState]) ?? fallback
            }
            definitions[node].cpt = rows
        }
        return try BayesianTree(nodes: definitions)
    }
}
