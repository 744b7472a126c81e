import Agent
import HoneyphoneApp
import Recon
import Testing

@Suite struct InvestigationSettingsTests {
    @Test func defaultsAreNothingLeavesTheHost() {
        let settings = InvestigationSettings()
        #expect(settings.probing == .passive)
        #expect(settings.dnsServer == nil && settings.whoisServer == nil && settings.rdapServer == nil)
        #expect(settings.deadline == .seconds(20))
    }

    @Test func theLabFileParses() throws {
        let text = """
            # the reconnaissance lab
            probing: on
            allowed-networks: 130.200.10.0/24, 152.81.144.0/24
            dns-server: 127.0.0.1:53
            whois-server: iana.whois.lab.test
            rdap-server: http://127.0.0.1:8080
            deadline: 30
            whois-trust: Universite Pole nord = 0.9
            as-trust: 1200 = 0.9
            country-trust: FR = 0.8

            """
        let settings = try InvestigationSettings(text: text, fileName: "lab.conf")
        #expect(settings.probing == .on)
        #expect(settings.allowedNetworks.count == 2)
        #expect(settings.dnsServer == "127.0.0.1:53")
        #expect(settings.whoisServer == "iana.whois.lab.test")
        #expect(settings.rdapServer == "http://127.0.0.1:8080")
        #expect(settings.deadline == .seconds(30))
    }

    @Test(arguments: [
        ("rdap-server: ftp://rdap.example\n", 1, "'rdap-server' must be an http:// or https:// URL"),
        (
            "probing: passive\nrdap-server: https://rdap.example/a b\n", 2,
            "'rdap-server' must be an http:// or https:// URL"
        ),
        ("probing: sometimes\n", 1, "'probing' must be off, passive or on"),
        ("probing: on\n", 1, "'probing: on' needs 'allowed-networks'"),
    ])
    func errorsNameTheLine(text: String, line: Int, message: String) {
        do {
            _ = try InvestigationSettings(text: text, fileName: "bad.conf")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.file == "bad.conf")
            #expect(error.line == line)
            #expect(error.message == message)
        }
    }

    @Test func unknownKeysAreRefused() {
        #expect(throws: SettingsError.self) {
            _ = try InvestigationSettings(text: "rdap: https://rdap.org\n", fileName: "x.conf")
        }
    }
}
