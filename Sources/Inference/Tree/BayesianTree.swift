/// A Bayesian tree (paper §VII-A): a directed tree whose nodes hold discrete states, each non-root node
/// linked to its single parent by a conditional probability table, the root carrying a prior π.
///
/// The tree is immutable once built: ``init(nodes:)`` validates the definitions (distinct names, one root,
/// known parents, no cycles, one CPT row per parent state, every row a distribution within
/// ``rowTolerance``) and precomputes the topology (a root-first order, children lists, flat offsets) so
/// that ``propagate(_:rootPrior:)`` only walks arrays of `Double`.
///
/// Node indices are the positions of the definitions passed to ``init(nodes:)``.
public struct BayesianTree: Sendable {
    /// Everything the tree holds, behind one reference: a copy of the tree (each ``Propagation`` keeps one) costs one
    /// retain, not one per array.
    let storage: Storage

    /// How far a CPT row's sum may stray from 1: `1e-6`.
    public static let rowTolerance = 1e-6

    /// The definitions the tree was built from, with priors normalised and in node-index order.
    public var definitions: [NodeDefinition] {
        self.storage.definitions
    }

    /// The index of the root.
    public var root: Int {
        self.storage.root
    }

    /// The parent of each node, `-1` for the root.
    var parents: [Int] {
        self.storage.parents
    }

    /// The children of each node, in definition order.
    var children: [[Int]] {
        self.storage.children
    }

    /// Every node's children, flattened in node order: node `n`'s are `childList[childStarts[n]..<childStarts[n + 1]]`
    /// (one array to walk in propagation's inner loop instead of an array of arrays).
    var childList: [Int] {
        self.storage.childList
    }

    /// Where each node's children start in ``childList``, plus a final entry: its length.
    var childStarts: [Int] {
        self.storage.childStarts
    }

    /// Every node, parents before children (breadth-first from the root).
    var order: [Int] {
        self.storage.order
    }

    /// The number of states of each node.
    var counts: [Int] {
        self.storage.counts
    }

    /// Where each node's states start in a flat per-state buffer.
    var offsets: [Int] {
        self.storage.offsets
    }

    /// Where each non-root node's message to its parent starts in a flat buffer sized by the parents' states.
    var upOffsets: [Int] {
        self.storage.upOffsets
    }

    /// The total number of states over all nodes: the length of a flat per-state buffer.
    var stateTotal: Int {
        self.storage.stateTotal
    }

    /// The total number of parent states over all non-root nodes: the length of the flat buffer of λ messages.
    var upTotal: Int {
        self.storage.upTotal
    }

    /// Each node's CPT, row-major (`parentStates × states`), concatenated; the root contributes nothing.
    var cpt: [Double] {
        self.storage.cpt
    }

    /// Where each node's CPT starts in ``cpt`` (for the root, where the next node's starts: it has none).
    var cptOffsets: [Int] {
        self.storage.cptOffsets
    }

    /// The root's normalised prior.
    public var prior: [Double] {
        self.storage.prior
    }

    /// The largest number of states of any node.
    var widest: Int {
        self.storage.widest
    }

    /// Node indices by name, for ``index(of:)``.
    private var indexByName: [String: Int] {
        self.storage.indexByName
    }

    /// The number of nodes.
    public var count: Int {
        self.definitions.count
    }

    /// Builds and validates a tree. Errors carry the line of the offending part when the definitions hold
    /// lines (see ``NodeDefinition/Lines``).
    public init(nodes: [NodeDefinition]) throws(InferenceError) {
        let topology = try Topology(nodes: nodes)
        var definitions = nodes
        var cpt: [Double] = []
        var cptOffsets: [Int] = []
        for (index, node) in nodes.enumerated() {
            cptOffsets.append(cpt.count)
            let parent = topology.parents[index]
            if parent < 0 {
                definitions[index].prior = try Self.validatedPrior(node)
                continue
            }
            try Self.validateRows(node, parentStates: nodes[parent].states.count)
            for row in node.cpt {
                cpt.append(contentsOf: row)
            }
        }
        var offsets: [Int] = []
        var upOffsets: [Int] = []
        var stateTotal = 0
        var upTotal = 0
        for (index, node) in nodes.enumerated() {
            offsets.append(stateTotal)
            stateTotal += node.states.count
            upOffsets.append(upTotal)
            let parent = topology.parents[index]
            if parent >= 0 {
                upTotal += nodes[parent].states.count
            }
        }
        var childStarts = [0]
        for list in topology.children {
            childStarts.append(childStarts[childStarts.count - 1] + list.count)
        }
        let counts = nodes.map { $0.states.count }
        self.storage = Storage(
            definitions: definitions,
            root: topology.root,
            parents: topology.parents,
            children: topology.children,
            childList: topology.children.flatMap { $0 },
            childStarts: childStarts,
            order: topology.order,
            counts: counts,
            offsets: offsets,
            upOffsets: upOffsets,
            stateTotal: stateTotal,
            upTotal: upTotal,
            cpt: cpt,
            cptOffsets: cptOffsets,
            prior: definitions[topology.root].prior ?? [],
            widest: counts.max() ?? 0,
            indexByName: topology.indexByName
        )
    }

    /// The index of the node called `name`, or `nil`.
    public func index(of name: String) -> Int? {
        self.indexByName[name]
    }

    /// The name of node `index`.
    public func name(of index: Int) -> String {
        self.definitions[index].name
    }

    /// The state names of node `index`.
    public func states(of index: Int) -> [String] {
        self.definitions[index].states
    }

    /// The parent of node `index`, or `nil` for the root.
    public func parent(of index: Int) -> Int? {
        self.parents[index] < 0 ? nil : self.parents[index]
    }

    /// The children of node `index`, in definition order.
    public func children(of index: Int) -> [Int] {
        self.children[index]
    }

    /// `P(node = j | parent = i)`; `parentState` and `state` must be in range and `node` not the root.
    public func probability(of node: Int, state: Int, givenParentState parentState: Int) -> Double {
        self.cpt[self.cptOffsets[node] + parentState * self.counts[node] + state]
    }

    /// Every node in the subtree rooted at `node` (itself included), parents before children.
    public func subtree(rootedAt node: Int) -> [Int] {
        var result = [node]
        var cursor = 0
        while cursor < result.count {
            result.append(contentsOf: self.children[result[cursor]])
            cursor += 1
        }
        return result
    }
}
