extension Verdict {
    /// The source of a verdict's explanation: given values, or the propagations to build them from.
    enum Explanation: Sendable {
        /// Built by the caller (``Verdict/init(states:belief:winner:prior:lambda:messages:trustChain:trustSummary:flagged:conflicts:)``).
        case given(messages: [EvidenceMessage], trustChain: [TrustStep])
        /// Built by ``VerdictEngine`` and kept as propagations until read.
        case propagated(Propagations)
    }

    /// Everything the engine propagated for one verdict.
    struct Propagations: Sendable {
        /// The request tree's propagation.
        var root: Propagation
        /// The per-host tree's propagation for each host, in list order.
        var hosts: [Propagation]
        /// The hosts, for their names.
        var observations: [HostObservation]
        /// The node of the request tree that received the chain's summary as soft evidence (`Trust`).
        var trust: Int

        /// The λ message of every child of the request tree's root.
        var messages: [EvidenceMessage] {
            let tree = self.root.tree
            return tree.children(of: tree.root).map { child in
                EvidenceMessage(
                    node: tree.name(of: child),
                    observedState: child == self.trust ? nil : Self.hardState(of: child, in: self.root),
                    vector: self.root.message(from: child)
                )
            }
        }

        /// One step per host.
        var trustChain: [TrustStep] {
            zip(self.observations, self.hosts).map { host, propagation in
                let tree = propagation.tree
                let messages = tree.children(of: tree.root).map { child in
                    EvidenceMessage(
                        node: tree.name(of: child),
                        observedState: Self.hardState(of: child, in: propagation),
                        vector: propagation.message(from: child)
                    )
                }
                return TrustStep(
                    host: host.host,
                    preBelief: propagation.pi(of: tree.root),
                    lambda: propagation.lambda(of: tree.root),
                    posterior: propagation.belief(of: tree.root),
                    messages: messages
                )
            }
        }

        /// The name of the state `node` was known to be in (hard evidence: exactly one entry 1, the rest 0).
        static func hardState(of node: Int, in propagation: Propagation) -> String? {
            let tree = propagation.tree
            var found: Int?
            for state in 0..<tree.counts[node] {
                let value = propagation.evidenceValue(of: node, state: state)
                if value == 1, found == nil {
                    found = state
                } else if value != 0 {
                    return nil
                }
            }
            return found.map { tree.states(of: node)[$0] }
        }
    }
}
