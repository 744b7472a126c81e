/// One node of a Bayesian tree as written in a model: its name, its states, its parent and the conditional
/// probability table (CPT) that links it to that parent, or the prior when it is the root.
///
/// This is the input to ``BayesianTree/init(nodes:)``; the tree validates it. ``Lines`` carry the positions
/// of the definition in a model text so that a validation error names the offending line.
public struct NodeDefinition: Sendable, Hashable {
    /// The node's name, unique in the tree.
    public var name: String

    /// The names of the node's states, in order; at least two, all distinct.
    public var states: [String]

    /// The parent's name, or `nil` for the root.
    public var parent: String?

    /// The CPT: `cpt[i][j] = P(self = j | parent = i)`, one row per parent state (paper §VII-A). Empty for
    /// the root.
    public var cpt: [[Double]]

    /// The root's prior π as non-negative weights (normalised on load); `nil` for every other node.
    public var prior: [Double]?

    /// Where the parts of this definition were written, for error positions.
    public var lines: Lines

    /// Creates a node definition.
    public init(
        name: String,
        states: [String],
        parent: String? = nil,
        cpt: [[Double]] = [],
        prior: [Double]? = nil,
        lines: Lines = Lines()
    ) {
        self.name = name
        self.states = states
        self.parent = parent
        self.cpt = cpt
        self.prior = prior
        self.lines = lines
    }
}

extension NodeDefinition {
    /// The 1-based lines of a node definition in a model text; `0` where unknown (a tree built in code).
    public struct Lines: Sendable, Hashable {
        /// The `node:` line.
        public var node: Int
        /// The `states:` line.
        public var states: Int
        /// The `parent:` line.
        public var parent: Int
        /// The `prior:` line.
        public var prior: Int
        /// The line of each CPT row, parallel to ``NodeDefinition/cpt``.
        public var rows: [Int]

        /// Creates line positions; all default to unknown.
        public init(node: Int = 0, states: Int = 0, parent: Int = 0, prior: Int = 0, rows: [Int] = []) {
            self.node = node
            self.states = states
            self.parent = parent
            self.prior = prior
            self.rows = rows
        }

        /// The line of row `index`, or the node line when it is unknown.
        func row(_ index: Int) -> Int {
            index < self.rows.count && self.rows[index] > 0 ? self.rows[index] : self.node
        }
    }
}
