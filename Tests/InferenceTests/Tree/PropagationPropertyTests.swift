import Testing

@testable import Inference

/// Seeded random trees and evidence: propagation agrees with brute-force enumeration of the joint
/// distribution, beliefs are distributions, and favouring a state never lowers its belief.
@Suite struct PropagationPropertyTests {
    struct Scenario {
        var tree: BayesianTree
        var evidence: EvidenceSet
        var likelihoods: [[Double]]
    }

    static func randomDistribution(_ count: Int, using generator: inout SplitMix64) -> [Double] {
        var row = (0..<count).map { _ in Double.random(in: 0.05...1, using: &generator) }
        if count > 2, Bool.random(using: &generator) {
            row[Int.random(in: 0..<count, using: &generator)] = 0
        }
        let sum = row.reduce(0, +)
        return row.map { $0 / sum }
    }

    static func randomTree(nodes: Int, using generator: inout SplitMix64) throws -> BayesianTree {
        var definitions: [NodeDefinition] = []
        for index in 0..<nodes {
            let states = (0..<Int.random(in: 2...3, using: &generator)).map { "s\($0)" }
            if index == 0 {
                definitions.append(
                    NodeDefinition(
                        name: "n0",
                        states: states,
                        prior: Self.randomDistribution(states.count, using: &generator)
                    )
                )
                continue
            }
            let parent = Int.random(in: 0..<index, using: &generator)
            let rows = (0..<definitions[parent].states.count).map { _ in
                Self.randomDistribution(states.count, using: &generator)
            }
            definitions.append(NodeDefinition(name: "n\(index)", states: states, parent: "n\(parent)", cpt: rows))
        }
        return try BayesianTree(nodes: definitions)
    }

    static func scenario(seed: UInt64) throws -> Scenario {
        var generator = SplitMix64(seed: seed)
        let tree = try Self.randomTree(nodes: Int.random(in: 1...6, using: &generator), using: &generator)
        var evidence = EvidenceSet(for: tree)
        for node in 0..<tree.count where Double.random(in: 0..<1, using: &generator) < 0.5 {
            let count = tree.states(of: node).count
            if Bool.random(using: &generator) {
                try evidence.set(.hard(Int.random(in: 0..<count, using: &generator)), on: node)
            } else {
                try evidence.set(
                    .soft((0..<count).map { _ in Double.random(in: 0.01...1, using: &generator) }),
                    on: node
                )
            }
        }
        return Scenario(
            tree: tree,
            evidence: evidence,
            likelihoods: (0..<tree.count).map { evidence.likelihood(of: $0) }
        )
    }

    /// Marginals of P(x) · Π λ_n(x_n) by enumerating every joint assignment.
    static func bruteForce(_ scenario: Scenario) -> [[Double]]? {
        let tree = scenario.tree
        var marginals = (0..<tree.count).map { [Double](repeating: 0, count: tree.states(of: $0).count) }
        var assignment = [Int](repeating: 0, count: tree.count)
        var total = 0.0
        while true {
            var weight = 1.0
            for node in 0..<tree.count {
                let state = assignment[node]
                if let parent = tree.parent(of: node) {
                    weight *= tree.probability(of: node, state: state, givenParentState: assignment[parent])
                } else {
                    weight *= tree.prior[state]
                }
                weight *= scenario.likelihoods[node][state]
            }
            total += weight
            for node in 0..<tree.count {
                marginals[node][assignment[node]] += weight
            }
            var digit = 0
            while digit < tree.count {
                assignment[digit] += 1
                if assignment[digit] < tree.states(of: digit).count {
                    break
                }
                assignment[digit] = 0
                digit += 1
            }
            if digit == tree.count {
                break
            }
        }
        guard total > 0 else {
            return nil
        }
        return marginals.map { $0.map { $0 / total } }
    }

    @Test(arguments: 0..<200)
    func beliefsMatchEnumeration(seed: Int) throws {
        let scenario = try Self.scenario(seed: UInt64(seed))
        let propagation = scenario.tree.propagate(scenario.evidence)
        guard let expected = Self.bruteForce(scenario) else {
            #expect(!propagation.conflicts.isEmpty)
            return
        }
        #expect(propagation.conflicts.isEmpty)
        for node in 0..<scenario.tree.count {
            let belief = propagation.belief(of: node)
            #expect(belief.allSatisfy { $0 >= 0 && $0.isFinite })
            #expect(abs(belief.reduce(0, +) - 1) < 1e-9)
            #expect(isClose(belief, expected[node], tolerance: 1e-9), "node \(node)")
        }
    }

    @Test(arguments: 0..<100)
    func favouringAStateNeverLowersItsBelief(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) &+ 10_000)
        let leaves = Int.random(in: 1...4, using: &generator)
        var scenario = try Self.scenario(seed: UInt64(seed))
        // A one-level tree: a root and `leaves` children.
        var definitions = [
            NodeDefinition(name: "root", states: ["a", "b", "c"], prior: Self.randomDistribution(3, using: &generator))
        ]
        for leaf in 0..<leaves {
            let rows = (0..<3).map { _ in Self.randomDistribution(2 + leaf % 2, using: &generator) }
            definitions.append(
                NodeDefinition(
                    name: "leaf\(leaf)",
                    states: (0..<(2 + leaf % 2)).map { "s\($0)" },
                    parent: "root",
                    cpt: rows
                )
            )
        }
        scenario.tree = try BayesianTree(nodes: definitions)
        var evidence = EvidenceSet(for: scenario.tree)
        for leaf in 1...leaves where Bool.random(using: &generator) {
            let count = scenario.tree.states(of: leaf).count
            try evidence.set(.soft((0..<count).map { _ in Double.random(in: 0.05...1, using: &generator) }), on: leaf)
        }
        let before = scenario.tree.propagate(evidence)
        let node = Int.random(in: 0...leaves, using: &generator)
        let count = scenario.tree.states(of: node).count
        let favoured = Int.random(in: 0..<count, using: &generator)
        let low = Double.random(in: 0.05...0.5, using: &generator)
        var boosted = evidence
        let old = evidence.likelihood(of: node)
        let factor = (0..<count).map { $0 == favoured ? 1.0 : low }
        try boosted.set(.soft(zip(old, factor).map { $0 * $1 }), on: node)
        let after = scenario.tree.propagate(boosted)
        #expect(after.belief(of: node, state: favoured) >= before.belief(of: node, state: favoured) - 1e-12)
        let prior = before.belief(of: node, state: favoured)
        if prior > 1e-9, prior < 1 - 1e-9 {
            #expect(after.belief(of: node, state: favoured) > before.belief(of: node, state: favoured))
        }
    }

    @Test func contradictoryEvidenceIsFlaggedNotNaN() throws {
        let root = NodeDefinition(name: "r", states: ["a", "b"], prior: [0.5, 0.5])
        let leaf = NodeDefinition(name: "l", states: ["x", "y"], parent: "r", cpt: [[1, 0], [1, 0]])
        let tree = try BayesianTree(nodes: [root, leaf])
        var evidence = EvidenceSet(for: tree)
        try evidence.set(.hard(1), on: 1)
        let propagation = tree.propagate(evidence)
        #expect(propagation.conflicts == [1])
        #expect(propagation.belief(of: 0) == [0.5, 0.5])
    }

    @Test func invalidEvidenceIsRejected() throws {
        let tree = try BayesianTree(nodes: [NodeDefinition(name: "r", states: ["a", "b"], prior: [1, 1])])
        var evidence = EvidenceSet(for: tree)
        #expect(throws: InferenceError.self) { try evidence.set(.hard(2), on: 0) }
        #expect(throws: InferenceError.self) { try evidence.set(.soft([0, 0]), on: 0) }
        #expect(throws: InferenceError.self) { try evidence.set(.soft([1, .nan]), on: 0) }
        #expect(throws: InferenceError.self) { try evidence.set(.soft([1]), on: 0) }
    }
}
