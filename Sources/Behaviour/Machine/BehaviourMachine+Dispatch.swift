extension BehaviourMachine {
    /// Runs the rules of the current state that catch `occurrence`, then follows the winning target.
    mutating func dispatch(_ occurrence: Occurrence, _ running: inout Running) {
        let rules = self.rules(in: running.current, for: occurrence)
        let target = self.runRules(rules, from: 0, occurrence, &running)
        self.follow(target, &running)
    }

    /// The indices of the most specific group of rules of `state` that catch `occurrence`, in clause order.
    func rules(in state: Int, for occurrence: Occurrence) -> [Int] {
        var best = 0
        var indices: [Int] = []
        for (index, rule) in self.profile.states[state].rules.enumerated() {
            let specificity = Self.specificity(of: rule.event, for: occurrence)
            if specificity == 0 || specificity < best { continue }
            if specificity > best {
                best = specificity
                indices = []
            }
            indices.append(index)
        }
        return indices
    }

    /// How well a rule's pattern matches what happened: 0 not at all, higher is more specific.
    static func specificity(of pattern: BehaviourEvent, for occurrence: Occurrence) -> Int {
        switch (pattern, occurrence) {
        case (.entry, .entry), (.exit, .exit):
            return 1
        case (.request(let method), .request(let happened)):
            return method == happened ? 1 : 0
        case (.reinvite, .reinvite):
            return 2
        case (.request(let method), .reinvite):
            return method == "INVITE" ? 1 : 0
        case (.response(let response), .response(let status)):
            return response.matches(status) ? response.digits : 0
        case (.timer(let name), .timer(let happened)):
            return name == happened ? 1 : 0
        case (.dtmf(nil), .dtmf):
            return 1
        case (.dtmf(.some(let digit)), .dtmf(let happened)):
            return digit == happened ? 2 : 0
        case (.phone(let event), .phone(let happened)):
            return event == happened ? 1 : 0
        case (.mediaFinished(let kind), .media(let happened)):
            return kind == happened ? 1 : 0
        case (.entry, _), (.exit, _), (.request, _), (.reinvite, _), (.response, _), (.timer, _), (.dtmf, _),
            (.phone, _), (.mediaFinished, _):
            return 0
        }
    }

    /// Runs `rules` (indices into the current state) from `start`; returns the first target, if any. Stops at
    /// `OpDelay`, deferring the rest.
    mutating func runRules(
        _ rules: [Int],
        from start: Int,
        _ occurrence: Occurrence,
        _ running: inout Running
    ) -> Int? {
        let state = running.current
        var target: Int?
        var index = start
        while index < rules.count {
            let rule = self.profile.states[state].rules[rules[index]]
            index += 1
            guard let call = self.resolve(rule.step) else { continue }
            if call.operation.name == .opDelay {
                let after = self.duration(call.operation.seconds(0) ?? .constant(0))
                let generation = running.nextGeneration()
                running.delays[generation] = Continuation(
                    state: state,
                    visit: running.visit,
                    rules: rules,
                    next: index,
                    occurrence: occurrence
                )
                running.actions.append(
                    .startTimer(BehaviourTimer(name: "$delay", generation: generation), after: after)
                )
                return target
            }
            self.execute(call.operation, occurrence, &running)
            if target == nil {
                target = call.explicitTarget ?? (call.implicitTarget == state ? nil : call.implicitTarget)
            }
        }
        return target
    }

    /// One operator call for a step: itself, or a weighted pick among alternatives.
    mutating func resolve(_ step: BehaviourStep) -> OperatorCall? {
        var step = step
        while true {
            switch step {
            case .call(let call):
                return call
            case .choose(let alternatives):
                let total = alternatives.reduce(0) { $0 + $1.weight }
                guard total > 0, total.isFinite, let last = alternatives.last else { return nil }
                var point = self.random.nextUnit() * total
                var picked = last.step
                for alternative in alternatives {
                    if point < alternative.weight {
                        picked = alternative.step
                        break
                    }
                    point -= alternative.weight
                }
                step = picked
            }
        }
    }

    /// Moves to `target` and on through entry-rule targets, at most ``Configuration/maximumTransitionsPerInput``
    /// times.
    mutating func follow(_ target: Int?, _ running: inout Running) {
        var next = target
        var moves = 0
        while let destination = next {
            moves += 1
            if moves > self.configuration.maximumTransitionsPerInput {
                running.actions.append(.boundReached(.transitionsPerInput))
                return
            }
            let origin = running.current
            _ = self.runRules(self.rules(in: origin, for: .exit), from: 0, .exit, &running)
            for generation in running.delays.keys.sorted() where running.delays[generation]?.visit == running.visit {
                running.delays[generation] = nil
                running.actions.append(.cancelTimer(BehaviourTimer(name: "$delay", generation: generation)))
            }
            running.actions.append(
                .transitioned(from: self.profile.states[origin].name, to: self.profile.states[destination].name)
            )
            running.current = destination
            running.visit += 1
            next = self.runRules(self.rules(in: destination, for: .entry), from: 0, .entry, &running)
        }
    }

    /// A timer expired: resumes deferred rules, hangs up, or dispatches the timer's event.
    mutating func fire(_ timer: BehaviourTimer, _ running: inout Running) {
        if timer.name == "$delay" {
            guard let continuation = running.delays.removeValue(forKey: timer.generation) else { return }
            guard continuation.state == running.current && continuation.visit == running.visit else { return }
            running.inputs += 1
            let target = self.runRules(
                continuation.rules,
                from: continuation.next,
                continuation.occurrence,
                &running
            )
            self.follow(target, &running)
            return
        }
        guard running.timers[timer.name] == timer.generation else { return }
        running.timers[timer.name] = nil
        running.inputs += 1
        if running.inputs > self.configuration.maximumInputsPerCall {
            running.actions.append(.boundReached(.inputsPerCall))
            self.endCall(&running)
            return
        }
        if timer.name == "$hangup" {
            self.endCall(&running)
        } else if let phone = PhoneEvent(rawValue: timer.name) {
            self.dispatch(.phone(phone), &running)
        } else {
            self.dispatch(.timer(timer.name), &running)
        }
    }

    /// Arms (or re-arms) a named timer, unless the call is over.
    mutating func arm(_ name: String, after: Duration, _ running: inout Running) {
        guard !running.callOver else { return }
        self.disarm(name, &running)
        let timer = BehaviourTimer(name: name, generation: running.nextGeneration())
        running.timers[name] = timer.generation
        running.actions.append(.startTimer(timer, after: after))
    }

    /// Disarms a named timer if it is armed.
    mutating func disarm(_ name: String, _ running: inout Running) {
        if let generation = running.timers.removeValue(forKey: name) {
            running.actions.append(.cancelTimer(BehaviourTimer(name: name, generation: generation)))
        }
    }

    /// Hangs up unless the call is already over.
    func endCall(_ running: inout Running) {
        guard !running.callOver else { return }
        running.actions.append(.hangUp)
        running.callOver = true
    }

    /// A number of seconds as a duration: sampled, NaN and negatives to 0, clamped to the maximum.
    mutating func duration(_ number: BehaviourNumber) -> Duration {
        let value = number.sample(using: &self.random)
        let maximum = self.configuration.maximumDuration
        let maximumSeconds = max(
            0,
            min(Double(maximum.components.seconds) + Double(maximum.components.attoseconds) * 1e-18, 1e9)
        )
        guard value > 0 else { return .zero }
        guard value < maximumSeconds else { return .milliseconds(Int64((maximumSeconds * 1000).rounded())) }
        return .milliseconds(Int64((value * 1000).rounded()))
    }
}
