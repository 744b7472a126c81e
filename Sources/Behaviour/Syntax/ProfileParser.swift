/// A recursive-descent parser from profile bytes to a ``ProfileSyntax`` (see the grammar in the module
/// documentation).
///
/// Every read is bounds-checked (`peek` returns 0 past the end, a byte no rule accepts), every count and
/// length is checked against ``BehaviourLimits`` as it grows, and recursion is bounded by
/// ``BehaviourLimits/maximumNesting``, so no input can trap or run away.
struct ProfileParser {
    /// The bytes being parsed.
    let source: SourceText
    /// The bounds checked while parsing.
    let limits: BehaviourLimits
    /// The offset of the next byte.
    var index = 0
    /// The current `choose` nesting.
    var depth = 0
    private var ruleCount = 0

    /// A parser over `source`.
    init(source: SourceText, limits: BehaviourLimits) {
        self.source = source
        self.limits = limits
    }

    /// Parses the whole profile.
    mutating func parse() throws(BehaviourError) -> ProfileSyntax {
        if self.source.bytes.count > self.limits.maximumFileSize {
            throw self.fail(
                .limitExceeded,
                "the profile is \(self.source.bytes.count) bytes, more than the limit of "
                    + "\(self.limits.maximumFileSize)",
                at: self.limits.maximumFileSize
            )
        }
        self.skipTrivia()
        let modeKeywordOffset = self.index
        let keyword = self.scan(ASCII.isIdentifier)
        guard ASCII.lowercased(keyword) == "mode" else {
            throw self.fail(
                .missingMode,
                "a profile starts with 'Mode : Deterministic' or 'Mode : Randomized'",
                at: modeKeywordOffset
            )
        }
        self.skipInlineSpace()
        try self.expect(ASCII.colon, "expected ':' after 'Mode'")
        self.skipInlineSpace()
        let modeOffset = self.index
        let mode = self.scan(ASCII.isIdentifier)
        guard mode.utf8.count <= self.limits.maximumIdentifierLength else {
            throw self.fail(.limitExceeded, "the mode name is too long", at: modeOffset)
        }
        self.skipInlineSpace()
        let end = self.peek()
        guard end == 0 || end == ASCII.lineFeed || end == ASCII.carriageReturn || end == ASCII.hash else {
            throw self.fail(.syntax, "expected the end of the line after the mode", at: self.index)
        }
        var clauses: [ProfileSyntax.Clause] = []
        while true {
            self.skipTrivia()
            if self.index >= self.source.bytes.count { break }
            if clauses.count >= self.limits.maximumStates {
                throw self.fail(
                    .limitExceeded,
                    "more than \(self.limits.maximumStates) states",
                    at: self.index
                )
            }
            clauses.append(try self.clause())
        }
        return ProfileSyntax(mode: mode, modeOffset: modeOffset, clauses: clauses)
    }

    // MARK: - Clauses and rules

    /// `Name { rules }`.
    mutating func clause() throws(BehaviourError) -> ProfileSyntax.Clause {
        let offset = self.index
        guard let name = try self.stateName() else {
            throw self.fail(.syntax, "expected a state name", at: self.index)
        }
        self.skipTrivia()
        try self.expect(ASCII.openBrace, "expected '{' after the state name")
        var rules: [ProfileSyntax.Rule] = []
        while true {
            self.skipTrivia()
            if self.peek() == ASCII.closeBrace {
                self.index += 1
                break
            }
            if rules.count >= self.limits.maximumRulesPerState {
                throw self.fail(
                    .limitExceeded,
                    "more than \(self.limits.maximumRulesPerState) rules in state '\(name)'",
                    at: self.index
                )
            }
            if self.ruleCount >= self.limits.maximumRules {
                throw self.fail(.limitExceeded, "more than \(self.limits.maximumRules) rules", at: self.index)
            }
            self.ruleCount += 1
            rules.append(try self.rule())
            self.skipTrivia()
            if self.peek() == ASCII.comma {
                self.index += 1
            } else if self.peek() != ASCII.closeBrace {
                throw self.fail(.syntax, "expected ',' or '}' after a rule", at: self.index)
            }
        }
        return ProfileSyntax.Clause(name: name, offset: offset, rules: rules)
    }

    /// `event[(digit)] / step`.
    mutating func rule() throws(BehaviourError) -> ProfileSyntax.Rule {
        let eventOffset = self.index
        let event = try self.identifier("expected an event name")
        var argument: ProfileSyntax.Argument?
        self.skipInlineSpace()
        if self.peek() == ASCII.openParen {
            self.index += 1
            self.skipTrivia()
            argument = try self.argument()
            self.skipTrivia()
            try self.expect(ASCII.closeParen, "expected ')' after the event's argument")
        }
        self.skipTrivia()
        try self.expect(ASCII.slash, "expected '/' between the event and its operator")
        self.skipTrivia()
        let step = try self.step()
        return ProfileSyntax.Rule(event: event, eventOffset: eventOffset, eventArgument: argument, step: step)
    }

    /// An operator call with arguments and target, or a `choose`.
    mutating func step() throws(BehaviourError) -> ProfileSyntax.Step {
        let offset = self.index
        let name = try self.identifier("expected an operator or 'choose'")
        self.skipInlineSpace()
        if ASCII.lowercased(name) == "choose" && self.peek() == ASCII.openParen {
            return try self.choose(at: offset)
        }
        var arguments: [ProfileSyntax.Argument] = []
        if self.peek() == ASCII.openParen {
            self.index += 1
            arguments = try self.argumentList()
        }
        var call = ProfileSyntax.Call(name: name, offset: offset, arguments: arguments, target: nil, targetOffset: 0)
        self.skipTrivia()
        if self.peek() == ASCII.minus && self.peek(1) == ASCII.greaterThan {
            self.index += 2
            self.skipTrivia()
            call.targetOffset = self.index
            guard let target = try self.stateName() else {
                throw self.fail(.syntax, "expected a state name after '->'", at: self.index)
            }
            call.target = target
        }
        return .call(call)
    }

    /// After `choose`: `(weight: step, …)`, bounded in depth and width.
    mutating func choose(at offset: Int) throws(BehaviourError) -> ProfileSyntax.Step {
        if self.depth >= self.limits.maximumNesting {
            throw self.fail(.limitExceeded, "'choose' nested more than \(self.limits.maximumNesting) deep", at: offset)
        }
        self.depth += 1
        defer { self.depth -= 1 }
        self.index += 1  // (
        var alternatives: [ProfileSyntax.Alternative] = []
        while true {
            self.skipTrivia()
            if self.peek() == ASCII.closeParen && !alternatives.isEmpty {
                self.index += 1
                break
            }
            if alternatives.count >= self.limits.maximumChoices {
                throw self.fail(
                    .limitExceeded,
                    "more than \(self.limits.maximumChoices) alternatives in 'choose'",
                    at: self.index
                )
            }
            let weightOffset = self.index
            let text = self.scan { ASCII.isDigit($0) || $0 == ASCII.dot }
            guard !text.isEmpty else {
                throw self.fail(.syntax, "expected a weight such as '0.5:' in 'choose'", at: weightOffset)
            }
            let weight = try self.number(text, at: weightOffset)
            guard weight > 0 && weight.isFinite else {
                throw self.fail(.outOfRange, "a weight must be greater than 0", at: weightOffset)
            }
            self.skipTrivia()
            try self.expect(ASCII.colon, "expected ':' after the weight")
            self.skipTrivia()
            let step = try self.step()
            alternatives.append(ProfileSyntax.Alternative(weight: weight, weightOffset: weightOffset, step: step))
            self.skipTrivia()
            if self.peek() == ASCII.comma {
                self.index += 1
            } else if self.peek() != ASCII.closeParen {
                throw self.fail(.syntax, "expected ',' or ')' in 'choose'", at: self.index)
            }
        }
        return .choose(offset: offset, alternatives: alternatives)
    }
}
