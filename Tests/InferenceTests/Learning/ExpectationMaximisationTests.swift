import Testing

@testable import Inference

@Suite struct ExpectationMaximisationTests {
    /// A known tree: R (3 states) with children A (2), B (3) and E (2); B with children C (2) and D (3).
    static func truth() throws -> BayesianTree {
        try BayesianTree(nodes: [
            NodeDefinition(name: "R", states: ["r0", "r1", "r2"], prior: [0.5, 0.3, 0.2]),
            NodeDefinition(
                name: "A",
                states: ["a0", "a1"],
                parent: "R",
                cpt: [[0.9, 0.1], [0.3, 0.7], [0.15, 0.85]]
            ),
            NodeDefinition(
                name: "B",
                states: ["b0", "b1", "b2"],
                parent: "R",
                cpt: [[0.7, 0.2, 0.1], [0.2, 0.6, 0.2], [0.1, 0.2, 0.7]]
            ),
            NodeDefinition(
                name: "E",
                states: ["e0", "e1"],
                parent: "R",
                cpt: [[0.8, 0.2], [0.5, 0.5], [0.1, 0.9]]
            ),
            NodeDefinition(
                name: "C",
                states: ["c0", "c1"],
                parent: "B",
                cpt: [[0.85, 0.15], [0.4, 0.6], [0.1, 0.9]]
            ),
            NodeDefinition(
                name: "D",
                states: ["d0", "d1", "d2"],
                parent: "B",
                cpt: [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8]]
            ),
        ])
    }

    /// The largest and the mean absolute difference over every CPT entry and prior weight.
    static func error(_ tree: BayesianTree, _ reference: BayesianTree) -> (maximum: Double, mean: Double) {
        let values = zip(tree.cpt + tree.prior, reference.cpt + reference.prior).map { abs($0 - $1) }
        return (values.max() ?? 0, values.reduce(0, +) / Double(values.count))
    }

    static func evidence(_ cases: [[Int?]], for tree: BayesianTree) throws -> [EvidenceSet] {
        try cases.map { row in
            var set = EvidenceSet(for: tree)
            for (node, state) in row.enumerated() {
                if let state {
                    try set.set(.hard(state), on: node)
                }
            }
            return set
        }
    }

    @Test func recoversTheTablesWithThirtyPercentHidden() throws {
        let truth = try Self.truth()
        var generator = SplitMix64(seed: 2024)
        let sampler = TreeSampler(tree: truth)
        let complete = (0..<3000).map { _ in sampler.sample(using: &generator) }
        let hidden = TreeSampler.hide(0.3, of: complete, using: &generator)

        let counted = try Learning.estimate(truth, from: hidden, alpha: 1)
        let result = try Learning.expectationMaximisation(counted, from: hidden, alpha: 1, maximumIterations: 200)
        #expect(result.converged)
        #expect(result.iterations > 2)

        let emError = Self.error(result.tree, truth)
        let countError = Self.error(counted, truth)
        #expect(emError.maximum < 0.06, "EM max error \(emError.maximum), counts \(countError.maximum)")

        // On the data with its hidden values, EM's parameters explain what was seen better than the counts'...
        let cases = try Self.evidence(hidden, for: truth)
        let emLikelihood = cases.reduce(0) { $0 + result.tree.logLikelihood(of: $1) }
        let countLikelihood = cases.reduce(0) { $0 + counted.logLikelihood(of: $1) }
        #expect(emLikelihood > countLikelihood)

        // ...and predict what was hidden better: the log score of every hidden value's true state under the
        // posterior given the rest of its case.
        var emScore = 0.0
        var countScore = 0.0
        for (index, row) in hidden.enumerated() {
            let emPropagation = result.tree.propagate(cases[index])
            let countPropagation = counted.propagate(cases[index])
            for (node, value) in row.enumerated() where value == nil {
                let truthState = complete[index][node] ?? 0
                emScore += BayesianTree.naturalLog(emPropagation.belief(of: node, state: truthState))
                countScore += BayesianTree.naturalLog(countPropagation.belief(of: node, state: truthState))
            }
        }
        #expect(emScore > countScore, "EM \(emScore) vs counts \(countScore)")
    }

    @Test func theObjectiveNeverDecreases() throws {
        let truth = try Self.truth()
        var generator = SplitMix64(seed: 99)
        let sampler = TreeSampler(tree: truth)
        let hidden = TreeSampler.hide(
            0.3,
            of: (0..<500).map { _ in sampler.sample(using: &generator) },
            using: &generator
        )
        let start = try Learning.estimate(truth, from: hidden, alpha: 1)
        for alpha in [0.0, 1.0] {
            let result = try Learning.expectationMaximisation(start, from: hidden, alpha: alpha, maximumIterations: 50)
            for (previous, next) in zip(result.objectives, result.objectives.dropFirst()) {
                #expect(next >= previous - 1e-9 * abs(previous), "alpha \(alpha): \(previous) then \(next)")
            }
            if alpha == 0 {
                // Without a prior the objective is the log-likelihood itself.
                #expect(result.objectives == result.logLikelihoods)
                for (previous, next) in zip(result.logLikelihoods, result.logLikelihoods.dropFirst()) {
                    #expect(next >= previous - 1e-9 * abs(previous))
                }
            }
        }
    }

    @Test func withNothingMissingItIsCounting() throws {
        let truth = try Self.truth()
        var generator = SplitMix64(seed: 5)
        let sampler = TreeSampler(tree: truth)
        let complete = (0..<300).map { _ in sampler.sample(using: &generator) }
        let counted = try Learning.estimate(truth, from: complete, alpha: 1)
        let result = try Learning.expectationMaximisation(truth, from: complete, alpha: 1)
        #expect(result.converged)
        #expect(isClose(result.tree.cpt, counted.cpt, tolerance: 1e-12))
        #expect(isClose(result.tree.prior, counted.prior, tolerance: 1e-12))
    }

    @Test func logLikelihoodMatchesEnumeration() throws {
        let truth = try Self.truth()
        var evidence = EvidenceSet(for: truth)
        try evidence.set(.hard(1), on: 1)
        try evidence.set(.hard(2), on: 5)
        // P(A = a1, D = d2) by summing the joint over R and B.
        var total = 0.0
        for root in 0..<3 {
            for b in 0..<3 {
                total +=
                    truth.prior[root] * truth.probability(of: 1, state: 1, givenParentState: root)
                    * truth.probability(of: 2, state: b, givenParentState: root)
                    * truth.probability(of: 5, state: 2, givenParentState: b)
            }
        }
        let logLikelihood = truth.logLikelihood(of: evidence)
        #expect(abs(logLikelihood - BayesianTree.naturalLog(total)) < 1e-12)
        #expect(abs(BayesianTree.naturalLog(2.718_281_828_459_045) - 1) < 1e-15)
        #expect(abs(BayesianTree.naturalLog(1e-300) + 690.775_527_898_213_7) < 1e-9)
        try evidence.set(.hard(0), on: 0)
        try evidence.set(.soft([0, 0, 1]), on: 2)
        try evidence.set(.hard(0), on: 4)
        #expect(truth.logLikelihood(of: evidence) < 0)
    }
}
