/// A validated behaviour profile: the runnable form of the clause language of the paper's section VI-A.
///
/// Build one with ``init(parsing:fileName:limits:)``; every name is resolved and every argument checked, so a
/// ``BehaviourMachine`` never meets an unknown event, operator or state. The first clause is the initial state.
public struct BehaviourProfile: Sendable, Hashable {
    /// The functioning mode.
    public var mode: BehaviourMode
    /// The states, in source order; the first is the initial state.
    public var states: [BehaviourState]
    /// Things that load but are probably mistakes (conflicting targets, missing implicit targets…).
    public var warnings: [BehaviourWarning]
    /// The timer names armed by `OpStartTimer` somewhere in the profile (lower-cased).
    public var armedTimers: Set<String>

    /// Parses and validates a profile.
    ///
    /// - Parameters:
    ///   - bytes: the profile text (UTF-8; only comments and quoted strings may hold non-ASCII bytes).
    ///   - fileName: the file's name, for errors.
    ///   - limits: the bounds the profile is held to.
    /// - Throws: the first ``BehaviourError`` in source order.
    public init(
        parsing bytes: some Sequence<UInt8>,
        fileName: String? = nil,
        limits: BehaviourLimits = BehaviourLimits()
    ) throws(BehaviourError) {
        var all = Array(bytes)
        if all.count > limits.maximumFileSize {
            // Index only what the limit allows: the error points at the first byte past it.
            let size = all.count
            all = Array(all.prefix(limits.maximumFileSize))
            throw SourceText(bytes: all, fileName: fileName).error(
                .limitExceeded,
                "the profile is \(size) bytes, more than the limit of \(limits.maximumFileSize)",
                at: limits.maximumFileSize
            )
        }
        let source = SourceText(bytes: all, fileName: fileName)
        var parser = ProfileParser(source: source, limits: limits)
        let syntax = try parser.parse()
        var compiler = ProfileCompiler(source: source)
        self = try compiler.compile(syntax)
    }

    /// Parses and validates a profile held in a string.
    public init(
        parsing text: String,
        fileName: String? = nil,
        limits: BehaviourLimits = BehaviourLimits()
    ) throws(BehaviourError) {
        try self.init(parsing: Array(text.utf8), fileName: fileName, limits: limits)
    }

    /// A profile from parts (the compiler's result).
    init(mode: BehaviourMode, states: [BehaviourState], warnings: [BehaviourWarning], armedTimers: Set<String>) {
        self.mode = mode
        self.states = states
        self.warnings = warnings
        self.armedTimers = armedTimers
    }

    /// The index of the state called `name` (ASCII case-insensitive, runs of spaces as one).
    public func stateIndex(named name: String) -> Int? {
        let key = BehaviourState.key(name)
        return self.states.firstIndex { BehaviourState.key($0.name) == key }
    }
}

/// A state and its rules: one clause.
public struct BehaviourState: Sendable, Hashable {
    /// The name as first written (`Calling Error`, `Incall`).
    public var name: String
    /// Where the clause starts.
    public var position: SourcePosition
    /// The rules in clause order.
    public var rules: [BehaviourRule]

    /// The comparison key of a state name: ASCII lower case.
    static func key(_ name: String) -> String {
        ASCII.lowercased(name.split(separator: " ").joined(separator: " "))
    }
}

/// `event/step`: a rule of a state.
public struct BehaviourRule: Sendable, Hashable {
    /// The event caught.
    public var event: BehaviourEvent
    /// What runs.
    public var step: BehaviourStep
    /// Where the rule starts.
    public var position: SourcePosition
}

/// What a rule runs: one operator, or a weighted choice (`Randomized` profiles only).
public indirect enum BehaviourStep: Sendable, Hashable {
    /// One operator.
    case call(OperatorCall)
    /// `choose(w1: step1, w2: step2, …)`: one alternative with probability `wi / Σw`.
    case choose([WeightedStep])
}

/// An alternative of `choose`.
public struct WeightedStep: Sendable, Hashable {
    /// The weight, greater than 0.
    public var weight: Double
    /// What runs when this alternative is chosen.
    public var step: BehaviourStep
}

/// An operator as a rule runs it, with the state it moves to.
public struct OperatorCall: Sendable, Hashable {
    /// The operator and its arguments.
    public var operation: BehaviourOperation
    /// The state named by `-> Target`, if any (an index into ``BehaviourProfile/states``).
    public var explicitTarget: Int?
    /// The operator's usual target (``OperatorSpec/implicitTarget``) when the profile defines that state.
    public var implicitTarget: Int?
    /// Where the operator is written.
    public var position: SourcePosition
}

/// Something that loads but deserves a look; ``BehaviourProfile/warnings`` holds them in source order.
public struct BehaviourWarning: Sendable, Hashable, CustomStringConvertible {
    /// Where.
    public var position: SourcePosition
    /// What.
    public var message: String

    /// `line:column: warning: message`.
    public var description: String { "\(self.position): warning: \(self.message)" }
}
