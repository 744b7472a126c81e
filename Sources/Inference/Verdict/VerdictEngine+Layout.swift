extension VerdictEngine {
    /// The node indices and discretisations the engine needs, resolved and checked once.
    struct Layout: Sendable {
        /// `To` in the request tree.
        var to: Int
        /// `Dispersion` in the request tree.
        var dispersion: Int
        /// The σ bands of `Dispersion`.
        var dispersionIntervals: Discretisation
        /// The markov node (`Trust`) in the request tree.
        var trust: Int
        /// `Anomalies` in the request tree.
        var anomalies: Int
        /// `SentBy` in the request tree, when the model has it (models written before it keep working).
        var sentBy: Int?
        /// `Behaviour` in the request tree, when the model has it.
        var behaviour: Int?
        /// `Historical` in the per-host tree.
        var historical: Int
        /// The sighting bands of `Historical`.
        var historicalIntervals: Discretisation
        /// `WHOIS` in the per-host tree.
        var whois: Int
        /// The coefficient bands of `WHOIS`.
        var whoisIntervals: Discretisation
        /// `AS` in the per-host tree.
        var autonomousSystem: Int
        /// The coefficient bands of `AS`.
        var autonomousSystemIntervals: Discretisation
        /// `GL` in the per-host tree.
        var location: Int
        /// The coefficient bands of `GL`.
        var locationIntervals: Discretisation
        /// `Fingerprint` in the per-host tree.
        var fingerprint: Int
        /// The coefficient bands of `Fingerprint`.
        var fingerprintIntervals: Discretisation
        /// `HasPort` in the per-host tree.
        var hasPort: Int
        /// `DNS` in the per-host tree.
        var dns: Int

        /// Resolves every node and interval; throws ``InferenceError/Code/missingNode`` when one is missing.
        init(model: InferenceModel, hostTree: BayesianTree) throws(InferenceError) {
            let tree = model.tree
            func node(
                _ name: String,
                states: Int? = nil,
                in tree: BayesianTree,
                under parent: Int
            ) throws(InferenceError) -> Int {
                guard let index = tree.index(of: name), tree.parent(of: index) == parent else {
                    throw .missingNode("the model needs a node '\(name)' under '\(tree.name(of: parent))'")
                }
                if let states, tree.states(of: index).count != states {
                    throw .missingNode("node '\(name)' needs \(states) states")
                }
                return index
            }
            func intervals(_ name: String) throws(InferenceError) -> Discretisation {
                guard let intervals = model.discretisations[name] else {
                    throw .missingNode("node '\(name)' needs intervals")
                }
                return intervals
            }
            self.to = try node("To", states: 2, in: tree, under: tree.root)
            self.dispersion = try node("Dispersion", in: tree, under: tree.root)
            self.dispersionIntervals = try intervals("Dispersion")
            self.anomalies = try node("Anomalies", states: 4, in: tree, under: tree.root)
            if tree.index(of: "SentBy") != nil {
                self.sentBy = try node("SentBy", states: 2, in: tree, under: tree.root)
            }
            if tree.index(of: "Behaviour") != nil {
                self.behaviour = try node("Behaviour", states: 2, in: tree, under: tree.root)
            }
            guard let markov = model.markov else {
                throw .missingNode("the model needs a markov block over the trust node")
            }
            self.trust = try node(markov.node, in: tree, under: tree.root)
            let trustRoot = hostTree.root
            self.historical = try node("Historical", in: hostTree, under: trustRoot)
            self.historicalIntervals = try intervals("Historical")
            self.whois = try node("WHOIS", in: hostTree, under: trustRoot)
            self.whoisIntervals = try intervals("WHOIS")
            self.autonomousSystem = try node("AS", in: hostTree, under: trustRoot)
            self.autonomousSystemIntervals = try intervals("AS")
            self.location = try node("GL", in: hostTree, under: trustRoot)
            self.locationIntervals = try intervals("GL")
            self.fingerprint = try node("Fingerprint", in: hostTree, under: trustRoot)
            self.fingerprintIntervals = try intervals("Fingerprint")
            self.hasPort = try node("HasPort", states: 2, in: hostTree, under: trustRoot)
            self.dns = try node("DNS", states: 2, in: hostTree, under: trustRoot)
        }
    }
}
