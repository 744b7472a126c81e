extension StateDiagram {
    /// The states' columns and order, and the merged transitions: the part of the drawing without coordinates.
    struct Layout: Sendable, Hashable {
        /// The drawn states' names; a state's index is its node number.
        var names: [String]
        /// The initial state's node, `nil` when there are no states.
        var initial: Int?
        /// The node numbers of each column, top to bottom.
        var columns: [[Int]]
        /// The column of each node.
        var column: [Int]
        /// The row of each node within its column.
        var row: [Int]
        /// The column of the states that cannot be reached, `nil` when every state can be.
        var unreachableColumn: Int?
        /// The merged transitions, in order of first appearance.
        var edges: [Edge]
        /// States left out by ``GraphicsLimits/maximumStates``.
        var droppedStates: Int
        /// Transitions left out by ``GraphicsLimits/maximumTransitions`` or because a state was left out.
        var droppedTransitions: Int
    }

    /// All the transitions from one state to another, merged.
    struct Edge: Sendable, Hashable {
        /// The source node.
        var from: Int
        /// The target node.
        var to: Int
        /// The events, separated by commas, at most ``maximumEvents`` of them then `+N`.
        var label: String
        /// How many transitions were merged.
        var count: Int

        /// The events listed in a merged label before `+N`.
        static let maximumEvents = 3
    }

    /// The layout of this diagram (see the type's documentation).
    func layout() -> Layout {
        let limits = self.limits.clamped
        var names: [String] = []
        var index: [String: Int] = [:]
        var droppedStates = 0
        func node(_ name: String) -> Int? {
            if let existing = index[name] {
                return existing
            }
            guard names.count < limits.maximumStates else {
                return nil
            }
            index[name] = names.count
            names.append(name)
            return names.count - 1
        }
        // Every distinct name that could not get a node is counted once (up to 100,000 names).
        var refused = Set<String>()
        func refuse(_ name: String) {
            if refused.count < 100_000, refused.insert(name).inserted {
                droppedStates += 1
            }
        }
        let initial = self.initial.isEmpty ? nil : node(self.initial)
        for name in self.states where node(name) == nil {
            refuse(name)
        }

        var edges: [Edge] = []
        var edgeIndex: [Int: Int] = [:]
        let transitions = self.transitions.prefix(limits.maximumTransitions)
        var droppedTransitions = self.transitions.count - transitions.count
        for transition in transitions {
            let from = node(transition.from)
            let to = node(transition.to)
            guard let from, let to else {
                if from == nil { refuse(transition.from) }
                if to == nil { refuse(transition.to) }
                droppedTransitions += 1
                continue
            }
            let key = from * Self.nodeKeyStride + to
            let event = Markup.truncated(transition.label, to: min(limits.maximumLabelLength, 32))
            if let existing = edgeIndex[key] {
                edges[existing].count += 1
                if edges[existing].count <= Edge.maximumEvents {
                    edges[existing].label += ", " + event
                }
            } else {
                edgeIndex[key] = edges.count
                edges.append(Edge(from: from, to: to, label: event, count: 1))
            }
        }
        for position in edges.indices where edges[position].count > Edge.maximumEvents {
            edges[position].label += " +\(edges[position].count - Edge.maximumEvents)"
        }

        let (columns, column, unreachableColumn) = Self.columns(nodeCount: names.count, initial: initial, edges: edges)
        var row = [Int](repeating: 0, count: names.count)
        let ordered = Self.ordered(columns, column: column, edges: edges)
        for members in ordered {
            for (position, member) in members.enumerated() {
                row[member] = position
            }
        }
        return Layout(
            names: names,
            initial: initial,
            columns: ordered,
            column: column,
            row: row,
            unreachableColumn: unreachableColumn,
            edges: edges,
            droppedStates: droppedStates,
            droppedTransitions: droppedTransitions
        )
    }

    /// The multiplier that makes one `Int` key of a (from, to) pair; larger than any node count.
    private static let nodeKeyStride = 1 << 20

    /// Breadth-first depths from `initial`: the columns in discovery order, each node's column, and the column
    /// of the unreachable nodes (in node order).
    private static func columns(
        nodeCount: Int,
        initial: Int?,
        edges: [Edge]
    ) -> (columns: [[Int]], column: [Int], unreachable: Int?) {
        var successors = [[Int]](repeating: [], count: nodeCount)
        for edge in edges where edge.from != edge.to {
            successors[edge.from].append(edge.to)
        }
        var depth = [Int](repeating: -1, count: nodeCount)
        var columns: [[Int]] = []
        if let initial {
            depth[initial] = 0
            var queue = [initial]
            var head = 0
            while head < queue.count {
                let current = queue[head]
                head += 1
                if depth[current] == columns.count {
                    columns.append([])
                }
                columns[depth[current]].append(current)
                for next in successors[current] where depth[next] < 0 {
                    depth[next] = depth[current] + 1
                    queue.append(next)
                }
            }
        }
        let unreachable = (0..<nodeCount).filter { depth[$0] < 0 }
        var unreachableColumn: Int?
        if !unreachable.isEmpty {
            unreachableColumn = columns.count
            for member in unreachable {
                depth[member] = columns.count
            }
            columns.append(unreachable)
        }
        return (columns, depth, unreachableColumn)
    }

    /// `columns` after one left-to-right barycentre pass: each node's key is the mean row of its predecessors in
    /// the column just before it (its current row when it has none); ties keep the current order.
    private static func ordered(_ columns: [[Int]], column: [Int], edges: [Edge]) -> [[Int]] {
        var result = columns
        var row = [Int](repeating: 0, count: column.count)
        for members in result {
            for (position, member) in members.enumerated() {
                row[member] = position
            }
        }
        var predecessors = [[Int]](repeating: [], count: column.count)
        for edge in edges where edge.from != edge.to {
            predecessors[edge.to].append(edge.from)
        }
        for index in result.indices.dropFirst() {
            let keyed = result[index].enumerated().map { position, member in
                let before = predecessors[member].filter { column[$0] == index - 1 }
                let key =
                    before.isEmpty
                    ? Double(position)
                    : Double(before.reduce(0) { $0 + row[$1] }) / Double(before.count)
                return (key: key, position: position, member: member)
            }
            result[index] = keyed.sorted { lhs, rhs in
                lhs.key != rhs.key ? lhs.key < rhs.key : lhs.position < rhs.position
            }.map(\.member)
            for (position, member) in result[index].enumerated() {
                row[member] = position
            }
        }
        return result
    }
}
