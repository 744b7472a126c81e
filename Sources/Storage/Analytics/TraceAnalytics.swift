/// The read side the administrator's interface needs: filtered pages of messages, calls, sources, time series,
/// top lists, and alerts with their acknowledgement. Every driver implements it beside ``TraceStore`` and
/// ``VerdictStore``; like them it speaks the module's own types only, and every filter reaches the database as a
/// bound argument.
///
/// Messages and verdicts are joined by what they share on the wire: the arrival time (nanoseconds) and the
/// source address, the same pair the SIP stack stamps on both (see ``VerdictRecord``).
public protocol TraceAnalytics: Sendable {
    /// A page of messages, newest first, with the verdict of each received request when there is one.
    func messages(_ filter: MessageFilter) async throws -> MessagePage

    /// The calls (dialogs begun by a received INVITE), newest first.
    func calls(since: TraceTimestamp?, source: String?, limit: Int) async throws -> [CallSummary]

    /// The sources that sent messages since `since`, most messages first.
    func sources(since: TraceTimestamp?, limit: Int) async throws -> [SourceSummary]

    /// Received messages per time bucket, by method class, with the calls begun in each bucket.
    func messageSeries(
        since: TraceTimestamp,
        until: TraceTimestamp,
        bucketSeconds: Int
    ) async throws
        -> [MessageBucket]

    /// Verdicts per time bucket, counted per winning state.
    func verdictSeries(
        since: TraceTimestamp,
        until: TraceTimestamp,
        bucketSeconds: Int
    ) async throws
        -> [VerdictBucket]

    /// Verdicts since `since`, counted per winning state, most first.
    func verdictDistribution(since: TraceTimestamp?) async throws -> [CountedValue]

    /// The numbers (user parts of the Request-URI) most called by received INVITEs since `since`.
    func topCalledNumbers(since: TraceTimestamp?, limit: Int) async throws -> [CountedValue]

    /// The User-Agent texts of received requests since `since`, most frequent first.
    func topUserAgents(since: TraceTimestamp?, limit: Int) async throws -> [CountedValue]

    /// The alerts: alerting verdicts grouped by source and winning state, newest first.
    func alerts(_ filter: AlertFilter) async throws -> [AlertSummary]

    /// Acknowledges the alerts of `source` with winner `winner` up to `until` (later alerts are new again);
    /// returns whether any alert matched.
    func acknowledgeAlerts(
        source: String,
        winner: String,
        until: TraceTimestamp,
        at: TraceTimestamp,
        note: String
    )
        async throws -> Bool

    /// The verdict of the message that arrived at `time` from `source`, if one was stored.
    func verdict(at time: TraceTimestamp, source: String) async throws -> VerdictRecord?

    /// The verdict with this row id.
    func verdict(id: Int64) async throws -> VerdictRecord?
}
