extension ModelParser.Assembly {
    /// Validates the markov block against the tree: a known node, a square row-stochastic matrix over its
    /// states, and an initial pre-belief (uniform when absent).
    static func chain(_ draft: ModelParser.MarkovDraft, tree: BayesianTree) throws(InferenceError) -> MarkovChain {
        guard let node = tree.index(of: draft.node.text) else {
            throw .unknownNode(draft.node.text, line: draft.line, column: draft.node.column)
        }
        let states = tree.states(of: node)
        let rows = try Self.order(draft.rows, by: states, blockLine: draft.line)
        for row in rows {
            guard row.values.count == states.count else {
                throw .rowLength(expected: states.count, found: row.values.count, line: row.line)
            }
            var sum = 0.0
            for value in row.values {
                guard value >= 0, value <= 1 else {
                    throw .invalidNumber("transition probabilities must be in [0, 1]", line: row.line)
                }
                sum += value
            }
            guard abs(sum - 1) <= BayesianTree.rowTolerance else {
                throw .rowSum(sum, line: row.line)
            }
        }
        var initial = [Double](repeating: 1.0 / Double(states.count), count: states.count)
        if let given = draft.initial {
            guard given.weights.count == states.count else {
                throw .rowLength(expected: states.count, found: given.weights.count, line: given.line)
            }
            guard Vector.isLikelihood(given.weights), let normalised = Vector.normalisedWeights(given.weights) else {
                throw .invalidPrior("the initial pre-belief must be non-negative, not all zero", line: given.line)
            }
            initial = normalised
        }
        return MarkovChain(node: draft.node.text, matrix: rows.map(\.values), initial: initial)
    }
}
