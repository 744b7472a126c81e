import Foundation
import Storage
import Testing

@testable import Reporting

@Suite struct HoneyphoneEventTests {
    @Test func sentryPeerFieldsComeFirstAsStrings() throws {
        let json = Fixtures.event().json
        #expect(!json.contains("\n"))
        let object = try Fixtures.object(json)
        for field in HoneyphoneEvent.sentryPeerFields {
            #expect(object[field] is String, "\(field) must be a string as SentryPeer writes it")
        }
        #expect(object["app_name"] as? String == "honeyphone")
        #expect(object["event_timestamp"] as? String == "2026-12-05 10:00:00.123456789")
        #expect(object["event_uuid"] as? String == "00000000-0000-4000-8000-000000000001")
        #expect(object["created_by_node_id"] as? String == "lab-phone-3")
        #expect(object["collected_method"] as? String == "responsive")
        #expect(object["transport_type"] as? String == "UDP")
        #expect(object["source_ip"] as? String == "198.51.100.7")
        #expect(object["destination_ip"] as? String == "192.0.2.1")
        #expect(object["called_number"] as? String == "0044123456")
        #expect(object["sip_method"] as? String == "INVITE")
        #expect(object["sip_user_agent"] as? String == "friendly-scanner")
        #expect((object["sip_message"] as? String)?.hasPrefix("INVITE sip:0044123456@192.0.2.1 SIP/2.0\r\n") == true)
        // The order of SentryPeer's fields is SentryPeer's.
        let positions = HoneyphoneEvent.sentryPeerFields.map { json.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func honeyphoneFields() throws {
        let object = try Fixtures.object(Fixtures.event().json)
        #expect(object["honeyphone_time"] as? String == "2026-12-05T10:00:00.123456Z")
        #expect((object["honeyphone_time_ns"] as? NSNumber)?.int64Value == Fixtures.time)
        #expect(object["honeyphone_source_port"] as? Int == 5060)
        #expect(object["honeyphone_destination_port"] as? Int == 5060)
        #expect(object["honeyphone_call_id"] as? String == "abc@198.51.100.7")
        #expect(object["honeyphone_verdict"] as? String == "Crafted")
        #expect(object["honeyphone_belief"] as? Double == 0.93)
        #expect((object["honeyphone_beliefs"] as? [String: Double])?["Suspicious"] == 0.05)
        #expect(object["honeyphone_alert"] as? Bool == true)
        #expect(object["honeyphone_attacks"] as? [String] == ["scanning"])
        #expect(object["honeyphone_sip_message_truncated"] as? Bool == false)
    }

    @Test func missingFactsAreEmptyStrings() throws {
        let object = try Fixtures.object(
            Fixtures.event(method: nil, calledNumber: nil, userAgent: nil, callID: nil).json
        )
        #expect(object["sip_method"] as? String == "")
        #expect(object["called_number"] as? String == "")
        #expect(object["sip_user_agent"] as? String == "")
        #expect(object["honeyphone_call_id"] is NSNull)
    }

    static let hostile: [String] = [
        "<script>alert(1)</script>", "quote\" backslash\\ end", "line\r\nInjected: yes\n", "nul\u{0}byte",
        "del\u{7F} c1\u{85} ls\u{2028} ps\u{2029}", "&amp; </textarea>", "\u{1B}[31mred\u{1B}[0m",
    ]

    @Test(arguments: Self.hostile)
    func hostileStringsStayInert(_ text: String) throws {
        let event = Fixtures.event(
            method: text,
            calledNumber: text,
            userAgent: text,
            callID: text,
            message: Array(text.utf8)
        )
        let json = event.json
        // One line, no raw markup or control characters, and it reads back exactly.
        #expect(!json.contains("\n") && !json.contains("\r") && !json.contains("<") && !json.contains(">"))
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" })
        let object = try Fixtures.object(json)
        #expect(object["sip_user_agent"] as? String == text)
        #expect(object["sip_method"] as? String == text)
        #expect(object["called_number"] as? String == text)
        #expect(object["sip_message"] as? String == text)
    }

    @Test func invalidUTF8IsReplaced() throws {
        let bytes: [UInt8] = Array("OPTIONS sip:x SIP/2.0\r\nUser-Agent: ".utf8) + [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80]
        let object = try Fixtures.object(Fixtures.event(message: bytes).json)
        let message = try #require(object["sip_message"] as? String)
        #expect(message.hasPrefix("OPTIONS sip:x SIP/2.0\r\nUser-Agent: "))
        #expect(message.contains("\u{FFFD}"))
    }

    @Test func messageIsBounded() throws {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: HoneyphoneEvent.maxSIPMessageBytes - 1) + [0xC3, 0xA9]
        let event = Fixtures.event(message: long)
        #expect(event.sipMessageTruncated)
        // The two-byte scalar that the bound cuts is dropped whole, not replaced.
        #expect(event.sipMessage.utf8.count == HoneyphoneEvent.maxSIPMessageBytes - 1)
        #expect(!event.sipMessage.contains("\u{FFFD}"))
        let object = try Fixtures.object(event.json)
        #expect(object["honeyphone_sip_message_truncated"] as? Bool == true)
        let field = String(repeating: "x", count: 5_000)
        #expect(Fixtures.event(userAgent: field).userAgent?.utf8.count == HoneyphoneEvent.maxFieldBytes)
    }

    @Test func nonFiniteBeliefIsNull() throws {
        let object = try Fixtures.object(Fixtures.event(belief: .nan).json)
        #expect(object["honeyphone_belief"] is NSNull)
    }

    @Test func uuidsAreVersion4() {
        let generator = EventUUID.counting(from: 1)
        #expect(generator.next() == "00000000-0000-4000-8000-000000000001")
        #expect(generator.next() == "00000000-0000-4000-8000-000000000002")
        let pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        var seen = Set<String>()
        for _ in 0..<100 {
            let uuid = EventUUID.random.next()
            #expect(uuid.wholeMatch(of: pattern) != nil)
            seen.insert(uuid)
        }
        #expect(seen.count == 100)
        #expect(EventUUID.version4(high: .max, low: .max) == "ffffffff-ffff-4fff-bfff-ffffffffffff")
    }

    @Test func filter() {
        #expect(EventFilter.all.accepts(Fixtures.event(alert: false)))
        #expect(!EventFilter.alerts.accepts(Fixtures.event(alert: false)))
        #expect(EventFilter.alerts.accepts(Fixtures.event(alert: true)))
    }
}
