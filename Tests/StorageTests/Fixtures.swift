import NIOCore
import SIPCore
import Storage

/// Records and messages shared by the tests.
enum Fixtures {
    static let local = TraceEndpoint(address: "192.0.2.10", port: 5060)
    static let remote = TraceEndpoint(address: "198.51.100.7", port: 5070)

    static func invite(callID: String = "call-1", userAgent: String = "friendly-scanner") -> [UInt8] {
        Array(
            """
            INVITE sip:100@192.0.2.10 SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-1\r
            From: "scanner" <sip:100@198.51.100.7>;tag=abc\r
            To: <sip:100@192.0.2.10>\r
            Call-ID: \(callID)\r
            CSeq: 1 INVITE\r
            Contact: <sip:100@198.51.100.7:5070>\r
            User-Agent: \(userAgent)\r
            Max-Forwards: 70\r
            Content-Length: 0\r
            \r

            """.utf8
        )
    }

    static let okResponse = Array(
        """
        SIP/2.0 200 OK\r
        Via: SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK-1\r
        From: "scanner" <sip:100@198.51.100.7>;tag=abc\r
        To: <sip:100@192.0.2.10>;tag=xyz\r
        Call-ID: call-1\r
        CSeq: 1 INVITE\r
        Server: Honeyphone\r
        Content-Length: 0\r
        \r

        """.utf8
    )

    /// A record of `bytes` parsed as a datagram (or unparsed if the parser refuses them).
    static func record(
        _ bytes: [UInt8],
        at nanoseconds: Int64 = 1_700_000_000_000_000_000,
        direction: TraceDirection = .received,
        transport: TraceTransport = .udp,
        local: TraceEndpoint = Fixtures.local,
        remote: TraceEndpoint = Fixtures.remote
    ) -> TraceRecord {
        let timestamp = TraceTimestamp(nanosecondsSinceEpoch: nanoseconds)
        do {
            let message = try SIPMessageParser.parseDatagram(bytes)
            return TraceRecord(
                message: message,
                timestamp: timestamp,
                direction: direction,
                transport: transport,
                local: local,
                remote: remote
            )
        } catch {
            return TraceRecord(
                unparsedBytes: bytes,
                parseError: error,
                timestamp: timestamp,
                direction: direction,
                transport: transport,
                local: local,
                remote: remote
            )
        }
    }

    /// A cheap record with a summary but no parsing, for volume tests.
    static func plain(_ index: Int, rawSize: Int = 200) -> TraceRecord {
        TraceRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000 + Int64(index)),
            direction: .received,
            transport: .udp,
            local: Fixtures.local,
            remote: Fixtures.remote,
            raw: Array(repeating: UInt8(truncatingIfNeeded: index), count: rawSize),
            summary: TraceSummary(kind: .request, method: "OPTIONS", callID: "call-\(index)")
        )
    }
}

extension TraceRecord {
    /// The record with its store id cleared, for comparing with the record appended.
    var withoutID: TraceRecord {
        TraceRecord(
            timestamp: self.timestamp,
            direction: self.direction,
            transport: self.transport,
            local: self.local,
            remote: self.remote,
            raw: self.raw,
            summary: self.summary,
            anomalies: self.anomalies,
            dialogID: self.dialogID,
            registrationID: self.registrationID
        )
    }
}
