import Foundation
public import Inference

/// The part `learn` and `evaluate` share: read the labels and the inputs exactly as `classify` does, analyse every
/// request in order (passive offline investigation unless the settings allow more), and pair each labelled one with
/// its label.
///
/// Every request is analysed, labelled or not, because the attack labeller and the sightings history depend on the
/// whole sequence: a labelled request is seen exactly as `classify` would see it in the same inputs.
public struct LabelledAnalysis: Sendable {
    /// One labelled request.
    public struct Record: Sendable {
        /// The request and where it came from.
        public var input: InputMessage
        /// Its analysis (observation, verdict under the analysis' model, the source's attack labels).
        public var analysis: MessageAnalysis
        /// Its label.
        public var label: LabelsFile.Entry
    }

    /// The labelled requests, in input order.
    public var records: [Record]
    /// Requests no label selects.
    public var unlabelled: Int
    /// Payloads skipped while reading (responses, unparsable).
    public var skipped: Int
    /// Label lines that selected no request (typos are likely), in file order.
    public var unmatched: [LabelsFile.Entry]

    /// The labelled cases for ``Learning/learnModel(from:base:alpha:tolerance:maximumIterations:)``.
    public var labelledCases: [LabelledCase] {
        self.records.map {
            LabelledCase(
                observation: $0.analysis.observation,
                nature: $0.label.nature,
                attackTypes: $0.label.attackTypes
            )
        }
    }

    /// Reads the labels file at `path`, accepting the root states `classes`.
    public static func labels(path: String, classes: [String]) throws(AnalysisError) -> LabelsFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path, error)
        }
        do {
            return try LabelsFile.parse(data, fileName: path, classes: classes)
        } catch {
            throw .invalidSettings(error.description)
        }
    }

    /// Analyses `inputs` and `tracesFolder` with the settings at `investigationPath` and the model at `modelPath`.
    public static func run(
        labels: LabelsFile,
        inputs: [String],
        tracesFolder: String?,
        investigationPath: String?,
        modelPath: String?
    ) async throws(AnalysisError) -> LabelledAnalysis {
        let (messages, skipped) = try await ClassifyCommandRunner.loadAll(inputs: inputs, tracesFolder: tracesFolder)
        let analyzer = try await ClassifyCommandRunner.analyzer(
            investigationPath: investigationPath,
            modelPath: modelPath
        )
        let origin = messages.compactMap(\.timestamp).min() ?? 0
        var records: [Record] = []
        var unlabelled = 0
        var used = [Bool](repeating: false, count: labels.entries.count)
        for input in messages {
            let analysis = await analyzer.analyse(
                input.message,
                source: input.source,
                target: input.target,
                time: ClassifyCommandRunner.time(input, origin: origin)
            )
            guard let index = labels.entryIndex(for: input) else {
                unlabelled += 1
                continue
            }
            used[index] = true
            records.append(Record(input: input, analysis: analysis, label: labels.entries[index]))
        }
        await analyzer.toolkit.shutdown()
        let unmatched = zip(labels.entries, used).filter { !$0.1 }.map(\.0)
        return LabelledAnalysis(records: records, unlabelled: unlabelled, skipped: skipped, unmatched: unmatched)
    }

    /// One stderr line listing label lines that matched nothing (at most 10 named), or `nil` when all matched.
    public func unmatchedLine(labelsPath: String) -> String? {
        guard !self.unmatched.isEmpty else { return nil }
        let named = self.unmatched.prefix(10).map {
            "\(labelsPath):\($0.line) (\(LabelsFile.Parser.quoted($0.selector.description)))"
        }
        let more = self.unmatched.count > 10 ? ", and \(self.unmatched.count - 10) more" : ""
        return "honeyphone: \(self.unmatched.count) label line(s) matched no request: "
            + named.joined(separator: ", ") + more
    }
}
