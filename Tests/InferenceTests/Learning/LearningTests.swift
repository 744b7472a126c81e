import Testing

@testable import Inference

@Suite struct LearningTests {
    @Test func countsWithADirichletPrior() throws {
        let tree = try BayesianTree(nodes: [
            NodeDefinition(name: "r", states: ["a", "b"], prior: [1, 1]),
            NodeDefinition(name: "c", states: ["x", "y"], parent: "r", cpt: [[0.5, 0.5], [0.5, 0.5]]),
        ])
        let cases: [[Int?]] = [[0, 0], [0, 0], [0, 1], [1, 1], [nil, 0], [1, nil]]
        let learned = try Learning.estimate(tree, from: cases, alpha: 1)
        #expect(isClose(learned.prior, [4.0 / 7, 3.0 / 7]))
        #expect(abs(learned.probability(of: 1, state: 0, givenParentState: 0) - 3.0 / 5) < 1e-12)
        #expect(abs(learned.probability(of: 1, state: 1, givenParentState: 1) - 2.0 / 3) < 1e-12)
        let unsmoothed = try Learning.estimate(tree, from: [[0, 0]], alpha: 0)
        #expect(unsmoothed.probability(of: 1, state: 0, givenParentState: 0) == 1)
        #expect(unsmoothed.probability(of: 1, state: 0, givenParentState: 1) == 0.5)
    }
}
