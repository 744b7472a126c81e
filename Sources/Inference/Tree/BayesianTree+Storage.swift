extension BayesianTree {
    /// The tree's validated definitions and precomputed topology, immutable and shared by every copy of the tree.
    final class Storage: Sendable {
        /// See ``BayesianTree``'s property of the same name.
        let definitions: [NodeDefinition]
        /// See ``BayesianTree``'s property of the same name.
        let root: Int
        /// See ``BayesianTree``'s property of the same name.
        let parents: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let children: [[Int]]
        /// See ``BayesianTree``'s property of the same name.
        let childList: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let childStarts: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let order: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let counts: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let offsets: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let upOffsets: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let stateTotal: Int
        /// See ``BayesianTree``'s property of the same name.
        let upTotal: Int
        /// See ``BayesianTree``'s property of the same name.
        let cpt: [Double]
        /// See ``BayesianTree``'s property of the same name.
        let cptOffsets: [Int]
        /// See ``BayesianTree``'s property of the same name.
        let prior: [Double]
        /// See ``BayesianTree``'s property of the same name.
        let widest: Int
        /// See ``BayesianTree``'s property of the same name.
        let indexByName: [String: Int]

        /// Stores the parts computed by ``BayesianTree/init(nodes:)``.
        init(
            definitions: [NodeDefinition],
            root: Int,
            parents: [Int],
            children: [[Int]],
            childList: [Int],
            childStarts: [Int],
            order: [Int],
            counts: [Int],
            offsets: [Int],
            upOffsets: [Int],
            stateTotal: Int,
            upTotal: Int,
            cpt: [Double],
            cptOffsets: [Int],
            prior: [Double],
            widest: Int,
            indexByName: [String: Int]
        ) {
            self.definitions = definitions
            self.root = root
            self.parents = parents
            self.children = children
            self.childList = childList
            self.childStarts = childStarts
            self.order = order
            self.counts = counts
            self.offsets = offsets
            self.upOffsets = upOffsets
            self.stateTotal = stateTotal
            self.upTotal = upTotal
            self.cpt = cpt
            self.cptOffsets = cptOffsets
            self.prior = prior
            self.widest = widest
            self.indexByName = indexByName
        }
    }
}
