extension BayesianTree {
    /// The shape of a tree, checked: names, states, one root, known parents, no cycles.
    struct Topology {
        /// The parent of each node, `-1` for the root.
        var parents: [Int]
        /// The children of each node, in definition order.
        var children: [[Int]]
        /// Every node, parents first (breadth-first from the root).
        var order: [Int]
        /// The index of the root.
        var root: Int
        /// Node indices by name.
        var indexByName: [String: Int]

        /// Checks the shape of `nodes` and computes the topology.
        init(nodes: [NodeDefinition]) throws(InferenceError) {
            var indexByName: [String: Int] = [:]
            for (index, node) in nodes.enumerated() {
                try Self.validateStates(node)
                if indexByName[node.name] != nil {
                    throw .duplicateNode(node.name, line: node.lines.node)
                }
                indexByName[node.name] = index
            }
            var parents = [Int](repeating: -1, count: nodes.count)
            var roots: [Int] = []
            for (index, node) in nodes.enumerated() {
                guard let parentName = node.parent else {
                    roots.append(index)
                    continue
                }
                guard let parent = indexByName[parentName] else {
                    throw .unknownNode(parentName, line: node.lines.parent)
                }
                parents[index] = parent
            }
            var children = [[Int]](repeating: [], count: nodes.count)
            for (index, parent) in parents.enumerated() where parent >= 0 {
                children[parent].append(index)
            }
            guard roots.count == 1 else {
                let line = roots.count > 1 ? nodes[roots[1]].lines.node : 0
                throw .rootCount(roots.count, line: line)
            }
            var order = [roots[0]]
            var cursor = 0
            while cursor < order.count {
                order.append(contentsOf: children[order[cursor]])
                cursor += 1
            }
            if order.count < nodes.count {
                throw Self.cycleError(nodes: nodes, parents: parents, reached: order)
            }
            self.parents = parents
            self.children = children
            self.order = order
            self.root = roots[0]
            self.indexByName = indexByName
        }

        private static func validateStates(_ node: NodeDefinition) throws(InferenceError) {
            guard node.states.count >= 2 else {
                throw .invalidStates("node '\(node.name)' needs at least two states", line: node.lines.states)
            }
            for (index, state) in node.states.enumerated() {
                if state.isEmpty || node.states[..<index].contains(state) {
                    throw .invalidStates("node '\(node.name)' has an empty or repeated state", line: node.lines.states)
                }
            }
        }

        /// The error for nodes that never reach the root: names the parent link that closes a cycle (the one
        /// written last among the cycle's members).
        private static func cycleError(nodes: [NodeDefinition], parents: [Int], reached: [Int]) -> InferenceError {
            var isReached = [Bool](repeating: false, count: nodes.count)
            for node in reached {
                isReached[node] = true
            }
            let start = isReached.firstIndex(of: false) ?? 0
            var seen = [Bool](repeating: false, count: nodes.count)
            var cursor = start
            while !seen[cursor] {
                seen[cursor] = true
                cursor = parents[cursor]
            }
            var member = cursor
            var closing = cursor
            repeat {
                if nodes[member].lines.parent > nodes[closing].lines.parent {
                    closing = member
                }
                member = parents[member]
            } while member != cursor
            return .cycle(nodes[closing].name, line: nodes[closing].lines.parent)
        }
    }

    /// The root's prior: present, one finite non-negative weight per state, not all zero; normalised.
    static func validatedPrior(_ node: NodeDefinition) throws(InferenceError) -> [Double] {
        guard node.cpt.isEmpty else {
            throw .missingRows("the root '\(node.name)' must not have CPT rows", line: node.lines.row(0))
        }
        guard let prior = node.prior else {
            throw .invalidPrior("the root '\(node.name)' needs a prior", line: node.lines.node)
        }
        guard prior.count == node.states.count else {
            throw .rowLength(expected: node.states.count, found: prior.count, line: node.lines.prior)
        }
        guard Vector.isLikelihood(prior), let normalised = Vector.normalisedWeights(prior) else {
            throw .invalidPrior(
                "the prior of '\(node.name)' must be non-negative, not all zero",
                line: node.lines.prior
            )
        }
        return normalised
    }

    /// One row per parent state, each as long as the node's states, each a distribution.
    static func validateRows(_ node: NodeDefinition, parentStates: Int) throws(InferenceError) {
        if node.prior != nil {
            throw .invalidPrior("only the root has a prior; '\(node.name)' has a parent", line: node.lines.prior)
        }
        for (index, row) in node.cpt.enumerated() {
            let line = node.lines.row(index)
            guard row.count == node.states.count else {
                throw .rowLength(expected: node.states.count, found: row.count, line: line)
            }
            var sum = 0.0
            for value in row {
                guard value.isFinite, value >= 0, value <= 1 else {
                    throw .invalidNumber("CPT entries of '\(node.name)' must be in [0, 1]", line: line)
                }
                sum += value
            }
            guard abs(sum - 1) <= Self.rowTolerance else {
                throw .rowSum(sum, line: line)
            }
        }
        guard node.cpt.count == parentStates else {
            throw .missingRows(
                "'\(node.name)' has \(node.cpt.count) CPT rows, its parent has \(parentStates) states",
                line: node.lines.node
            )
        }
    }
}
