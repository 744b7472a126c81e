/// The error the inference module throws: a model text that does not parse, a model that is not a valid
/// Bayesian tree, or evidence that does not fit its node.
///
/// Compare errors by ``code``; ``message`` is for people. ``line`` and ``column`` are 1-based positions in
/// the model text when the error comes from one (see ``ModelParser``), and `0` when it does not (a tree
/// built in code, evidence given at run time).
public struct InferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code to match on.
    public var code: Code

    /// What went wrong, for people. Model text quoted here is the operator's, never an attacker's.
    public var message: String

    /// The 1-based line in the model text, or `0` when the error has no position.
    public var line: Int

    /// The 1-based column in the model text, or `0` when the error has no position.
    public var column: Int

    /// Creates an error.
    public init(code: Code, message: String, line: Int = 0, column: Int = 0) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    /// `InferenceError.<code> at <line>:<column>: <message>` (the position only when there is one).
    public var description: String {
        if self.line > 0 {
            return "InferenceError.\(self.code) at \(self.line):\(self.column): \(self.message)"
        }
        return "InferenceError.\(self.code): \(self.message)"
    }
}

// MARK: - Codes

extension InferenceError {
    /// The kinds of ``InferenceError``: like an enum, but new kinds can be added without breaking callers.
    ///
    /// The ``rawValue`` of each is kebab-case and stable, for storage and logs.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case syntax = "syntax"
            case unsupportedVersion = "unsupported-version"
            case duplicateNode = "duplicate-node"
            case unknownNode = "unknown-node"
            case unknownState = "unknown-state"
            case invalidStates = "invalid-states"
            case invalidNumber = "invalid-number"
            case rowLength = "row-length"
            case rowSum = "row-sum"
            case missingRows = "missing-rows"
            case invalidPrior = "invalid-prior"
            case rootCount = "root-count"
            case cycle = "cycle"
            case invalidIntervals = "invalid-intervals"
            case invalidMarkov = "invalid-markov"
            case invalidEvidence = "invalid-evidence"
            case missingNode = "missing-node"
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The stable kebab-case name of the code.
        public var rawValue: String {
            self.base.rawValue
        }

        /// The same as ``rawValue``.
        public var description: String {
            self.base.rawValue
        }

        /// `syntax`: a line is not `attribute: value`, an attribute is unknown or misplaced, or a value is empty.
        public static let syntax = Code(.syntax)
        /// `unsupported-version`: the `honeyphone-model` header is missing or names a version we cannot read.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// `duplicate-node`: two nodes share a name.
        public static let duplicateNode = Code(.duplicateNode)
        /// `unknown-node`: a `parent`, `markov` or query names a node that does not exist.
        public static let unknownNode = Code(.unknownNode)
        /// `unknown-state`: a row or threshold names a state its node does not have.
        public static let unknownState = Code(.unknownState)
        /// `invalid-states`: fewer than two states, or two states with one name.
        public static let invalidStates = Code(.invalidStates)
        /// `invalid-number`: a probability is not a finite number in [0, 1] (or a weight is negative).
        public static let invalidNumber = Code(.invalidNumber)
        /// `row-length`: a CPT or matrix row has a different length from the node's number of states.
        public static let rowLength = Code(.rowLength)
        /// `row-sum`: a CPT or matrix row does not sum to 1 within ``BayesianTree/rowTolerance``.
        public static let rowSum = Code(.rowSum)
        /// `missing-rows`: a node lacks a row for some parent state (or has one twice).
        public static let missingRows = Code(.missingRows)
        /// `invalid-prior`: the root has no prior, a non-root has one, or its weights are all zero.
        public static let invalidPrior = Code(.invalidPrior)
        /// `root-count`: the model has no root or more than one.
        public static let rootCount = Code(.rootCount)
        /// `cycle`: following `parent` links from a node never reaches the root.
        public static let cycle = Code(.cycle)
        /// `invalid-intervals`: discretisation bounds are not increasing or do not match the states.
        public static let invalidIntervals = Code(.invalidIntervals)
        /// `invalid-markov`: the Markov block is missing, misplaced, or its matrix is not stochastic.
        public static let invalidMarkov = Code(.invalidMarkov)
        /// `invalid-evidence`: a state index is out of range or a likelihood vector has the wrong length,
        /// a negative or non-finite entry, or is all zeros.
        public static let invalidEvidence = Code(.invalidEvidence)
        /// `missing-node`: the model lacks a node (or a node's shape) that ``VerdictEngine`` needs.
        public static let missingNode = Code(.missingNode)
    }
}
