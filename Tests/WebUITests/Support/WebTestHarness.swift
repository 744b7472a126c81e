import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SIPCore
import Storage
import WebUI

/// A site over an in-memory store holding one hostile INVITE (with its verdict and a sent 180), a fake backend
/// and known credentials.
struct WebTestHarness {
    static let password = "correct horse battery staple"
    static let token = "test-token-0123456789abcdef0123456789abcdef"
    static let hostileAgent = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
    /// PBKDF2 is slow by design: hash once for every test.
    static let hash = try! PasswordHash(password: password, rounds: PasswordHash.minimumRounds)

    let site: WebSite
    let store: SQLiteTraceStore
    let backend: FakeBackend

    init(configuration: WebConfiguration = WebConfiguration()) async throws {
        let store = try SQLiteTraceStore.inMemory()
        let time: Int64 = 1_700_000_000_000_000_000
        let invite = Array(
            """
            INVITE sip:100@192.0.2.10 SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-1\r
            From: <sip:100@198.51.100.7>;tag=abc\r
            To: <sip:100@192.0.2.10>\r
            Call-ID: call-1\r
            CSeq: 1 INVITE\r
            User-Agent: \(Self.hostileAgent)\r
            Content-Length: 0\r
            \r

            """.utf8
        )
        let message = try SIPMessageParser.parseDatagram(invite)
        let remote = TraceEndpoint(address: "198.51.100.7", port: 5070)
        let local = TraceEndpoint(address: "192.0.2.10", port: 5060)
        try await store.append([
            TraceRecord(
                message: message,
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
                direction: .received,
                transport: .udp,
                local: local,
                remote: remote
            )
        ])
        try await store.appendVerdicts([
            VerdictRecord(
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
                transport: .udp,
                source: remote,
                method: "INVITE",
                callID: "call-1",
                cseqNumber: 1,
                cseqMethod: "INVITE",
                belief: [
                    .init(state: "Normal", belief: 0.05), .init(state: "Suspicious", belief: 0.15),
                    .init(state: "Crafted", belief: 0.8),
                ],
                winner: "Crafted",
                winnerBelief: 0.8,
                alert: true,
                explanationJSON: """
                    {"states":["Normal","Suspicious","Crafted"],"belief":[0.05,0.15,0.8],"winner":"Crafted",\
                    "prior":[0.3,0.35,0.35],"evidence":[{"node":"<b>UA</b>","observed":"spoofed","lambda":[0.1,0.2,0.7]}],\
                    "trustChain":[{"host":"<i>evil</i>","preBelief":[0.5,0.5],"lambda":[0.2,0.8],"posterior":[0.2,0.8],"evidence":[]}]}
                    """,
                attackLabelsJSON: "[{\"kind\":\"scanning\",\"confidence\":0.9,\"evidence\":[]}]",
                investigationJSON: """
                    {"hosts":[{"host":"198.51.100.7","roles":["signaling-source"],"whois":{"status":"known",\
                    "value":"<script>alert(4)</script> ORG","source":"whois"},"hopsByTTL":{"status":"known","value":"3",\
                    "path":["192.0.2.1","192.0.2.2"]}}],"numbers":[]}
                    """
            )
        ])
        var configuration = configuration
        configuration.passwordHash = Self.hash
        let backend = FakeBackend(events: [
            LiveEvent(
                timestamp: time,
                source: "198.51.100.7",
                sourcePort: 5070,
                transport: "udp",
                method: "INVITE",
                callID: "call-1",
                calledNumber: "100",
                userAgent: Self.hostileAgent,
                verdict: "Crafted",
                belief: 0.8,
                alert: true,
                attacks: ["scanning"]
            )
        ])
        self.store = store
        self.backend = backend
        self.site = try WebSite(
            store: store,
            backend: backend,
            credentials: WebCredentials(password: Self.hash, tokens: [TokenDigest(token: Self.token)]),
            configuration: configuration,
            metrics: WebMetrics(),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    /// Runs `body` against the router.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: self.site.router())
        return try await application.test(.router) { client in try await body(client) }
    }

    static var bearer: HTTPFields { [.authorization: "Bearer \(Self.token)"] }
}

extension TestClientProtocol {
    /// Logs in and returns the session cookie header value (`hp_session=…`) and the page's CSRF token.
    func logIn() async throws -> (cookie: String, csrf: String) {
        let body = "password=" + FormFields.percentEncoded(WebTestHarness.password) + "&next=%2F"
        let response = try await self.execute(
            uri: "/login",
            method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        )
        guard response.status == .seeOther, let setCookie = response.headers[.setCookie],
            let cookie = setCookie.split(separator: ";").first
        else { throw WebTestError.loginFailed(response.status.code) }
        let page = try await self.execute(uri: "/profiles", method: .get, headers: [.cookie: String(cookie)])
        let html = String(buffer: page.body)
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { throw WebTestError.noCSRF }
        let token = html[range.upperBound...].prefix { $0 != "\"" }
        return (String(cookie), String(token))
    }
}

enum WebTestError: Error {
    case loginFailed(Int)
    case noCSRF
}
