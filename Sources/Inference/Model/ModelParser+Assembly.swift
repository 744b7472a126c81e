extension ModelParser {
    /// A row as written: `label = values` on `line`.
    struct RowDraft {
        /// The parent state (or markov state) the row is labelled with.
        var label: Token
        /// The row's numbers as written.
        var values: [Double]
        /// The row's line.
        var line: Int
    }

    /// A `node:` block as written.
    struct NodeDraft {
        /// The node as built so far (states, parent, prior, lines).
        var definition: NodeDefinition
        /// The CPT rows in written order.
        var rows: [RowDraft] = []
        /// The `intervals:` bounds with their position.
        var intervals: (bounds: [Double], line: Int, column: Int)?
        /// The `threshold:` lines.
        var thresholds: [(label: Token, value: Double, line: Int)] = []
        /// The attributes given so far, to reject repeats.
        var seen: Set<String> = []
    }

    /// The `markov:` block as written.
    struct MarkovDraft {
        /// The node the chain runs over, as written.
        var node: Token
        /// The `markov:` line.
        var line: Int
        /// The `initial:` weights with their line.
        var initial: (weights: [Double], line: Int)?
        /// The transition rows in written order.
        var rows: [RowDraft] = []
        /// The attributes given so far, to reject repeats.
        var seen: Set<String> = []
    }

    /// Collects blocks line by line, then validates and builds the model.
    struct Assembly {
        private var nodes: [NodeDraft] = []
        private var markov: MarkovDraft?
        private var inMarkov = false

        /// Adds one significant line to the current block, opening a new block on `node:` or `markov:`.
        mutating func accept(_ line: Line) throws(InferenceError) {
            switch line.key {
            case "node":
                try line.checkName(line.value)
                let lines = NodeDefinition.Lines(node: line.number)
                self.nodes.append(
                    NodeDraft(definition: NodeDefinition(name: line.value.text, states: [], lines: lines))
                )
                self.inMarkov = false
            case "markov":
                guard self.markov == nil else {
                    throw .invalidMarkov("a model has at most one markov block", line: line.number)
                }
                try line.checkName(line.value)
                self.markov = MarkovDraft(node: line.value, line: line.number)
                self.inMarkov = true
            default:
                if self.inMarkov {
                    try self.acceptMarkov(line)
                } else if !self.nodes.isEmpty {
                    try self.acceptNode(line, into: &self.nodes[self.nodes.count - 1])
                } else {
                    throw .syntax(
                        "'\(line.key)' outside a node or markov block",
                        line: line.number,
                        column: line.keyColumn
                    )
                }
            }
        }

        private func acceptNode(_ line: Line, into draft: inout NodeDraft) throws(InferenceError) {
            let once = ["states", "parent", "prior", "intervals"]
            if once.contains(line.key), draft.seen.contains(line.key) {
                throw .syntax("'\(line.key)' is given twice", line: line.number, column: line.keyColumn)
            }
            draft.seen.insert(line.key)
            switch line.key {
            case "states":
                var states: [String] = []
                for item in try line.list() {
                    try line.checkName(item)
                    guard !states.contains(item.text) else {
                        throw .invalidStates("state '\(item.text)' is repeated", line: line.number)
                    }
                    states.append(item.text)
                }
                guard states.count >= 2 else {
                    throw .invalidStates("a node needs at least two states", line: line.number)
                }
                draft.definition.states = states
                draft.definition.lines.states = line.number
            case "parent":
                try line.checkName(line.value)
                draft.definition.parent = line.value.text
                draft.definition.lines.parent = line.number
            case "prior":
                draft.definition.prior = try line.numbers()
                draft.definition.lines.prior = line.number
            case "row":
                let (label, rest) = try line.labelled()
                draft.rows.append(RowDraft(label: label, values: try line.numbers(of: rest), line: line.number))
            case "intervals":
                draft.intervals = (try line.numbers(), line.number, line.value.column)
            case "threshold":
                let (label, rest) = try line.labelled()
                let values = try line.numbers(of: rest)
                guard values.count == 1, values[0] >= 0, values[0] <= 1 else {
                    throw .invalidNumber("a threshold is one number in [0, 1]", line: line.number, column: rest.column)
                }
                draft.thresholds.append((label, values[0], line.number))
            default:
                throw .syntax("unknown node attribute '\(line.key)'", line: line.number, column: line.keyColumn)
            }
        }

        private mutating func acceptMarkov(_ line: Line) throws(InferenceError) {
            guard var draft = self.markov else {
                return
            }
            switch line.key {
            case "initial":
                guard draft.initial == nil else {
                    throw .syntax("'initial' is given twice", line: line.number, column: line.keyColumn)
                }
                draft.initial = (try line.numbers(), line.number)
            case "row":
                let (label, rest) = try line.labelled()
                draft.rows.append(RowDraft(label: label, values: try line.numbers(of: rest), line: line.number))
            default:
                throw .syntax("unknown markov attribute '\(line.key)'", line: line.number, column: line.keyColumn)
            }
            self.markov = draft
        }

        /// Validates every block and builds the model.
        func finish() throws(InferenceError) -> InferenceModel {
            var definitions: [NodeDefinition] = []
            for draft in self.nodes {
                guard !draft.definition.states.isEmpty else {
                    throw .invalidStates(
                        "node '\(draft.definition.name)' has no 'states'",
                        line: draft.definition.lines.node
                    )
                }
                definitions.append(try self.resolveRows(draft))
            }
            let tree = try BayesianTree(nodes: definitions)
            var discretisations: [String: Discretisation] = [:]
            var thresholds: [String: Double] = [:]
            for (index, draft) in self.nodes.enumerated() {
                if let intervals = draft.intervals {
                    discretisations[draft.definition.name] = try Self.discretisation(
                        intervals,
                        states: tree.counts[index]
                    )
                }
                for threshold in draft.thresholds {
                    guard index == tree.root else {
                        throw .syntax(
                            "thresholds belong on the root",
                            line: threshold.line,
                            column: threshold.label.column
                        )
                    }
                    guard draft.definition.states.contains(threshold.label.text) else {
                        throw .unknownState(
                            "the root has no state '\(threshold.label.text)'",
                            line: threshold.line,
                            column: threshold.label.column
                        )
                    }
                    thresholds[threshold.label.text] = threshold.value
                }
            }
            let chain = try self.markov.map { (draft) throws(InferenceError) in try Self.chain(draft, tree: tree) }
            return try InferenceModel(
                tree: tree,
                discretisations: discretisations,
                markov: chain,
                thresholds: thresholds
            )
        }

        /// Orders the rows by the parent's states; leaves them as written when the parent is unknown (the
        /// tree then reports it).
        private func resolveRows(_ draft: NodeDraft) throws(InferenceError) -> NodeDefinition {
            var definition = draft.definition
            guard let parentName = definition.parent,
                let parent = self.nodes.first(where: { $0.definition.name == parentName })
            else {
                definition.cpt = draft.rows.map(\.values)
                definition.lines.rows = draft.rows.map(\.line)
                return definition
            }
            let ordered = try Self.order(draft.rows, by: parent.definition.states, blockLine: definition.lines.node)
            definition.cpt = ordered.map(\.values)
            definition.lines.rows = ordered.map(\.line)
            return definition
        }

        /// Rows in the order of `states`; unknown labels, repeated labels and missing rows are errors.
        static func order(_ rows: [RowDraft], by states: [String], blockLine: Int) throws(InferenceError) -> [RowDraft]
        {
            var slots = [RowDraft?](repeating: nil, count: states.count)
            for row in rows {
                guard let slot = states.firstIndex(of: row.label.text) else {
                    throw .unknownState(
                        "no state '\(row.label.text)' to label this row",
                        line: row.line,
                        column: row.label.column
                    )
                }
                guard slots[slot] == nil else {
                    throw .missingRows("the row for '\(row.label.text)' is given twice", line: row.line)
                }
                slots[slot] = row
            }
            var ordered: [RowDraft] = []
            for (index, slot) in slots.enumerated() {
                guard let slot else {
                    throw .missingRows("no row for state '\(states[index])'", line: blockLine)
                }
                ordered.append(slot)
            }
            return ordered
        }

        private static func discretisation(
            _ intervals: (bounds: [Double], line: Int, column: Int),
            states: Int
        ) throws(InferenceError) -> Discretisation {
            guard intervals.bounds.count == states - 1 else {
                throw .invalidIntervals(
                    "\(states) states need \(states - 1) bounds",
                    line: intervals.line,
                    column: intervals.column
                )
            }
            for index in intervals.bounds.indices.dropFirst()
            where intervals.bounds[index] <= intervals.bounds[index - 1] {
                throw .invalidIntervals("bounds must increase strictly", line: intervals.line, column: intervals.column)
            }
            return Discretisation(bounds: intervals.bounds)
        }
    }
}
