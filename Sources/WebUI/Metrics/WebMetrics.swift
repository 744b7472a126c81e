public import Prometheus
import Synchronization

/// The Prometheus metrics at `/metrics` (text exposition format 0.0.4).
///
/// Counters follow the verdicts as they are made (``observe(_:)``): `honeyphone_verdicts_total{verdict}`,
/// `honeyphone_requests_total{method}` (method from the closed set INVITE, REGISTER, OPTIONS, BYE, CANCEL, ACK,
/// other), `honeyphone_alerts_total{verdict}` and the histogram `honeyphone_investigation_latency_seconds` (arrival
/// to verdict). Gauges are read from the running honeypot at each scrape: messages received/sent, trace records
/// written/dropped/failed/pending, investigation accepted/dropped/pending, dialogs, transactions, event drops, and
/// `honeyphone_registration_state{aor_index,state}` (1 for the current state; the AOR is an index into the
/// environment's list so that no configured text becomes a label). Verdict labels are the model's state names
/// (operator text, sanitized to `[A-Za-z0-9_]`).
public final class WebMetrics: Sendable {
    public static let methods = ["INVITE", "REGISTER", "OPTIONS", "BYE", "CANCEL", "ACK", "other"]

    let registry = PrometheusCollectorRegistry()
    let latency: DurationHistogram
    let requests: [String: Counter]
    let verdicts = Mutex<[String: (verdicts: Counter, alerts: Counter)]>([:])
    let gauges = Mutex<[String: Gauge]>([:])

    /// The metrics, empty.
    public init() {
        self.latency = self.registry.makeDurationHistogram(
            name: "honeyphone_investigation_latency_seconds",
            buckets: [
                .milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500),
                .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30),
            ],
            help: "Time from a request's arrival to its verdict"
        )
        var requests: [String: Counter] = [:]
        for method in Self.methods {
            requests[method] = self.registry.makeCounter(
                name: "honeyphone_requests_total",
                labels: [("method", method)],
                help: "Requests analysed, by method"
            )
        }
        self.requests = requests
    }

    /// Counts one verdict; `nowNanoseconds` is the wall clock when it was seen.
    public func observe(_ event: LiveEvent, nowNanoseconds: Int64) {
        let method = event.method.flatMap { Self.methods.contains($0) ? $0 : nil } ?? "other"
        self.requests[method]?.increment()
        let label = Self.sanitized(event.verdict)
        let counters = self.verdicts.withLock { table in
            if let existing = table[label] { return existing }
            let made = (
                verdicts: self.registry.makeCounter(
                    name: "honeyphone_verdicts_total",
                    labels: [("verdict", label)],
                    help: "Verdicts, by winning state"
                ),
                alerts: self.registry.makeCounter(
                    name: "honeyphone_alerts_total",
                    labels: [("verdict", label)],
                    help: "Verdicts that raised an alert, by winning state"
                )
            )
            table[label] = made
            return made
        }
        counters.verdicts.increment()
        if event.alert { counters.alerts.increment() }
        let elapsed = nowNanoseconds - event.timestamp
        if elapsed >= 0 { self.latency.recordNanoseconds(elapsed) }
    }

    /// The exposition text, with the gauges set from `status`.
    public func exposition(status: LiveStatus) -> String {
        let values: [(String, String, Double)] = [
            ("honeyphone_messages_received", "SIP messages received since start", Double(status.received)),
            ("honeyphone_messages_sent", "SIP messages sent since start", Double(status.sent)),
            ("honeyphone_messages_unparsed", "Datagrams that did not parse as SIP", Double(status.unparsed)),
            ("honeyphone_traces_written", "Trace records written", Double(status.tracesWritten)),
            ("honeyphone_traces_dropped", "Trace records dropped (queue full)", Double(status.tracesDropped)),
            ("honeyphone_traces_failed", "Trace records lost to store errors", Double(status.tracesFailed)),
            ("honeyphone_traces_pending", "Trace records queued", Double(status.tracesPending)),
            (
                "honeyphone_investigation_accepted", "Requests queued for investigation",
                Double(status.investigationAccepted)
            ),
            (
                "honeyphone_investigation_dropped", "Requests not investigated (queue full)",
                Double(status.investigationDropped)
            ),
            (
                "honeyphone_investigation_pending", "Requests waiting for investigation",
                Double(status.investigationPending)
            ),
            ("honeyphone_verdict_store_failures", "Verdicts lost to store errors", Double(status.verdictStoreFailures)),
            ("honeyphone_events_dropped", "Events the sinks dropped or failed", Double(status.eventsDropped)),
            ("honeyphone_dialogs", "Dialogs in progress", Double(status.dialogs)),
            ("honeyphone_transactions", "SIP transactions in the table", Double(status.transactions)),
        ]
        for (name, help, value) in values { self.gauge(name, labels: [], help: help).set(to: value) }
        let states = [
            "unregistered", "registering", "registered", "retrying", "unregistering", "stopped", "not-registered",
        ]
        for (index, registration) in status.registrations.prefix(256).enumerated() {
            for state in states {
                self.gauge(
                    "honeyphone_registration_state",
                    labels: [("aor_index", "\(index)"), ("state", state)],
                    help: "1 for each registered URI's current state"
                ).set(to: registration.state == state ? 1 : 0)
            }
        }
        var buffer: [UInt8] = []
        self.registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    func gauge(_ name: String, labels: [(String, String)], help: String) -> Gauge {
        let key = name + labels.map { "|\($0.0)=\($0.1)" }.joined()
        return self.gauges.withLock { table in
            if let gauge = table[key] { return gauge }
            let gauge =
                labels.isEmpty
                ? self.registry.makeGauge(name: name, help: help)
                : self.registry.makeGauge(name: name, labels: labels, help: help)
            table[key] = gauge
            return gauge
        }
    }

    /// A label value from a state name: `[A-Za-z0-9_]` only, at most 32 characters.
    static func sanitized(_ text: String) -> String {
        let kept = text.unicodeScalars.prefix(32).map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                ? Character(scalar) : "_"
        }
        return kept.isEmpty ? "unknown" : String(kept)
    }
}
