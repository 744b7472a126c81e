import SIPCore
import Synchronization

/// SIP messages for the tests: built with `SIPMessageBuilder` or written raw, parsed back with
/// `SIPMessageParser`, as the transport would hand them over.
enum Fixtures {
    static let registrar = "sip:sip.example.com"

    /// Parser limits that let a long header through, so that `SIPAuth`'s own bounds are what is tested.
    static var roomyLimits: SIPParserLimits {
        var limits = SIPParserLimits()
        limits.maxHeaderLength = 40_000
        limits.maxHeaderSectionSize = 60_000
        return limits
    }

    /// A 401 (or 407) response to a REGISTER carrying `extra` headers, serialized and parsed back.
    static func challengeResponse(status: Int = 401, _ extra: [SIPMessageBuilder.Header]) throws -> SIPMessage {
        var builder = SIPMessageBuilder(
            .response(status: status, reason: status == 407 ? "Proxy Auth" : "Unauthorized")
        )
        builder.add("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds")
        builder.add("From", "<sip:alice@sip.example.com>;tag=1928301774")
        builder.add("To", "<sip:alice@sip.example.com>;tag=a6c85cf")
        builder.add("Call-ID", "a84b4c76e66710@192.0.2.10")
        builder.add("CSeq", "1 REGISTER")
        builder.headers += extra
        return try SIPMessageParser.parseDatagram(builder.serialized(), limits: Self.roomyLimits)
    }

    /// A REGISTER carrying `extra` headers, serialized and parsed back.
    static func register(cseq: Int = 2, _ extra: [SIPMessageBuilder.Header]) throws -> SIPMessage {
        var builder = SIPMessageBuilder(.request(method: .register, uri: Self.registrar))
        builder.add("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK\(cseq)a7f")
        builder.add("Max-Forwards", "70")
        builder.add("From", "<sip:alice@sip.example.com>;tag=1928301774")
        builder.add("To", "<sip:alice@sip.example.com>")
        builder.add("Call-ID", "a84b4c76e66710@192.0.2.10")
        builder.add("CSeq", "\(cseq) REGISTER")
        builder.add("Contact", "<sip:alice@192.0.2.10:5060>")
        builder.headers += extra
        return try SIPMessageParser.parseDatagram(builder.serialized(), limits: Self.roomyLimits)
    }

    /// A message written byte for byte (for values `SIPMessageBuilder` would make inert), parsed back.
    static func raw(startLine: String, header: String) throws -> SIPMessage {
        let text =
            startLine + "\r\n" + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds\r\n"
            + "From: <sip:alice@sip.example.com>;tag=1928301774\r\n" + "To: <sip:alice@sip.example.com>\r\n"
            + "Call-ID: a84b4c76e66710@192.0.2.10\r\n" + "CSeq: 1 REGISTER\r\n" + header + "\r\n"
            + "Content-Length: 0\r\n\r\n"
        return try SIPMessageParser.parseDatagram(Array(text.utf8), limits: Self.roomyLimits)
    }

    /// The first WWW-Authenticate of a raw 401 with this header line.
    static func wwwAuthenticate(_ value: String) throws -> SIPAuthorization? {
        try Self.raw(startLine: "SIP/2.0 401 Unauthorized", header: "WWW-Authenticate: " + value).wwwAuthenticate.first
    }

    /// The first Authorization of a raw REGISTER with this header line.
    static func authorization(_ value: String) throws -> SIPAuthorization? {
        try Self.raw(startLine: "REGISTER \(Self.registrar) SIP/2.0", header: "Authorization: " + value)
            .authorization.first
    }
}

/// A client nonce source that returns `cn0001`, `cn0002`, … so that answers are reproducible.
final class CountingCnonce: Sendable {
    private let count = Mutex(0)

    /// The next client nonce.
    func next() -> String {
        let n = self.count.withLock {
            $0 += 1
            return $0
        }
        return "cn" + String(String(10_000 + n).dropFirst())
    }
}
