import Foundation
import Inference
import Synchronization
import Testing

@testable import HoneyphoneApp

@Suite struct EvaluateCommandRunnerTests {
    static func item(
        _ truth: String?,
        _ belief: [Double],
        attacks: [AttackLabel.Kind]? = nil,
        predicted: [AttackLabel.Kind] = []
    ) -> EvaluationReport.Item {
        let classes = LabelsFile.defaultClasses
        let winner = belief.indices.max { belief[$0] < belief[$1] } ?? 0
        return EvaluationReport.Item(
            origin: "t.pcap",
            index: 1,
            method: "INVITE",
            source: "192.0.2.1",
            callID: nil,
            truth: truth,
            belief: belief,
            predicted: classes[winner],
            attackTruth: attacks,
            attackPredicted: predicted
        )
    }

    /// Four requests, checked by hand: Normal→Normal (0.9), Normal→Suspicious (0.6), Suspicious→Suspicious (0.7),
    /// Crafted→Normal (0.5); plus one with Nature unknown that only counts for attack types.
    @Test func scoresAHandCheckedCase() {
        let report = EvaluationReport(
            classes: LabelsFile.defaultClasses,
            items: [
                Self.item("Normal", [0.9, 0.05, 0.05], attacks: [], predicted: []),
                Self.item("Normal", [0.3, 0.6, 0.1], attacks: [], predicted: [.scanning]),
                Self.item("Suspicious", [0.2, 0.7, 0.1], attacks: [.scanning], predicted: [.scanning]),
                Self.item("Crafted", [0.5, 0.1, 0.4], attacks: [.malformed, .scanning], predicted: []),
                Self.item(nil, [0.1, 0.1, 0.8], attacks: [.flooding], predicted: [.flooding]),
            ]
        )
        let nature = report.nature
        #expect(nature.count == 4)
        #expect(nature.confusion == [[1, 1, 0], [0, 1, 0], [1, 0, 0]])
        // Normal: predicted twice, right once; Suspicious: predicted twice, right once; Crafted: never predicted.
        #expect(nature.precision(of: 0) == 0.5 && nature.recall(of: 0) == 0.5 && nature.f1(of: 0) == 0.5)
        #expect(nature.precision(of: 1) == 0.5 && nature.recall(of: 1) == 1)
        #expect(abs(nature.f1(of: 1) - 2.0 / 3) < 1e-12)
        #expect(nature.precision(of: 2) == 0 && nature.recall(of: 2) == 0 && nature.f1(of: 2) == 0)
        #expect(abs(nature.macroF1 - (0.5 + 2.0 / 3) / 3) < 1e-12)
        #expect(nature.accuracy == 0.5)
        // Brier: (0.01 + 0.0025 + 0.0025) + (0.49 + 0.36 + 0.01) + (0.04 + 0.09 + 0.01) + (0.25 + 0.01 + 0.36) = 1.635.
        #expect(abs(nature.brierScore - 1.635 / 4) < 1e-12)
        let bins = nature.reliability(bins: EvaluationReport.reliabilityBins)
        #expect(bins.count == 10)
        #expect(bins.map(\.count) == [0, 0, 0, 0, 0, 1, 1, 1, 0, 1])
        #expect(bins[5].accuracy == 0 && bins[6].accuracy == 0 && bins[7].accuracy == 1 && bins[9].accuracy == 1)

        let attacks = report.attacks
        #expect(attacks.count == 5)
        #expect(
            attacks.counts(of: .scanning)
                == .init(truePositives: 1, falsePositives: 1, falseNegatives: 1, trueNegatives: 2)
        )
        #expect(attacks.counts(of: .malformed).falseNegatives == 1)
        #expect(attacks.counts(of: .flooding).f1 == 1)
        #expect(attacks.supportedKinds == [.scanning, .flooding, .malformed])
        // scanning F1 0.5, flooding 1, malformed 0.
        #expect(abs(attacks.macroF1 - 0.5) < 1e-12)

        let text = report.textLines()
        #expect(text.contains("  Normal                  1           1        0"))
        #expect(text.contains("macro-F1 0.389  accuracy 0.500  Brier 0.409"))
        let json = report.json()
        #expect(json.contains(#""confusion":[[1,1,0],[0,1,0],[1,0,0]]"#))
        #expect(json.contains(#"{"type":"scanning","tp":1,"fp":1,"fn":1,"precision":0.5,"recall":0.5,"f1":0.5}"#))
    }

    /// A model whose tables say nothing (uniform rows) believes its prior, whatever the request: every verdict is
    /// (0.55, 0.3, 0.15), so the figures below follow from the labels alone.
    static func uninformativeModel() throws -> String {
        let base = InferenceModel.default
        var definitions = base.tree.definitions
        for index in definitions.indices {
            if definitions[index].parent == nil {
                definitions[index].prior = [0.55, 0.3, 0.15]
            } else {
                let width = definitions[index].states.count
                definitions[index].cpt = definitions[index].cpt.map { _ in
                    [Double](repeating: 1 / Double(width), count: width)
                }
            }
        }
        let model = try InferenceModel(
            tree: BayesianTree(nodes: definitions),
            discretisations: base.discretisations,
            markov: base.markov,
            thresholds: base.thresholds
        )
        return try ModelWriter.text(for: model)
    }

    @Test func evaluatesLabelledFilesEndToEnd() async throws {
        let labels = """
            register.sip#1                  Normal      none
            call-id:a84b4c76e66710          Normal
            source:198.51.100.7             Suspicious  scanning
            crafted.sip#1                   Crafted     malformed
            nowhere.sip#1                   Normal
            """
        let folder = try LearningFixtures.requests(plus: [
            "labels.txt": labels, "flat.model": try Self.uninformativeModel(),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = Mutex<[String]>([])
        let errors = Mutex<[String]>([])
        let status = await EvaluateCommandRunner(
            inputs: LearningFixtures.inputs(folder),
            tracesFolder: nil,
            labelsPath: folder + "/labels.txt",
            modelPath: folder + "/flat.model",
            json: true,
            investigationPath: nil
        ).run(
            print: { line in output.withLock { $0.append(line) } },
            printError: { line in errors.withLock { $0.append(line) } }
        )
        #expect(status == 0)
        #expect(errors.withLock { $0 }.contains { $0.contains("labels.txt:5 (nowhere.sip#1)") })
        let lines = output.withLock { $0 }
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: Any]])
        #expect(messages.map { $0["truth"] as? String } == ["Suspicious", "Normal", "Normal", "Crafted"])
        #expect(messages.allSatisfy { $0["predicted"] as? String == "Normal" })

        let nature = try #require(object["nature"] as? [String: Any])
        #expect(nature["confusion"] as? [[Int]] == [[2, 0, 0], [1, 0, 0], [1, 0, 0]])
        #expect(nature["accuracy"] as? Double == 0.5)
        let macroF1 = try #require(nature["macroF1"] as? Double)
        #expect(abs(macroF1 - 2.0 / 9) < 1e-9)  // Normal: precision 0.5, recall 1, F1 2/3; the others 0.
        // Brier: Normal (0.45² + 0.3² + 0.15²) = 0.315 twice, Suspicious 0.815, Crafted 1.115: mean 0.64.
        let brier = try #require(nature["brierScore"] as? Double)
        #expect(abs(brier - 0.64) < 1e-9)
        let reliability = try #require(nature["reliability"] as? [[String: Any]])
        #expect(reliability.map { $0["count"] as? Int } == [0, 0, 0, 0, 0, 4, 0, 0, 0, 0])
        #expect(reliability[5]["accuracy"] as? Double == 0.5)

        let attacks = try #require(object["attackTypes"] as? [String: Any])
        #expect(attacks["count"] as? Int == 3)
        let perType = try #require(attacks["perType"] as? [[String: Any]])
        let scanning = try #require(perType.first { $0["type"] as? String == "scanning" })
        #expect(scanning["fn"] as? Int == 1)
        #expect(scanning["tp"] as? Int == 0)
    }
}
