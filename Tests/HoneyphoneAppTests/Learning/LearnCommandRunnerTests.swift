import Foundation
import Inference
import Synchronization
import Testing

@testable import HoneyphoneApp

@Suite struct LearnCommandRunnerTests {
    static let labels = """
        # two Normal, one Suspicious, one Crafted; every selector kind
        scan.sip#1                              Suspicious  scanning
        call-id:843817637684230@998sdasdh09     Normal      none
        source:192.0.2.20                       Normal
        crafted.sip#1                           Crafted     malformed
        """

    /// Runs `learn` over the four fixtures; returns the status, the model text and the summary lines.
    static func learn(alpha: Double, labels: String = Self.labels) async throws -> (Int32, String, [String]) {
        let folder = try LearningFixtures.requests(plus: ["labels.txt": labels])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/learned.model"
        let errors = Mutex<[String]>([])
        let status = await LearnCommandRunner(
            inputs: LearningFixtures.inputs(folder),
            tracesFolder: nil,
            labelsPath: folder + "/labels.txt",
            modelPath: nil,
            alpha: alpha,
            outputPath: output,
            investigationPath: nil
        ).run(print: { _ in }, printError: { line in errors.withLock { $0.append(line) } })
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return (status, text, errors.withLock { $0 })
    }

    static func table(_ model: InferenceModel, _ name: String) throws -> [[Double]] {
        let index = try #require(model.tree.index(of: name))
        return model.tree.definitions[index].cpt
    }

    @Test func learnsAModelThatParsesBackAndMovesOnlyWhereThereIsEvidence() async throws {
        let (status, text, summary) = try await Self.learn(alpha: 1)
        #expect(status == 0)
        let learned = try ModelParser.parse(text)
        let base = InferenceModel.default
        #expect(throws: Never.self) { try VerdictEngine(model: learned) }

        // The prior counts the labels with α = 1: (2 + 1, 1 + 1, 1 + 1) / 7.
        let prior = learned.tree.prior
        #expect(abs(prior[0] - 3.0 / 7) < 1e-12 && abs(prior[1] - 2.0 / 7) < 1e-12 && abs(prior[2] - 2.0 / 7) < 1e-12)

        // Anomalies (None, Warnings, Errors, ToolShaped) is observed in every case: the two Normal requests are
        // clean, the scan tool-shaped, the crafted one has parser errors: ((n_ij + 1) / (n_i + 4)).
        let anomalies = try Self.table(learned, "Anomalies")
        #expect(anomalies != (try Self.table(base, "Anomalies")))
        let expected: [[Double]] = [
            [3.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6], [0.2, 0.2, 0.2, 0.4], [0.2, 0.2, 0.4, 0.2],
        ]
        for (row, want) in zip(anomalies, expected) {
            for (value, target) in zip(row, want) { #expect(abs(value - target) < 1e-9) }
        }

        // Offline passive analysis never observes To, Dispersion, WHOIS, AS, GL, HasPort or DNS: their tables stay.
        for name in ["To", "Dispersion", "WHOIS", "AS", "GL", "HasPort", "DNS"] {
            #expect(try Self.table(learned, name) == (try Self.table(base, name)), "\(name)")
        }
        // The chain, the intervals and the thresholds are the base's.
        #expect(learned.markov == base.markov)
        #expect(learned.discretisations == base.discretisations)
        #expect(learned.thresholds == base.thresholds)

        #expect(
            summary.contains { $0.hasPrefix("learned from 4 labelled request(s) (4 with a Nature label, 0 hidden)") }
        )
        #expect(summary.contains { $0.hasPrefix("requests: 4 case(s), EM ") && $0.contains("log-likelihood") })
        #expect(summary.contains { $0.contains("kept from the base model") && $0.contains("To, Dispersion") })
    }

    @Test func withoutPseudoCountsThePriorIsTheLabelFrequency() async throws {
        let (status, text, _) = try await Self.learn(alpha: 0)
        #expect(status == 0)
        let learned = try ModelParser.parse(text)
        #expect(learned.tree.prior == [0.5, 0.25, 0.25])
    }

    @Test func theReplayedFiguresDescribeTheModelLearned() throws {
        // Observations as the engine sees them: tool-shaped, clean and broken requests from one host each.
        func observation(_ anomalies: AnomalySummary, sightings: Int) -> Observation {
            Observation(
                toIsOurs: nil,
                hopCounts: [nil],
                hosts: [HostObservation(host: "192.0.2.\(sightings)", sightings: sightings)],
                anomalies: anomalies
            )
        }
        let cases = [
            LabelledCase(observation: observation(AnomalySummary(), sightings: 0), nature: "Normal"),
            LabelledCase(
                observation: observation(AnomalySummary(toolShaped: true), sightings: 3),
                nature: "Suspicious"
            ),
            LabelledCase(observation: observation(AnomalySummary(errors: 2), sightings: 1), nature: "Crafted"),
            LabelledCase(observation: observation(AnomalySummary(warnings: 1), sightings: 0), nature: nil),
        ]
        let base = InferenceModel.default
        let learned = try Learning.learnModel(from: cases, base: base, alpha: 1)
        let replay = try LearningReplay.replay(cases, base: base, alpha: 1, tolerance: 1e-6, maximumIterations: 100)
        for name in ["Anomalies", "Trust"] {
            let index = try #require(learned.tree.index(of: name))
            let replayed = try #require(replay.requests.tree.index(of: name))
            #expect(learned.tree.definitions[index].cpt == replay.requests.tree.definitions[replayed].cpt)
        }
        #expect(learned.tree.prior == replay.requests.tree.prior)
        let host = try #require(replay.hosts)
        let historical = try #require(host.tree.index(of: "Historical"))
        #expect(try Self.table(learned, "Historical") == host.tree.definitions[historical].cpt)
        #expect(replay.hostCases == 4)
        #expect(replay.observedNodes.isSuperset(of: ["Anomalies", "Trust", "Historical"]))
        #expect(!replay.observedNodes.contains("To"))
    }

    @Test func refusesWhenNoRequestIsLabelled() async throws {
        let (status, text, summary) = try await Self.learn(alpha: 1, labels: "elsewhere.sip#1 Normal\n")
        #expect(status == 65)
        #expect(text.isEmpty)
        #expect(summary.contains { $0.contains("labels.txt:1 (elsewhere.sip#1)") })
    }

    @Test func reportsABadLabelsFileWithItsPosition() async throws {
        let (status, _, summary) = try await Self.learn(alpha: 1, labels: "scan.sip#1 Normal\nscan.sip#2 Evil\n")
        #expect(status == 78)
        #expect(summary.contains { $0.contains("labels.txt:2:12: unknown-label: ") })
    }
}
