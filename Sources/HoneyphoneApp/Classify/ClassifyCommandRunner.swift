import Foundation
import Inference
import Recon
import SIPCore

/// `honeyphone classify FILE.sip|FILE.pcap|--traces DATA_FOLDER [--json] [--investigation FILE] [--model FILE]`:
/// parses, investigates offline (passive unless the settings allow more), runs the verdict and the attack
/// labeller (in capture order), and prints each request's verdict with its explanation.
///
/// Text output, per request: a header line `INPUT#INDEX METHOD from SOURCE call-id CALL-ID`, then the verdict,
/// belief, prior, fused λ, the λ message of each evidence, the trust chain host by host, and the source's
/// attack labels. JSON output: one object per line with `input`, `index`, `method`, `source`, `callID`, `alert`,
/// `verdict` (the explanation: states, belief, winner, prior, lambda, evidence, trustChain) and `attacks`.
/// A last line counts the requests, alerts and skipped payloads.
///
/// Exit status: 0 done; 65 an input is not SIP nor a capture; 66 an input cannot be read; 78 invalid settings
/// or model.
public struct ClassifyCommandRunner: Sendable {
    public var inputs: [String]
    public var tracesFolder: String?
    public var json: Bool
    public var investigationPath: String?
    public var modelPath: String?

    /// A runner.
    public init(inputs: [String], tracesFolder: String?, json: Bool, investigationPath: String?, modelPath: String?) {
        self.inputs = inputs
        self.tracesFolder = tracesFolder
        self.json = json
        self.investigationPath = investigationPath
        self.modelPath = modelPath
    }

    /// Runs; `print` receives the output. Returns the exit status.
    public func run(print: @escaping @Sendable (String) -> Void) async -> Int32 {
        do {
            let (messages, skipped) = try await Self.loadAll(inputs: self.inputs, tracesFolder: self.tracesFolder)
            let analyzer = try await Self.analyzer(investigationPath: self.investigationPath, modelPath: self.modelPath)
            var alerts = 0
            let origin = messages.compactMap(\.timestamp).min() ?? 0
            for input in messages {
                let analysis = await analyzer.analyse(
                    input.message,
                    source: input.source,
                    target: input.target,
                    time: Self.time(input, origin: origin)
                )
                if analysis.alert { alerts += 1 }
                print(self.json ? Self.jsonLine(input, analysis) : Self.textBlock(input, analysis))
            }
            await analyzer.toolkit.shutdown()
            let summary = "classified \(messages.count) request(s), \(alerts) alert(s), \(skipped) skipped"
            print(self.json ? "{\"summary\":" + ReportRenderer.jsonString(summary) + "}" : summary)
            return 0
        } catch {
            print("honeyphone: \(error)")
            return error.exitStatus
        }
    }

    /// The analyzer for offline work: the settings' sources, no honeypot URIs (`To` unknown), the model's engine.
    static func analyzer(investigationPath: String?, modelPath: String?) async throws(AnalysisError) -> MessageAnalyzer
    {
        var settings = try AnalysisToolkit.settings(path: investigationPath)
        if let modelPath { settings.modelPath = modelPath }
        return MessageAnalyzer(toolkit: try await AnalysisToolkit.make(settings: settings, ours: OurURIs([])))
    }

    /// Every input's requests, in order.
    static func loadAll(
        inputs: [String],
        tracesFolder: String?
    ) async throws(AnalysisError) -> (
        [InputMessage], Int
    ) {
        var messages: [InputMessage] = []
        var skipped = 0
        for path in inputs {
            let loaded = try AnalysisInput.load(path: path)
            messages += loaded.messages
            skipped += loaded.skipped
        }
        if let tracesFolder {
            let loaded = try await AnalysisInput.loadTraces(folder: tracesFolder)
            messages += loaded.messages
            skipped += loaded.skipped
        }
        return (messages, skipped)
    }

    /// The labeller's time: since the earliest capture time, else one second per message.
    static func time(_ input: InputMessage, origin: Int64) -> Duration {
        if let timestamp = input.timestamp { return .nanoseconds(max(0, timestamp - origin)) }
        return .seconds(input.index)
    }

    static func header(_ input: InputMessage) -> String {
        let name = ReportRenderer.escapeText((input.origin as NSString).lastPathComponent)
        let method = ReportRenderer.escapeText(input.message.method?.rawValue ?? "?")
        let callID = ReportRenderer.escapeText(input.message.callID ?? "-")
        return "\(name)#\(input.index) \(method) from \(ReportRenderer.escapeText(input.source)) call-id \(callID)"
    }

    static func textBlock(_ input: InputMessage, _ analysis: MessageAnalysis) -> String {
        ([Self.header(input) + (analysis.alert ? "  ALERT" : "")]
            + VerdictRenderer.textLines(analysis.verdict, labels: analysis.labels)).joined(separator: "\n")
    }

    static func jsonLine(_ input: InputMessage, _ analysis: MessageAnalysis) -> String {
        "{\"input\":" + ReportRenderer.jsonString(input.origin) + ",\"index\":\(input.index),\"method\":"
            + ReportRenderer.jsonString(input.message.method?.rawValue ?? "") + ",\"source\":"
            + ReportRenderer.jsonString(input.source) + ",\"callID\":"
            + (input.message.callID.map(ReportRenderer.jsonString) ?? "null") + ",\"alert\":\(analysis.alert)"
            + ",\"verdict\":" + VerdictRenderer.explanationJSON(analysis.verdict) + ",\"attacks\":"
            + VerdictRenderer.labelsJSON(analysis.labels) + ",\"investigation\":" + analysis.investigationJSON + "}"
    }
}
