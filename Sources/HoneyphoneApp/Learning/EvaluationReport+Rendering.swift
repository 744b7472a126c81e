import Foundation
import Inference
import Recon
import Reporting

extension EvaluationReport {
    /// The text form: one line per labelled request, then the Nature scores and the attack-type scores.
    /// Attacker text (sources, Call-IDs, methods) is escaped.
    public func textLines() -> [String] {
        var lines = self.items.map(self.itemLine)
        let nature = self.nature
        lines.append(
            "Nature: \(nature.count) request(s) scored, \(self.unlabelled) unlabelled skipped, "
                + "\(self.skipped) payload(s) skipped"
        )
        let width = max(17, (self.classes.map(\.count).max() ?? 0) + 2)
        lines.append("confusion matrix (rows truth, columns predicted):")
        lines.append(
            "  " + Self.left("truth \\ predicted", width)
                + self.classes.map { Self.right($0, max(8, $0.count + 2)) }.joined()
        )
        for (row, name) in self.classes.enumerated() {
            let cells = self.classes.indices.map { column in
                Self.right(String(nature.confusion[row][column]), max(8, self.classes[column].count + 2))
            }
            lines.append("  " + Self.left(name, width) + cells.joined())
        }
        lines.append("  " + Self.left("class", width) + "precision  recall      F1  support")
        for (index, name) in self.classes.enumerated() {
            let support = nature.confusion[index].reduce(0, +)
            lines.append(
                "  " + Self.left(name, width) + Self.right(Self.number(nature.precision(of: index)), 9)
                    + Self.right(Self.number(nature.recall(of: index)), 8)
                    + Self.right(Self.number(nature.f1(of: index)), 8) + Self.right(String(support), 9)
            )
        }
        lines.append(
            "macro-F1 \(Self.number(nature.macroF1))  accuracy \(Self.number(nature.accuracy))  "
                + "Brier \(Self.number(nature.brierScore))"
        )
        lines.append("reliability (top belief, \(Self.reliabilityBins) bins):")
        lines.append("  bin          count  confidence  accuracy")
        for bin in nature.reliability(bins: Self.reliabilityBins) {
            let bounds = "[\(Self.short(bin.lower)), \(Self.short(bin.upper))\(bin.upper >= 1 ? "]" : ")")"
            let empty = bin.count == 0
            lines.append(
                "  " + Self.left(bounds, 12) + Self.right(String(bin.count), 6)
                    + Self.right(empty ? "-" : Self.number(bin.meanConfidence), 12)
                    + Self.right(empty ? "-" : Self.number(bin.accuracy), 10)
            )
        }
        let attacks = self.attacks
        lines.append("attack types: \(attacks.count) request(s) scored")
        lines.append("  type                     TP    FP    FN  precision  recall      F1")
        for kind in AttackLabel.Kind.allCases {
            let counts = attacks.counts(of: kind)
            lines.append(
                "  " + Self.left(kind.rawValue, 22) + Self.right(String(counts.truePositives), 5)
                    + Self.right(String(counts.falsePositives), 6) + Self.right(String(counts.falseNegatives), 6)
                    + Self.right(Self.number(counts.precision), 11) + Self.right(Self.number(counts.recall), 8)
                    + Self.right(Self.number(counts.f1), 8)
            )
        }
        lines.append("attack types macro-F1 (over types labelled or predicted) \(Self.number(attacks.macroF1))")
        return lines
    }

    func itemLine(_ item: Item) -> String {
        let name = ReportRenderer.escapeText((item.origin as NSString).lastPathComponent)
        var line =
            "\(name)#\(item.index) \(ReportRenderer.escapeText(item.method)) from "
            + "\(ReportRenderer.escapeText(item.source)) call-id \(ReportRenderer.escapeText(item.callID ?? "-")): "
        let belief = zip(self.classes, item.belief).map { "\($0) \(Self.number($1))" }.joined(separator: ", ")
        if let truth = item.truth {
            line +=
                "truth \(truth), predicted \(item.predicted) (\(belief)) \(truth == item.predicted ? "ok" : "WRONG")"
        } else {
            line += "truth -, predicted \(item.predicted) (\(belief))"
        }
        let predicted = Self.kinds(item.attackPredicted)
        if let truth = item.attackTruth {
            let right = Set(truth) == Set(item.attackPredicted)
            line += "; attacks truth \(Self.kinds(truth)), predicted \(predicted) \(right ? "ok" : "WRONG")"
        } else {
            line += "; attacks predicted \(predicted)"
        }
        return line
    }

    /// The JSON form, one object: `classes`, `messages` (per labelled request: `input`, `index`, `method`, `source`,
    /// `callID`, `truth`, `predicted`, `belief`, `attackTruth`, `attackPredicted`), `nature` (`count`, `confusion`
    /// with rows truth and columns predicted, `perClass` with `class`, `precision`, `recall`, `f1`, `support`,
    /// `macroF1`, `accuracy`, `brierScore`, `reliability` with `lower`, `upper`, `count`, `meanConfidence`,
    /// `accuracy`), `attackTypes` (`count`, `perType` with `type`, `tp`, `fp`, `fn`, `precision`, `recall`, `f1`,
    /// `macroF1`), `unlabelled` and `skipped`.
    public func json() -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("classes")
        Self.strings(self.classes, into: &writer)
        writer.key("messages")
        writer.beginArray()
        for item in self.items {
            writer.beginObject()
            writer.field("input", item.origin)
            writer.field("index", item.index)
            writer.field("method", item.method)
            writer.field("source", item.source)
            writer.field("callID", item.callID)
            writer.field("truth", item.truth)
            writer.field("predicted", item.predicted)
            writer.key("belief")
            Self.numbers(item.belief, into: &writer)
            writer.key("attackTruth")
            if let truth = item.attackTruth {
                Self.strings(truth.map(\.rawValue), into: &writer)
            } else {
                writer.null()
            }
            writer.key("attackPredicted")
            Self.strings(item.attackPredicted.map(\.rawValue), into: &writer)
            writer.endObject()
        }
        writer.endArray()
        self.natureJSON(into: &writer)
        self.attacksJSON(into: &writer)
        writer.field("unlabelled", self.unlabelled)
        writer.field("skipped", self.skipped)
        writer.endObject()
        return writer.output
    }

    private func natureJSON(into writer: inout JSONWriter) {
        let nature = self.nature
        writer.key("nature")
        writer.beginObject()
        writer.field("count", nature.count)
        writer.key("confusion")
        writer.beginArray()
        for row in nature.confusion {
            writer.beginArray()
            for cell in row { writer.int(cell) }
            writer.endArray()
        }
        writer.endArray()
        writer.key("perClass")
        writer.beginArray()
        for (index, name) in self.classes.enumerated() {
            writer.beginObject()
            writer.field("class", name)
            Self.number("precision", nature.precision(of: index), into: &writer)
            Self.number("recall", nature.recall(of: index), into: &writer)
            Self.number("f1", nature.f1(of: index), into: &writer)
            writer.field("support", nature.confusion[index].reduce(0, +))
            writer.endObject()
        }
        writer.endArray()
        Self.number("macroF1", nature.macroF1, into: &writer)
        Self.number("accuracy", nature.accuracy, into: &writer)
        Self.number("brierScore", nature.brierScore, into: &writer)
        writer.key("reliability")
        writer.beginArray()
        for bin in nature.reliability(bins: Self.reliabilityBins) {
            writer.beginObject()
            Self.number("lower", bin.lower, into: &writer)
            Self.number("upper", bin.upper, into: &writer)
            writer.field("count", bin.count)
            Self.number("meanConfidence", bin.meanConfidence, into: &writer)
            Self.number("accuracy", bin.accuracy, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private func attacksJSON(into writer: inout JSONWriter) {
        let attacks = self.attacks
        writer.key("attackTypes")
        writer.beginObject()
        writer.field("count", attacks.count)
        writer.key("perType")
        writer.beginArray()
        for kind in AttackLabel.Kind.allCases {
            let counts = attacks.counts(of: kind)
            writer.beginObject()
            writer.field("type", kind.rawValue)
            writer.field("tp", counts.truePositives)
            writer.field("fp", counts.falsePositives)
            writer.field("fn", counts.falseNegatives)
            Self.number("precision", counts.precision, into: &writer)
            Self.number("recall", counts.recall, into: &writer)
            Self.number("f1", counts.f1, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        Self.number("macroF1", attacks.macroF1, into: &writer)
        writer.endObject()
    }

    static func strings(_ values: [String], into writer: inout JSONWriter) {
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
    }

    static func numbers(_ values: [Double], into writer: inout JSONWriter) {
        writer.beginArray()
        for value in values { writer.double(value) }
        writer.endArray()
    }

    static func number(_ key: String, _ value: Double, into writer: inout JSONWriter) {
        writer.key(key)
        writer.double(value)
    }

    static func kinds(_ kinds: [AttackLabel.Kind]) -> String {
        kinds.isEmpty ? "none" : kinds.map(\.rawValue).joined(separator: ",")
    }

    static func number(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    static func short(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
