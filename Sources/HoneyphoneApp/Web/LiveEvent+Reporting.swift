import Reporting
import Storage
import WebUI

extension LiveEvent {
    /// The web interface's view of a verdict event (the SIP message itself stays out: the page links to it).
    init(_ event: HoneyphoneEvent) {
        self.init(
            timestamp: event.timestamp.nanosecondsSinceEpoch,
            source: event.source.address,
            sourcePort: Int(event.source.port),
            transport: event.transport.rawValue,
            method: event.method,
            callID: event.callID,
            calledNumber: event.calledNumber,
            userAgent: event.userAgent,
            verdict: event.verdict,
            belief: event.belief,
            alert: event.alert,
            attacks: event.attacks
        )
    }
}
