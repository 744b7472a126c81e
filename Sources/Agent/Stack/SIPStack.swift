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
    /// The request being answered without a transaction (the table was full), and where its responses go.
    var statelessRequest: (key: SIPTransactionKey, target: SIPTarget)?
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
        self.trace(
            message,
            direction: .received,
            transport: arrival.transport,
            local: arrival.local,
            remote: arrival.remote,
            at: arrival.nanosecondsSinceEpoch
        )
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
            self.answerStatelessly(request, key: key, arrival: arrival)
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
        guard self.traceSink != nil, let message = try? SIPMessageParser.parse(bytes, framing: .datagram) else {
            return
        }
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

    func trace(
        _ message: SIPMessage,
        direction: TraceDirection,
        transport: SIPTransportKind,
        local: SocketAddress?,
        remote: SocketAddress,
        at time: Int64
    ) {
        guard let sink = self.traceSink else { return }
        sink(
            TraceRecord(
                message: message,
                timestamp: TraceTimestamp(nanosecondsSinceEpoch: time),
                direction: direction,
                transport: Self.traceTransport(transport),
                local: local.map(Self.endpoint) ?? TraceEndpoint(address: "0.0.0.0", port: 0),
                remote: Self.endpoint(remote)
            )
        )
    }

    static func endpoint(_ address: SocketAddress) -> TraceEndpoint {
        TraceEndpoint(address: address.ipAddress ?? "?", port: UInt16(clamping: address.port ?? 0))
    }

    static func traceTransport(_ kind: SIPTransportKind) -> TraceTransport {
        switch kind {
        case .udp: .udp
        case .tcp: .tcp
        case .tls: .tls
        }
    }
}
