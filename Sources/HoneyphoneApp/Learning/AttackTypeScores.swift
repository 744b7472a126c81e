public import Inference

/// Per attack type, how the ``AttackLabeller``'s labels compare with the labelled attack types: each request whose
/// label lists attack types (or `none`) is one case, positive for a type when the label lists it, predicted
/// positive when the labeller had labelled its source with that type at the request's time.
public struct AttackTypeScores: Sendable, Hashable {
    /// The counts for one attack type.
    public struct Counts: Sendable, Hashable {
        /// Labelled and predicted.
        public var truePositives = 0
        /// Predicted but not labelled.
        public var falsePositives = 0
        /// Labelled but not predicted.
        public var falseNegatives = 0
        /// Neither.
        public var trueNegatives = 0

        /// Of the predicted, the share labelled; 0 when nothing was predicted.
        public var precision: Double {
            let predicted = self.truePositives + self.falsePositives
            return predicted > 0 ? Double(self.truePositives) / Double(predicted) : 0
        }

        /// Of the labelled, the share predicted; 0 when nothing was labelled.
        public var recall: Double {
            let actual = self.truePositives + self.falseNegatives
            return actual > 0 ? Double(self.truePositives) / Double(actual) : 0
        }

        /// The harmonic mean of precision and recall; 0 when both are 0.
        public var f1: Double {
            let sum = self.precision + self.recall
            return sum > 0 ? 2 * self.precision * self.recall / sum : 0
        }

        /// Whether the type was labelled or predicted at least once.
        public var hasSupport: Bool {
            self.truePositives + self.falsePositives + self.falseNegatives > 0
        }
    }

    /// The counts per type, in ``AttackLabel/Kind/allCases`` order.
    public private(set) var counts: [AttackLabel.Kind: Counts] = [:]
    /// The requests scored (those with attack-type labels).
    public private(set) var count = 0

    /// No cases.
    public init() {}

    /// Adds a request labelled with `truth` whose source the labeller had labelled with `predicted`.
    public mutating func add(truth: [AttackLabel.Kind], predicted: [AttackLabel.Kind]) {
        self.count += 1
        for kind in AttackLabel.Kind.allCases {
            let labelled = truth.contains(kind)
            let found = predicted.contains(kind)
            switch (labelled, found) {
            case (true, true): self.counts[kind, default: Counts()].truePositives += 1
            case (false, true): self.counts[kind, default: Counts()].falsePositives += 1
            case (true, false): self.counts[kind, default: Counts()].falseNegatives += 1
            case (false, false): self.counts[kind, default: Counts()].trueNegatives += 1
            }
        }
    }

    /// The counts of `kind` (zeros when no case was added).
    public func counts(of kind: AttackLabel.Kind) -> Counts {
        self.counts[kind] ?? Counts()
    }

    /// The types labelled or predicted at least once, in ``AttackLabel/Kind/allCases`` order.
    public var supportedKinds: [AttackLabel.Kind] {
        AttackLabel.Kind.allCases.filter { self.counts(of: $0).hasSupport }
    }

    /// The mean F1 over ``supportedKinds`` (types never labelled nor predicted say nothing); 0 without any.
    public var macroF1: Double {
        let kinds = self.supportedKinds
        guard !kinds.isEmpty else { return 0 }
        return kinds.reduce(0) { $0 + self.counts(of: $1).f1 } / Double(kinds.count)
    }
}
