import Testing

@testable import Inference

@Suite struct DefaultModelTests {
    let model = InferenceModel.default

    func cpt(_ name: String, in tree: BayesianTree) throws -> [[Double]] {
        let node = try #require(tree.index(of: name))
        let parent = try #require(tree.parent(of: node))
        return (0..<tree.states(of: parent).count).map { row in
            (0..<tree.states(of: node).count).map { tree.probability(of: node, state: $0, givenParentState: row) }
        }
    }

    @Test func markovMatrixIsThePapers() throws {
        let markov = try #require(self.model.markov)
        #expect(markov.node == "Trust")
        #expect(markov.matrix == [[0.6, 0.4], [0.1, 0.9]])
        #expect(markov.initial == [0.5, 0.5])
    }

    @Test func printedCPTsAreThePapers() throws {
        #expect(try self.cpt("To", in: self.model.tree) == [[0, 1], [0.5, 0.5], [0.5, 0.5]])
        #expect(try self.cpt("Historical", in: self.model.tree) == [[0.9, 0.1, 0.0], [0.1, 0.2, 0.7]])
        #expect(
            try self.cpt("Dispersion", in: self.model.tree) == [[0.6, 0.3, 0.1], [0.1, 0.3, 0.6], [0.05, 0.15, 0.8]]
        )
        #expect(self.model.tree.states(of: self.model.tree.root) == ["Normal", "Suspicious", "Crafted"])
    }

    @Test func priorIsThePrintedWeightsNormalised() {
        let printed = self.model.tree.definitions[self.model.tree.root]
        #expect(isClose(self.model.tree.prior, [0.3 / 1.1, 0.4 / 1.1, 0.4 / 1.1]))
        #expect(printed.lines.prior > 0)
    }

    @Test func discretisationsMatchTheDocumentedBuckets() throws {
        let dispersion = try #require(self.model.discretisations["Dispersion"])
        #expect([0.0, 1.0, 1.01, 4.0, 4.5].map { dispersion.state(for: $0) } == [0, 0, 1, 1, 2])
        let historical = try #require(self.model.discretisations["Historical"])
        #expect([0.0, 1, 2, 3, 10].map { historical.state(for: $0) } == [0, 1, 1, 2, 2])
        #expect(historical.state(for: .nan) == nil)
    }

    @Test func thresholdsAreOnTheRoot() {
        #expect(self.model.thresholds == ["Suspicious": 0.6, "Crafted": 0.6])
    }

    @Test func everyNodeOfFigureSixIsPresent() {
        let names = [
            "Nature", "To", "Dispersion", "Trust", "Anomalies", "SentBy", "Behaviour", "Historical", "WHOIS", "AS",
            "GL",
            "HasPort", "Fingerprint", "DNS",
        ]
        #expect(names.allSatisfy { self.model.tree.index(of: $0) != nil })
        #expect(self.model.tree.count == names.count)
    }

    @Test func aSentByOtherThanTheSourceFavoursCrafted() throws {
        let engine = try VerdictEngine(model: self.model)
        let crafted = engine.verdict(for: Observation(sentByIsSource: false))
        let genuine = engine.verdict(for: Observation(sentByIsSource: true))
        let unknown = engine.verdict(for: Observation())
        #expect(crafted.belief[2] > unknown.belief[2])
        #expect(genuine.belief[2] < unknown.belief[2])
        #expect(crafted.messages.contains { $0.node == "SentBy" && $0.observedState == "Other" })
    }

    @Test func aModelWithoutSentByStillLoadsAndIgnoresIt() throws {
        let text = DefaultModel.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var skipping = false
        for line in text {
            if line.hasPrefix("node: ") { skipping = line == "node: SentBy" }
            if line.hasPrefix("markov: ") { skipping = false }
            if !skipping { kept.append(line) }
        }
        let model = try ModelParser.parse(kept.joined(separator: "\n"))
        #expect(model.tree.index(of: "SentBy") == nil)
        let engine = try VerdictEngine(model: model)
        #expect(
            engine.verdict(for: Observation(sentByIsSource: false)).belief == engine.verdict(for: Observation()).belief
        )
    }

    @Test func anAttackingSourceFavoursSuspicious() throws {
        let engine = try VerdictEngine(model: self.model)
        let attacking = engine.verdict(for: Observation(sourceIsAttacking: true))
        let quiet = engine.verdict(for: Observation(sourceIsAttacking: false))
        let unknown = engine.verdict(for: Observation())
        #expect(attacking.belief[1] > unknown.belief[1])
        #expect(quiet.belief[0] > unknown.belief[0])
        #expect(attacking.messages.contains { $0.node == "Behaviour" && $0.observedState == "Attack" })
    }
}
