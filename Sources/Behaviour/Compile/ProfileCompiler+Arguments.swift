extension ProfileCompiler {
    /// Checks one argument against its parameter.
    func argument(
        _ argument: ProfileSyntax.Argument,
        for parameter: ParameterSpec,
        of name: OperatorName
    ) throws(BehaviourError) -> ArgumentValue {
        func wrongType(_ expected: String) -> BehaviourError {
            self.source.error(
                .wrongArgumentType,
                "\(name.rawValue) takes \(expected) as '\(parameter.name)'",
                at: argument.offset
            )
        }
        switch parameter.type {
        case .seconds:
            switch argument.kind {
            case .number(let value):
                guard value >= 0 else {
                    throw self.source.error(.outOfRange, "seconds cannot be negative", at: argument.offset)
                }
                return .seconds(.constant(value))
            case .distribution(let distribution, let parameters):
                return .seconds(try self.distribution(distribution, parameters, at: argument.offset))
            case .word, .string:
                throw wrongType("a number of seconds")
            }
        case .status:
            guard case .number(let value) = argument.kind, value == value.rounded() else {
                throw wrongType("an integer status code")
            }
            guard value >= 400 && value <= 699 else {
                throw self.source.error(.outOfRange, "a rejection status is from 400 to 699", at: argument.offset)
            }
            return .integer(Int(value))
        case .text, .file:
            switch argument.kind {
            case .distribution:
                throw wrongType(parameter.type == .file ? "a file name" : "text")
            case .number, .word, .string:
                guard !argument.text.isEmpty else { throw wrongType("non-empty text") }
                return .text(argument.text)
            }
        case .uri:
            let lower = ASCII.lowercased(argument.text)
            let schemes = ["sip:", "sips:", "tel:"]
            guard case .distribution = argument.kind else {
                guard schemes.contains(where: { lower.hasPrefix($0) && lower.utf8.count > $0.utf8.count }) else {
                    throw wrongType("a sip:, sips: or tel: URI")
                }
                return .text(argument.text)
            }
            throw wrongType("a sip:, sips: or tel: URI")
        case .timer:
            guard case .word = argument.kind, Self.isTimerName(argument.text) else {
                throw wrongType("a timer name (a letter, then letters, digits or '_', not a keyword)")
            }
            return .text(ASCII.lowercased(argument.text))
        case .digits:
            if case .distribution = argument.kind { throw wrongType("DTMF digits") }
            let digits = argument.text.uppercased()
            guard !digits.isEmpty, digits.allSatisfy({ BehaviourEvent.dtmfDigits.contains($0) }) else {
                throw wrongType("DTMF digits (0-9, *, #, A-D)")
            }
            return .text(digits)
        }
    }

    private func distribution(
        _ name: String,
        _ parameters: [Double],
        at offset: Int
    ) throws(BehaviourError) -> BehaviourNumber {
        let lower = ASCII.lowercased(name)
        let arity: Int
        switch lower {
        case "uniform", "normal":
            arity = 2
        case "exponential":
            arity = 1
        default:
            throw self.source.error(
                .unknownDistribution,
                "'\(name)' is not a distribution (uniform, exponential, normal)",
                at: offset
            )
        }
        guard self.compilingMode == .randomized else {
            throw self.source.error(
                .randomnessInDeterministicMode,
                "distributions need 'Mode : Randomized'",
                at: offset
            )
        }
        guard parameters.count == arity else {
            throw self.source.error(
                .wrongArgumentCount,
                "\(lower) takes \(arity) number(s), not \(parameters.count)",
                at: offset
            )
        }
        switch lower {
        case "uniform":
            guard parameters[0] <= parameters[1] else {
                throw self.source.error(.outOfRange, "uniform(low, high) needs low <= high", at: offset)
            }
            return .uniform(low: parameters[0], high: parameters[1])
        case "exponential":
            guard parameters[0] > 0 else {
                throw self.source.error(.outOfRange, "exponential(mean) needs mean > 0", at: offset)
            }
            return .exponential(mean: parameters[0])
        default:
            guard parameters[1] >= 0 else {
                throw self.source.error(.outOfRange, "normal(mu, sigma) needs sigma >= 0", at: offset)
            }
            return .normal(mean: parameters[0], deviation: parameters[1])
        }
    }

    /// Warns about rules of one state that move to different states on the same event, exit rules with an
    /// explicit target, and entry rules that re-enter their own state.
    mutating func checkTargets(_ state: BehaviourState, index: Int) {
        var firstTarget: [BehaviourEvent: (target: Int, line: Int)] = [:]
        for rule in state.rules {
            guard case .call(let call) = rule.step else { continue }
            if rule.event == .exit && call.explicitTarget != nil {
                self.warn("the target of an exit rule is ignored", at: rule.position)
                continue
            }
            if rule.event == .entry && call.explicitTarget == index {
                self.warn(
                    "an entry rule re-enters its own state: it loops until the transition bound",
                    at: rule.position
                )
            }
            let implicit = call.implicitTarget == index ? nil : call.implicitTarget
            guard let target = call.explicitTarget ?? implicit else { continue }
            if let first = firstTarget[rule.event] {
                if first.target != target {
                    self.warn(
                        "rules for '\(rule.event)' in '\(state.name)' move to different states; "
                            + "the first (line \(first.line)) wins",
                        at: rule.position
                    )
                }
            } else {
                firstTarget[rule.event] = (target, rule.position.line)
            }
        }
    }
}
