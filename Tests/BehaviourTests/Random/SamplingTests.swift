import Testing

@testable import Behaviour

@Suite struct SamplingTests {
    @Test(arguments: [
        (2.0, 0.693_147_180_559_945_3),
        (10.0, 2.302_585_092_994_046),
        (0.5, -0.693_147_180_559_945_3),
        (1.0, 0.0),
        (1e-300, -690.775_527_898_213_7),
        (1.414_213_562_373_1, 0.346_573_590_279_976_2),
        (123_456.789, 11.723_646_487_185_881),
    ])
    func logarithmIsAccurate(_ x: Double, _ expected: Double) {
        let value = Sampling.naturalLogarithm(x)
        #expect(abs(value - expected) <= 1e-13 * max(1, abs(expected)), "ln(\(x)) = \(value)")
    }

    @Test func logarithmEdges() {
        #expect(Sampling.naturalLogarithm(0) == -.infinity)
        #expect(Sampling.naturalLogarithm(-1).isNaN)
        #expect(Sampling.naturalLogarithm(.infinity) == .infinity)
        #expect(Sampling.naturalLogarithm(.leastNonzeroMagnitude).isFinite)
    }

    @Test func exponentialMeanOfTenThousandSamples() {
        var random = SplitMix64(seed: 7)
        let samples = (0..<10_000).map { _ in BehaviourNumber.exponential(mean: 4).sample(using: &random) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        #expect(abs(mean - 4) / 4 < 0.05, "mean \(mean)")
        #expect(samples.allSatisfy { $0 >= 0 })
    }

    @Test func normalMomentsOfTenThousandSamples() {
        var random = SplitMix64(seed: 9)
        let samples = (0..<10_000).map { _ in BehaviourNumber.normal(mean: 10, deviation: 2).sample(using: &random) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count)
        #expect(abs(mean - 10) < 0.1, "mean \(mean)")
        #expect(abs(variance.squareRoot() - 2) < 0.1, "deviation \(variance.squareRoot())")
    }
}
