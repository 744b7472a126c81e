import Hummingbird
import Storage

extension WebSite {
    /// A dashboard range: its span and bucket width.
    struct DashboardRange: Sendable {
        var value: String
        var label: String
        var seconds: Int64
        var bucket: Int

        static let all = [
            DashboardRange(value: "1h", label: "last hour", seconds: 3_600, bucket: 60),
            DashboardRange(value: "6h", label: "last 6 hours", seconds: 21_600, bucket: 300),
            DashboardRange(value: "24h", label: "last 24 hours", seconds: 86_400, bucket: 900),
            DashboardRange(value: "7d", label: "last 7 days", seconds: 604_800, bucket: 7_200),
        ]

        static func named(_ name: String?) -> DashboardRange {
            Self.all.first { $0.value == name } ?? Self.all[0]
        }
    }

    /// `GET /` (the dashboard) and `GET /dashboard/panels` (its refreshable part, for the live script).
    func addDashboardRoutes(_ router: Router<WebRequestContext>) {
        router.get("/") { request, context in
            let range = DashboardRange.named(request.queryFields["range"])
            var values = try await self.dashboardPanels(range)
            values["range"] = range.value
            values["ranges"] = DashboardRange.all.map {
                ["value": $0.value, "label": $0.label, "selected": $0.value == range.value] as [String: Any]
            }
            let recent = try await self.store.messages(MessageFilter(direction: .received, limit: 25))
            values["recent"] = recent.rows.map { row -> [String: Any] in
                let s = row.record.summary
                var item: [String: Any] = [
                    "time": Format.time(row.record.timestamp),
                    "source": row.record.remote.address,
                    "sourceLink": Links.query("/traces", [("source", row.record.remote.address)]),
                    "method": s.method ?? Format.summary(row.record),
                    "called": WebSite.calledNumber(s.requestURI) ?? "",
                    "userAgent": s.userAgent ?? "",
                    "attacks": "",
                ]
                if let verdict = row.verdict {
                    item["verdict"] = verdict
                    item["verdictClass"] = Format.verdictClass(verdict)
                    item["belief"] = Format.belief(row.verdictBelief ?? 0)
                }
                return item
            }
            return self.renderer.page(
                "dashboard",
                title: "Dashboard",
                navigation: "dashboard",
                identity: self.backend.identity,
                context: context,
                values: values
            )
        }
        router.get("/dashboard/panels") { request, _ in
            let range = DashboardRange.named(request.queryFields["range"])
            let values = try await self.dashboardPanels(range)
            return WebResponses.html(.ok, self.renderer.fragment("dashboard-panels", values: values))
        }
    }

    /// The values of `dashboard-panels.mustache`.
    func dashboardPanels(_ range: DashboardRange) async throws -> [String: Any] {
        let now = Self.now
        let until = TraceTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch + 1_000_000_000)
        let since = TraceTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch - range.seconds * 1_000_000_000)
        async let status = self.backend.status()
        async let messageSeries = self.store.messageSeries(since: since, until: until, bucketSeconds: range.bucket)
        async let verdictSeries = self.store.verdictSeries(since: since, until: until, bucketSeconds: range.bucket)
        async let distribution = self.store.verdictDistribution(since: since)
        async let sources = self.store.sources(since: since, limit: 10)
        async let numbers = self.store.topCalledNumbers(since: since, limit: 10)
        async let agents = self.store.topUserAgents(since: since, limit: 10)
        async let openAlerts = self.store.alerts(AlertFilter(acknowledged: false, limit: 1_000))
        let live = await status
        let messages = try await messageSeries
        let verdicts = try await verdictSeries
        let counted = try await distribution
        let topSources = try await sources
        let topNumbers = try await numbers
        let topAgents = try await agents
        let alerts = try await openAlerts
        let received = messages.reduce(0) { $0 + $1.counts.reduce(0, +) }
        let calls = messages.reduce(0) { $0 + $1.calls }
        let verdictCount = counted.reduce(0) { $0 + $1.count }
        let cards: [[String: Any]] = [
            ["id": "received", "value": received, "label": "messages received (\(range.label))", "warn": false],
            ["id": "calls", "value": calls, "label": "calls", "warn": false],
            ["id": "verdicts", "value": verdictCount, "label": "verdicts", "warn": false],
            ["id": "alerts", "value": alerts.count, "label": "open alerts", "warn": !alerts.isEmpty],
            [
                "id": "dropped", "value": Int(live.tracesDropped) + live.investigationDropped + live.eventsDropped,
                "label": "records dropped", "warn": live.tracesDropped > 0 || live.investigationDropped > 0,
            ],
            [
                "id": "profile", "value": live.activeProfile ?? "built-in policy", "label": "active profile",
                "warn": false,
            ],
        ]
        let counters: [[String: Any]] = [
            ["label": "messages received since start", "value": live.received, "warn": false],
            ["label": "messages sent since start", "value": live.sent, "warn": false],
            ["label": "unparsed datagrams", "value": live.unparsed, "warn": false],
            ["label": "trace records written", "value": "\(live.tracesWritten)", "warn": false],
            [
                "label": "trace records dropped (queue full)", "value": "\(live.tracesDropped)",
                "warn": live.tracesDropped > 0,
            ],
            [
                "label": "trace records failed (store error)", "value": "\(live.tracesFailed)",
                "warn": live.tracesFailed > 0,
            ],
            ["label": "trace records pending", "value": live.tracesPending, "warn": false],
            ["label": "requests investigated", "value": live.investigationAnalysed, "warn": false],
            [
                "label": "requests not investigated (queue full)", "value": live.investigationDropped,
                "warn": live.investigationDropped > 0,
            ],
            [
                "label": "verdict store failures", "value": live.verdictStoreFailures,
                "warn": live.verdictStoreFailures > 0,
            ],
            ["label": "events dropped by sinks", "value": live.eventsDropped, "warn": live.eventsDropped > 0],
            ["label": "dialogs / transactions", "value": "\(live.dialogs) / \(live.transactions)", "warn": false],
        ]
        func top(_ values: [CountedValue], filter: String) -> [[String: Any]] {
            values.map { ["value": $0.value, "count": $0.count, "link": Links.query("/traces", [(filter, $0.value)])] }
        }
        return [
            "cards": cards,
            "counters": counters,
            "messagesChart": Charts.messages(messages),
            "verdictsChart": Charts.verdicts(verdicts),
            "distributionChart": Charts.distribution(counted),
            "sourcesChart": "",
            "numbersChart": "",
            "agentsChart": Charts.bars(
                topAgents.map { ($0.value, $0.count) },
                link: { Links.query("/traces", [("q", $0)]) }
            ),
            "topSources": topSources.map {
                ["value": $0.address, "count": $0.messages, "link": Links.query("/traces", [("source", $0.address)])]
            },
            "topNumbers": top(topNumbers, filter: "uri"),
            "topAgents": top(topAgents, filter: "q"),
            "registrations": live.registrations.map { registration -> [String: Any] in
                [
                    "aor": registration.aor, "state": registration.state,
                    "expires": registration.grantedExpires.map { "\($0) s" } ?? "",
                    "lastStatus": registration.lastStatus.map { "\($0)" } ?? "",
                ]
            },
        ]
    }

    /// The user part of a `sip:`/`sips:` Request-URI, or the number of a `tel:` URI.
    static func calledNumber(_ uri: String?) -> String? {
        guard let uri, let colon = uri.firstIndex(of: ":") else { return nil }
        let rest = uri[uri.index(after: colon)...]
        if let at = rest.firstIndex(of: "@") { return String(rest[..<at]) }
        if uri.hasPrefix("tel:") { return String(rest.prefix { $0 != ";" }) }
        return nil
    }
}
