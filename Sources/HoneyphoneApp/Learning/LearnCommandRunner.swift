import Foundation
import Inference

/// `honeyphone learn --labels FILE [--model BASE] [--alpha A] [--output OUT] [--traces DATA_FOLDER] INPUTS...`:
/// estimates a model's CPTs and Nature prior from labelled requests and writes the model text.
///
/// The inputs are read and analysed exactly as `classify` does (``LabelledAnalysis``; passive offline
/// investigation unless `--investigation` allows more). Each labelled request becomes a ``LabelledCase`` (its
/// ``Observation`` and its label; `-` leaves Nature hidden for EM) and ``Learning/learnModel(from:base:alpha:tolerance:maximumIterations:)``
/// estimates the tables from `BASE` (default: the built-in model), keeping its intervals, thresholds and Markov
/// chain. A table whose node no case observed (offline passive analysis never sees `To` or `Dispersion`, for
/// instance) is kept from `BASE` rather than left to drift toward uniform
/// (``LearningReplay/keepingUnobservedTables(_:base:observed:)``). Requests no label selects are skipped. The model text (``ModelWriter``) goes to `OUT` (written whole, then
/// renamed into place) or standard output; a summary goes to standard error: cases used, unlabelled requests
/// skipped, label lines that matched nothing, and per EM stage the iterations and the log-likelihood before and
/// after (``LearningReplay``).
///
/// Exit status: 0 model written; 65 an input is neither SIP nor a capture, or no request is labelled; 66 an input,
/// the labels, the model or the settings cannot be read; 73 the output cannot be written; 78 invalid labels (printed
/// as `FILE:LINE:COLUMN: code: message`), model or settings, or a base model learning cannot use.
public struct LearnCommandRunner: Sendable {
    public var inputs: [String]
    public var tracesFolder: String?
    public var labelsPath: String
    public var modelPath: String?
    public var alpha: Double
    public var outputPath: String?
    public var investigationPath: String?
    /// EM stops when the objective rises by less than this.
    public var tolerance: Double = 1e-6
    /// EM runs at most this many iterations per stage.
    public var maximumIterations: Int = 100

    /// A runner.
    public init(
        inputs: [String],
        tracesFolder: String?,
        labelsPath: String,
        modelPath: String?,
        alpha: Double = 1,
        outputPath: String?,
        investigationPath: String?
    ) {
        self.inputs = inputs
        self.tracesFolder = tracesFolder
        self.labelsPath = labelsPath
        self.modelPath = modelPath
        self.alpha = alpha
        self.outputPath = outputPath
        self.investigationPath = investigationPath
    }

    /// Runs; `print` receives the model text when there is no output file, `printError` the summary and errors.
    /// Returns the exit status.
    public func run(
        print: @escaping @Sendable (String) -> Void,
        printError: @escaping @Sendable (String) -> Void
    ) async -> Int32 {
        do {
            // The model named on the command line, else the one the settings name, else the built-in one.
            var modelPath = self.modelPath
            if modelPath == nil { modelPath = try AnalysisToolkit.settings(path: self.investigationPath).modelPath }
            let base = try AnalysisToolkit.model(path: modelPath)
            let labels = try LabelledAnalysis.labels(
                path: self.labelsPath,
                classes: base.tree.states(of: base.tree.root)
            )
            let analysis = try await LabelledAnalysis.run(
                labels: labels,
                inputs: self.inputs,
                tracesFolder: self.tracesFolder,
                investigationPath: self.investigationPath,
                modelPath: modelPath
            )
            if let line = analysis.unmatchedLine(labelsPath: self.labelsPath) { printError(line) }
            guard !analysis.records.isEmpty else {
                printError("honeyphone: no request is labelled (\(analysis.unlabelled) unlabelled); nothing to learn")
                return 65
            }
            let cases = analysis.labelledCases
            let learned: InferenceModel
            let replay: LearningReplay
            let kept: [String]
            let text: String
            do {
                let estimated = try Learning.learnModel(
                    from: cases,
                    base: base,
                    alpha: self.alpha,
                    tolerance: self.tolerance,
                    maximumIterations: self.maximumIterations
                )
                replay = try LearningReplay.replay(
                    cases,
                    base: base,
                    alpha: self.alpha,
                    tolerance: self.tolerance,
                    maximumIterations: self.maximumIterations
                )
                (learned, kept) = try LearningReplay.keepingUnobservedTables(
                    estimated,
                    base: base,
                    observed: replay.observedNodes
                )
                text = try ModelWriter.text(for: learned)
            } catch {
                printError("honeyphone: \(modelPath ?? "default model"): cannot learn: \(error)")
                return 78
            }
            if let outputPath = self.outputPath, outputPath != "-" {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
                } catch {
                    printError("honeyphone: \(outputPath): cannot write: \(error)")
                    return 73
                }
            } else {
                print(text)
            }
            let summary = Self.summary(cases: cases, analysis: analysis, replay: replay, learned: learned, kept: kept)
            for line in summary {
                printError(line)
            }
            return 0
        } catch {
            printError("honeyphone: \(error)")
            return error.exitStatus
        }
    }

    /// The summary lines.
    static func summary(
        cases: [LabelledCase],
        analysis: LabelledAnalysis,
        replay: LearningReplay,
        learned: InferenceModel,
        kept: [String]
    ) -> [String] {
        let hidden = cases.filter { $0.nature == nil }.count
        var lines = [
            "learned from \(cases.count) labelled request(s) (\(cases.count - hidden) with a Nature label, \(hidden) "
                + "hidden), \(analysis.unlabelled) unlabelled skipped, \(analysis.skipped) payload(s) skipped"
        ]
        if let hosts = replay.hosts {
            lines.append("hosts: \(replay.hostCases) case(s), " + Self.describe(hosts))
        }
        lines.append("requests: \(cases.count) case(s), " + Self.describe(replay.requests))
        if !kept.isEmpty {
            lines.append("kept from the base model (no evidence in any case): " + kept.joined(separator: ", "))
        }
        let tree = learned.tree
        let prior = zip(tree.states(of: tree.root), tree.prior).map { "\($0) \(Self.format($1))" }
        lines.append("prior \(tree.name(of: tree.root)): " + prior.joined(separator: ", "))
        return lines
    }

    static func describe(_ result: Learning.EMResult) -> String {
        let first = result.logLikelihoods.first.map(Self.format) ?? "-"
        let last = result.logLikelihoods.last.map(Self.format) ?? "-"
        let start = result.objectives.first.map(Self.format) ?? "-"
        let end = result.objectives.last.map(Self.format) ?? "-"
        let objective = "\(start) -> \(end)"
        return "EM \(result.iterations) iteration(s), \(result.converged ? "converged" : "iteration cap reached"), "
            + "log-likelihood \(first) -> \(last), log posterior (EM's objective) \(objective)"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
