@testable import Inference

/// Draws complete cases from a tree's joint distribution (forward sampling, parents before children).
struct TreeSampler {
    /// The tree sampled from.
    let tree: BayesianTree

    /// One case: a state for every node, in node-index order.
    func sample(using generator: inout SplitMix64) -> [Int?] {
        var states = [Int](repeating: 0, count: self.tree.count)
        for node in self.tree.order {
            let parent = self.tree.parents[node]
            let width = self.tree.counts[node]
            var weights: [Double] = []
            for state in 0..<width {
                weights.append(
                    parent < 0
                        ? self.tree.prior[state]
                        : self.tree.probability(of: node, state: state, givenParentState: states[parent])
                )
            }
            states[node] = Self.draw(weights, using: &generator)
        }
        return states.map { $0 }
    }

    /// `cases` with each value hidden (set to `nil`) with probability `share`.
    static func hide(_ share: Double, of cases: [[Int?]], using generator: inout SplitMix64) -> [[Int?]] {
        cases.map { row in
            row.map { value in Double.random(in: 0..<1, using: &generator) < share ? nil : value }
        }
    }

    private static func draw(_ weights: [Double], using generator: inout SplitMix64) -> Int {
        var remaining = Double.random(in: 0..<1, using: &generator)
        for (state, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 {
                return state
            }
        }
        return weights.count - 1
    }
}
