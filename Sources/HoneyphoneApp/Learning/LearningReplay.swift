public import Inference

/// The EM figures behind ``Learning/learnModel(from:base:alpha:tolerance:maximumIterations:)``, for `learn`'s summary.
///
/// `learnModel` returns only the model. Its two EM stages are replayed here with the engine's public API, reading
/// the evidence from the verdicts' own explanations (``Verdict/messages``, ``TrustStep/messages``: the observed
/// state of every evidence node, as the engine's mapping set it) so that no mapping is duplicated:
///
/// 1. hosts: one case per host of every request, hard evidence on the investigation leaves, and the chain's
///    pre-belief under the base model as soft evidence PRE_BEL(i) / initial(i) on the chain's node;
/// 2. requests: the request tree with the stage-1 host tables grafted in, hard evidence on the observed children
///    of the root, the chain's summary as soft evidence on the chain's node, and the label (when known) on the root.
///
/// A test checks that the replay's estimates equal `learnModel`'s, so the figures describe the model written.
public struct LearningReplay: Sendable {
    /// The host stage, or `nil` when the model has no chain or no case names a host.
    public var hosts: Learning.EMResult?
    /// The number of host cases.
    public var hostCases: Int
    /// The request stage.
    public var requests: Learning.EMResult
    /// The names of the nodes (below the root) that had evidence in at least one case of either stage: hard
    /// evidence on a leaf, or the chain's summary on the chain's node.
    public var observedNodes: Set<String>

    /// Replays learning from `labelled` cases over `base`.
    public static func replay(
        _ labelled: [LabelledCase],
        base: InferenceModel,
        alpha: Double,
        tolerance: Double,
        maximumIterations: Int
    ) throws(InferenceError) -> LearningReplay {
        let baseEngine = try VerdictEngine(model: base)
        var stage1 = base
        var hostResult: Learning.EMResult?
        var hostCount = 0
        var observed: Set<String> = []
        if let markov = base.markov, let hostTree = base.hostTree {
            var cases: [EvidenceSet] = []
            for example in labelled {
                let chain = baseEngine.verdict(for: example.observation).trustChain
                for step in chain {
                    var evidence = try Self.evidence(step.messages, tree: hostTree, observed: &observed)
                    var ratio = [Double](repeating: 0, count: step.preBelief.count)
                    for (state, weight) in step.preBelief.enumerated()
                    where state < markov.initial.count && markov.initial[state] > 0 {
                        ratio[state] = weight / markov.initial[state]
                    }
                    if Self.isLikelihood(ratio), ratio.count == hostTree.states(of: hostTree.root).count {
                        try evidence.set(.soft(ratio), on: hostTree.root)
                    }
                    cases.append(evidence)
                }
            }
            hostCount = cases.count
            let result = try Learning.expectationMaximisation(
                hostTree,
                from: cases,
                alpha: alpha,
                tolerance: tolerance,
                maximumIterations: maximumIterations
            )
            hostResult = result
            stage1 = try InferenceModel(
                tree: Self.graft(result.tree, into: base.tree),
                discretisations: base.discretisations,
                markov: base.markov,
                thresholds: base.thresholds
            )
        }
        let engine = try VerdictEngine(model: stage1)
        let tree = stage1.tree
        let trustNode = base.markov.flatMap { tree.index(of: $0.node) }
        var cases: [EvidenceSet] = []
        for example in labelled {
            let verdict = engine.verdict(for: example.observation)
            var evidence = try Self.evidence(verdict.messages, tree: tree, observed: &observed)
            if let trustNode, let summary = verdict.trustSummary, Self.isLikelihood(summary),
                summary.count == tree.states(of: trustNode).count
            {
                try evidence.set(.soft(summary), on: trustNode)
                observed.insert(tree.name(of: trustNode))
            }
            if let nature = example.nature {
                guard let state = tree.states(of: tree.root).firstIndex(of: nature) else {
                    throw InferenceError(code: .invalidEvidence, message: "the label '\(nature)' names no root state")
                }
                try evidence.set(.hard(state), on: tree.root)
            }
            cases.append(evidence)
        }
        let requests = try Learning.expectationMaximisation(
            tree,
            from: cases,
            alpha: alpha,
            tolerance: tolerance,
            maximumIterations: maximumIterations
        )
        return LearningReplay(hosts: hostResult, hostCases: hostCount, requests: requests, observedNodes: observed)
    }

    /// Hard evidence on every node whose message names an observed state.
    static func evidence(
        _ messages: [EvidenceMessage],
        tree: BayesianTree,
        observed: inout Set<String>
    ) throws(InferenceError) -> EvidenceSet {
        var evidence = EvidenceSet(for: tree)
        for message in messages {
            guard let state = message.observedState, let node = tree.index(of: message.node),
                let index = tree.states(of: node).firstIndex(of: state)
            else { continue }
            try evidence.set(.hard(index), on: node)
            observed.insert(message.node)
        }
        return evidence
    }

    /// `tree` with the CPTs of the host tree's nodes below its root (matched by name).
    static func graft(_ hostTree: BayesianTree, into tree: BayesianTree) throws(InferenceError) -> BayesianTree {
        var definitions = tree.definitions
        for node in 0..<hostTree.count where node != hostTree.root {
            guard let index = tree.index(of: hostTree.name(of: node)) else { continue }
            definitions[index].cpt = hostTree.definitions[node].cpt
        }
        return try BayesianTree(nodes: definitions)
    }

    /// `learned` with the tables of the nodes no case observed (not in `observed`; the root excepted) taken back
    /// from `base`.
    ///
    /// With no evidence on a node, EM's expected counts follow the current table and the pseudo-count α pulls the
    /// table a little toward uniform at every iteration, so it ends near uniform: the base's knowledge (the paper's
    /// CPT(To/Nature), the operator's tables) would be erased by data that says nothing about it. Such a node sends
    /// a uniform message whatever its table, so keeping the base's table changes no figure of the replay.
    public static func keepingUnobservedTables(
        _ learned: InferenceModel,
        base: InferenceModel,
        observed: Set<String>
    ) throws(InferenceError) -> (model: InferenceModel, kept: [String]) {
        var definitions = learned.tree.definitions
        var kept: [String] = []
        for (index, definition) in definitions.enumerated() where definition.parent != nil {
            guard !observed.contains(definition.name), let original = base.tree.index(of: definition.name) else {
                continue
            }
            let table = base.tree.definitions[original].cpt
            if table != definition.cpt {
                definitions[index].cpt = table
                kept.append(definition.name)
            }
        }
        let model = try InferenceModel(
            tree: BayesianTree(nodes: definitions),
            discretisations: learned.discretisations,
            markov: learned.markov,
            thresholds: learned.thresholds
        )
        return (model, kept)
    }

    static func isLikelihood(_ vector: [Double]) -> Bool {
        vector.allSatisfy { $0.isFinite && $0 >= 0 } && vector.contains { $0 > 0 }
    }
}
