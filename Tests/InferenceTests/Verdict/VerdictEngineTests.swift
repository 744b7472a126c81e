import Testing

@testable import Inference

@Suite struct VerdictEngineTests {
    let engine: VerdictEngine

    init() throws {
        self.engine = try VerdictEngine()
    }

    /// Paper Table I with assumed trust-table coefficients (the paper prints names, not coefficients):
    /// the university and LORIA registrants, ASes, cities and SIP devices are well trusted.
    static let tableOne = [
        HostObservation(host: "pole-nord.fr", sightings: 0, whoisTrust: 0.8, locationTrust: 0.7, dnsValid: true),
        HostObservation(
            host: "uni.pole-nord.fr",
            sightings: 0,
            whoisTrust: 0.8,
            asTrust: 0.7,
            locationTrust: 0.7,
            portOpen: true,
            fingerprintTrust: 0.7,
            dnsValid: true
        ),
        HostObservation(
            host: "130.200.10.11",
            sightings: 0,
            whoisTrust: 0.8,
            asTrust: 0.7,
            locationTrust: 0.7,
            portOpen: true,
            fingerprintTrust: 0.7,
            dnsValid: true
        ),
        HostObservation(
            host: "130.200.10.20",
            sightings: 0,
            whoisTrust: 0.8,
            asTrust: 0.7,
            locationTrust: 0.7,
            portOpen: true,
            fingerprintTrust: 0.8,
            dnsValid: true
        ),
        HostObservation(
            host: "152.81.144.22",
            sightings: 0,
            whoisTrust: 0.8,
            asTrust: 0.7,
            locationTrust: 0.7,
            portOpen: true,
            fingerprintTrust: 0.8,
            dnsValid: true
        ),
    ]

    @Test func theWorkedScenarioIsNormal() throws {
        let observation = Observation(
            toIsOurs: false,
            hopCounts: [12, 12, 12, 12, 12],
            hosts: Self.tableOne,
            anomalies: AnomalySummary()
        )
        let verdict = self.engine.verdict(for: observation)
        #expect(verdict.winnerName == "Normal")
        #expect(verdict.belief[0] > 0.9)
        #expect(abs(verdict.belief.reduce(0, +) - 1) < 1e-12)
        #expect(verdict.flagged.isEmpty)
        #expect(verdict.conflicts.isEmpty)
        #expect(verdict.trustChain.count == 5)
        #expect(verdict.trustChain.map(\.host) == Self.tableOne.map(\.host))
        let summary = try #require(verdict.trustSummary)
        #expect(summary[0] > 0.9)
        let to = try #require(verdict.messages.first { $0.node == "To" })
        #expect(isClose(to.vector, [0.5, 0.25, 0.25]))
        #expect(to.observedState == "No")
        let dispersion = try #require(verdict.messages.first { $0.node == "Dispersion" })
        #expect(dispersion.observedState == "Low")
        #expect(isClose(dispersion.vector, [0.6 / 0.75, 0.1 / 0.75, 0.05 / 0.75]))
        #expect(isClose(verdict.prior, [3.0 / 11, 4.0 / 11, 4.0 / 11]))
    }

    @Test func eachStepsPreBeliefIsThePreviousPosteriorThroughM() throws {
        let verdict = self.engine.verdict(for: Observation(hosts: Self.tableOne))
        let markov = try #require(self.engine.model.markov)
        #expect(isClose(verdict.trustChain[0].preBelief, [0.5, 0.5]))
        for index in 1..<verdict.trustChain.count {
            #expect(isClose(verdict.trustChain[index].preBelief, markov.step(verdict.trustChain[index - 1].posterior)))
        }
        let historical = try #require(verdict.trustChain[1].messages.first { $0.node == "Historical" })
        #expect(isClose(historical.vector, [0.9, 0.1]))
    }

    @Test func oneDistrustedHostIsRemembered() throws {
        var hosts = Self.tableOne
        hosts[1] = HostObservation(
            host: "evil",
            sightings: 12,
            whoisTrust: 0.1,
            asTrust: 0.1,
            locationTrust: 0.2,
            portOpen: false,
            fingerprintTrust: 0.1,
            dnsValid: false
        )
        let verdict = self.engine.verdict(for: Observation(hosts: hosts))
        let clean = self.engine.verdict(for: Observation(hosts: Self.tableOne))
        #expect(verdict.trustChain[1].posterior[1] > 0.99)
        #expect(try #require(verdict.trustSummary)[1] > (try #require(clean.trustSummary))[1])
    }

    @Test func aSpoofedToolRequestIsCrafted() {
        let host = HostObservation(
            host: "10.0.0.1",
            sightings: 30,
            whoisTrust: 0.1,
            asTrust: 0.2,
            locationTrust: 0.3,
            portOpen: false,
            fingerprintTrust: 0.05,
            dnsValid: false
        )
        let observation = Observation(
            toIsOurs: true,
            hopCounts: [3, 17, nil, 25, 9],
            hosts: [host, host],
            anomalies: AnomalySummary(errors: 2, warnings: 1, toolShaped: true)
        )
        let verdict = self.engine.verdict(for: observation)
        #expect(verdict.winnerName == "Crafted")
        #expect(verdict.flagged == ["Crafted"])
    }

    @Test func nothingKnownGivesThePrior() {
        let verdict = self.engine.verdict(for: Observation(hopCounts: [7]))
        #expect(isClose(verdict.belief, verdict.prior))
        #expect(verdict.trustSummary == nil)
        #expect(verdict.messages.count == 6)  // To, Dispersion, Trust, Anomalies, SentBy, Behaviour
        #expect(
            verdict.messages.allSatisfy { isClose($0.vector, [1.0 / 3, 1.0 / 3, 1.0 / 3]) && $0.observedState == nil }
        )
        #expect(verdict.winnerName == "Suspicious")
    }

    @Test func dispersionIsThePopulationStandardDeviation() throws {
        #expect(Observation(hopCounts: [2, 4, 4, 4, 5, 5, 7, 9]).dispersion == 2)
        #expect(Observation(hopCounts: [5, nil, 5]).dispersion == 0)
        #expect(Observation(hopCounts: [5, nil]).dispersion == nil)
    }

    @Test func aModelWithoutTheShapeIsRefused() throws {
        let model = try ModelParser.parse("honeyphone-model: 1\nnode: R\nstates: a, b\nprior: 1, 1\n")
        #expect(throws: InferenceError.self) { try VerdictEngine(model: model) }
    }
}
