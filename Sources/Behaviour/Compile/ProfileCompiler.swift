/// Turns a ``ProfileSyntax`` into a ``BehaviourProfile``: resolves the mode, states, events, operators and
/// targets, checks every argument against the operator's signature, rejects randomness in a `Deterministic`
/// profile, and collects warnings.
struct ProfileCompiler {
    /// The profile, for positions.
    let source: SourceText
    private var mode: BehaviourMode = .deterministic
    private var stateKeys: [String: Int] = [:]
    private var armedTimers: Set<String> = []
    private var warnings: [BehaviourWarning] = []

    /// A compiler reporting positions in `source`.
    init(source: SourceText) {
        self.source = source
    }

    /// Compiles the whole profile or throws its first error.
    mutating func compile(_ syntax: ProfileSyntax) throws(BehaviourError) -> BehaviourProfile {
        switch ASCII.lowercased(syntax.mode) {
        case "deterministic":
            self.mode = .deterministic
        case "randomized", "randomised":
            self.mode = .randomized
        default:
            throw self.source.error(
                .unknownMode,
                "the mode is 'Deterministic' or 'Randomized'",
                at: syntax.modeOffset
            )
        }
        guard !syntax.clauses.isEmpty else {
            throw self.source.error(.noStates, "the profile defines no state", at: self.source.bytes.count)
        }
        for (index, clause) in syntax.clauses.enumerated() {
            let key = BehaviourState.key(clause.name)
            if let first = self.stateKeys[key] {
                let firstLine = self.source.position(of: syntax.clauses[first].offset).line
                throw self.source.error(
                    .duplicateState,
                    "state '\(clause.name)' is already defined on line \(firstLine)",
                    at: clause.offset
                )
            }
            self.stateKeys[key] = index
            for rule in clause.rules {
                self.collectTimers(rule.step)
            }
        }
        var states: [BehaviourState] = []
        for clause in syntax.clauses {
            var rules: [BehaviourRule] = []
            for rule in clause.rules {
                let event = try self.event(rule)
                let step = try self.step(rule.step)
                rules.append(
                    BehaviourRule(event: event, step: step, position: self.source.position(of: rule.eventOffset))
                )
            }
            let state = BehaviourState(
                name: clause.name,
                position: self.source.position(of: clause.offset),
                rules: rules
            )
            self.checkTargets(state, index: states.count)
            states.append(state)
        }
        return BehaviourProfile(mode: self.mode, states: states, warnings: self.warnings, armedTimers: self.armedTimers)
    }

    // MARK: - Events

    private func event(_ rule: ProfileSyntax.Rule) throws(BehaviourError) -> BehaviourEvent {
        let lower = ASCII.lowercased(rule.event)
        if let argument = rule.eventArgument {
            guard lower == "dtmf" else {
                throw self.source.error(.unknownEvent, "only DTMF takes an argument", at: rule.eventOffset)
            }
            guard let digit = Self.dtmfDigit(argument) else {
                throw self.source.error(
                    .unknownEvent,
                    "a DTMF event takes one digit: 0-9, *, \"#\", A-D, star or hash",
                    at: argument.offset
                )
            }
            return .dtmf(digit)
        }
        switch lower {
        case "entry":
            return .entry
        case "exit":
            return .exit
        case "reinvite":
            return .reinvite
        case "dtmf":
            return .dtmf(nil)
        case "playdone":
            return .mediaFinished(.play)
        case "recorddone":
            return .mediaFinished(.record)
        default:
            break
        }
        if let phone = PhoneEvent(rawValue: lower) {
            return .phone(phone)
        }
        if let pattern = ResponsePattern(rule.event) {
            return .response(pattern)
        }
        let upper = String(decoding: rule.event.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        if BehaviourEvent.knownMethods.contains(upper) {
            return .request(upper)
        }
        if BehaviourEvent.builtInTimers.contains(lower) || self.armedTimers.contains(lower) {
            return .timer(lower)
        }
        let bytes = rule.event.utf8
        if let first = bytes.first, first >= 0x41 && first <= 0x5A,
            bytes.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ASCII.isDigit($0) || $0 == ASCII.underscore })
        {
            return .request(rule.event)
        }
        throw self.source.error(
            .unknownEvent,
            "'\(rule.event)' is not an event: not a SIP method (in capitals), a response, a keyword, "
                + "or a timer armed by OpStartTimer",
            at: rule.eventOffset
        )
    }

    private static func dtmfDigit(_ argument: ProfileSyntax.Argument) -> Character? {
        switch ASCII.lowercased(argument.text) {
        case "star":
            return "*"
        case "hash", "pound":
            return "#"
        default:
            break
        }
        guard argument.text.count == 1, let character = argument.text.uppercased().first,
            BehaviourEvent.dtmfDigits.contains(character)
        else { return nil }
        return character
    }

    private mutating func collectTimers(_ step: ProfileSyntax.Step) {
        switch step {
        case .call(let call):
            if OperatorName(caseInsensitive: call.name) == .opStartTimer, let first = call.arguments.first,
                Self.isTimerName(first.text)
            {
                self.armedTimers.insert(ASCII.lowercased(first.text))
            }
        case .choose(_, let alternatives):
            for alternative in alternatives {
                self.collectTimers(alternative.step)
            }
        }
    }

    /// A letter then letters, digits or `_`, and not a keyword, known method or response.
    static func isTimerName(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, ASCII.isLetter(first), bytes.allSatisfy(ASCII.isIdentifier) else {
            return false
        }
        let lower = ASCII.lowercased(text)
        let reserved: Set<String> = ["entry", "exit", "reinvite", "dtmf", "playdone", "recorddone", "choose"]
        return !reserved.contains(lower) && !BehaviourEvent.knownMethods.contains(text.uppercased())
    }

    // MARK: - Steps

    private mutating func step(_ step: ProfileSyntax.Step) throws(BehaviourError) -> BehaviourStep {
        switch step {
        case .call(let call):
            return .call(try self.call(call))
        case .choose(let offset, let alternatives):
            guard self.mode == .randomized else {
                throw self.source.error(
                    .randomnessInDeterministicMode,
                    "'choose' needs 'Mode : Randomized'",
                    at: offset
                )
            }
            var steps: [WeightedStep] = []
            for alternative in alternatives {
                steps.append(WeightedStep(weight: alternative.weight, step: try self.step(alternative.step)))
            }
            return .choose(steps)
        }
    }

    private mutating func call(_ call: ProfileSyntax.Call) throws(BehaviourError) -> OperatorCall {
        guard let name = OperatorName(caseInsensitive: call.name) else {
            throw self.source.error(.unknownOperator, "'\(call.name)' is not an operator", at: call.offset)
        }
        let spec = name.spec
        let required = spec.parameters.filter { !$0.isOptional }.count
        if call.arguments.count > spec.parameters.count {
            throw self.source.error(
                .wrongArgumentCount,
                "\(name.rawValue) takes at most \(spec.parameters.count) argument(s), not \(call.arguments.count)",
                at: call.arguments[spec.parameters.count].offset
            )
        }
        if call.arguments.count < required {
            throw self.source.error(
                .wrongArgumentCount,
                "\(name.rawValue) takes \(required) argument(s) ("
                    + spec.parameters.map(\.name).joined(separator: ", ") + "), not \(call.arguments.count)",
                at: call.offset
            )
        }
        var arguments: [ArgumentValue] = []
        for (index, parameter) in spec.parameters.enumerated() {
            if index < call.arguments.count {
                arguments.append(try self.argument(call.arguments[index], for: parameter, of: name))
            } else {
                arguments.append(.absent)
            }
        }
        var explicitTarget: Int?
        if let target = call.target {
            guard let index = self.stateKeys[BehaviourState.key(target)] else {
                throw self.source.error(.unknownState, "no clause defines state '\(target)'", at: call.targetOffset)
            }
            explicitTarget = index
        }
        var implicitTarget: Int?
        if let usual = spec.implicitTarget {
            implicitTarget = self.stateKeys[BehaviourState.key(usual)]
            if implicitTarget == nil && explicitTarget == nil {
                self.warn(
                    "\(name.rawValue) usually moves to '\(usual)', which the profile does not define; it stays",
                    at: call.offset
                )
            }
        }
        return OperatorCall(
            operation: BehaviourOperation(name: name, arguments: arguments),
            explicitTarget: explicitTarget,
            implicitTarget: implicitTarget,
            position: self.source.position(of: call.offset)
        )
    }

    /// Records a warning at a byte offset.
    mutating func warn(_ message: String, at offset: Int) {
        self.warnings.append(BehaviourWarning(position: self.source.position(of: offset), message: message))
    }

    /// Records a warning at a position.
    mutating func warn(_ message: String, at position: SourcePosition) {
        self.warnings.append(BehaviourWarning(position: position, message: message))
    }

    /// The mode being compiled.
    var compilingMode: BehaviourMode { self.mode }
}
