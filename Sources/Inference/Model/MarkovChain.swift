/// The discrete Markov chain that summarises a per-host node over a list of hosts (paper §VII-C):
/// `PRE_BEL_k = POST_BEL_{k−1} · M`.
///
/// `matrix[i][j]` is the probability of moving from state `i` to state `j`; each row sums to 1. The first
/// host's pre-belief is ``initial``.
public struct MarkovChain: Sendable, Hashable {
    /// The name of the node the chain runs over (the root of the per-host subtree), `Trust` in the paper.
    public let node: String

    /// The transition matrix M, row-stochastic, square over the node's states.
    public let matrix: [[Double]]

    /// The pre-belief of the first host, normalised (uniform in the paper).
    public let initial: [Double]

    /// Creates a chain; the parser validates the shapes.
    public init(node: String, matrix: [[Double]], initial: [Double]) {
        self.node = node
        self.matrix = matrix
        self.initial = initial
    }

    /// `posterior · M`: the next host's pre-belief.
    public func step(_ posterior: [Double]) -> [Double] {
        var next = [Double](repeating: 0, count: self.matrix.count)
        for (from, weight) in posterior.enumerated() where from < self.matrix.count {
            for (to, probability) in self.matrix[from].enumerated() where to < next.count {
                next[to] += weight * probability
            }
        }
        return next
    }
}
