import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import WebUI

@Suite struct APITests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test func messagesAndTheirDetail() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let list = try Self.json(
                try await client.execute(uri: "/api/v1/messages?limit=5", method: .get, headers: WebTestHarness.bearer)
            )
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["userAgent"] as? String == WebTestHarness.hostileAgent)
            #expect(items.first?["verdict"] as? String == "Crafted")
            let detail = try Self.json(
                try await client.execute(uri: "/api/v1/messages/1", method: .get, headers: WebTestHarness.bearer)
            )
            let verdict = try #require(detail["verdict"] as? [String: Any])
            #expect(verdict["winner"] as? String == "Crafted")
            #expect((verdict["investigation"] as? [String: Any])?["hosts"] != nil)
            #expect((detail["raw"] as? String)?.hasPrefix("INVITE sip:100@192.0.2.10 SIP/2.0") == true)
            let missing = try await client.execute(
                uri: "/api/v1/messages/99",
                method: .get,
                headers: WebTestHarness.bearer
            )
            #expect(missing.status == .notFound)
            let filtered = try Self.json(
                try await client.execute(
                    uri: "/api/v1/messages?verdict=Normal",
                    method: .get,
                    headers: WebTestHarness.bearer
                )
            )
            #expect((filtered["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func listsStatsAndProfiles() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            for (path, key) in [
                ("/api/v1/calls", "items"), ("/api/v1/sources", "items"), ("/api/v1/numbers", "items"),
                ("/api/v1/user-agents", "items"), ("/api/v1/verdicts", "items"), ("/api/v1/alerts", "items"),
                ("/api/v1/profiles", "items"), ("/api/v1/registrations", "items"),
                ("/api/v1/stats?range=24h", "messages"),
                ("/api/v1/status", "registrations"), ("/api/v1/call?id=call-1", "messages"),
                ("/api/v1/openapi.json", "paths"),
            ] {
                let response = try await client.execute(uri: path, method: .get, headers: WebTestHarness.bearer)
                #expect(response.status == .ok, "\(path)")
                #expect(try Self.json(response)[key] != nil, "\(path)")
            }
            let blocklist = try await client.execute(
                uri: "/api/v1/blocklist?format=nftables",
                method: .get,
                headers: WebTestHarness.bearer
            )
            #expect(String(buffer: blocklist.body) == "198.51.100.7\n")
            let badFormat = try await client.execute(
                uri: "/api/v1/blocklist?format=exe",
                method: .get,
                headers: WebTestHarness.bearer
            )
            #expect(badFormat.status == .badRequest)
        }
    }

    @Test func postsChangeStateWithABearerToken() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            var headers = WebTestHarness.bearer
            headers[.contentType] = "application/json"
            let activate = try await client.execute(
                uri: "/api/v1/profiles/active",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"name":"busy"}"#)
            )
            #expect(activate.status == .ok)
            #expect(harness.backend.activated.withLock { $0 } == ["busy"])
            let unknown = try await client.execute(
                uri: "/api/v1/profiles/active",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"name":"nope"}"#)
            )
            #expect(unknown.status == .unprocessableContent)
            let check = try await client.execute(
                uri: "/api/v1/profiles",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"name":"x","behaviour":"broken","save":false}"#)
            )
            #expect(check.status == .unprocessableContent)
            let problems = try #require(try Self.json(check)["problems"] as? [[String: Any]])
            #expect(problems.first?["line"] as? Int == 2)
            let save = try await client.execute(
                uri: "/api/v1/profiles",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"name":"x","behaviour":"Idle {}"}"#)
            )
            #expect(save.status == .created)
            let acknowledge = try await client.execute(
                uri: "/api/v1/alerts/acknowledge",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"source":"198.51.100.7","verdict":"Crafted","note":"done"}"#)
            )
            #expect(acknowledge.status == .ok)
            let none = try await client.execute(
                uri: "/api/v1/alerts/acknowledge",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: #"{"source":"192.0.2.99","verdict":"Crafted"}"#)
            )
            #expect(none.status == .notFound)
            let malformed = try await client.execute(
                uri: "/api/v1/alerts/acknowledge",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "{")
            )
            #expect(malformed.status == .badRequest)
        }
    }

    @Test func metricsCountVerdicts() async throws {
        let metrics = WebMetrics()
        let event = LiveEvent(
            timestamp: 1_000,
            source: "198.51.100.7",
            sourcePort: 5060,
            transport: "udp",
            method: "FOO\"}",
            callID: nil,
            calledNumber: nil,
            userAgent: nil,
            verdict: "Crafted\"} x",
            belief: 0.9,
            alert: true,
            attacks: []
        )
        metrics.observe(event, nowNanoseconds: 2_000_001_000)
        let text = metrics.exposition(status: await FakeBackend().status())
        #expect(text.contains("honeyphone_verdicts_total{verdict=\"Crafted___x\"} 1"))
        #expect(text.contains("honeyphone_requests_total{method=\"other\"} 1"))
        #expect(text.contains("honeyphone_alerts_total{verdict=\"Crafted___x\"} 1"))
        #expect(text.contains("honeyphone_investigation_latency_seconds_bucket"))
        #expect(text.contains("honeyphone_registration_state{aor_index=\"0\",state=\"registered\"} 1"))
        #expect(!text.contains("FOO"))
    }
}
