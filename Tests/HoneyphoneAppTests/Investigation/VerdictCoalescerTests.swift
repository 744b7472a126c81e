import Testing

@testable import HoneyphoneApp

@Suite struct VerdictCoalescerTests {
    static func template(at: Int64) -> VerdictCoalescer.Template {
        VerdictCoalescer.Template(
            at: at,
            belief: [],
            winner: "Suspicious",
            winnerBelief: 0.9,
            alert: true,
            explanationJSON: "{}",
            attackLabelsJSON: "[]",
            investigationJSON: "{}",
            attacks: "flooding"
        )
    }

    @Test func invitesAreNeverCoalesced() {
        #expect(VerdictCoalescer.key(source: "10.0.0.1", method: "INVITE", userAgent: nil) == nil)
        #expect(VerdictCoalescer.key(source: "10.0.0.1", method: nil, userAgent: nil) == nil)
        #expect(VerdictCoalescer.key(source: "10.0.0.1", method: "OPTIONS", userAgent: "x") != nil)
    }

    @Test func aRepeatWithinTheWindowReusesTheVerdictAndALaterOneDoesNot() throws {
        var coalescer = VerdictCoalescer(window: .seconds(1))
        let key = try #require(
            VerdictCoalescer.key(source: "10.0.0.1", method: "OPTIONS", userAgent: "friendly-scanner")
        )
        let other = try #require(
            VerdictCoalescer.key(source: "10.0.0.2", method: "OPTIONS", userAgent: "friendly-scanner")
        )
        #expect(coalescer.template(for: key, now: 0) == nil)
        coalescer.remember(Self.template(at: 0), for: key)
        #expect(coalescer.template(for: key, now: 999_000_000)?.winner == "Suspicious")
        #expect(coalescer.template(for: other, now: 500_000_000) == nil)
        #expect(coalescer.template(for: key, now: 1_000_000_000) == nil)
        #expect(coalescer.reused == 1)
    }

    @Test func theTableStaysBounded() {
        var coalescer = VerdictCoalescer(window: .seconds(1))
        for i in 0..<(VerdictCoalescer.maximumKeys * 2) {
            coalescer.remember(Self.template(at: 0), for: "k\(i)")
        }
        #expect(coalescer.template(for: "k\(VerdictCoalescer.maximumKeys * 2 - 1)", now: 1) != nil)
    }
}
