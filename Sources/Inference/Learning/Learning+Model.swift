// The entry point of `honeyphone learn`: labelled observations in, a new model out.
//
// An observation reaches the tree through the verdict engine's own mapping (``VerdictEngine`` `requestEvidence`
// and `hostEvidence`, the same discretisation intervals), so learning counts exactly the states inference will
// later read. The paper's model is two trees joined by a Markov chain, and it is learned in two stages:
//
// 1. The per-host tree (Trust and its investigation leaves). Every host of every case is one case of that tree;
//    Trust is never observed, so this is EM. The host's pre-belief from the chain (PRE_BEL_k, computed with the
//    base model) enters as soft evidence PRE_BEL_k(i) / initial(i) on Trust, so that each host is weighed as the
//    engine weighs it.
// 2. The request tree (Nature, To, Dispersion, Anomalies, Trust). Nature is hard evidence from the label (or
//    hidden when the label is missing), the request fields are hard evidence, and the chain's summary over the
//    case's hosts (computed with the stage-1 tables) is soft evidence on Trust, exactly as in a verdict. EM
//    estimates π_Nature and the CPTs under Nature.
//
// The CPTs under Trust in the result are those of stage 1 (stage 2 sees no evidence there). The Markov chain
// (M and the initial pre-belief), the intervals and the thresholds are the base model's: labels per request say
// nothing about how trust moves from host to host, and intervals and thresholds are the operator's decisions.

extension Learning {
    /// A model with the structure, intervals, chain and thresholds of `base` and CPTs and prior estimated from
    /// `labelled` by EM (counts with the Dirichlet pseudo-count `alpha` where everything is known), starting from
    /// `base`'s parameters.
    ///
    /// Throws ``InferenceError/Code/missingNode`` when `base` is not shaped as ``VerdictEngine`` needs and
    /// ``InferenceError/Code/invalidEvidence`` for a label that names no state of the root.
    public static func learnModel(
        from labelled: [LabelledCase],
        base: InferenceModel,
        alpha: Double = 1,
        tolerance: Double = 1e-6,
        maximumIterations: Int = 100
    ) throws(InferenceError) -> InferenceModel {
        let baseEngine = try VerdictEngine(model: base)
        let hostTree = baseEngine.hostTree
        var hostCases: [EvidenceSet] = []
        for example in labelled {
            let chain = baseEngine.verdict(for: example.observation).trustChain
            for (host, step) in zip(example.observation.hosts, chain) {
                var evidence = baseEngine.hostEvidence(for: host)
                var ratio = [Double](repeating: 0, count: step.preBelief.count)
                for (state, weight) in step.preBelief.enumerated() where baseEngine.markov.initial[state] > 0 {
                    ratio[state] = weight / baseEngine.markov.initial[state]
                }
                if Vector.isLikelihood(ratio) {
                    try evidence.set(.soft(ratio), on: hostTree.root)
                }
                hostCases.append(evidence)
            }
        }
        let learnedHost = try Self.expectationMaximisation(
            hostTree,
            from: hostCases,
            alpha: alpha,
            tolerance: tolerance,
            maximumIterations: maximumIterations
        ).tree
        let stage1 = try Self.model(base, tree: Self.graft(learnedHost, into: base.tree))

        let engine = try VerdictEngine(model: stage1)
        let tree = stage1.tree
        var cases: [EvidenceSet] = []
        cases.reserveCapacity(labelled.count)
        for example in labelled {
            var evidence = engine.requestEvidence(for: example.observation)
            if let summary = engine.verdict(for: example.observation).trustSummary, Vector.isLikelihood(summary) {
                try evidence.set(.soft(summary), on: engine.layout.trust)
            }
            if let nature = example.nature {
                guard let state = tree.states(of: tree.root).firstIndex(of: nature) else {
                    throw .invalidEvidence("the label '\(nature)' names no state of '\(tree.name(of: tree.root))'")
                }
                try evidence.set(.hard(state), on: tree.root)
            }
            cases.append(evidence)
        }
        let learned = try Self.expectationMaximisation(
            tree,
            from: cases,
            alpha: alpha,
            tolerance: tolerance,
            maximumIterations: maximumIterations
        ).tree
        return try Self.model(base, tree: Self.graft(learnedHost, into: learned))
    }

    /// `tree` with the CPTs of every node below the host tree's root taken from `hostTree` (matched by name).
    static func graft(_ hostTree: BayesianTree, into tree: BayesianTree) throws(InferenceError) -> BayesianTree {
        var definitions = tree.definitions
        for node in 0..<hostTree.count where node != hostTree.root {
            let name = hostTree.name(of: node)
            guard let index = tree.index(of: name) else {
                throw .missingNode("the tree lacks the host tree's node '\(name)'")
            }
            definitions[index].cpt = hostTree.definitions[node].cpt
        }
        return try BayesianTree(nodes: definitions)
    }

    /// `base` with another tree of the same structure.
    static func model(_ base: InferenceModel, tree: BayesianTree) throws(InferenceError) -> InferenceModel {
        try InferenceModel(
            tree: tree,
            discretisations: base.discretisations,
            markov: base.markov,
            thresholds: base.thresholds
        )
    }
}
