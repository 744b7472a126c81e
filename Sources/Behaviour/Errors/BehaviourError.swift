/// The error thrown when a behaviour profile cannot be turned into a runnable machine.
///
/// Every problem is found before anything runs: syntax, unknown events, operators and states, argument
/// counts and types, randomness in a `Deterministic` profile, and every bound of ``BehaviourLimits``. The
/// first problem in source order is reported (name checks of a clause come after the duplicate-state check of
/// the whole file). Compare errors by ``code``; ``message`` is for people; ``description`` reads
/// `file:line:column: error[code]: message (near "text")`.
public struct BehaviourError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code to match on.
    public var code: Code

    /// What went wrong, for people.
    public var message: String

    /// Where in the profile the problem was found.
    public var position: SourcePosition

    /// The name of the profile file, when the caller gave one.
    public var fileName: String?

    /// Up to ``maximumOffendingTextLength`` characters of the input at ``position`` (to the end of its line),
    /// with every byte that is not printable ASCII written as `\xNN`.
    public var offendingText: String

    /// How many input bytes ``offendingText`` shows at most.
    public static let maximumOffendingTextLength = 32

    /// Creates an error.
    public init(
        code: Code,
        message: String,
        position: SourcePosition,
        fileName: String? = nil,
        offendingText: String = ""
    ) {
        self.code = code
        self.message = message
        self.position = position
        self.fileName = fileName
        self.offendingText = offendingText
    }

    /// The line of the problem, counting from 1.
    public var line: Int { self.position.line }

    /// The column of the problem in bytes, counting from 1.
    public var column: Int { self.position.column }

    /// `file:line:column: error[code]: message (near "text")`.
    public var description: String {
        var text = "\(self.fileName ?? "<profile>"):\(self.position): error[\(self.code)]: \(self.message)"
        if !self.offendingText.isEmpty {
            text += " (near \"\(self.offendingText)\")"
        }
        return text
    }
}

// MARK: - Codes

extension BehaviourError {
    /// The kinds of ``BehaviourError``: like an enum, but new kinds can be added without breaking callers.
    ///
    /// The ``rawValue`` of each is kebab-case and stable, for storage and logs.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case limitExceeded = "limit-exceeded"
            case missingMode = "missing-mode"
            case unknownMode = "unknown-mode"
            case syntax = "syntax"
            case unterminatedString = "unterminated-string"
            case invalidText = "invalid-text"
            case badNumber = "bad-number"
            case outOfRange = "out-of-range"
            case duplicateState = "duplicate-state"
            case noStates = "no-states"
            case unknownEvent = "unknown-event"
            case unknownOperator = "unknown-operator"
            case unknownState = "unknown-state"
            case unknownDistribution = "unknown-distribution"
            case wrongArgumentCount = "wrong-argument-count"
            case wrongArgumentType = "wrong-argument-type"
            case randomnessInDeterministicMode = "randomness-in-deterministic-mode"
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The stable kebab-case name of the code.
        public var rawValue: String { self.base.rawValue }

        /// The same as ``rawValue``.
        public var description: String { self.base.rawValue }

        /// `limit-exceeded`: a bound of ``BehaviourLimits`` was hit (file size, states, rules, arguments,
        /// identifier or string length, nesting, choices).
        public static let limitExceeded = Code(.limitExceeded)
        /// `missing-mode`: the profile does not start with `Mode : Deterministic` or `Mode : Randomized`.
        public static let missingMode = Code(.missingMode)
        /// `unknown-mode`: the `Mode` line names neither `Deterministic` nor `Randomized`.
        public static let unknownMode = Code(.unknownMode)
        /// `syntax`: a character that the grammar does not allow here (a missing `{`, `/`, `,`, `)`…).
        public static let syntax = Code(.syntax)
        /// `unterminated-string`: a quoted string runs into the end of its line or of the file.
        public static let unterminatedString = Code(.unterminatedString)
        /// `invalid-text`: a quoted string is not valid UTF-8.
        public static let invalidText = Code(.invalidText)
        /// `bad-number`: an argument that starts like a number is not one (`1.2.3`, `5s`, too many digits).
        public static let badNumber = Code(.badNumber)
        /// `out-of-range`: a number outside what its place allows (a status code of 700, a negative time, a
        /// zero weight, `uniform(5, 2)`).
        public static let outOfRange = Code(.outOfRange)
        /// `duplicate-state`: two clauses name the same state (names compare case-insensitively).
        public static let duplicateState = Code(.duplicateState)
        /// `no-states`: the profile has a `Mode` line but no clause.
        public static let noStates = Code(.noStates)
        /// `unknown-event`: an event that is neither known nor a timer armed by some operator of the profile.
        public static let unknownEvent = Code(.unknownEvent)
        /// `unknown-operator`: an operator outside the catalogue.
        public static let unknownOperator = Code(.unknownOperator)
        /// `unknown-state`: a transition (`-> Name`) to a state that no clause defines.
        public static let unknownState = Code(.unknownState)
        /// `unknown-distribution`: a function argument other than `uniform`, `exponential` or `normal`.
        public static let unknownDistribution = Code(.unknownDistribution)
        /// `wrong-argument-count`: too many or too few arguments for the operator or distribution.
        public static let wrongArgumentCount = Code(.wrongArgumentCount)
        /// `wrong-argument-type`: an argument of the wrong kind (a word where seconds are needed, a number
        /// where a URI is needed…).
        public static let wrongArgumentType = Code(.wrongArgumentType)
        /// `randomness-in-deterministic-mode`: a distribution or `choose` in a `Deterministic` profile.
        public static let randomnessInDeterministicMode = Code(.randomnessInDeterministicMode)
    }
}
