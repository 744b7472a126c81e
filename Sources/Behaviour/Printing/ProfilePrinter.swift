/// Renders a ``BehaviourProfile`` as profile text: the machine it builds, for `honeyphone profile check`.
///
/// The output is a valid profile that loads to the same machine (comments carry what is implicit): the mode,
/// a summary line, then each state with its rules in canonical spelling (`OpStartCallWaiting`, not
/// `OpstartCallWaiting`), explicit targets as `-> State`, and each operator's usual target as a `# -> State`
/// comment. Warnings follow as comments.
public enum ProfilePrinter {
    /// The profile as canonical text.
    public static func render(_ profile: BehaviourProfile) -> String {
        let ruleCount = profile.states.reduce(0) { $0 + $1.rules.count }
        var lines = ["Mode : \(profile.mode.rawValue)"]
        lines.append(
            "# \(profile.states.count) states, \(ruleCount) rules; initial state: \(profile.states.first?.name ?? "-")"
        )
        for state in profile.states {
            lines.append("")
            lines.append("\(state.name) {")
            for rule in state.rules {
                var line = "    \(rule.event)/\(Self.render(rule.step, in: profile)),"
                let implicit = Self.implicitTargets(of: rule.step, in: profile, from: state.name)
                if rule.event != .exit && !implicit.isEmpty {
                    line += "  # " + implicit.joined(separator: "; ")
                }
                lines.append(line)
            }
            lines.append("}")
        }
        if !profile.warnings.isEmpty {
            lines.append("")
            for warning in profile.warnings {
                lines.append("# \(warning)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The usual targets a step's operators take (those without `-> State`), as `-> Ringing` for one operator
    /// or `OpRing -> Ringing` inside a `choose`.
    static func implicitTargets(of step: BehaviourStep, in profile: BehaviourProfile, from state: String) -> [String] {
        switch step {
        case .call(let call):
            guard call.explicitTarget == nil, let implicit = call.implicitTarget,
                profile.states[implicit].name != state
            else { return [] }
            return ["-> \(profile.states[implicit].name)"]
        case .choose(let alternatives):
            return alternatives.flatMap { alternative in
                Self.implicitTargets(of: alternative.step, in: profile, from: state).map { target in
                    if case .call(let call) = alternative.step {
                        return "\(call.operation.name.rawValue) \(target)"
                    }
                    return target
                }
            }
        }
    }

    /// One step: `OpRing`, `OpRingCancel -> Idle`, `choose(0.7: OpStartRing(5), 0.3: OpReject(486))`.
    static func render(_ step: BehaviourStep, in profile: BehaviourProfile) -> String {
        switch step {
        case .call(let call):
            var text = call.operation.description
            if let target = call.explicitTarget {
                text += " -> \(profile.states[target].name)"
            }
            return text
        case .choose(let alternatives):
            let rendered = alternatives.map {
                "\(BehaviourNumber.format($0.weight)): \(Self.render($0.step, in: profile))"
            }
            return "choose(" + rendered.joined(separator: ", ") + ")"
        }
    }
}

extension BehaviourProfile: CustomStringConvertible {
    /// ``ProfilePrinter/render(_:)``.
    public var description: String {
        ProfilePrinter.render(self)
    }
}
