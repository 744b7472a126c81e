import Inference
public import Logging
import NIOCore
import Recon
import SIPCore
public import SIPTransport
public import ServiceLifecycle
public import Storage
import Synchronization

/// The investigation in the running honeypot, as a `Service`: every request the SIP stack reports
/// (``submit(_:)``, the stack's `requestObserver`) goes through a bounded ``InvestigationQueue`` (drops counted,
/// the event loop never waits), is analysed by a ``MessageAnalyzer`` (INVITEs investigated within the
/// settings, other requests on passive evidence), and gets a stored ``VerdictRecord``; a verdict whose
/// Suspicious or Crafted belief reaches the alert threshold is logged as an alert (a `warning`).
///
/// At most ``maximumConcurrentAnalyses`` requests are analysed at once. Verdicts are written in batches (1,024
/// records or every 500 ms); the history is flushed every 30 s. On graceful shutdown (after the honeypot,
/// which feeds it, has stopped) the queue is finished, what is buffered is analysed, and everything is written.
public final class InvestigationService: Service, Sendable {
    /// Requests analysed at once.
    public let maximumConcurrentAnalyses: Int
    let analyzer: MessageAnalyzer
    let store: (any VerdictStore)?
    let logger: Logger
    let queue: InvestigationQueue<SIPInboundMessage>
    let origin: Int64
    let pending = Mutex<[VerdictRecord]>([])
    let counters = Mutex(Counters())
    /// One alert log line per source and verdict per minute (every alert is still stored).
    let alertThrottle = Mutex(AlertThrottle())
    /// One analysis per source, method and User-Agent per second for everything but INVITE.
    let coalescer = Mutex(VerdictCoalescer())
    /// Called with every verdict record and its request (the event hub's publisher), or `nil`.
    let publish: (@Sendable (VerdictRecord, SIPInboundMessage) -> Void)?

    /// What the service did.
    public struct Counters: Sendable, Hashable {
        public var analysed = 0
        public var alerts = 0
        public var stored = 0
        public var storeFailures = 0
    }

    /// A service analysing with `analyzer` and storing into `store` (`nil`: verdicts are only logged); `publish` is
    /// called with every verdict record it builds (it must not block; the event hub's `EventHub.publish(_:)` never
    /// does).
    public init(
        analyzer: MessageAnalyzer,
        store: (any VerdictStore)?,
        logger: Logger,
        queueSize: Int? = nil,
        maximumConcurrentAnalyses: Int = 8,
        origin: Int64 = 0,
        publish: (@Sendable (VerdictRecord, SIPInboundMessage) -> Void)? = nil
    ) {
        self.publish = publish
        self.analyzer = analyzer
        self.store = store
        self.logger = logger
        self.queue = InvestigationQueue(capacity: queueSize ?? analyzer.toolkit.settings.queueSize)
        self.maximumConcurrentAnalyses = max(1, maximumConcurrentAnalyses)
        self.origin = origin
    }

    /// Hands a request to the queue; never blocks (called on the event loop).
    public func submit(_ inbound: SIPInboundMessage) {
        self.queue.offer(inbound)
    }

    /// The queue's counters (accepted, dropped).
    public var queueStatistics: InvestigationQueue<SIPInboundMessage>.Counters { self.queue.statistics }

    /// The analysis counters.
    public var statistics: Counters { self.counters.withLock { $0 } }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.housekeeping() }
                await self.consume()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.queue.finish()
        }
        await self.flushVerdicts()
        await self.analyzer.toolkit.shutdown()
        let queue = self.queue.statistics
        let counters = self.statistics
        self.logger.info(
            "investigation stopped",
            metadata: [
                LogKey.accepted: "\(queue.accepted)", LogKey.dropped: "\(queue.dropped)",
                LogKey.analysed: "\(counters.analysed)", LogKey.alerts: "\(counters.alerts)",
                LogKey.stored: "\(counters.stored)", LogKey.storeFailures: "\(counters.storeFailures)",
            ]
        )
    }

    /// Reads the queue until it ends, at most ``maximumConcurrentAnalyses`` analyses (and verdict writes) at once.
    /// A flood's repeats, whose verdict is reused, are recorded right here in the reading task: no task each.
    func consume() async {
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            func start(_ work: @escaping @Sendable () async -> Void) async {
                if running >= self.maximumConcurrentAnalyses {
                    await group.next()
                    running -= 1
                }
                group.addTask(operation: work)
                running += 1
            }
            while let batch = await self.queue.next() {
                // Under a flood, let the next batch gather: the reader is woken once per batch instead of once per
                // request (a wake-up costs the event loop that offers more than the request's whole analysis).
                if batch.count >= Self.gatherThreshold { try? await Task.sleep(for: Self.gatherPause) }
                for inbound in batch {
                    let context = RequestContext(inbound, origin: self.origin)
                    if let template = self.repeatTemplate(context) {
                        if let full = self.record(context, template) { await start { await self.write(full) } }
                    } else {
                        await start { await self.analyse(context) }
                    }
                }
            }
        }
    }

    /// Flushes verdicts every 500 ms and the history every 30 s, until cancelled.
    func housekeeping() async {
        var ticks = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            await self.flushVerdicts()
            ticks += 1
            if ticks % 60 == 0 { await self.analyzer.toolkit.history.flush() }
        }
    }

    /// What the service reads of a request, once.
    struct RequestContext: Sendable {
        let inbound: SIPInboundMessage
        let source: String
        let target: String?
        let time: Duration
        let now: Int64
        /// The coalescing key (`nil`: analysed on its own).
        let key: String?

        init(_ inbound: SIPInboundMessage, origin: Int64) {
            let arrival = inbound.arrival
            self.inbound = inbound
            self.source = arrival.remote.ipText ?? "?"
            self.target = arrival.local.ipText.map { "\($0):\(arrival.local.port ?? 0)" }
            self.time = Duration.nanoseconds(max(0, arrival.nanosecondsSinceEpoch - origin))
            self.now = arrival.nanosecondsSinceEpoch
            self.key = VerdictCoalescer.key(
                source: self.source,
                method: inbound.message.method?.rawValue,
                userAgent: inbound.message.userAgent
            )
        }
    }

    /// Analyses one request (or reuses a recent verdict of its source) and queues its verdict for storage.
    public func process(_ inbound: SIPInboundMessage) async {
        let context = RequestContext(inbound, origin: self.origin)
        if let template = self.repeatTemplate(context) {
            if let full = self.record(context, template) { await self.write(full) }
        } else {
            await self.analyse(context)
        }
    }

    /// The verdict of a flood's earlier request to reuse, the request counted for the attack labels; `nil` when it
    /// must be analysed.
    func repeatTemplate(_ context: RequestContext) -> VerdictCoalescer.Template? {
        guard let key = context.key, let cached = self.coalescer.withLock({ $0.template(for: key, now: context.now) })
        else { return nil }
        self.analyzer.observe(
            context.inbound.message,
            source: context.source,
            target: context.target,
            time: context.time
        )
        return cached
    }

    /// Analyses the request, remembers the verdict for its repeats, records it, and writes a full batch.
    func analyse(_ context: RequestContext) async {
        let analysis = await self.analyzer.analyse(
            context.inbound.message,
            source: context.source,
            target: context.target,
            time: context.time
        )
        let verdict = analysis.verdict
        let belief = zip(verdict.states, verdict.belief).map { VerdictRecord.NamedBelief(state: $0, belief: $1) }
        let template = VerdictCoalescer.Template(
            at: context.now,
            belief: belief,
            winner: verdict.winnerName,
            winnerBelief: verdict.belief[verdict.winner],
            alert: analysis.alert,
            explanationJSON: VerdictRenderer.explanationJSON(verdict),
            attackLabelsJSON: VerdictRenderer.labelsJSON(analysis.labels),
            investigationJSON: analysis.investigationJSON,
            attacks: analysis.labels.map(\.kind.rawValue).joined(separator: ",")
        )
        if let key = context.key { self.coalescer.withLock { $0.remember(template, for: key) } }
        if let full = self.record(context, template) { await self.write(full) }
    }

    /// Builds the request's verdict record from `template`, counts, publishes and logs it, and queues it; returns
    /// the pending verdicts when they make a full batch to write.
    func record(_ context: RequestContext, _ template: VerdictCoalescer.Template) -> [VerdictRecord]? {
        let inbound = context.inbound
        let arrival = inbound.arrival
        let message = inbound.message
        let source = context.source
        let now = context.now
        let record = VerdictRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: now),
            transport: TraceTransport(rawValue: arrival.transport.rawValue) ?? .udp,
            source: TraceEndpoint(address: source, port: UInt16(clamping: arrival.remote.port ?? 0)),
            method: message.method?.rawValue,
            callID: message.callID,
            cseqNumber: message.cseq.map { Int64($0.sequence) },
            cseqMethod: message.cseq?.method.rawValue,
            belief: template.belief,
            winner: template.winner,
            winnerBelief: template.winnerBelief,
            alert: template.alert,
            explanationJSON: template.explanationJSON,
            attackLabelsJSON: template.attackLabelsJSON,
            investigationJSON: template.investigationJSON
        )
        self.counters.withLock {
            $0.analysed += 1
            if template.alert { $0.alerts += 1 }
        }
        self.publish?(record, inbound)
        let throttle =
            template.alert
            ? self.alertThrottle.withLock { $0.shouldLog(source + " " + template.winner, now: now) }
            : (log: false, suppressed: 0)
        if throttle.log {
            self.logger.warning(
                "verdict alert",
                metadata: [
                    LogKey.suppressed: "\(throttle.suppressed)",
                    LogKey.source: "\(source)",
                    LogKey.method: "\(Self.escaped(message.method?.rawValue ?? "?"))",
                    LogKey.callID: "\(Self.escaped(message.callID ?? ""))",
                    LogKey.winner: "\(template.winner)",
                    LogKey.belief: "\(VerdictRenderer.fixed(template.winnerBelief))",
                    LogKey.attacks: "\(template.attacks)",
                ]
            )
        }
        return self.pending.withLock { pending in
            pending.append(record)
            guard pending.count >= Self.verdictBatchSize else { return nil }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }

    /// A batch at least this long means a flood: the reader pauses ``gatherPause`` before it takes the next.
    static let gatherThreshold = 8
    /// How long the reader lets a flood's requests gather (the most a verdict is delayed by it).
    static let gatherPause = Duration.milliseconds(5)

    /// Verdicts per store transaction (fewer, larger transactions under a flood; at most 500 ms pass otherwise).
    static let verdictBatchSize = 1_024

    func flushVerdicts() async {
        let batch = self.pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        if !batch.isEmpty { await self.write(batch) }
    }

    func write(_ batch: [VerdictRecord]) async {
        guard let store = self.store else { return }
        do {
            try await store.appendVerdicts(batch)
            self.counters.withLock { $0.stored += batch.count }
        } catch {
            self.counters.withLock { $0.storeFailures += batch.count }
            self.logger.error("verdict store failed", metadata: [LogKey.error: "\(error)"])
        }
    }

    /// Attacker text for log metadata: at most 64 characters, control bytes escaped.
    static func escaped(_ text: String) -> String {
        ReportRenderer.escapeText(String(text.prefix(64)))
    }

    /// The metadata keys of the service's log lines.
    enum LogKey {
        static let source = "honeyphone.verdict.source"
        static let method = "honeyphone.verdict.method"
        static let callID = "honeyphone.verdict.call_id"
        static let winner = "honeyphone.verdict.winner"
        static let belief = "honeyphone.verdict.belief"
        static let attacks = "honeyphone.verdict.attacks"
        static let suppressed = "honeyphone.verdict.alerts_not_logged"
        static let accepted = "honeyphone.investigation.accepted"
        static let dropped = "honeyphone.investigation.dropped"
        static let analysed = "honeyphone.investigation.analysed"
        static let alerts = "honeyphone.investigation.alerts"
        static let stored = "honeyphone.investigation.stored"
        static let storeFailures = "honeyphone.investigation.store_failures"
        static let error = "honeyphone.investigation.error"
    }
}
