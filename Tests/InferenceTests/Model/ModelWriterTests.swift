import Testing

@testable import Inference

@Suite struct ModelWriterTests {
    @Test func defaultModelRoundTrips() throws {
        let model = InferenceModel.default
        let text = try ModelWriter.text(for: model)
        let reread = try ModelParser.parse(text)
        #expect(reread == model)
        #expect(try ModelWriter.text(for: reread) == text)
    }

    @Test func learnedModelRoundTrips() throws {
        var generator = SplitMix64(seed: 7)
        let tree = InferenceModel.default.tree
        let sampler = TreeSampler(tree: tree)
        let cases = (0..<200).map { _ in sampler.sample(using: &generator) }
        let learned = try Learning.estimate(tree, from: cases, alpha: 0.5)
        let model = try InferenceModel(
            tree: learned,
            discretisations: InferenceModel.default.discretisations,
            markov: InferenceModel.default.markov,
            thresholds: InferenceModel.default.thresholds
        )
        #expect(model != InferenceModel.default)
        let reread = try ModelParser.parse(try ModelWriter.text(for: model))
        #expect(reread == model)
        // Bit for bit, not merely close: every probability is written in its shortest round-tripping form.
        #expect(reread.tree.cpt == model.tree.cpt)
    }

    @Test func unwritableNamesAreRejected() throws {
        let tree = try BayesianTree(nodes: [
            NodeDefinition(name: "root", states: ["a b", "c"], prior: [1, 1]),
            NodeDefinition(name: "leaf", states: ["x", "y"], parent: "root", cpt: [[1, 0], [0, 1]]),
        ])
        #expect(throws: InferenceError.self) {
            try ModelWriter.text(tree: tree)
        }
        do {
            _ = try ModelWriter.text(tree: tree)
        } catch {
            #expect(error.code == .syntax)
            #expect(error.line == 0)
        }
    }

    @Test func partsTheTreeLacksAreRejected() throws {
        let tree = InferenceModel.default.tree
        do {
            _ = try ModelWriter.text(tree: tree, thresholds: ["Bogus": 0.5])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownState)
        }
        do {
            _ = try ModelWriter.text(tree: tree, discretisations: ["Bogus": Discretisation(bounds: [1])])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownNode)
        }
    }
}
