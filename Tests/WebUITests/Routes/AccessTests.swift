import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import WebUI

@Suite struct AccessTests {
    static let pages = [
        "/", "/traces", "/messages/1", "/calls", "/call?id=call-1", "/sources", "/routes?message=1", "/alerts",
        "/profiles", "/profiles/busy", "/profiles/new", "/exports", "/dashboard/panels",
    ]
    static let machinePaths = [
        "/api/v1/status", "/api/v1/messages", "/api/v1/messages/1", "/api/v1/calls", "/api/v1/call?id=call-1",
        "/api/v1/sources", "/api/v1/numbers", "/api/v1/user-agents", "/api/v1/verdicts", "/api/v1/verdicts/1",
        "/api/v1/investigations/1", "/api/v1/alerts", "/api/v1/stats", "/api/v1/profiles", "/api/v1/profiles/busy",
        "/api/v1/registrations", "/api/v1/blocklist", "/api/v1/openapi.json", "/metrics", "/events",
    ]

    @Test func healthAndLoginArePublic() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body) == "ok\n")
            #expect(try await client.execute(uri: "/login", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/assets/app.css", method: .get).status == .ok)
        }
    }

    @Test func pagesRedirectToTheLoginWithoutASession() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            for page in Self.pages {
                let response = try await client.execute(uri: page, method: .get)
                #expect(response.status == .seeOther, "\(page)")
                #expect(response.headers[.location]?.hasPrefix("/login?next=") == true, "\(page)")
            }
        }
    }

    @Test func machinePathsAnswer401WithoutAValidToken() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            for path in Self.machinePaths {
                let none = try await client.execute(uri: path, method: .get)
                #expect(none.status == .unauthorized, "\(path)")
                #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(path)")
                let wrong = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer nope"])
                #expect(wrong.status == .unauthorized, "\(path)")
            }
            for (path, body) in [
                ("/api/v1/alerts/acknowledge", "{}"), ("/api/v1/profiles/active", "{}"), ("/api/v1/profiles", "{}"),
            ] {
                let response = try await client.execute(uri: path, method: .post, body: ByteBuffer(string: body))
                #expect(response.status == .unauthorized, "\(path)")
            }
        }
    }

    @Test func loginSetsAStrictHttpOnlyCookie() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let wrong = try await client.execute(
                uri: "/login",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "password=guess&next=%2Ftraces")
            )
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("id=\"login-error\""))
            #expect(wrong.headers[.setCookie] == nil)

            let right = try await client.execute(
                uri: "/login",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "password=" + FormFields.percentEncoded(WebTestHarness.password) + "&next=%2Ftraces"
                )
            )
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/traces")
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let session = String(cookie.split(separator: ";")[0])
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: session]).status == .ok)
            #expect(
                try await client.execute(uri: "/api/v1/status", method: .get, headers: [.cookie: session]).status == .ok
            )
        }
    }

    @Test func aLoginNeverRedirectsOffSite() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/login",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "password=" + FormFields.percentEncoded(WebTestHarness.password)
                        + "&next=%2F%2Fevil.example%2F"
                )
            )
            #expect(response.headers[.location] == "/")
        }
    }

    @Test func failedLoginsAreThrottled() async throws {
        var configuration = WebConfiguration()
        configuration.loginFailuresPerMinute = 3
        let harness = try await WebTestHarness(configuration: configuration)
        try await harness.test { client in
            var statuses: [Int] = []
            for _ in 0..<5 {
                let response = try await client.execute(
                    uri: "/login",
                    method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "password=wrong")
                )
                statuses.append(response.status.code)
            }
            #expect(statuses == [401, 401, 401, 429, 429])
        }
    }

    @Test func stateChangesNeedTheSessionsCSRFToken() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let (cookie, csrf) = try await client.logIn()
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let missing = try await client.execute(
                uri: "/profiles/activate",
                method: .post,
                headers: form,
                body: ByteBuffer(string: "name=busy")
            )
            #expect(missing.status == .forbidden)
            let wrong = try await client.execute(
                uri: "/profiles/activate",
                method: .post,
                headers: form,
                body: ByteBuffer(string: "name=busy&csrf=x")
            )
            #expect(wrong.status == .forbidden)
            #expect(harness.backend.activated.withLock { $0 }.isEmpty)
            let right = try await client.execute(
                uri: "/profiles/activate",
                method: .post,
                headers: form,
                body: ByteBuffer(string: "name=busy&csrf=" + FormFields.percentEncoded(csrf))
            )
            #expect(right.status == .seeOther)
            #expect(harness.backend.activated.withLock { $0 } == ["busy"])

            let api = try await client.execute(
                uri: "/api/v1/profiles/active",
                method: .post,
                headers: [.cookie: cookie, .contentType: "application/json"],
                body: ByteBuffer(string: #"{"name":"auto-answer"}"#)
            )
            #expect(api.status == .forbidden)
        }
    }

    @Test func crossOriginPostsAreRefused() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let response = try await client.execute(
                uri: "/api/v1/profiles/active",
                method: .post,
                headers: [
                    .authorization: "Bearer \(WebTestHarness.token)", .origin: "http://evil.example",
                    .contentType: "application/json",
                ],
                body: ByteBuffer(string: #"{"name":"busy"}"#)
            )
            #expect(response.status == .forbidden)
            #expect(harness.backend.activated.withLock { $0 }.isEmpty)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            for path in ["/login", "/health", "/", "/api/v1/status"] {
                let response = try await client.execute(uri: path, method: .get)
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(path)")
                #expect(policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }
}
