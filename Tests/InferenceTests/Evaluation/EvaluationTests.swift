import Testing

@testable import Inference

@Suite struct EvaluationTests {
    @Test func scoresAHandWorkedExample() {
        var evaluation = Evaluation(classes: ["N", "S", "C"])
        evaluation.add(truth: 0, belief: [0.8, 0.1, 0.1])
        evaluation.add(truth: 0, belief: [0.2, 0.7, 0.1])
        evaluation.add(truth: 1, belief: [0.1, 0.6, 0.3])
        evaluation.add(truth: 2, belief: [0.1, 0.2, 0.7])
        evaluation.add(truth: 9, belief: [1, 0, 0])
        #expect(evaluation.count == 4)
        #expect(evaluation.confusion == [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
        #expect(evaluation.precision(of: 0) == 1)
        #expect(evaluation.recall(of: 0) == 0.5)
        #expect(abs(evaluation.f1(of: 0) - 2.0 / 3) < 1e-12)
        #expect(evaluation.precision(of: 1) == 0.5)
        #expect(abs(evaluation.macroF1 - (2.0 / 3 + 2.0 / 3 + 1) / 3) < 1e-12)
        #expect(evaluation.accuracy == 0.75)
        let brier = (0.04 + 0.01 + 0.01) + (0.64 + 0.49 + 0.01) + (0.01 + 0.16 + 0.09) + (0.01 + 0.04 + 0.09)
        #expect(abs(evaluation.brierScore - brier / 4) < 1e-12)
        let table = evaluation.reliability(bins: 5)
        #expect(table.map(\.count) == [0, 0, 0, 3, 1])
        #expect(abs(table[3].meanConfidence - 2.0 / 3) < 1e-12)
        #expect(abs(table[3].accuracy - 2.0 / 3) < 1e-12)
        #expect(table[4].accuracy == 1)
    }
}
