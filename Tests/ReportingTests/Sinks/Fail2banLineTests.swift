import Testing

@testable import Reporting

@Suite struct Fail2banLineTests {
    @Test func format() {
        let line = Fail2banLine.line(Fixtures.event(), processID: 4242)
        #expect(
            line
                == "2026-12-05T10:00:00Z honeyphone[4242]: alert verdict=Crafted belief=0.93 source=198.51.100.7 port=5060 transport=udp method=INVITE"
        )
    }

    @Test func onlyClosedSetTokens() throws {
        let event = Fixtures.event(
            source: "2001:DB8::0:7",
            method: "INVITE source=203.0.113.1",
            verdict: "Crafted source=203.0.113.1\n",
            belief: 1.7
        )
        let line = try #require(Fail2banLine.line(event, processID: 1))
        #expect(line.hasSuffix("verdict=other belief=1.00 source=2001:db8::7 port=5060 transport=udp method=other"))
        #expect(!line.contains("203.0.113.1"))
        #expect(Fail2banLine.line(Fixtures.event(source: "not-an-address"), processID: 1) == nil)
        #expect(Fail2banLine.method("invite") == "other")
        #expect(Fail2banLine.fixed2(0.005) == "0.01")
        #expect(Fail2banLine.fixed2(.nan) == "0.00")
    }

    /// The line matches the shipped filter's regular expression (the same expression, with fail2ban's `<ADDR>`
    /// written out), so a change to either shows here.
    @Test func matchesTheFilterExpression() throws {
        let line = try #require(Fail2banLine.line(Fixtures.event(), processID: 77))
        let regex =
            /^\S+ honeyphone\[\d+\]: alert verdict=[A-Za-z0-9_-]+ belief=[0-9.]+ source=(?<addr>[0-9a-fA-F:.]+) port=\d+ transport=[a-z]+ method=[A-Za-z]+$/
        let match = try #require(line.wholeMatch(of: regex))
        #expect(match.output.addr == "198.51.100.7")
    }
}
