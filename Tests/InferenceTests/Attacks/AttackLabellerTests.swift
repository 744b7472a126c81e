import Testing

@testable import Inference

@Suite struct AttackLabellerTests {
    static func at(_ seconds: Double) -> Duration {
        .milliseconds(Int64(seconds * 1000))
    }

    func kinds(_ labeller: AttackLabeller, _ source: String, _ time: Double) -> [AttackLabel.Kind] {
        labeller.labels(for: source, at: Self.at(time)).map(\.kind)
    }

    @Test func svmapSweepIsScanning() {
        var labeller = AttackLabeller()
        for host in 0..<8 {
            labeller.observe(
                RequestSummary(
                    method: .options,
                    source: "198.51.100.7",
                    target: "10.0.0.\(host):5060",
                    time: Self.at(Double(host))
                )
            )
        }
        let labels = labeller.labels(for: "198.51.100.7", at: Self.at(8))
        #expect(labels.map(\.kind) == [.scanning])
        #expect(labels[0].evidence[0].name == "distinct-targets")
        #expect(labels[0].evidence[0].value == 8)
        #expect(abs(labels[0].confidence - 0.8) < 1e-9)
        #expect(self.kinds(labeller, "198.51.100.7", 200).isEmpty)
    }

    @Test func svwarIsEnumerationOnlyWhenMostlyRefused() {
        var refused = AttackLabeller()
        var accepted = AttackLabeller()
        for user in 0..<12 {
            let request = RequestSummary(
                method: .register,
                source: "s",
                toUser: "\(100 + user)",
                time: Self.at(Double(user))
            )
            refused.recordResponse(404, for: refused.observe(request))
            accepted.recordResponse(200, for: accepted.observe(request))
        }
        #expect(self.kinds(refused, "s", 12) == [.extensionEnumeration])
        #expect(self.kinds(accepted, "s", 12).isEmpty)
        var unanswered = AttackLabeller()
        for user in 0..<20 {
            unanswered.observe(
                RequestSummary(method: .options, source: "s", requestURIUser: "u\(user)", time: Self.at(1))
            )
        }
        let label = unanswered.labels(for: "s", at: Self.at(1))
        #expect(label.map(\.kind) == [.extensionEnumeration])
        #expect(abs(label[0].confidence - 0.75) < 1e-9)
    }

    @Test func svcrackIsPasswordGuessing() {
        var labeller = AttackLabeller()
        for attempt in 0..<4 {
            labeller.observe(
                RequestSummary(
                    method: .register,
                    source: "s",
                    toUser: "100",
                    hasAuthorization: true,
                    authUsername: "100",
                    time: Self.at(Double(attempt))
                )
            )
        }
        #expect(self.kinds(labeller, "s", 4).isEmpty)
        labeller.observe(
            RequestSummary(
                method: .register,
                source: "s",
                toUser: "100",
                hasAuthorization: true,
                authUsername: "100",
                time: Self.at(4)
            )
        )
        let labels = labeller.labels(for: "s", at: Self.at(5))
        #expect(labels.map(\.kind) == [.passwordGuessing])
        #expect(labels[0].evidence[0].value == 5)
    }

    @Test func aBurstIsFlooding() {
        var labeller = AttackLabeller()
        for index in 0..<300 {
            labeller.observe(RequestSummary(method: .other, source: "f", time: Self.at(Double(index) / 30)))
        }
        let labels = labeller.labels(for: "f", at: Self.at(9.9))
        #expect(labels.map(\.kind) == [.flooding])
        #expect(labels[0].evidence[0].value == 30)
        #expect(self.kinds(labeller, "f", 40).isEmpty)
    }

    @Test func aFloodIsRecognisedWithinItsFirstSecond() {
        var labeller = AttackLabeller()
        for index in 0..<40 {
            labeller.observe(RequestSummary(method: .options, source: "f", time: Self.at(2 + Double(index) / 100)))
        }
        // 40 requests in the source's first second: 40/s over the second it has been active, not 4/s over 10 s.
        let labels = labeller.labels(for: "f", at: Self.at(2.39))
        #expect(labels.map(\.kind) == [.flooding])
        #expect(labels[0].evidence[0].value == 40)
        // A phone's call (INVITE, ACK, BYE in a few seconds) stays far below.
        for (index, method) in [RequestSummary.Method.invite, .other, .other].enumerated() {
            labeller.observe(RequestSummary(method: method, source: "p", time: Self.at(Double(index) * 2)))
        }
        #expect(self.kinds(labeller, "p", 4).isEmpty)
    }

    @Test func aFastSweepIsNotAFlood() {
        var labeller = AttackLabeller()
        for user in 0..<150 {
            labeller.observe(
                RequestSummary(
                    method: .options,
                    source: "w",
                    toUser: "\(1000 + user)",
                    time: Self.at(Double(user) / 130)
                )
            )
            labeller.observe(
                RequestSummary(method: .options, source: "f", toUser: "100", time: Self.at(Double(user) / 130))
            )
        }
        #expect(self.kinds(labeller, "w", 1.2) == [.extensionEnumeration])
        #expect(self.kinds(labeller, "f", 1.2) == [.flooding])
    }

    @Test func spitIsNotEnumeration() {
        var labeller = AttackLabeller()
        for callee in 0..<12 {
            labeller.observe(
                RequestSummary(
                    method: .invite,
                    source: "p",
                    toUser: "\(2000 + callee)",
                    hasSDP: true,
                    time: Self.at(Double(callee))
                )
            )
        }
        #expect(self.kinds(labeller, "p", 12) == [.spit])
        for user in 0..<12 {
            labeller.observe(
                RequestSummary(method: .invite, source: "w", toUser: "\(3000 + user)", time: Self.at(Double(user)))
            )
        }
        #expect(self.kinds(labeller, "w", 12) == [.extensionEnumeration])
    }

    @Test func callsWithMediaToManyCalleesAreSPIT() {
        var labeller = AttackLabeller()
        for callee in 0..<6 {
            labeller.observe(
                RequestSummary(
                    method: .invite,
                    source: "p",
                    toUser: "alice\(callee)",
                    hasSDP: true,
                    time: Self.at(Double(callee))
                )
            )
        }
        #expect(self.kinds(labeller, "p", 6) == [.spit])
    }

    @Test func externalNumbersAreTollFraud() {
        let labeller = AttackLabeller()
        #expect(labeller.looksExternal("+33123456789"))
        #expect(labeller.looksExternal("0044207"))
        #expect(labeller.looksExternal("011972"))
        #expect(labeller.looksExternal("1234567890"))
        #expect(labeller.looksExternal("900123"))
        #expect(!labeller.looksExternal("100"))
        #expect(!labeller.looksExternal("alice"))
        #expect(!labeller.looksExternal("+"))
        var counting = AttackLabeller()
        counting.observe(
            RequestSummary(method: .invite, source: "t", requestURIUser: "00972599123456", time: Self.at(0))
        )
        counting.observe(
            RequestSummary(method: .register, source: "t", requestURIUser: "00972599123456", time: Self.at(0))
        )
        let labels = counting.labels(for: "t", at: Self.at(1))
        #expect(labels.map(\.kind) == [.tollFraud])
        #expect(labels[0].evidence[0].value == 1)
    }

    @Test func brokenMessagesAreMalformed() {
        var labeller = AttackLabeller()
        for index in 0..<10 {
            labeller.observe(
                RequestSummary(method: .other, source: "z", errorAnomalies: index % 2, time: Self.at(Double(index)))
            )
        }
        let labels = labeller.labels(for: "z", at: Self.at(10))
        #expect(labels.map(\.kind) == [.malformed])
        #expect(labels[0].evidence[0].value == 0.5)
        var clean = AttackLabeller()
        for index in 0..<10 {
            clean.observe(
                RequestSummary(
                    method: .other,
                    source: "z",
                    errorAnomalies: index == 0 ? 1 : 0,
                    time: Self.at(Double(index))
                )
            )
        }
        #expect(self.kinds(clean, "z", 10).isEmpty)
    }

    @Test func memoryIsBounded() {
        var configuration = AttackLabeller.Configuration()
        configuration.maximumSources = 16
        configuration.maximumEventsPerSource = 8
        var labeller = AttackLabeller(configuration: configuration)
        for index in 0..<100 {
            labeller.observe(RequestSummary(method: .options, source: "10.0.\(index)", time: Self.at(Double(index))))
        }
        #expect(labeller.trackedSources <= 16)
        #expect(!labeller.labels(for: "10.0.99", at: Self.at(99)).contains { $0.kind == .scanning })
        #expect(labeller.sources["10.0.0"] == nil)
        for index in 0..<100 {
            labeller.observe(RequestSummary(method: .options, source: "one", target: "t\(index)", time: Self.at(100)))
        }
        let history = labeller.sources["one"]
        #expect(history?.live.count == 8)
        #expect((history?.events.count ?? 0) <= 17)
        #expect(labeller.labels(for: "one", at: Self.at(100)).first?.evidence[0].value == 8)
    }
}
