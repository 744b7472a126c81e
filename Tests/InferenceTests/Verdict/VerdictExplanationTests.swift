import Testing

@testable import Inference

/// The verdict path propagates to the root only and builds its explanation lazily: both must give what a full
/// propagation gives.
@Suite struct VerdictExplanationTests {
    static let observation = Observation(
        toIsOurs: false,
        hopCounts: [3, 9, 14, nil, 2],
        hosts: (0..<5).map { index in
            HostObservation(
                host: "host\(index).example.net",
                sightings: index,
                whoisTrust: 0.2 * Double(index),
                asTrust: index == 2 ? nil : 0.5,
                locationTrust: 0.8 - 0.1 * Double(index),
                portOpen: index.isMultiple(of: 2),
                fingerprintTrust: 0.3,
                dnsValid: index != 3
            )
        },
        anomalies: AnomalySummary(errors: 1)
    )

    @Test func rootOnlyPropagationAgreesWithTheFullOne() throws {
        let engine = try VerdictEngine()
        let verdict = engine.verdict(for: Self.observation)
        let hostTree = engine.hostTree
        var preBelief = engine.markov.initial
        for (host, step) in zip(Self.observation.hosts, verdict.trustChain) {
            let full = hostTree.propagate(engine.hostEvidence(for: host), rootPrior: preBelief)
            #expect(isClose(step.posterior, full.belief(of: hostTree.root), tolerance: 1e-12))
            #expect(isClose(step.preBelief, full.pi(of: hostTree.root), tolerance: 1e-12))
            for message in step.messages {
                let node = try #require(hostTree.index(of: message.node))
                #expect(isClose(message.vector, full.message(from: node), tolerance: 1e-12))
            }
            preBelief = engine.markov.step(full.belief(of: hostTree.root))
        }
        let tree = engine.model.tree
        var evidence = engine.requestEvidence(for: Self.observation)
        try evidence.set(.soft(try #require(verdict.trustSummary)), on: engine.layout.trust)
        let full = tree.propagate(evidence)
        #expect(isClose(verdict.belief, full.belief(of: tree.root), tolerance: 1e-12))
        #expect(verdict.messages.map(\.observedState) == ["No", "High", nil, "Errors", nil, nil])
        #expect(verdict.trustChain[2].messages.first { $0.node == "AS" }?.observedState == nil)
        #expect(verdict.trustChain[2].messages.first { $0.node == "Historical" }?.observedState == "1-2")
    }

    @Test func aLazyVerdictEqualsTheSameVerdictBuiltEagerly() throws {
        let verdict = try VerdictEngine().verdict(for: Self.observation)
        let eager = Verdict(
            states: verdict.states,
            belief: verdict.belief,
            winner: verdict.winner,
            prior: verdict.prior,
            lambda: verdict.lambda,
            messages: verdict.messages,
            trustChain: verdict.trustChain,
            trustSummary: verdict.trustSummary,
            flagged: verdict.flagged,
            conflicts: verdict.conflicts
        )
        #expect(eager == verdict)
        #expect(eager.hashValue == verdict.hashValue)
        var other = eager
        other.flagged = ["Suspicious"]
        #expect(other != verdict)
    }
}
