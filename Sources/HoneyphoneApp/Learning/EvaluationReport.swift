import Foundation
public import Inference
import Recon
import SIPCore

/// What `honeyphone evaluate` prints: the verdict of every labelled request, then the scores for Nature
/// (``Evaluation``: confusion matrix, per-class precision/recall/F1, macro-F1, accuracy, Brier score, a
/// reliability table of ``reliabilityBins`` bins) and for attack types (``AttackTypeScores``).
public struct EvaluationReport: Sendable {
    /// The bins of the reliability table.
    public static let reliabilityBins = 10

    /// One labelled request.
    public struct Item: Sendable, Hashable {
        /// The input it came from and its number there (as `classify` prints them).
        public var origin: String
        public var index: Int
        public var method: String
        public var source: String
        public var callID: String?
        /// The Nature label, `nil` when `-`.
        public var truth: String?
        /// The belief over ``EvaluationReport/classes``.
        public var belief: [Double]
        /// The most believed class.
        public var predicted: String
        /// The labelled attack types, `nil` when the label gives none.
        public var attackTruth: [AttackLabel.Kind]?
        /// The attack types the labeller gave the source at the request's time.
        public var attackPredicted: [AttackLabel.Kind]

        /// Creates an item.
        public init(
            origin: String,
            index: Int,
            method: String,
            source: String,
            callID: String?,
            truth: String?,
            belief: [Double],
            predicted: String,
            attackTruth: [AttackLabel.Kind]?,
            attackPredicted: [AttackLabel.Kind]
        ) {
            self.origin = origin
            self.index = index
            self.method = method
            self.source = source
            self.callID = callID
            self.truth = truth
            self.belief = belief
            self.predicted = predicted
            self.attackTruth = attackTruth
            self.attackPredicted = attackPredicted
        }
    }

    /// The root's states.
    public var classes: [String]
    /// The labelled requests, in input order.
    public var items: [Item]
    /// Scores for Nature over the items with a Nature label.
    public private(set) var nature: Evaluation
    /// Scores for attack types over the items with attack-type labels.
    public private(set) var attacks: AttackTypeScores
    /// Requests no label selects.
    public var unlabelled: Int
    /// Payloads skipped while reading.
    public var skipped: Int

    /// Scores `items`.
    public init(classes: [String], items: [Item], unlabelled: Int = 0, skipped: Int = 0) {
        self.classes = classes
        self.items = items
        self.unlabelled = unlabelled
        self.skipped = skipped
        var nature = Evaluation(classes: classes)
        var attacks = AttackTypeScores()
        for item in items {
            if let truth = item.truth, let index = classes.firstIndex(of: truth) {
                nature.add(truth: index, belief: item.belief)
            }
            if let truth = item.attackTruth {
                attacks.add(truth: truth, predicted: item.attackPredicted)
            }
        }
        self.nature = nature
        self.attacks = attacks
    }

    /// The report of a ``LabelledAnalysis``.
    public init(_ analysis: LabelledAnalysis, classes: [String]) {
        let items = analysis.records.map { record in
            let verdict = record.analysis.verdict
            var kinds: [AttackLabel.Kind] = []
            for label in record.analysis.labels where !kinds.contains(label.kind) { kinds.append(label.kind) }
            return Item(
                origin: record.input.origin,
                index: record.input.index,
                method: record.input.message.method?.rawValue ?? "?",
                source: record.input.source,
                callID: record.input.message.callID,
                truth: record.label.nature,
                belief: verdict.belief,
                predicted: verdict.winnerName,
                attackTruth: record.label.attackTypes,
                attackPredicted: kinds
            )
        }
        self.init(classes: classes, items: items, unlabelled: analysis.unlabelled, skipped: analysis.skipped)
    }
}
