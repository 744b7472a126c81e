import Recon
import ReconTestSupport
import Testing

@Suite struct ENUMTests {
    @Test func domainOfNumber() {
        #expect(ENUM.domain(for: "+46 8 1234 5678")?.description == "8.7.6.5.4.3.2.1.8.6.4.e164.arpa")
        #expect(
            ENUM.domain(for: "+1-555-0100", suffix: .test("enum.lab.test"))?.description
                == "0.0.1.0.5.5.5.1.enum.lab.test"
        )
        #expect(ENUM.domain(for: "+46x") == nil)
        #expect(ENUM.domain(for: "+1234567890123456") == nil)
    }

    @Test func supportedSubstitutions() {
        #expect(ENUM.substitute("!^.*$!sip:1001@lab.test!", in: "+46812345678") == .result("sip:1001@lab.test"))
        #expect(
            ENUM.substitute("!^\\+46(.*)$!sip:\\1@lab.test!", in: "+46812345678") == .result("sip:812345678@lab.test")
        )
        #expect(ENUM.substitute("/^(.*)$/sip:\\1@x.test/i", in: "+15550100") == .result("sip:+15550100@x.test"))
        #expect(ENUM.substitute("!^\\+47(.*)$!sip:\\1@lab.test!", in: "+46812345678") == .noMatch)
    }

    @Test(arguments: [
        "!^[0-9]+$!sip:x@y!", "!^.*$!sip:\\2@y!", "!^(.*)(.*)$!x!", "!^.*$!sip:a b!", "x", "!^.*$!a!b!c", "\\^.*$\\x\\",
    ])
    func unsupportedSubstitutions(expression: String) {
        guard case .unsupported = ENUM.substitute(expression, in: "+123") else {
            Issue.record("accepted \(expression)")
            return
        }
    }
}
