import Testing

@testable import Inference

@Suite struct LearnModelTests {
    /// The default model with other numbers: what the labelled data are drawn from.
    static func truth() throws -> InferenceModel {
        var text = DefaultModel.text
        let changes = [
            ("prior: 0.3, 0.4, 0.4", "prior: 0.5, 0.3, 0.2"),
            (
                "row: Suspicious = 0.5, 0.5\nrow: Crafted = 0.5, 0.5",
                "row: Suspicious = 0.7, 0.3\nrow: Crafted = 0.2, 0.8"
            ),
            (
                "row: Normal = 0.9, 0.1\nrow: Suspicious = 0.6, 0.4",
                "row: Normal = 0.8, 0.2\nrow: Suspicious = 0.5, 0.5"
            ),
            (
                "row: Trusted = 0.7, 0.3\nrow: Distrusted = 0.3, 0.7",
                "row: Trusted = 0.9, 0.1\nrow: Distrusted = 0.2, 0.8"
            ),
        ]
        for (old, new) in changes {
            let replaced = text.replacing(old, with: new)
            #expect(replaced != text, "no '\(old)' in the default model")
            text = replaced
        }
        return try ModelParser.parse(text)
    }

    /// A labelled case drawn from `model`'s joint distribution and turned back into the observation the engine
    /// reads: one host, every field known, values in the middle of each interval.
    static func labelledCase(from model: InferenceModel, using generator: inout SplitMix64) -> LabelledCase {
        let tree = model.tree
        let states = TreeSampler(tree: tree).sample(using: &generator).map { $0 ?? 0 }
        func state(_ name: String) -> Int {
            states[tree.index(of: name) ?? 0]
        }
        let band = [0.1, 0.5, 0.9]
        let host = HostObservation(
            host: "h",
            sightings: [0, 1, 5][state("Historical")],
            whoisTrust: band[state("WHOIS")],
            asTrust: band[state("AS")],
            locationTrust: band[state("GL")],
            portOpen: state("HasPort") == 0,
            fingerprintTrust: band[state("Fingerprint")],
            dnsValid: state("DNS") == 0
        )
        let hops: [[Int?]] = [[5, 5], [2, 6], [0, 12]]
        let anomalies = [
            AnomalySummary(),
            AnomalySummary(warnings: 1),
            AnomalySummary(errors: 1),
            AnomalySummary(toolShaped: true),
        ]
        let observation = Observation(
            toIsOurs: state("To") == 0,
            hopCounts: hops[state("Dispersion")],
            hosts: [host],
            anomalies: anomalies[state("Anomalies")]
        )
        return LabelledCase(observation: observation, nature: tree.states(of: tree.root)[states[tree.root]])
    }

    static func row(_ model: InferenceModel, _ node: String, _ parentState: Int) -> [Double] {
        let tree = model.tree
        let index = tree.index(of: node) ?? 0
        return (0..<tree.states(of: index).count).map {
            tree.probability(of: index, state: $0, givenParentState: parentState)
        }
    }

    static func distance(_ lhs: [Double], _ rhs: [Double]) -> Double {
        zip(lhs, rhs).map { abs($0 - $1) }.max() ?? 0
    }

    @Test func learnsTheTablesBehindLabelledObservations() throws {
        let truth = try Self.truth()
        var generator = SplitMix64(seed: 11)
        var cases = (0..<1500).map { _ in Self.labelledCase(from: truth, using: &generator) }
        // Hide a fifth of the labels and some fields: EM fills them in.
        for index in cases.indices where index % 5 == 0 {
            cases[index].nature = nil
            cases[index].observation.toIsOurs = nil
        }
        let base = InferenceModel.default
        let learned = try Learning.learnModel(from: cases, base: base, alpha: 1, maximumIterations: 40)

        #expect(Self.distance(learned.tree.prior, truth.tree.prior) < 0.05)
        for (node, parentState) in [("To", 1), ("To", 2), ("Dispersion", 0), ("Anomalies", 2)] {
            let error = Self.distance(Self.row(learned, node, parentState), Self.row(truth, node, parentState))
            #expect(error < 0.07, "\(node)[\(parentState)]: \(error)")
        }
        // Under the hidden Trust node: the rows the truth changed move towards it, the rest stay close.
        for (node, parentState) in [("Historical", 0), ("Historical", 1), ("WHOIS", 1)] {
            let error = Self.distance(Self.row(learned, node, parentState), Self.row(truth, node, parentState))
            #expect(error < 0.08, "\(node)[\(parentState)]: \(error)")
        }
        for (node, parentState) in [("Trust", 0), ("Trust", 1), ("DNS", 0), ("DNS", 1)] {
            let learnedError = Self.distance(Self.row(learned, node, parentState), Self.row(truth, node, parentState))
            let baseError = Self.distance(Self.row(base, node, parentState), Self.row(truth, node, parentState))
            #expect(learnedError < baseError, "\(node)[\(parentState)]: \(learnedError) vs base \(baseError)")
        }
        // The rest of the model is the base's, and the result is a model file again.
        #expect(learned.markov == base.markov)
        #expect(learned.discretisations == base.discretisations)
        #expect(learned.thresholds == base.thresholds)
        #expect(try ModelParser.parse(try ModelWriter.text(for: learned)) == learned)
        _ = try VerdictEngine(model: learned)
    }

    @Test func anUnknownLabelIsAnError() throws {
        let cases = [LabelledCase(observation: Observation(toIsOurs: true), nature: "Benign")]
        do {
            _ = try Learning.learnModel(from: cases, base: .default)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidEvidence)
        }
    }
}
