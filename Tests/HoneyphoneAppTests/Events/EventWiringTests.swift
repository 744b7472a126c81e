import Agent
import Foundation
import HoneyphoneApp
import Logging
import NIOCore
import Reporting
import SIPCore
import SIPTransport
import Storage
import Synchronization
import Testing

@Suite struct EventWiringTests {
    static func inbound(_ text: String) throws -> SIPInboundMessage {
        let message = try SIPMessageParser.parseDatagram(Array(text.utf8))
        return SIPInboundMessage(
            message: message,
            arrival: SIPArrival(
                transport: .udp,
                remote: try SocketAddress(ipAddress: "198.51.100.7", port: 5070),
                local: try SocketAddress(ipAddress: "192.0.2.1", port: 5060),
                connection: nil,
                nanosecondsSinceEpoch: 1_796_464_800_000_000_000
            )
        )
    }

    static let invite = """
        INVITE sip:0044123456@192.0.2.1 SIP/2.0\r
        Via: SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-1\r
        From: <sip:100@198.51.100.7>;tag=a\r
        To: <sip:999@192.0.2.1>\r
        Call-ID: wiring-1\r
        CSeq: 1 INVITE\r
        User-Agent: friendly-scanner\r
        Max-Forwards: 70\r
        Content-Length: 0\r
        \r

        """

    @Test func investigationPublishesEveryVerdictAsAnEvent() async throws {
        let toolkit = try await AnalysisToolkit.make(
            settings: InvestigationSettings(),
            ours: OurURIs(
                environment: try HoneyphoneEnvironment(text: HoneyphoneEnvironment.defaultText, fileName: "d")
            )
        )
        let published = Mutex<[HoneyphoneEvent]>([])
        let service = InvestigationService(
            analyzer: MessageAnalyzer(toolkit: toolkit),
            store: nil,
            logger: Logger(label: "test"),
            publish: { record, inbound in
                published.withLock {
                    $0.append(HoneyphoneEvent(record: record, inbound: inbound, nodeID: "lab-3", uuid: .counting()))
                }
            }
        )
        await service.process(try Self.inbound(Self.invite))
        await toolkit.shutdown()
        let events = published.withLock { $0 }
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.calledNumber == "0044123456")
        #expect(event.userAgent == "friendly-scanner")
        #expect(event.callID == "wiring-1")
        #expect(event.method == "INVITE")
        #expect(event.source.description == "198.51.100.7:5070")
        #expect(event.destination?.description == "192.0.2.1:5060")
        #expect(event.sipMessage == Self.invite)
        #expect(event.nodeID == "lab-3")
        #expect(["Normal", "Suspicious", "Crafted"].contains(event.verdict))
        #expect(event.beliefs.count == 3)
        #expect(event.json.contains("\"called_number\":\"0044123456\""))
    }

    @Test func calledNumberFallsBackToTo() throws {
        let options = Self.invite.replacingOccurrences(
            of: "INVITE sip:0044123456@192.0.2.1",
            with: "OPTIONS sip:192.0.2.1"
        )
        .replacingOccurrences(of: "CSeq: 1 INVITE", with: "CSeq: 1 OPTIONS")
        let record = VerdictRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: 0),
            transport: .udp,
            source: TraceEndpoint(address: "198.51.100.7", port: 5070),
            method: "OPTIONS",
            callID: "wiring-1",
            cseqNumber: 1,
            cseqMethod: "OPTIONS",
            belief: [],
            winner: "Crafted",
            winnerBelief: 0.9,
            alert: true,
            explanationJSON: "{}",
            attackLabelsJSON: "[{\"kind\":\"scanning\",\"confidence\":0.9},{\"kind\":\"enumeration\"}]",
            investigationJSON: "{}"
        )
        let event = HoneyphoneEvent(record: record, inbound: try Self.inbound(options), nodeID: "n")
        #expect(event.calledNumber == "999")
        #expect(event.attacks == ["scanning", "enumeration"])
    }

    @Test func environmentKeys() throws {
        let environment = try HoneyphoneEnvironment(
            text: """
                event-jsonl: events.jsonl
                event-syslog: udp 127.0.0.1:514 alerts facility=local3
                event-webhook: https://example.com/hook alerts
                  header: Authorization: Bearer abc:def
                event-fail2ban: /var/log/honeyphone-fail2ban.log
                event-syslog: tcp [::1]:6514
                """,
            fileName: "env.conf"
        )
        #expect(
            environment.eventSinks == [
                .jsonLines(path: "events.jsonl", filter: .all),
                .syslog(transport: .udp, host: "127.0.0.1", port: 514, filter: .alerts, facility: .local3),
                .webhook(
                    url: "https://example.com/hook",
                    filter: .alerts,
                    headers: [.init(name: "Authorization", value: "Bearer abc:def")]
                ),
                .fail2ban(path: "/var/log/honeyphone-fail2ban.log"),
                .syslog(transport: .tcp, host: "::1", port: 6514, filter: .all, facility: .local0),
            ]
        )
        let hub = try RunCommandRunner.eventHub(environment: environment, logger: Logger(label: "test"))
        #expect(
            hub.sinks.map(\.name) == [
                "jsonl honeyphone-data/events.jsonl", "syslog udp 127.0.0.1:514", "webhook https://example.com/hook",
                "fail2ban /var/log/honeyphone-fail2ban.log", "syslog tcp [::1]:6514",
            ]
        )
        #expect(hub.sinks.map(\.filter) == [.all, .alerts, .alerts, .alerts, .all])
    }

    @Test(arguments: [
        ("event-jsonl:", 1, 13, "needs a value"),
        ("event-jsonl: a b", 1, 14, "'event-jsonl' must be 'PATH [alerts]'"),
        ("event-syslog: udp 127.0.0.1", 1, 15, "'event-syslog' must be"),
        ("event-syslog: sctp 127.0.0.1:514", 1, 15, "'event-syslog' must be"),
        ("event-syslog: udp 127.0.0.1:0", 1, 15, "'event-syslog' must be"),
        ("identity: x\nevent-syslog: udp 127.0.0.1:514 facility=local9", 2, 15, "unknown syslog facility"),
        ("event-webhook: ftp://example.com/", 1, 16, "http:// or https://"),
        ("event-webhook: javascript:alert(1)", 1, 16, "http:// or https://"),
        ("event-webhook: https://example.com/\n  header: no-colon", 2, 11, "'header' must be"),
        ("event-webhook: https://example.com/\n  other: x", 2, 3, "unknown"),
        ("event-fail2ban: a b", 1, 17, "'event-fail2ban' must be a PATH"),
    ])
    func environmentErrors(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try HoneyphoneEnvironment(text: text, fileName: "env.conf")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("env.conf:\(line):\(column): "))
        }
    }
}
