import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import WebUI

@Suite struct PagesTests {
    /// Attacker text must never reach a page as markup: no raw `<script`, `<img` or `<b>`/`<i>` from the data.
    static func expectInert(_ html: String, _ page: String) {
        #expect(!html.contains("<script>alert"), "\(page)")
        #expect(!html.contains("<img src=x"), "\(page)")
        #expect(!html.contains("<b>UA</b>"), "\(page)")
        #expect(!html.contains("<i>evil</i>"), "\(page)")
        #expect(!html.contains("onerror=alert(2)>"), "\(page)")
    }

    @Test func everyPageRendersWithHostileDataInert() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let (cookie, _) = try await client.logIn()
            for page in AccessTests.pages {
                let response = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie])
                #expect(response.status == .ok, "\(page)")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(page)")
                Self.expectInert(String(buffer: response.body), page)
            }
        }
    }

    @Test func theMessagePageShowsTheHostileUserAgentAsText() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let (cookie, _) = try await client.logIn()
            let html = String(
                buffer: try await client.execute(uri: "/messages/1", method: .get, headers: [.cookie: cookie]).body
            )
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            #expect(html.contains("id=\"verdict\""))
            #expect(html.contains("Crafted 0.80"))
            #expect(html.contains("&lt;b&gt;UA&lt;/b&gt;"))
            #expect(html.contains("&lt;script&gt;alert(4)&lt;/script&gt; ORG"))
            #expect(html.contains("<svg"))
            Self.expectInert(html, "/messages/1")
        }
    }

    @Test func theRoutesPageListsBothRoutesAndLocatesHosts() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let (cookie, _) = try await client.logIn()
            let html = String(
                buffer: try await client.execute(uri: "/routes?message=1", method: .get, headers: [.cookie: cookie])
                    .body
            )
            #expect(html.contains("Via SIP/2.0/UDP 198.51.100.7:5070"))
            #expect(html.contains("192.0.2.1"))
            #expect(html.contains("192.0.2.2"))
            #expect(html.contains("FR Paris"))
            #expect(html.contains("wg-map"))
        }
    }

    @Test func theCallPageHasTheLadderRecordingsAndDownloads() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let (cookie, _) = try await client.logIn()
            let html = String(
                buffer: try await client.execute(uri: "/call?id=call-1", method: .get, headers: [.cookie: cookie]).body
            )
            #expect(html.contains("wg-ladder"))
            #expect(html.contains("src=\"/recordings/call-1-caller.wav\""))
            let audio = try await client.execute(
                uri: "/recordings/call-1-caller.wav",
                method: .get,
                headers: [.cookie: cookie]
            )
            #expect(audio.status == .ok)
            #expect(audio.headers[.contentType] == "audio/wav")
            let traversal = try await client.execute(
                uri: "/recordings/..%2Ftraces.sqlite",
                method: .get,
                headers: [.cookie: cookie]
            )
            #expect(traversal.status == .notFound)
            let pcap = try await client.execute(uri: "/call/pcap?id=call-1", method: .get, headers: [.cookie: cookie])
            #expect(pcap.status == .ok)
            #expect(Array(pcap.body.readableBytesView.prefix(4)) == [0x4D, 0x3C, 0xB2, 0xA1])
        }
    }

    @Test func theProfileFormShowsProblemsInlineAndSaves() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let (cookie, csrf) = try await client.logIn()
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let bad = try await client.execute(
                uri: "/profiles/new",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&name=mine&behaviour=broken&action=save")
            )
            #expect(bad.status == .unprocessableContent)
            let html = String(buffer: bad.body)
            #expect(html.contains("id=\"problems\""))
            #expect(html.contains("line 2, column 5: expected &#39;{&#39;"))
            let badName = try await client.execute(
                uri: "/profiles/new",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&name=..%2Fetc&behaviour=Idle+%7B&action=save")
            )
            #expect(badName.status == .unprocessableContent)
            #expect(harness.backend.saved.withLock { $0 }.isEmpty)
            let good = try await client.execute(
                uri: "/profiles/new",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&name=mine&behaviour=Idle+%7B%7D&action=save")
            )
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == "/profiles/mine")
            #expect(harness.backend.saved.withLock { $0 } == ["mine"])
        }
    }

    @Test func alertsCanBeAcknowledged() async throws {
        let harness = try await WebTestHarness()
        try await harness.test { client in
            let (cookie, csrf) = try await client.logIn()
            var html = String(
                buffer: try await client.execute(uri: "/alerts", method: .get, headers: [.cookie: cookie]).body
            )
            #expect(html.contains("198.51.100.7"))
            #expect(html.contains(">Acknowledge<"))
            let response = try await client.execute(
                uri: "/alerts/ack",
                method: .post,
                headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "csrf=\(csrf)&source=198.51.100.7&verdict=Crafted&until=1700000000000000000&note=%3Cb%3Eok"
                )
            )
            #expect(response.status == .seeOther)
            html = String(
                buffer: try await client.execute(uri: "/alerts?state=all", method: .get, headers: [.cookie: cookie])
                    .body
            )
            #expect(html.contains("acknowledged"))
            #expect(html.contains("&lt;b&gt;ok"))
            html = String(
                buffer: try await client.execute(uri: "/alerts", method: .get, headers: [.cookie: cookie]).body
            )
            #expect(html.contains("No alert."))
        }
    }
}
