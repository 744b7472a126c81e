public import Logging
public import NIOCore
public import SIPCore
public import SIPTransactions
public import SIPTransport
public import Storage

/// The honeypot's SIP stack on one event loop: the transport below, the transaction table, and the UA core
/// (and registration clients) above, with every message received or sent handed to the trace sink.
///
/// It performs the actions of the pure machines in one place: ``SIPTransactionAction``s by transaction key,
/// ``UserAgentAction``s of the UA core, and timers of both (scheduled on the loop, cancelled by key).
///
/// Confined to ``eventLoop``: the transport calls it there, and so must everything else.
public final class SIPStack: SIPTransportDelegate, @unchecked Sendable {
    /// Where every traced message goes (a ``Storage/TraceWriter``'s `submit`); must not block.
    public typealias TraceSink = @Sendable (TraceRecord) -> Void

    /// The loop everything runs on.
    public let eventLoop: any EventLoop
    /// The transport.
    public let transport: SIPTransport

    let logger: Logger
    var table: SIPTransactionTable
    var core: UserAgentCore
    let traceSink: TraceSink?
    var timers: [StackTimer: Scheduled<Void>] = [:]
    /// Where each server transaction's responses go, and each client transaction's requests.
    var targets: [SIPTransactionKey: SIPTarget] = [:]
    /// CANCEL server transactions and the INVITE transaction each cancels.
    var cancels: [SIPTransactionKey: SIPTransactionKey?] = [:]
    /// Who started each client transaction.
    var owners: [SIPTransactionKey: ClientOwner] = [:]
    var arrivals: [SIPTransactionKey: SIPArrival] = [:]
    /// The response route computed when each server transaction was created (used once by the UA core).
    var routes: [SIPTransactionKey: ResponseRouting.Route] = [:]
    /// Counters for `honeyphone status` and the logs.
    public internal(set) var statistics = Statistics()
    /// Called on the event loop with every request that is not a retransmission (new transactions, CANCEL,
    /// ACK, and requests refused or unmatchable), after it was traced. It must not block: the investigation
    /// hands it to a bounded queue. Set it before the transport starts.
    public var requestObserver: (@Sendable (SIPInboundMessage) -> Void)?
    /// Runs the calls' media (sessions, play, record, DTMF); called on the stack's event loop, it must not
    /// block. Without one, media commands are only logged. Set it before the transport starts.
    public var mediaHandler: (any CallMediaHandler)?
    /// The request being answered without a transaction (the table was full), where its responses go, and its trace
    /// summary (which the responses' trace records reuse).
    var statelessRequest: (key: SIPTransactionKey, target: SIPTarget, summary: TraceSummary?)?
    /// The summary of the datagram being handed to the transport, built from the response's builder and its
    /// request's summary; `transport(sent:...)` stores it instead of parsing the bytes again.
    var sentSummary: TraceSummary?
    /// Registration clients by their AOR, driven by this stack.
    var registrations: [String: RegistrationDriver] = [:]

    /// What started a client transaction.
    enum ClientOwner: Hashable {
        case dialog(DialogID)
        case registration(String)
    }

    /// A timer of the stack: a transaction's or the UA core's.
    enum StackTimer: Hashable {
        case transaction(SIPTransactionKey, SIPTimer)
        case userAgent(UserAgentTimer)
        case registration(String)
    }

    /// Message counters.
    public struct Statistics: Sendable, Hashable, Codable {
        public var received = 0
        public var sent = 0
        public var unparsed = 0
        public var retransmissionsAbsorbed = 0
        public var strays = 0
        public var refusedTableFull = 0
        /// Requests answered without a transaction because the table was full (RFC 3261 §8.2.7).
        public var answeredStatelessly = 0
        public var unmatchable = 0
        public var sendFailures = 0

        public init() {}

        public init(from decoder: any Decoder) throws {
            // Field by field, so that a status file written before a counter existed still reads.
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func count(_ key: CodingKeys) throws -> Int { try container.decodeIfPresent(Int.self, forKey: key) ?? 0 }
            self.received = try count(.received)
            self.sent = try count(.sent)
            self.unparsed = try count(.unparsed)
            self.retransmissionsAbsorbed = try count(.retransmissionsAbsorbed)
            self.strays = try count(.strays)
            self.refusedTableFull = try count(.refusedTableFull)
            self.answeredStatelessly = try count(.answeredStatelessly)
            self.unmatchable = try count(.unmatchable)
            self.sendFailures = try count(.sendFailures)
        }
    }

    /// A stack over `transport` (not yet started), answering with `core`.
    public init(
        transport: SIPTransport,
        core: UserAgentCore,
        table: SIPTransactionTable,
        traceSink: TraceSink?,
        logger: Logger
    ) {
        self.eventLoop = transport.eventLoop
        self.transport = transport
        self.core = core
        self.table = table
        self.traceSink = traceSink
        self.logger = logger
        transport.delegate = self
    }

    /// Live dialogs and transactions, for status.
    public var dialogCount: Int { self.core.dialogCount }
    public var transactionCount: Int { self.table.count }

    // MARK: SIPTransportDelegate

    public func transport(received inbound: SIPInboundMessage) {
        self.statistics.received += 1
        let message = inbound.message
        let arrival = inbound.arrival
        let record = self.trace(
            message,
            direction: .received,
            transport: arrival.transport,
            local: arrival.local,
            remote: arrival.remote,
            at: arrival.nanosecondsSinceEpoch
        )
        // A new call would get 486 anyway: refuse it without a transaction (see the table's property).
        self.table.answerInitialInvitesStatelessly = self.core.dialogCount >= self.core.configuration.maximumDialogs
        let routing = self.table.received(message, reliable: arrival.transport.isReliable)
        if message.isRequest, let observer = self.requestObserver {
            if case .transaction = routing {} else { observer(inbound) }
        }
        switch routing {
        case .transaction(let key, let actions):
            self.run(actions, for: key)
        case .newServerTransaction(let key, let actions):
            let route = ResponseRouting.route(message, arrival: arrival)
            self.targets[key] = route.target
            self.routes[key] = route
            self.arrivals[key] = arrival
            self.run(actions, for: key)
        case .cancel(let key, let matching, let actions):
            self.targets[key] = ResponseRouting.route(message, arrival: arrival).target
            self.arrivals[key] = arrival
            self.cancels[key] = matching
            self.run(actions, for: key)
        case .ackFor2xx(let ack):
            self.runUA(self.core.receivedACK(ack))
        case .strayACK, .strayResponse:
            self.statistics.strays += 1
        case .refused:
            self.statistics.refusedTableFull += 1
        case .stateless(let key, let request):
            self.statistics.answeredStatelessly += 1
            self.answerStatelessly(request, key: key, arrival: arrival, summary: record?.summary)
        case .unmatchable:
            self.statistics.unmatchable += 1
        }
    }

    public func transport(rejected bytes: SIPRejectedBytes) {
        self.statistics.unparsed += 1
        guard let sink = self.traceSink else { return }
        let raw = bytes.bytes.readableBytesView
        sink(
            TraceRecord(
                unparsedBytes: raw,
                parseError: bytes.error,
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: bytes.arrival.nanosecondsSinceEpoch),
                direction: .received,
                transport: Self.traceTransport(bytes.arrival.transport),
                local: Self.endpoint(bytes.arrival.local),
                remote: Self.endpoint(bytes.arrival.remote)
            )
        )
    }

    public func transport(
        sent bytes: ByteBuffer,
        to target: SIPTarget,
        from local: SocketAddress?,
        nanosecondsSinceEpoch: Int64
    ) {
        self.statistics.sent += 1
        guard let sink = self.traceSink else { return }
        if let summary = self.sentSummary {
            // A stateless answer: the summary is known, the bytes need no parsing.
            self.sentSummary = nil
            sink(
                TraceRecord(
                    timestamp: TraceTimestamp(nanosecondsSinceEpoch: nanosecondsSinceEpoch),
                    direction: .sent,
                    transport: Self.traceTransport(target.transport),
                    local: local.map(Self.endpoint) ?? TraceEndpoint(address: "0.0.0.0", port: 0),
                    remote: Self.endpoint(target.remote),
                    raw: Array(bytes.readableBytesView),
                    summary: summary
                )
            )
            return
        }
        guard let message = try? SIPMessageParser.parse(bytes, framing: .datagram) else { return }
        self.trace(
            message,
            direction: .sent,
            transport: target.transport,
            local: local,
            remote: target.remote,
            at: nanosecondsSinceEpoch
        )
    }

    public func transport(failedToSendTo target: SIPTarget, error: any Error) {
        self.statistics.sendFailures += 1
        self.logger.debug("send failed", metadata: ["sip.remote": "\(target.remote)", "sip.error": "\(error)"])
    }

    // MARK: Tracing

    @discardableResult
    func trace(
        _ message: SIPMessage,
        direction: TraceDirection,
        transport: SIPTransportKind,
        local: SocketAddress?,
        remote: SocketAddress,
        at time: Int64
    ) -> TraceRecord? {
        guard let sink = self.traceSink else { return nil }
        let record = TraceRecord(
            message: message,
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
            direction: direction,
            transport: Self.traceTransport(transport),
            local: local.map(Self.endpoint) ?? TraceEndpoint(address: "0.0.0.0", port: 0),
            remote: Self.endpoint(remote)
        )
        sink(record)
        return record
    }

    /// The trace summary of `response`, a response the UA core built for the request summarised by `request`,
    /// without serializing and parsing it: the response copies the request's Call-ID, CSeq, From and To (RFC
    /// 3261 §8.2.6.2), adds a To tag when the request had none, and carries our Contact and product token.
    /// `nil` for a request builder.
    public static func responseSummary(_ response: SIPMessageBuilder, answering request: TraceSummary) -> TraceSummary?
    {
        guard case .response(let status, let reason) = response.startLine else { return nil }
        var toTag = request.toTag
        var contact: String?
        var product: String?
        for header in response.headers {
            switch Self.summaryField(header.name) {
            case .to?:
                if request.toTag == nil { toTag = Self.lastTag(header.value) }
            case .contact? where contact == nil:
                contact = Self.firstURI(header.value)
            case .product? where product == nil:
                product = header.value
            default:
                continue
            }
        }
        return TraceSummary(
            kind: .response,
            statusCode: status,
            reasonPhrase: reason,
            callID: request.callID,
            cseqNumber: request.cseqNumber,
            cseqMethod: request.cseqMethod,
            fromURI: request.fromURI,
            fromTag: request.fromTag,
            toURI: request.toURI,
            toTag: toTag,
            contactURI: contact,
            userAgent: product
        )
    }

    private enum SummaryField { case to, contact, product }

    /// Which summarised field a header name (long or compact form, any case) is.
    private static func summaryField(_ name: String) -> SummaryField? {
        switch name.utf8.count {
        case 1:
            switch name.utf8.first.map({ $0 | 0x20 }) {
            case UInt8(ascii: "t"): .to
            case UInt8(ascii: "m"): .contact
            default: nil
            }
        case 2: Self.equalsIgnoringCase(name, "to") ? .to : nil
        case 6: Self.equalsIgnoringCase(name, "server") ? .product : nil
        case 7: Self.equalsIgnoringCase(name, "contact") ? .contact : nil
        case 10: Self.equalsIgnoringCase(name, "user-agent") ? .product : nil
        default: nil
        }
    }

    private static func equalsIgnoringCase(_ text: String, _ lowercase: StaticString) -> Bool {
        let other = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return text.utf8.count == other.count && zip(text.utf8, other).allSatisfy { ($0 | 0x20) == $1 }
    }

    /// The value of the last `;tag=` parameter of a To value (the one the UA core appended).
    static func lastTag(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            // Scanned in place (every stateless answer's summary reads it): no copy of the value or the marker.
            let marker: StaticString = ";tag="
            let length = marker.utf8CodeUnitCount
            guard bytes.count > length else { return nil }
            var start = bytes.count - length
            while start >= 0 {
                var matches = true
                for k in 0..<length where bytes[start + k] | 0x20 != marker.utf8Start[k] {
                    matches = false
                    break
                }
                if matches {
                    let from = start + length
                    var end = from
                    while end < bytes.count, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: " ") {
                        end += 1
                    }
                    guard end > from else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self)
                }
                start -= 1
            }
            return nil
        }
    }

    /// The URI of a Contact value the UA core wrote: inside the first `<…>`, else up to the first `;`.
    static func firstURI(_ value: String) -> String? {
        let utf8 = value.utf8
        if let open = utf8.firstIndex(of: UInt8(ascii: "<")) {
            let after = utf8.index(after: open)
            guard let close = utf8[after...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            return String(value[after..<close])
        }
        let end = utf8.firstIndex(of: UInt8(ascii: ";")) ?? utf8.endIndex
        let uri = String(value[..<end]).trimmingTrailingSpaces()
        return uri.isEmpty ? nil : uri
    }

    static func endpoint(_ address: SocketAddress) -> TraceEndpoint {
        TraceEndpoint(address: address.ipText ?? "?", port: UInt16(clamping: address.port ?? 0))
    }

    static func traceTransport(_ kind: SIPTransportKind) -> TraceTransport {
        switch kind {
        case .udp: .udp
        case .tcp: .tcp
        case .tls: .tls
        }
    }
}
