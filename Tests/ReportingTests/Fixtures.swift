import Foundation
import Reporting
import Storage

/// Events and records for the reporting tests.
enum Fixtures {
    /// `2026-12-05T10:00:00.123456789Z`.
    static let time: Int64 = 1_796_464_800_123_456_789

    static func event(
        uuid: String = "00000000-0000-4000-8000-000000000001",
        source: String = "198.51.100.7",
        method: String? = "INVITE",
        calledNumber: String? = "0044123456",
        userAgent: String? = "friendly-scanner",
        callID: String? = "abc@198.51.100.7",
        message: [UInt8] = Array("INVITE sip:0044123456@192.0.2.1 SIP/2.0\r\nCall-ID: abc\r\n\r\n".utf8),
        verdict: String = "Crafted",
        belief: Double = 0.93,
        alert: Bool = true,
        attacks: [String] = ["scanning"],
        time: Int64 = Fixtures.time
    ) -> HoneyphoneEvent {
        HoneyphoneEvent(
            uuid: uuid,
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
            nodeID: "lab-phone-3",
            appVersion: "test",
            source: TraceEndpoint(address: source, port: 5060),
            destination: TraceEndpoint(address: "192.0.2.1", port: 5060),
            transport: .udp,
            method: method,
            calledNumber: calledNumber,
            userAgent: userAgent,
            callID: callID,
            sipMessage: message,
            verdict: verdict,
            belief: belief,
            beliefs: [
                .init(state: "Normal", belief: 0.02), .init(state: "Suspicious", belief: 0.05),
                .init(state: "Crafted", belief: belief),
            ],
            alert: alert,
            attacks: attacks
        )
    }

    /// Parses one JSON object.
    static func object(_ json: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        guard let object = value as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        return object
    }
}
