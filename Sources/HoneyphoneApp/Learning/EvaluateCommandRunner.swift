import Foundation
import Inference

/// `honeyphone evaluate --labels FILE [--model M] [--json] [--traces DATA_FOLDER] INPUTS...`: scores the verdicts of
/// model `M` (default: the built-in model) and the attack labeller's labels against a labels file.
///
/// The inputs are read and analysed exactly as `classify` does (``LabelledAnalysis``). Output (``EvaluationReport``):
/// one line per labelled request (truth, prediction, belief; labelled and predicted attack types), then for Nature
/// the confusion matrix (rows truth, columns predicted), per-class precision/recall/F1, macro-F1, accuracy, the Brier
/// score and a 10-bin reliability table of the top belief; then per attack type TP/FP/FN, precision, recall and F1
/// over the requests whose label gives attack types, and their macro-F1 over the types labelled or predicted.
/// `--json` prints the same as one JSON object. Label lines that matched nothing are reported on standard error.
///
/// Exit status: 0 printed; 65 an input is neither SIP nor a capture, or no request is labelled; 66 an input, the
/// labels, the model or the settings cannot be read; 78 invalid labels (printed as `FILE:LINE:COLUMN: code:
/// message`), model or settings.
public struct EvaluateCommandRunner: Sendable {
    public var inputs: [String]
    public var tracesFolder: String?
    public var labelsPath: String
    public var modelPath: String?
    public var json: Bool
    public var investigationPath: String?

    /// A runner.
    public init(
        inputs: [String],
        tracesFolder: String?,
        labelsPath: String,
        modelPath: String?,
        json: Bool,
        investigationPath: String?
    ) {
        self.inputs = inputs
        self.tracesFolder = tracesFolder
        self.labelsPath = labelsPath
        self.modelPath = modelPath
        self.json = json
        self.investigationPath = investigationPath
    }

    /// Runs; `print` receives the report, `printError` warnings and errors. Returns the exit status.
    public func run(
        print: @escaping @Sendable (String) -> Void,
        printError: @escaping @Sendable (String) -> Void
    ) async -> Int32 {
        do {
            // The model named on the command line, else the one the settings name, else the built-in one.
            var modelPath = self.modelPath
            if modelPath == nil { modelPath = try AnalysisToolkit.settings(path: self.investigationPath).modelPath }
            let model = try AnalysisToolkit.model(path: modelPath)
            let classes = model.tree.states(of: model.tree.root)
            let labels = try LabelledAnalysis.labels(path: self.labelsPath, classes: classes)
            let analysis = try await LabelledAnalysis.run(
                labels: labels,
                inputs: self.inputs,
                tracesFolder: self.tracesFolder,
                investigationPath: self.investigationPath,
                modelPath: modelPath
            )
            if let line = analysis.unmatchedLine(labelsPath: self.labelsPath) { printError(line) }
            guard !analysis.records.isEmpty else {
                printError(
                    "honeyphone: no request is labelled (\(analysis.unlabelled) unlabelled); nothing to evaluate"
                )
                return 65
            }
            let report = EvaluationReport(analysis, classes: classes)
            if self.json {
                print(report.json())
            } else {
                for line in report.textLines() { print(line) }
            }
            return 0
        } catch {
            printError("honeyphone: \(error)")
            return error.exitStatus
        }
    }
}
