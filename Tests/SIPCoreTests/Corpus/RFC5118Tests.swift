import SIPCore
import Testing

/// RFC 5118 IPv6 torture messages.
@Suite struct RFC5118Tests {
    static let invalid: [String: String] = [
        "ipv6-bad": "invalid-ipv6-reference",
        "ipv6-bug-abnf-3-colons": "invalid-ipv6-reference",
    ]

    @Test func corpusIsComplete() {
        #expect(Corpus.names("rfc5118").count == 12)
    }

    @Test(arguments: Corpus.names("rfc5118").filter { Self.invalid[$0] == nil })
    func validMessageParsesWithoutErrors(name: String) throws {
        let message = try Corpus.parse("rfc5118", name)
        #expect(message.errorCodes.isEmpty, "\(name): \(message.anomalies)")
    }

    @Test(arguments: Self.invalid.keys.sorted())
    func invalidMessageIsReportedForItsDefect(name: String) throws {
        let message = try Corpus.parse("rfc5118", name)
        #expect(message.errorCodes.contains(Self.invalid[name]!), "\(name): \(message.anomalies)")
    }

    /// §4.3: `[2001:db8::10:5070]` is a legal address, but the sender probably meant a port.
    @Test func ambiguousPortIsAWarning() throws {
        let message = try Corpus.parse("rfc5118", "port-ambiguous")
        #expect(message.warningCodes.contains("ambiguous-ipv6-port"))
        #expect(message.requestURI?.host == .ipv6("2001:db8::10:5070"))
        #expect(message.requestURI?.port == nil)
    }

    @Test func unambiguousPort() throws {
        let message = try Corpus.parse("rfc5118", "port-unambiguous")
        #expect(message.requestURI?.host == .ipv6("2001:db8::10"))
        #expect(message.requestURI?.port == 5070)
    }

    /// §4.5: received with and without brackets.
    @Test func viaReceivedIPv6() throws {
        let with = try Corpus.parse("rfc5118", "via-received-param-with-delim")
        #expect(with.vias.first?.received == "2001:db8::9:255")
        let without = try Corpus.parse("rfc5118", "via-received-param-no-delim")
        #expect(without.vias.first?.received == "2001:db8::9:255")
        #expect(without.vias.first?.host == .ipv6("2001:db8::9:1"))
    }

    @Test func mixedAddressFamiliesInVia() throws {
        let message = try Corpus.parse("rfc5118", "mult-ip-in-header")
        let hosts = message.vias.map(\.host)
        #expect(hosts.contains { if case .ipv6 = $0 { return true } else { return false } })
        #expect(hosts.contains { if case .ipv4 = $0 { return true } else { return false } })
    }

    @Test func ipv4MappedIPv6() throws {
        let message = try Corpus.parse("rfc5118", "ipv4-mapped-ipv6")
        #expect(message.errorCodes.isEmpty)
        #expect(message.vias.map(\.host) == [.ipv6("::ffff:192.0.2.10"), .ipv6("::ffff:192.0.2.2")])
        #expect(message.vias.first?.port == 19823)
    }
}
