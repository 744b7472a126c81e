public import Inference
import Recon

/// Prints a ``Verdict`` with its explanation (prior, λ per evidence, trust chain, belief) and the source's
/// attack labels, as text lines or as JSON. Host names are attacker text: escaped in both forms.
public enum VerdictRenderer {
    /// The explanation as one JSON object: `states`, `belief`, `winner`, `prior`, `lambda`, `flagged`,
    /// `conflicts`, `evidence` (node, observed state, λ vector), `trustSummary` and `trustChain` (host,
    /// pre-belief, λ, posterior, evidence).
    public static func explanationJSON(_ verdict: Verdict) -> String {
        var parts = [
            "\"states\":" + Self.strings(verdict.states),
            "\"belief\":" + Self.numbers(verdict.belief),
            "\"winner\":" + ReportRenderer.jsonString(verdict.winnerName),
            "\"prior\":" + Self.numbers(verdict.prior),
            "\"lambda\":" + Self.numbers(verdict.lambda),
            "\"flagged\":" + Self.strings(verdict.flagged),
            "\"conflicts\":" + Self.strings(verdict.conflicts),
            "\"evidence\":" + Self.messages(verdict.messages),
        ]
        parts.append("\"trustSummary\":" + (verdict.trustSummary.map(Self.numbers) ?? "null"))
        let chain = verdict.trustChain.map { step in
            "{\"host\":" + ReportRenderer.jsonString(step.host) + ",\"preBelief\":" + Self.numbers(step.preBelief)
                + ",\"lambda\":" + Self.numbers(step.lambda) + ",\"posterior\":" + Self.numbers(step.posterior)
                + ",\"evidence\":" + Self.messages(step.messages) + "}"
        }
        parts.append("\"trustChain\":[" + chain.joined(separator: ",") + "]")
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// Attack labels as a JSON array of `{kind, confidence, evidence: [{name, value, threshold}]}`.
    public static func labelsJSON(_ labels: [AttackLabel]) -> String {
        let items = labels.map { label in
            let metrics = label.evidence.map {
                "{\"name\":" + ReportRenderer.jsonString($0.name) + ",\"value\":" + Self.number($0.value)
                    + ",\"threshold\":" + Self.number($0.threshold) + "}"
            }
            return "{\"kind\":" + ReportRenderer.jsonString(label.kind.rawValue) + ",\"confidence\":"
                + Self.number(label.confidence) + ",\"evidence\":[" + metrics.joined(separator: ",") + "]}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    /// The explanation as indented text lines.
    public static func textLines(_ verdict: Verdict, labels: [AttackLabel]) -> [String] {
        func vector(_ values: [Double], _ names: [String]) -> String {
            zip(names, values).map { "\($0) \(Self.fixed($1))" }.joined(separator: "  ")
        }
        let states = verdict.states
        var lines = [
            "  verdict: \(verdict.winnerName) \(Self.fixed(verdict.belief[verdict.winner]))"
                + (verdict.flagged.isEmpty ? "" : "  flagged: " + verdict.flagged.joined(separator: ",")),
            "  belief:  " + vector(verdict.belief, states),
            "  prior:   " + vector(verdict.prior, states),
            "  lambda:  " + vector(verdict.lambda, states),
        ]
        for message in verdict.messages {
            let observed =
                message.observedState.map { "=\($0)" } ?? (message.node == "Trust" ? " (soft)" : " (unknown)")
            lines.append("    λ \(message.node)\(observed): " + vector(message.vector, states))
        }
        for step in verdict.trustChain {
            let trust = ["Trusted", "Distrusted"]
            lines.append(
                "    trust \(ReportRenderer.escapeText(step.host)): pre " + vector(step.preBelief, trust) + " → post "
                    + vector(step.posterior, trust)
            )
            let observed = step.messages.compactMap { m in m.observedState.map { "\(m.node)=\($0)" } }
            if !observed.isEmpty { lines.append("      evidence: " + observed.joined(separator: " ")) }
        }
        if !labels.isEmpty {
            lines.append(
                "  attacks: "
                    + labels.map { "\($0.kind.rawValue) \(Self.fixed($0.confidence))" }.joined(separator: ", ")
            )
        }
        return lines
    }

    static func messages(_ messages: [EvidenceMessage]) -> String {
        "["
            + messages.map {
                "{\"node\":" + ReportRenderer.jsonString($0.node) + ",\"observed\":"
                    + ($0.observedState.map(ReportRenderer.jsonString) ?? "null") + ",\"lambda\":"
                    + Self.numbers($0.vector) + "}"
            }.joined(separator: ",") + "]"
    }

    static func strings(_ values: [String]) -> String {
        "[" + values.map(ReportRenderer.jsonString).joined(separator: ",") + "]"
    }

    static func numbers(_ values: [Double]) -> String {
        "[" + values.map(Self.number).joined(separator: ",") + "]"
    }

    /// A JSON number (non-finite values, which the engine never produces, become 0).
    static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "0" }

    /// Three decimals.
    static func fixed(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let scaled = Int((value * 1000).rounded())
        let whole = scaled / 1000
        let fraction = abs(scaled % 1000)
        return "\(whole)." + String(repeating: "0", count: 3 - String(fraction).count) + "\(fraction)"
    }
}
