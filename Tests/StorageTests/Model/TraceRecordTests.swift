import SIPCore
import Testing

@testable import Storage

@Suite struct TraceRecordTests {
    @Test func requestSummaryIsFilledFromTheMessage() {
        let record = Fixtures.record(Fixtures.invite())
        let s = record.summary
        #expect(s.kind == .request)
        #expect(s.method == "INVITE")
        #expect(s.requestURI == "sip:100@192.0.2.10")
        #expect(s.callID == "call-1")
        #expect(s.cseqNumber == 1)
        #expect(s.cseqMethod == "INVITE")
        #expect(s.fromURI == "sip:100@198.51.100.7")
        #expect(s.fromTag == "abc")
        #expect(s.toURI == "sip:100@192.0.2.10")
        #expect(s.toTag == nil)
        #expect(s.contactURI == "sip:100@198.51.100.7:5070")
        #expect(s.userAgent == "friendly-scanner")
        #expect(s.parseErrorCode == nil)
        #expect(record.raw == Fixtures.invite())
    }

    @Test func responseSummaryUsesServerAsUserAgent() {
        let s = Fixtures.record(Fixtures.okResponse, direction: .sent).summary
        #expect(s.kind == .response)
        #expect(s.statusCode == 200)
        #expect(s.reasonPhrase == "OK")
        #expect(s.toTag == "xyz")
        #expect(s.userAgent == "Honeyphone")
        #expect(s.method == nil)
    }

    @Test func unparsableBytesKeepTheErrorCode() {
        let bytes: [UInt8] = [0x16, 0x03, 0x01, 0x00, 0xff, 0x00]
        let record = Fixtures.record(bytes)
        #expect(record.summary.kind == .unparsed)
        #expect(record.summary.parseErrorCode == SIPParseError.Code.notSIP.rawValue)
        #expect(record.raw == bytes)
        #expect(record.anomalies.count == 1)
        #expect(record.anomalies.first?.code == "not-sip")
    }

    @Test func anomaliesAreKept() {
        var bytes = Fixtures.invite()
        bytes.removeLast(2)  // drop the blank line's CRLF: the header section does not end properly
        bytes += Array("Bogus Header Line\r\n\r\n".utf8)
        let message = try? SIPMessageParser.parseDatagram(bytes)
        let record = Fixtures.record(bytes)
        #expect(record.anomalies == (message?.anomalies ?? []).map(TraceAnomaly.init))
        #expect(!record.anomalies.isEmpty)
    }

    @Test func stringsAreBoundedAndNULFree() {
        let long = String(repeating: "é", count: 2_000)  // 4,000 UTF-8 bytes
        let summary = TraceSummary(kind: .request, callID: long, userAgent: "a\u{0}b")
        #expect(summary.callID?.utf8.count == TraceLimits.maxFieldLength)
        #expect(summary.callID?.allSatisfy { $0 == "é" } == true)
        #expect(summary.userAgent == "a\u{FFFD}b")
        let odd = TraceText.bounded("ab€", maxUTF8: 4)  // € is 3 bytes: it does not fit
        #expect(odd == "ab")
    }

    @Test func rawBytesAreBounded() {
        let record = TraceRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: 0),
            direction: .received,
            transport: .tcp,
            local: Fixtures.local,
            remote: Fixtures.remote,
            raw: Array(repeating: 0x41, count: TraceLimits.maxRawBytes + 10),
            summary: TraceSummary(kind: .unparsed)
        )
        #expect(record.raw.count == TraceLimits.maxRawBytes)
    }

    @Test func endpointStripsBrackets() {
        let endpoint = TraceEndpoint(address: "[2001:db8::1]", port: 5060)
        #expect(endpoint.address == "2001:db8::1")
        #expect(endpoint.description == "[2001:db8::1]:5060")
        #expect(Fixtures.local.description == "192.0.2.10:5060")
    }

    @Test func timestampSplitsSecondsAndNanoseconds() {
        let t = TraceTimestamp(secondsSinceEpoch: 1_700_000_000, nanoseconds: 5)
        #expect(t.nanosecondsSinceEpoch == 1_700_000_000_000_000_005)
        #expect(t.seconds == 1_700_000_000)
        #expect(t.nanoseconds == 5)
        #expect(t.description == "1700000000.000000005")
        let before = TraceTimestamp(nanosecondsSinceEpoch: -1)
        #expect(before.seconds == -1)
        #expect(before.nanoseconds == 999_999_999)
        #expect(TraceTimestamp(secondsSinceEpoch: .max).nanosecondsSinceEpoch == .max)
    }
}
