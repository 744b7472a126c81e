/// The result of ``BayesianTree/propagate(_:rootPrior:)``: per node its fused λ, its π, its belief, and the
/// λ message it sent its parent.
///
/// Every vector is normalised to unit sum. When evidence contradicts itself (some λ or belief sums to zero),
/// the offending vector is replaced by a neutral one (uniform λ, or π for a belief) and its node is listed in
/// ``conflicts``, so a hostile input can never produce NaN.
public struct Propagation: Sendable {
    /// The tree that was propagated.
    public let tree: BayesianTree

    /// Where each vector lives in ``values``: five sections of the tree's flat per-state layout (evidence, λ, π,
    /// BEL), the λ messages laid out by ``BayesianTree/upOffsets``, and a scratch row for one π message.
    struct Layout: Sendable {
        /// The evidence λ as given, per state.
        let evidence: Int
        /// The fused λ, per state.
        let lambda: Int
        /// π, per state.
        let pi: Int
        /// BEL, per state.
        let belief: Int
        /// The λ message of every non-root node to its parent.
        let up: Int
        /// Scratch for the π message of one parent (``BayesianTree/widest`` entries).
        let message: Int
        /// The buffer's length.
        let total: Int

        /// The layout for `tree`.
        init(tree: BayesianTree) {
            let states = tree.stateTotal
            self.evidence = 0
            self.lambda = states
            self.pi = 2 * states
            self.belief = 3 * states
            self.up = 4 * states
            self.message = 4 * states + tree.upTotal
            self.total = self.message + tree.widest
        }
    }

    /// The sections of ``values``.
    let layout: Layout

    /// Every vector of the propagation in one buffer (one allocation per propagation), laid out by ``layout``.
    private let values: [Double]

    /// The nodes where evidence was contradictory and a neutral vector was used; empty when all is consistent.
    public let conflicts: [Int]

    /// Wraps the buffer ``BayesianTree/propagate(_:rootPrior:)`` filled.
    init(tree: BayesianTree, layout: Layout, values: [Double], conflicts: [Int]) {
        self.tree = tree
        self.layout = layout
        self.values = values
        self.conflicts = conflicts
    }

    /// BEL of `node` (equation 4), one entry per state.
    public func belief(of node: Int) -> [Double] {
        self.slice(self.layout.belief, node)
    }

    /// BEL(`state`) of `node`, without allocating.
    public func belief(of node: Int, state: Int) -> Double {
        self.values[self.layout.belief + self.tree.offsets[node] + state]
    }

    /// The fused and normalised λ(`state`) of `node`, without allocating (for learning's E-step).
    func lambdaValue(of node: Int, state: Int) -> Double {
        self.values[self.layout.lambda + self.tree.offsets[node] + state]
    }

    /// The fused and normalised λ of `node` (equation 3, its own evidence included).
    public func lambda(of node: Int) -> [Double] {
        self.slice(self.layout.lambda, node)
    }

    /// The π of `node` (equation 1; the normalised prior for the root).
    public func pi(of node: Int) -> [Double] {
        self.slice(self.layout.pi, node)
    }

    /// The normalised λ message `node` sent its parent (equation 2), one entry per parent state; empty for
    /// the root.
    public func message(from node: Int) -> [Double] {
        let parent = self.tree.parents[node]
        guard parent >= 0 else {
            return []
        }
        let start = self.layout.up + self.tree.upOffsets[node]
        return Array(self.values[start..<(start + self.tree.counts[parent])])
    }

    /// The state of `node` with the highest belief (the first one on ties).
    public func mostLikelyState(of node: Int) -> Int {
        let start = self.layout.belief + self.tree.offsets[node]
        var best = 0
        for state in 1..<self.tree.counts[node] where self.values[start + state] > self.values[start + best] {
            best = state
        }
        return best
    }

    /// The evidence λ(`state`) that was given on `node` (before any normalisation).
    func evidenceValue(of node: Int, state: Int) -> Double {
        self.values[self.layout.evidence + self.tree.offsets[node] + state]
    }

    /// The π(`state`) of `node`, without allocating.
    func piValue(of node: Int, state: Int) -> Double {
        self.values[self.layout.pi + self.tree.offsets[node] + state]
    }

    /// The entries of `node` in the section starting at `section`.
    private func slice(_ section: Int, _ node: Int) -> [Double] {
        let start = section + self.tree.offsets[node]
        return Array(self.values[start..<(start + self.tree.counts[node])])
    }
}
