import Testing

@testable import Inference

/// The numbers printed in paper §VII-B/C, reproduced by the engine on the default model.
@Suite struct PaperNumbersTests {
    let model = InferenceModel.default

    @Test func toMessageIsHalfQuarterQuarter() throws {
        let tree = self.model.tree
        let to = try #require(tree.index(of: "To"))
        var evidence = EvidenceSet(for: tree)
        try evidence.set(.hard(1), on: to)
        let propagation = tree.propagate(evidence)
        #expect(isClose(propagation.message(from: to), [0.5, 0.25, 0.25]))
    }

    @Test func historicalMessageIsNinetyTen() throws {
        let tree = try #require(self.model.hostTree)
        let historical = try #require(tree.index(of: "Historical"))
        var evidence = EvidenceSet(for: tree)
        try evidence.set(.hard(0), on: historical)
        let propagation = tree.propagate(evidence)
        #expect(isClose(propagation.message(from: historical), [0.9, 0.1]))
    }

    @Test func natureBeliefFromPrintedLambdaAndPrior() throws {
        let root = NodeDefinition(name: "Nature", states: ["N", "S", "C"], prior: [0.3, 0.4, 0.4])
        let tree = try BayesianTree(nodes: [root])
        var evidence = EvidenceSet(for: tree)
        try evidence.set(.soft([0.9, 0.05, 0.05]), on: 0)
        let belief = tree.propagate(evidence).belief(of: 0)
        #expect(isClose(belief, [0.871, 0.065, 0.065], tolerance: 1e-3))
        #expect(isClose(belief, [0.27 / 0.31, 0.02 / 0.31, 0.02 / 0.31]))
    }

    @Test func firstHostPosteriorBecomesPreBeliefThroughM() throws {
        let tree = try #require(self.model.hostTree)
        let markov = try #require(self.model.markov)
        var evidence = EvidenceSet(for: tree)
        try evidence.set(.soft([0.91, 0.09]), on: tree.root)
        let propagation = tree.propagate(evidence, rootPrior: markov.initial)
        let posterior = propagation.belief(of: tree.root)
        #expect(isClose(propagation.pi(of: tree.root), [0.5, 0.5]))
        #expect(isClose(posterior, [0.91, 0.09]))
        #expect(isClose(markov.step(posterior), [0.91 * 0.6 + 0.09 * 0.1, 0.91 * 0.4 + 0.09 * 0.9]))
        #expect(isClose(markov.step(posterior), [0.555, 0.445]))
    }

    @Test func theTrustNodeFusesChildMessagesByProduct() throws {
        let tree = try #require(self.model.hostTree)
        let historical = try #require(tree.index(of: "Historical"))
        let dns = try #require(tree.index(of: "DNS"))
        var evidence = EvidenceSet(for: tree)
        try evidence.set(.hard(0), on: historical)
        try evidence.set(.hard(0), on: dns)
        let lambda = tree.propagate(evidence).lambda(of: tree.root)
        let product = [0.9 * 0.7, 0.1 * 0.3]
        #expect(isClose(lambda, product.map { $0 / (product[0] + product[1]) }))
    }
}
