import Testing

@testable import Reporting

@Suite struct SyslogMessageTests {
    let formatter = SyslogMessage(facility: .local0, hostname: "lab-3", processID: "4242")

    @Test func alertHeaderAndStructuredData() {
        let message = self.formatter.format(Fixtures.event())
        #expect(message.hasPrefix("<132>1 2026-12-05T10:00:00.123456Z lab-3 honeyphone 4242 alert [honeyphone@32473 "))
        #expect(message.contains(" verdict=\"Crafted\" belief=\"0.93\" alert=\"true\" source_ip=\"198.51.100.7\""))
        #expect(message.contains(" user_agent=\"friendly-scanner\"]"))
        #expect(message.hasSuffix("] alert Crafted 0.93 INVITE from 198.51.100.7"))
    }

    @Test func severityAndFacility() {
        let info = SyslogMessage(facility: .daemon, hostname: "h", processID: "1").format(Fixtures.event(alert: false))
        #expect(info.hasPrefix("<30>1 "))  // daemon (3) × 8 + informational (6)
        #expect(info.contains(" 1 verdict [honeyphone@32473"))
        #expect(SyslogMessage.Facility(name: "local7")?.rawValue == 23)
        #expect(SyslogMessage.Facility(name: "local8") == nil)
    }

    @Test func parameterValuesAreEscaped() {
        let message = self.formatter.format(
            Fixtures.event(userAgent: "evil\"] [x@1 a=\"b\\", callID: "line\r\nbreak\u{0}")
        )
        #expect(message.contains(" user_agent=\"evil\\\"\\] [x@1 a=\\\"b\\\\\"]"))
        #expect(message.contains(" call_id=\"line??break?\""))
        #expect(!message.contains("\n") && !message.contains("\r") && !message.contains("\u{0}"))
    }

    @Test func headerFieldsArePrintableAndBounded() {
        let odd = SyslogMessage(hostname: "bad host\n" + String(repeating: "h", count: 300), processID: "")
        let message = odd.format(Fixtures.event())
        let fields = message.split(separator: " ", maxSplits: 5)
        #expect(fields[2].count == 255)
        #expect(fields[2].hasPrefix("bad_host_hhh"))
        #expect(fields[4] == "-")
        #expect(SyslogMessage.headerField("é", 48) == "__")
    }

    @Test func lengthIsBounded() {
        let huge = String(repeating: "U", count: 10_000)
        let event = Fixtures.event(calledNumber: huge, userAgent: huge, callID: huge)
        for limit in [480, 700, 2_048] {
            let formatter = SyslogMessage(hostname: "lab-3", processID: "4242", maximumLength: limit)
            let message = formatter.format(event)
            #expect(message.utf8.count <= limit)
            #expect(message.contains("source_ip=\"198.51.100.7\""))
            #expect(message.hasSuffix("] alert Crafted 0.93 INVITE from 198.51.100.7"))
        }
        // Values are cut at 256 bytes before escaping.
        let message = self.formatter.format(Fixtures.event(userAgent: huge))
        #expect(message.contains(" user_agent=\"" + String(repeating: "U", count: 256) + "\"]"))
    }
}
