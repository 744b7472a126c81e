import Testing

@testable import Agent

@Suite struct ResponseRoutingHostTests {
    @Test func aSentByHostIsTheSourceIgnoringCaseAndIPv6Brackets() {
        #expect(ResponseRouting.sameHost("198.51.100.7", "198.51.100.7"))
        #expect(ResponseRouting.sameHost("[2001:DB8::5]", "2001:db8::5"))
        #expect(ResponseRouting.sameHost("2001:db8::A", "2001:db8::a"))
        #expect(!ResponseRouting.sameHost("198.51.100.7", "198.51.100.70"))
        #expect(!ResponseRouting.sameHost("[::1", "::1"))
        #expect(!ResponseRouting.sameHost("pc33.example.com", "198.51.100.7"))
        // Only letters fold: '@' (0x40) and '`' (0x60) differ by the case bit but are not the same.
        #expect(!ResponseRouting.sameHost("a@b", "a`b"))
        #expect(!ResponseRouting.sameHost("", "198.51.100.7"))
    }
}
