// EM for a Bayesian tree's parameters when evidence is missing (Dempster, Laird & Rubin 1977; Lauritzen 1995).
//
// E-step: for every case, Pearl's propagation (``BayesianTree/propagate(_:rootPrior:)``) under the current
// parameters gives BEL(U) at every parent U and the fused λ(X) of every child X. Given U = i, the evidence below X
// is independent of the rest, so the pairwise posterior is exact:
//
//   P(U = i, X = j | e) = BEL_U(i) · CPT[i][j] λ_X(j) / Σ_j' CPT[i][j'] λ_X(j')
//
// summed over the cases into expected counts n̄_ij (and n̄_i = Σ BEL_root(i) for the prior).
// M-step: the Dirichlet-smoothed estimate θ_ij = (n̄_ij + α) / (n̄_i + α · states), the maximum a posteriori
// estimate under a Dirichlet(α + 1) prior. With every value known it is exactly ``Learning/estimate(_:from:alpha:)``.
//
// Each iteration cannot lower the log posterior Σ log P(e_k | θ) + α Σ log θ (EM's guarantee for MAP estimation),
// which is ``Learning/EMResult/objectives``; with α = 0 that is the log-likelihood itself. The log-likelihood of
// iteration k is that of the parameters the k-th E-step used, so the returned tree is the one whose figures were
// reported last.

extension Learning {
    /// The outcome of ``expectationMaximisation(_:from:alpha:tolerance:maximumIterations:)``.
    public struct EMResult: Sendable {
        /// The tree with the estimated parameters (the structure and names of the starting tree).
        public var tree: BayesianTree

        /// `Σ_k log P(e_k)` under the parameters of each iteration, first the starting tree's.
        public var logLikelihoods: [Double]

        /// The log posterior EM maximises, `logLikelihoods[i] + α Σ log θ` over every CPT entry and prior weight,
        /// per iteration; non-decreasing (up to rounding). Equal to ``logLikelihoods`` when α = 0.
        public var objectives: [Double]

        /// Whether the objective's last improvement was below the tolerance (otherwise the iteration cap was hit).
        public var converged: Bool

        /// The number of E-steps run (the length of ``logLikelihoods``).
        public var iterations: Int {
            self.logLikelihoods.count
        }
    }

    /// EM from `tree`'s parameters over cases given as node states, `cases[k][node]` or `nil` when unknown (the
    /// class label included). Cases whose length differs from the tree's node count, and out-of-range states,
    /// count as unknown values.
    ///
    /// EM finds a local optimum near its start: starting from ``estimate(_:from:alpha:)`` of the same cases is a
    /// sound choice, and a tree whose rows are all alike (a symmetric start) never breaks the symmetry.
    public static func expectationMaximisation(
        _ tree: BayesianTree,
        from cases: [[Int?]],
        alpha: Double = 1,
        tolerance: Double = 1e-6,
        maximumIterations: Int = 100
    ) throws(InferenceError) -> EMResult {
        var evidence: [EvidenceSet] = []
        evidence.reserveCapacity(cases.count)
        for observed in cases {
            var set = EvidenceSet(for: tree)
            if observed.count == tree.count {
                for (node, state) in observed.enumerated() {
                    if let state, state >= 0, state < tree.counts[node] {
                        try set.set(.hard(state), on: node)
                    }
                }
            }
            evidence.append(set)
        }
        return try Self.expectationMaximisation(
            tree,
            from: evidence,
            alpha: alpha,
            tolerance: tolerance,
            maximumIterations: maximumIterations
        )
    }

    /// EM from `tree`'s parameters over cases given as evidence sets (hard, soft or none per node), each built
    /// for `tree` or a tree of the same structure.
    ///
    /// - Parameters:
    ///   - alpha: The Dirichlet pseudo-count added to every expected count (non-negative; 1 is Laplace).
    ///   - tolerance: Stop when the objective rises by less than this between two iterations.
    ///   - maximumIterations: The most E-steps to run (at least 1).
    public static func expectationMaximisation(
        _ tree: BayesianTree,
        from cases: [EvidenceSet],
        alpha: Double = 1,
        tolerance: Double = 1e-6,
        maximumIterations: Int = 100
    ) throws(InferenceError) -> EMResult {
        let alpha = max(0, alpha.isFinite ? alpha : 1)
        var current = tree
        var logLikelihoods: [Double] = []
        var objectives: [Double] = []
        var converged = false
        for _ in 0..<max(1, maximumIterations) {
            let step = Self.expectation(current, cases: cases)
            let objective = step.logLikelihood + alpha * Self.logPrior(current)
            if let last = objectives.last, objective - last < tolerance {
                logLikelihoods.append(step.logLikelihood)
                objectives.append(objective)
                converged = true
                break
            }
            logLikelihoods.append(step.logLikelihood)
            objectives.append(objective)
            if objectives.count == max(1, maximumIterations) {
                break
            }
            current = try Self.maximisation(current, counts: step.counts, alpha: alpha)
        }
        return EMResult(tree: current, logLikelihoods: logLikelihoods, objectives: objectives, converged: converged)
    }

    /// Expected counts in the tree's flat CPT layout (and, for the root, one count per state at its own offset in
    /// `rootCounts`), with the data's log-likelihood.
    struct ExpectedCounts {
        /// Expected `n̄_ij` per CPT cell, laid out like ``BayesianTree/cpt``.
        var counts: [Double]
        /// Expected `n̄_i` per root state.
        var root: [Double]
    }

    /// The E-step: expected counts and `Σ log P(e_k)` under `tree`.
    static func expectation(
        _ tree: BayesianTree,
        cases: [EvidenceSet]
    ) -> (counts: ExpectedCounts, logLikelihood: Double) {
        var counts = ExpectedCounts(
            counts: [Double](repeating: 0, count: tree.cpt.count),
            root: [Double](repeating: 0, count: tree.counts[tree.root])
        )
        var logLikelihood = 0.0
        var child = [Double](repeating: 0, count: tree.widest)
        for evidence in cases {
            logLikelihood += tree.logLikelihood(of: evidence)
            let propagation = tree.propagate(evidence)
            for state in 0..<tree.counts[tree.root] {
                counts.root[state] += propagation.belief(of: tree.root, state: state)
            }
            for node in 0..<tree.count {
                let parent = tree.parents[node]
                guard parent >= 0 else {
                    continue
                }
                let width = tree.counts[node]
                var cell = tree.cptOffsets[node]
                for parentState in 0..<tree.counts[parent] {
                    let weight = propagation.belief(of: parent, state: parentState)
                    var sum = 0.0
                    for state in 0..<width {
                        child[state] = tree.cpt[cell + state] * propagation.lambdaValue(of: node, state: state)
                        sum += child[state]
                    }
                    if weight > 0, sum > 0, sum.isFinite {
                        for state in 0..<width {
                            counts.counts[cell + state] += weight * child[state] / sum
                        }
                    }
                    cell += width
                }
            }
        }
        return (counts, logLikelihood)
    }

    /// The M-step: smoothed, normalised expected counts; a row with no mass (α = 0, no case) keeps its values.
    static func maximisation(
        _ tree: BayesianTree,
        counts: ExpectedCounts,
        alpha: Double
    ) throws(InferenceError) -> BayesianTree {
        var definitions = tree.definitions
        for node in 0..<tree.count {
            let width = tree.counts[node]
            let parent = tree.parents[node]
            guard parent >= 0 else {
                let weights = counts.root.map { $0 + alpha }
                definitions[node].prior = Vector.normalised(weights) ?? tree.prior
                continue
            }
            var rows: [[Double]] = []
            var cell = tree.cptOffsets[node]
            for _ in 0..<tree.counts[parent] {
                let old = Array(tree.cpt[cell..<(cell + width)])
                let weights = counts.counts[cell..<(cell + width)].map { $0 + alpha }
                rows.append(Vector.normalised(weights) ?? old)
                cell += width
            }
            definitions[node].cpt = rows
        }
        return try BayesianTree(nodes: definitions)
    }

    /// `Σ log θ` over every CPT entry and root prior weight: the log density of the Dirichlet prior, up to a
    /// constant, per unit of α. Zero entries contribute nothing (they only arise with α = 0).
    static func logPrior(_ tree: BayesianTree) -> Double {
        var sum = 0.0
        for value in tree.cpt where value > 0 {
            sum += BayesianTree.naturalLog(value)
        }
        for value in tree.prior where value > 0 {
            sum += BayesianTree.naturalLog(value)
        }
        return sum
    }
}
