/// Scores probabilistic verdicts against known classes: confusion matrix, per-class precision, recall and
/// F1, macro-F1, the multi-class Brier score and a reliability table.
///
/// Add cases one by one with ``add(truth:belief:)``; the prediction of a case is its most believed class.
public struct Evaluation: Sendable, Hashable {
    /// The class names (the root's states).
    public let classes: [String]

    /// `confusion[truth][predicted]`: how many cases of class `truth` were predicted as `predicted`.
    public private(set) var confusion: [[Int]]

    /// The number of cases added.
    public private(set) var count = 0

    private var brierSum = 0.0
    private var confidences: [Double] = []
    private var hits: [Bool] = []

    /// One row of ``reliability(bins:)``: cases whose top belief fell in `lower..<upper`.
    public struct ReliabilityBin: Sendable, Hashable {
        /// The bin's bounds on the top belief.
        public var lower: Double
        /// The bin's upper bound (inclusive for the last bin).
        public var upper: Double
        /// The cases in the bin.
        public var count: Int
        /// Their mean top belief (0 when empty).
        public var meanConfidence: Double
        /// The share of them predicted right (0 when empty).
        public var accuracy: Double
    }

    /// An empty evaluation over `classes`.
    public init(classes: [String]) {
        self.classes = classes
        self.confusion = [[Int]](repeating: [Int](repeating: 0, count: classes.count), count: classes.count)
    }

    /// Adds a case of class `truth` given the belief over ``classes``; ignores a case whose truth is out of
    /// range or whose belief has the wrong length.
    public mutating func add(truth: Int, belief: [Double]) {
        guard truth >= 0, truth < self.classes.count, belief.count == self.classes.count else {
            return
        }
        var predicted = 0
        for index in belief.indices where belief[index] > belief[predicted] {
            predicted = index
        }
        self.confusion[truth][predicted] += 1
        self.count += 1
        for (index, probability) in belief.enumerated() {
            let outcome = index == truth ? 1.0 : 0.0
            self.brierSum += (probability - outcome) * (probability - outcome)
        }
        self.confidences.append(belief[predicted])
        self.hits.append(predicted == truth)
    }

    /// Of the cases predicted as `index`, the share that were right; 0 when none were predicted.
    public func precision(of index: Int) -> Double {
        let predicted = self.confusion.reduce(0) { $0 + $1[index] }
        return predicted > 0 ? Double(self.confusion[index][index]) / Double(predicted) : 0
    }

    /// Of the cases of class `index`, the share predicted right; 0 when there were none.
    public func recall(of index: Int) -> Double {
        let actual = self.confusion[index].reduce(0, +)
        return actual > 0 ? Double(self.confusion[index][index]) / Double(actual) : 0
    }

    /// The harmonic mean of precision and recall of class `index`; 0 when both are 0.
    public func f1(of index: Int) -> Double {
        let precision = self.precision(of: index)
        let recall = self.recall(of: index)
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    /// The mean F1 over all classes.
    public var macroF1: Double {
        guard !self.classes.isEmpty else {
            return 0
        }
        return self.classes.indices.reduce(0) { $0 + self.f1(of: $1) } / Double(self.classes.count)
    }

    /// The share of cases predicted right.
    public var accuracy: Double {
        self.count > 0 ? Double(self.classes.indices.reduce(0) { $0 + self.confusion[$1][$1] }) / Double(self.count) : 0
    }

    /// The multi-class Brier score: the mean over cases of Σ_k (belief_k − [k = truth])², from 0 (perfect)
    /// to 2.
    public var brierScore: Double {
        self.count > 0 ? self.brierSum / Double(self.count) : 0
    }

    /// The reliability table: cases grouped by top belief into `bins` equal-width bins over [0, 1].
    public func reliability(bins: Int = 10) -> [ReliabilityBin] {
        let bins = max(1, bins)
        var counts = [Int](repeating: 0, count: bins)
        var confidence = [Double](repeating: 0, count: bins)
        var correct = [Int](repeating: 0, count: bins)
        for (value, hit) in zip(self.confidences, self.hits) {
            let bin = min(bins - 1, max(0, Int(value * Double(bins))))
            counts[bin] += 1
            confidence[bin] += value
            correct[bin] += hit ? 1 : 0
        }
        return (0..<bins).map { bin in
            let size = counts[bin]
            return ReliabilityBin(
                lower: Double(bin) / Double(bins),
                upper: Double(bin + 1) / Double(bins),
                count: size,
                meanConfidence: size > 0 ? confidence[bin] / Double(size) : 0,
                accuracy: size > 0 ? Double(correct[bin]) / Double(size) : 0
            )
        }
    }
}
