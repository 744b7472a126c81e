/// Computes a ``Verdict`` for an ``Observation`` with a model shaped like the paper's Fig. 6.
///
/// The model must hold a root with children `To` (2 states, `Yes` first), `Dispersion` (with intervals),
/// `Trust` (the markov node) and `Anomalies` (4 states: none, warnings, errors, tool-shaped); under `Trust`
/// the nodes `Historical`, `WHOIS`, `AS`, `GL`, `Fingerprint` (all with intervals), `HasPort` (`Open`
/// first) and `DNS` (`Valid` first). ``init(model:)`` checks this once; ``verdict(for:)`` never fails.
///
/// The steps follow paper §VII-C: each host's evidence is propagated in the trust subtree with the chain's
/// pre-belief as prior, its posterior goes through M to become the next pre-belief, and the last posterior
/// enters the full tree as soft evidence on `Trust`, beside the hard evidence on `To`, `Dispersion` and
/// `Anomalies`.
public struct VerdictEngine: Sendable {
    /// The model in use.
    public let model: InferenceModel

    /// The node indices and discretisations of the model, resolved once.
    let layout: Layout

    /// The per-host tree of the model (``InferenceModel/hostTree``).
    let hostTree: BayesianTree

    /// The chain over hosts (``InferenceModel/markov``).
    let markov: MarkovChain

    /// The decision threshold of each root state, by state index (`nil`: never flagged).
    let thresholds: [Double?]

    /// Prepares an engine; throws ``InferenceError/Code/missingNode`` when the model lacks the shape above.
    public init(model: InferenceModel = .default) throws(InferenceError) {
        guard let markov = model.markov, let hostTree = model.hostTree else {
            throw .missingNode("the model needs a markov block over the trust node")
        }
        let width = hostTree.counts[hostTree.root]
        guard markov.matrix.count == width, markov.matrix.allSatisfy({ $0.count == width }),
            markov.initial.count == width
        else {
            throw .invalidMarkov("the chain's matrix and initial pre-belief must match the states of its node", line: 0)
        }
        self.model = model
        self.markov = markov
        self.hostTree = hostTree
        self.layout = try Layout(model: model, hostTree: hostTree)
        self.thresholds = model.tree.states(of: model.tree.root).map { model.thresholds[$0] }
    }

    /// The verdict for `observation`. Unknown fields send no evidence.
    ///
    /// One propagation per host and one for the request, each upward and at the root only (a verdict reads no
    /// other belief); the explanation is kept as those propagations and built when read (see ``Verdict``).
    public func verdict(for observation: Observation) -> Verdict {
        let tree = self.model.tree
        let hostTree = self.hostTree
        let trustRoot = hostTree.root
        let width = hostTree.counts[trustRoot]
        var hosts: [Propagation] = []
        hosts.reserveCapacity(observation.hosts.count)
        var preBelief = self.markov.initial
        var hostEvidence = EvidenceSet(for: hostTree)
        for host in observation.hosts {
            self.fillHostEvidence(host, into: &hostEvidence)
            let propagation = hostTree.propagateToRoot(hostEvidence, rootPrior: preBelief)
            // PRE_BEL_{k+1} = POST_BEL_k · M, in place.
            for to in 0..<width {
                var sum = 0.0
                for from in 0..<width {
                    sum += propagation.belief(of: trustRoot, state: from) * self.markov.matrix[from][to]
                }
                preBelief[to] = sum
            }
            hosts.append(propagation)
        }

        var evidence = self.requestEvidence(for: observation)
        let summary = hosts.last.map { $0.belief(of: trustRoot) }
        if let summary {
            evidence.setSoftChecked(summary, on: self.layout.trust)
        }
        let propagation = tree.propagateToRoot(evidence)
        let root = tree.root
        let belief = propagation.belief(of: root)
        var flagged: [String] = []
        for (index, threshold) in self.thresholds.enumerated() {
            if let threshold, belief[index] >= threshold {
                flagged.append(tree.states(of: root)[index])
            }
        }
        return Verdict(
            states: tree.states(of: root),
            belief: belief,
            winner: propagation.mostLikelyState(of: root),
            prior: propagation.pi(of: root),
            lambda: propagation.lambda(of: root),
            propagations: Verdict.Propagations(
                root: propagation,
                hosts: hosts,
                observations: observation.hosts,
                trust: self.layout.trust
            ),
            trustSummary: summary,
            flagged: flagged,
            conflicts: propagation.conflicts.map { tree.name(of: $0) }
        )
    }
}
