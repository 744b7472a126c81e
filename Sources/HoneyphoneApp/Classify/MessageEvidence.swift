public import Inference
import NIOCore
public import SDP
public import SIPCore

/// Helpers that read what the analysis needs from a parsed message.
public enum MessageEvidence {
    /// The message's SDP, when its Content-Type is application/sdp (or absent with a body starting `v=`) and
    /// it parses; `nil` otherwise.
    public static func sdp(of message: SIPMessage) -> SDPSessionDescription? {
        let body = message.body
        let looksLikeSDP = body.readableBytes >= 2 && body.getInteger(at: body.readerIndex, as: UInt16.self) == 0x763D
        guard body.readableBytes > 0, message.contentType?.isSDP ?? looksLikeSDP else { return nil }
        return try? SDPParser.parse(body)
    }

    /// What the attack labeller needs about a request that came from `source` to `target` at `time` (since
    /// the start of the run or of the capture).
    public static func requestSummary(
        _ message: SIPMessage,
        sdp: SDPSessionDescription?,
        source: String,
        target: String?,
        time: Duration
    ) -> RequestSummary {
        let method: RequestSummary.Method
        switch message.method?.rawValue {
        case "INVITE": method = .invite
        case "REGISTER": method = .register
        case "OPTIONS": method = .options
        default: method = .other
        }
        let credentials = message.authorization.first ?? message.proxyAuthorization.first
        var errors = 0
        var warnings = 0
        for anomaly in message.anomalies {
            switch anomaly.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            }
        }
        return RequestSummary(
            method: method,
            source: source,
            target: target,
            requestURIUser: message.requestURIUser,
            toUser: message.toURIUser,
            hasAuthorization: credentials != nil,
            authUsername: credentials?.username,
            hasSDP: !(sdp?.media.isEmpty ?? true),
            errorAnomalies: errors,
            warningAnomalies: warnings,
            time: time
        )
    }
}
