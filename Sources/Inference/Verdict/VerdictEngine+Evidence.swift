// How an observation becomes evidence on the tree's nodes: the one mapping that verdicts and learning share, so
// that a model learned from labelled observations is read the way the engine will use it.
//
//   main tree                              per-host tree (rooted at the markov node, Trust)
//   To          ← toIsOurs (Yes, No)        Historical  ← sightings, by the node's intervals
//   Dispersion  ← σ of hopCounts, intervals WHOIS, AS, GL, Fingerprint ← trust coefficients, intervals
//   Anomalies   ← AnomalySummary.state      HasPort     ← portOpen (Open, Closed)
//   Trust       ← soft: the chain's summary DNS         ← dnsValid (Valid, Invalid)
//   SentBy      ← sentByIsSource (Source, Other); optional: a model without the node ignores it
//   Behaviour   ← sourceIsAttacking (None, Attack); optional too
//
// A `nil` field, a σ from fewer than two hop counts, or a value that is not finite sends no evidence.

extension VerdictEngine {
    /// Hard evidence on `To`, `Dispersion`, `Anomalies`, `SentBy` and `Behaviour` from `observation`; nothing on `Trust` (the chain's
    /// summary goes there) or on the root.
    func requestEvidence(for observation: Observation) -> EvidenceSet {
        let layout = self.layout
        var evidence = EvidenceSet(for: self.model.tree)
        if let toIsOurs = observation.toIsOurs {
            evidence.setChecked(toIsOurs ? 0 : 1, on: layout.to)
        }
        if let sigma = observation.dispersion, let state = layout.dispersionIntervals.state(for: sigma) {
            evidence.setChecked(state, on: layout.dispersion)
        }
        if let anomalies = observation.anomalies {
            evidence.setChecked(anomalies.state, on: layout.anomalies)
        }
        if let sentByIsSource = observation.sentByIsSource, let node = layout.sentBy {
            evidence.setChecked(sentByIsSource ? 0 : 1, on: node)
        }
        if let attacking = observation.sourceIsAttacking, let node = layout.behaviour {
            evidence.setChecked(attacking ? 1 : 0, on: node)
        }
        return evidence
    }

    /// Hard evidence on the per-host tree's leaves from one host's investigation.
    func hostEvidence(for host: HostObservation) -> EvidenceSet {
        var evidence = EvidenceSet(for: self.hostTree)
        self.fillHostEvidence(host, into: &evidence)
        return evidence
    }

    /// Replaces `evidence` (a set for the per-host tree) with the evidence of `host`, without allocating.
    func fillHostEvidence(_ host: HostObservation, into evidence: inout EvidenceSet) {
        let layout = self.layout
        evidence.clearAll()
        if let sightings = host.sightings, let state = layout.historicalIntervals.state(for: Double(sightings)) {
            evidence.setChecked(state, on: layout.historical)
        }
        if let value = host.whoisTrust, let state = layout.whoisIntervals.state(for: value) {
            evidence.setChecked(state, on: layout.whois)
        }
        if let value = host.asTrust, let state = layout.autonomousSystemIntervals.state(for: value) {
            evidence.setChecked(state, on: layout.autonomousSystem)
        }
        if let value = host.locationTrust, let state = layout.locationIntervals.state(for: value) {
            evidence.setChecked(state, on: layout.location)
        }
        if let value = host.fingerprintTrust, let state = layout.fingerprintIntervals.state(for: value) {
            evidence.setChecked(state, on: layout.fingerprint)
        }
        if let open = host.portOpen {
            evidence.setChecked(open ? 0 : 1, on: layout.hasPort)
        }
        if let valid = host.dnsValid {
            evidence.setChecked(valid ? 0 : 1, on: layout.dns)
        }
    }
}

extension EvidenceSet {
    /// Hard evidence for a node and state the engine's layout has already checked to be in range.
    mutating func setChecked(_ state: Int, on node: Int) {
        let offset = self.offsets[node]
        for index in 0..<self.counts[node] {
            self.values[offset + index] = index == state ? 1 : 0
        }
    }

    /// Soft evidence for a node the engine's layout has checked, from a distribution (sums to 1: a valid likelihood).
    mutating func setSoftChecked(_ likelihood: [Double], on node: Int) {
        let offset = self.offsets[node]
        for index in 0..<min(self.counts[node], likelihood.count) {
            self.values[offset + index] = likelihood[index]
        }
    }

    /// Removes every evidence (λ back to all ones), keeping the buffer.
    mutating func clearAll() {
        for index in self.values.indices {
            self.values[index] = 1
        }
    }
}
