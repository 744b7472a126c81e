import NIOCore
import SIPCore
import SIPTransactions

/// SIP messages for the tests, built with `SIPMessageBuilder` and parsed back with `SIPMessageParser`, as the
/// transport would hand them over.
enum Fixtures {
    static let uri = "sip:100@192.0.2.1"
    static let callID = "a84b4c76e66710@192.0.2.10"

    /// A request with the headers RFC 3261 §8.1.1 requires, plus `extra`.
    static func request(
        _ method: SIPMethod,
        branch: String? = "z9hG4bK776asdhds",
        sentBy: String = "192.0.2.10:5060",
        transport: String = "UDP",
        uri: String = Fixtures.uri,
        callID: String = Fixtures.callID,
        cseq: UInt32 = 314_159,
        cseqMethod: SIPMethod? = nil,
        fromTag: String? = "1928301774",
        toTag: String? = nil,
        extra: [SIPMessageBuilder.Header] = []
    ) throws -> SIPMessage {
        var builder = SIPMessageBuilder(.request(method: method, uri: uri))
        builder.add("Via", "SIP/2.0/\(transport) \(sentBy)" + (branch.map { ";branch=\($0)" } ?? ""))
        builder.add("Max-Forwards", "70")
        builder.add("To", "<\(uri)>" + (toTag.map { ";tag=\($0)" } ?? ""))
        builder.add("From", "\"sipvicious\" <sip:100@192.0.2.10>" + (fromTag.map { ";tag=\($0)" } ?? ""))
        builder.add("Call-ID", callID)
        builder.add("CSeq", "\(cseq) \((cseqMethod ?? method).rawValue)")
        builder.headers += extra
        return try self.parse(builder)
    }

    /// A response to `request` echoing its Via, From, To, Call-ID and CSeq, serialized.
    static func response(
        to request: SIPMessage,
        _ status: Int,
        _ reason: String,
        toTag: String? = "as83kd9bs"
    ) -> ByteBuffer {
        SIPMessageBuilder.response(to: request, status: status, reason: reason, toTag: toTag).serialized()
    }

    /// The same response, parsed: what a client transaction receives.
    static func parsedResponse(
        to request: SIPMessage,
        _ status: Int,
        _ reason: String,
        toTag: String? = "as83kd9bs"
    ) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(self.response(to: request, status, reason, toTag: toTag))
    }

    static func parse(_ builder: SIPMessageBuilder) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(builder.serialized())
    }

    static func parse(_ text: String) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(Array(text.utf8))
    }
}

extension Duration {
    /// Milliseconds, for readable expectations.
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}
