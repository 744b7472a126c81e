extension BayesianTree: Equatable {
    /// Two trees are equal when their nodes have the same names, states, parents, CPTs and (normalised) root
    /// prior, in the same order. Where the definitions were written (``NodeDefinition/Lines``) does not count.
    public static func == (lhs: BayesianTree, rhs: BayesianTree) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        for (left, right) in zip(lhs.definitions, rhs.definitions) {
            guard left.name == right.name, left.states == right.states, left.parent == right.parent,
                left.cpt == right.cpt, left.prior == right.prior
            else {
                return false
            }
        }
        return true
    }
}
