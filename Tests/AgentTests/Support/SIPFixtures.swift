import Agent
import NIOCore
import SIPCore
import SIPTransactions
import SIPTransport
import Testing

/// The text of a request, field by field, with defaults that make a valid OPTIONS from a caller at
/// 198.51.100.7:5060 to the honeypot's 192.0.2.1:5060.
struct RequestText {
    var method = "OPTIONS"
    var uri = "sip:1001@192.0.2.1"
    var via = "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-a1;rport"
    var maxForwards: String? = "70"
    var from = "\"Caller\" <sip:caller@198.51.100.7>;tag=ftag1"
    var to = "<sip:1001@192.0.2.1>"
    var callID = "call-1@198.51.100.7"
    var cseq: String? = nil
    var cseqNumber = 1
    var contact: String? = "<sip:caller@198.51.100.7:5060>"
    var extra: [String] = []
    var contentType: String? = nil
    var body = ""

    init(_ method: String = "OPTIONS") {
        self.method = method
    }

    var text: String {
        var lines = ["\(self.method) \(self.uri) SIP/2.0", "Via: \(self.via)"]
        if let maxForwards = self.maxForwards { lines.append("Max-Forwards: \(maxForwards)") }
        lines.append("From: \(self.from)")
        lines.append("To: \(self.to)")
        lines.append("Call-ID: \(self.callID)")
        lines.append("CSeq: \(self.cseq ?? "\(self.cseqNumber) \(self.method)")")
        if let contact = self.contact { lines.append("Contact: \(contact)") }
        lines += self.extra
        if let contentType = self.contentType { lines.append("Content-Type: \(contentType)") }
        lines.append("Content-Length: \(self.body.utf8.count)")
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + self.body
    }

    func message() throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(Array(self.text.utf8))
    }
}

enum Fixtures {
    static let callerAddress = try! SocketAddress(ipAddress: "198.51.100.7", port: 5060)
    static let honeypotAddress = try! SocketAddress(ipAddress: "192.0.2.1", port: 5060)

    static func arrival(
        _ transport: SIPTransportKind = .udp,
        remote: SocketAddress = Fixtures.callerAddress,
        local: SocketAddress = Fixtures.honeypotAddress
    ) -> SIPArrival {
        SIPArrival(
            transport: transport,
            remote: remote,
            local: local,
            connection: transport == .udp ? nil : SIPConnectionID(rawValue: 7),
            nanosecondsSinceEpoch: 0
        )
    }

    static let offer = """
        v=0\r
        o=caller 1 1 IN IP4 198.51.100.7\r
        s=call\r
        c=IN IP4 198.51.100.7\r
        t=0 0\r
        m=audio 40000 RTP/AVP 0 8 101\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:101 telephone-event/8000\r
        a=fmtp:101 0-16\r

        """

    static let videoOnlyOffer = """
        v=0\r
        o=caller 1 1 IN IP4 198.51.100.7\r
        s=call\r
        c=IN IP4 198.51.100.7\r
        t=0 0\r
        m=video 40002 RTP/AVP 96\r
        a=rtpmap:96 H264/90000\r

        """

    static func persona(_ id: String) -> Persona {
        Persona.builtIn[id]!
    }

    /// Parses what a builder serializes.
    static func parse(_ builder: SIPMessageBuilder) throws -> SIPMessage {
        try SIPMessageParser.parseDatagram(builder.serialized())
    }

    /// The header names of a message, in order, as written.
    static func headerNames(_ message: SIPMessage) -> [String] {
        message.headerFields.map { message.name(of: $0) }
    }

    /// Every value of the header `name` (case-insensitive), in order.
    static func values(_ message: SIPMessage, _ name: String) -> [String] {
        message.headerFields.filter { message.name(of: $0).lowercased() == name.lowercased() }.map {
            message.value(of: $0)
        }
    }

    static func text(_ buffer: ByteBuffer) -> String {
        String(buffer: buffer)
    }
}

/// A comparable summary of a ``UserAgentAction``: scripts compare these, and the messages are checked apart.
enum Step: Hashable, CustomStringConvertible {
    case respond(SIPTransactionKey, Int)
    case retransmit(SIPTransactionKey, Int)
    case sendRequest(String, SIPTarget)
    case startTimer(UserAgentTimer, Duration)
    case cancelTimer(UserAgentTimer)
    case callEvent(DialogID, String)
    case media(DialogID, MediaCommand)
    case mediaStart(DialogID, UInt16)
    case mediaStop(DialogID)

    var description: String {
        switch self {
        case .respond(_, let status): "respond(\(status))"
        case .retransmit(_, let status): "retransmit(\(status))"
        case .sendRequest(let method, let target): "sendRequest(\(method), \(target))"
        case .startTimer(let timer, let after): "startTimer(\(timer), \(after))"
        case .cancelTimer(let timer): "cancelTimer(\(timer))"
        case .callEvent(let id, let event): "callEvent(\(id), \(event))"
        case .media(let id, let command): "media(\(id), \(command))"
        case .mediaStart(let id, let port): "mediaStart(\(id), \(port))"
        case .mediaStop(let id): "mediaStop(\(id))"
        }
    }
}

extension UserAgentAction {
    var step: Step {
        switch self {
        case .respond(let key, let builder):
            guard case .response(let status, _) = builder.startLine else { return .respond(key, -1) }
            return .respond(key, status)
        case .retransmit(let key, _, let status):
            return .retransmit(key, status)
        case .sendRequest(let builder, let target):
            guard case .request(let method, _) = builder.startLine else { return .sendRequest("?", target) }
            return .sendRequest(method.rawValue, target)
        case .startTimer(let timer, let after):
            return .startTimer(timer, after)
        case .cancelTimer(let timer):
            return .cancelTimer(timer)
        case .callEvent(let id, let event):
            return .callEvent(id, event)
        case .media(let id, let command, _):
            return .media(id, command)
        case .mediaStart(let id, let setup):
            return .mediaStart(id, setup.localPort)
        case .mediaStop(let id):
            return .mediaStop(id)
        }
    }
}

extension Array where Element == UserAgentAction {
    var steps: [Step] { self.map(\.step) }

    /// The responses, parsed back from their serialized bytes.
    func responses() throws -> [SIPMessage] {
        try self.compactMap { action in
            guard case .respond(_, let builder) = action else { return nil }
            return try Fixtures.parse(builder)
        }
    }

    /// The serialized responses.
    var responseBuilders: [SIPMessageBuilder] {
        self.compactMap { action in
            guard case .respond(_, let builder) = action else { return nil }
            return builder
        }
    }

    /// The requests the UA core asked to send, parsed back.
    func requests() throws -> [(SIPMessage, SIPTarget)] {
        try self.compactMap { action in
            guard case .sendRequest(let builder, let target) = action else { return nil }
            return (try Fixtures.parse(builder), target)
        }
    }
}
