import Foundation
import Hummingbird
import Storage

extension WebSite {
    /// The REST API under `/api/v1/` (described by `/api/v1/openapi.json`). Every response is JSON except the
    /// block list (text); every list is bounded and paged or limited.
    func addAPIRoutes(_ router: Router<WebRequestContext>) {
        let api = router.group("/api/v1")
        api.get("/openapi.json") { _, _ in
            guard let bytes = self.renderer.assets["openapi.json"] else { throw HTTPError(.notFound) }
            return WebResponses.json(.ok, String(decoding: bytes, as: UTF8.self))
        }
        api.get("/status") { _, _ in Self.api(await self.backend.status()) }
        api.get("/registrations") { _, _ in Self.api(APIList(items: await self.backend.status().registrations)) }
        api.get("/messages") { request, _ in
            let page = try await self.store.messages(self.messageFilter(request.queryFields))
            return Self.api(
                APIPage(
                    items: page.rows.map { APIMessage($0.record, verdict: $0.verdict, belief: $0.verdictBelief) },
                    next: page.next?.text
                )
            )
        }
        api.get("/messages/{id}") { _, context in
            guard let id = context.parameters.get("id", as: Int64.self),
                let record = try await self.store.record(id: id)
            else { return Self.apiError(.notFound, "no such message") }
            let verdict =
                record.direction == .received
                ? try await self.store.verdict(at: record.timestamp, source: record.remote.address) : nil
            return Self.api(
                APIMessageDetail(
                    message: APIMessage(record, verdict: verdict?.winner, belief: verdict?.winnerBelief),
                    raw: String(decoding: record.raw, as: UTF8.self),
                    rawBase64: Data(record.raw).base64EncodedString(),
                    anomalies: record.anomalies.map {
                        .init(code: $0.code, severity: $0.severity, detail: $0.detail, offset: $0.offset)
                    },
                    verdict: verdict.map(APIVerdict.init)
                )
            )
        }
        api.get("/calls") { request, _ in
            let fields = request.queryFields
            let calls = try await self.store.calls(
                since: Format.parseSince(fields["since"], now: Self.now),
                source: fields["source"],
                limit: fields["limit"].flatMap { Int($0) } ?? 100
            )
            return Self.api(APIList(items: calls.map(APICall.init)))
        }
        api.get("/call") { request, _ in
            guard let callID = request.queryFields["id"] else { return Self.apiError(.badRequest, "id is required") }
            let page = try await self.store.messages(MessageFilter(callID: callID, limit: MessageFilter.maximumLimit))
            return Self.api(
                APICallDetail(
                    callID: callID,
                    messages: page.rows.reversed().map {
                        APIMessage($0.record, verdict: $0.verdict, belief: $0.verdictBelief)
                    },
                    recordings: await self.backend.recordings(callID: callID)
                )
            )
        }
        api.get("/sources") { request, _ in
            let fields = request.queryFields
            let sources = try await self.store.sources(
                since: Format.parseSince(fields["since"], now: Self.now),
                limit: fields["limit"].flatMap { Int($0) } ?? 100
            )
            return Self.api(
                APIList(
                    items: sources.map {
                        APISource(
                            address: $0.address,
                            messages: $0.messages,
                            firstSeen: Format.time($0.firstSeen),
                            lastSeen: Format.time($0.lastSeen),
                            userAgents: $0.userAgents,
                            latestVerdict: $0.latestVerdict,
                            latestBelief: $0.latestBelief,
                            alerts: $0.alerts
                        )
                    }
                )
            )
        }
        api.get("/numbers") { request, _ in
            let fields = request.queryFields
            let values = try await self.store.topCalledNumbers(
                since: Format.parseSince(fields["since"], now: Self.now),
                limit: fields["limit"].flatMap { Int($0) } ?? 50
            )
            return Self.api(APIList(items: values.map { APICounted(value: $0.value, count: $0.count) }))
        }
        api.get("/user-agents") { request, _ in
            let fields = request.queryFields
            let values = try await self.store.topUserAgents(
                since: Format.parseSince(fields["since"], now: Self.now),
                limit: fields["limit"].flatMap { Int($0) } ?? 50
            )
            return Self.api(APIList(items: values.map { APICounted(value: $0.value, count: $0.count) }))
        }
        api.get("/verdicts") { request, _ in
            let fields = request.queryFields
            let verdicts = try await self.store.verdicts(
                since: Format.parseSince(fields["since"], now: Self.now),
                callID: fields["call_id"],
                limit: min(max(fields["limit"].flatMap { Int($0) } ?? 50, 1), 500),
                newestFirst: true
            )
            return Self.api(APIList(items: verdicts.map(APIVerdict.init)))
        }
        api.get("/verdicts/{id}") { _, context in
            guard let id = context.parameters.get("id", as: Int64.self),
                let verdict = try await self.store.verdict(id: id)
            else { return Self.apiError(.notFound, "no such verdict") }
            return Self.api(APIVerdict(verdict))
        }
        api.get("/investigations/{messageID}") { _, context in
            guard let id = context.parameters.get("messageID", as: Int64.self),
                let record = try await self.store.record(id: id),
                let verdict = try await self.store.verdict(at: record.timestamp, source: record.remote.address)
            else { return Self.apiError(.notFound, "no investigation for this message") }
            return Self.api(JSONValue(text: verdict.investigationJSON))
        }
        api.get("/alerts") { request, _ in
            let alerts = try await self.store.alerts(self.alertFilter(request.queryFields))
            return Self.api(
                APIList(
                    items: alerts.map {
                        APIAlert(
                            source: $0.source,
                            verdict: $0.verdict,
                            count: $0.count,
                            first: Format.time($0.first),
                            last: Format.time($0.last),
                            lastNs: $0.last.nanosecondsSinceEpoch,
                            maximumBelief: $0.maximumBelief,
                            latestVerdictID: $0.latestVerdictID,
                            latestMethod: $0.latestMethod,
                            latestCallID: $0.latestCallID,
                            attacks: JSONValue(text: $0.latestAttackLabelsJSON),
                            acknowledged: $0.acknowledged,
                            acknowledgedAt: $0.acknowledgedAt.map(Format.time),
                            note: $0.acknowledgementNote
                        )
                    }
                )
            )
        }
        api.post("/alerts/acknowledge") { request, context in
            try self.checkCSRF(FormFields(""), request, context)
            let body = try await request.decode(as: APIAcknowledge.self, context: context)
            let acknowledged = try await self.store.acknowledgeAlerts(
                source: body.source,
                winner: body.verdict,
                until: body.untilNs.map(TraceTimestamp.init(nanosecondsSinceEpoch:)) ?? Self.now,
                at: Self.now,
                note: body.note ?? ""
            )
            return acknowledged ? Self.api(["acknowledged": true]) : Self.apiError(.notFound, "no such alert")
        }
        api.get("/stats") { request, _ in
            let range = DashboardRange.named(request.queryFields["range"])
            let now = Self.now
            let until = TraceTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch + 1_000_000_000)
            let since = TraceTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch - range.seconds * 1_000_000_000)
            let messages = try await self.store.messageSeries(since: since, until: until, bucketSeconds: range.bucket)
            let verdicts = try await self.store.verdictSeries(since: since, until: until, bucketSeconds: range.bucket)
            let distribution = try await self.store.verdictDistribution(since: since)
            return Self.api(
                APIStats(
                    range: range.value,
                    bucketSeconds: range.bucket,
                    messages: messages.map { bucket in
                        var counts: [String: Int] = [:]
                        for (name, count) in zip(MessageBucket.classes, bucket.counts) { counts[name] = count }
                        return .init(start: bucket.start, counts: counts, calls: bucket.calls)
                    },
                    verdicts: verdicts.map { bucket in
                        var counts: [String: Int] = [:]
                        for entry in bucket.counts { counts[entry.value] = entry.count }
                        return .init(start: bucket.start, counts: counts, calls: nil)
                    },
                    distribution: distribution.map { APICounted(value: $0.value, count: $0.count) },
                    status: await self.backend.status()
                )
            )
        }
        api.get("/profiles") { _, _ in Self.api(APIList(items: await self.backend.profiles())) }
        api.get("/profiles/{name}") { _, context in
            guard let name = context.parameters.get("name"), ProfileName.isValid(name),
                let detail = await self.backend.profile(named: name)
            else { return Self.apiError(.notFound, "no such profile") }
            return Self.api(
                APIProfile(
                    summary: detail.summary,
                    behaviour: detail.behaviour,
                    environment: detail.environment,
                    initialState: detail.initialState,
                    states: detail.states,
                    transitions: detail.transitions
                )
            )
        }
        api.post("/profiles/active") { request, context in
            try self.checkCSRF(FormFields(""), request, context)
            let body = try await request.decode(as: APIProfileName.self, context: context)
            guard ProfileName.isValid(body.name) else {
                let problem = ProfileProblem(part: "name", line: nil, column: nil, message: "invalid profile name")
                return Self.api(
                    APIProfileResult(ok: false, path: nil, summary: nil, problems: [problem]),
                    .unprocessableContent
                )
            }
            switch await self.backend.activateProfile(named: body.name) {
            case .success(let summary):
                return Self.api(APIProfileResult(ok: true, path: nil, summary: summary, problems: []))
            case .failure(let problem):
                return Self.api(
                    APIProfileResult(ok: false, path: nil, summary: nil, problems: [problem]),
                    .unprocessableContent
                )
            }
        }
        api.post("/profiles") { request, context in
            try self.checkCSRF(FormFields(""), request, context)
            let body = try await request.decode(as: APIProfileSubmission.self, context: context)
            guard ProfileName.isValid(body.name) else {
                let problem = ProfileProblem(part: "name", line: nil, column: nil, message: "invalid profile name")
                return Self.api(
                    APIProfileResult(ok: false, path: nil, summary: nil, problems: [problem]),
                    .unprocessableContent
                )
            }
            let environment = body.environment ?? ""
            guard body.save ?? true else {
                let problems = await self.backend.checkProfile(
                    name: body.name,
                    behaviour: body.behaviour,
                    environment: environment
                )
                return Self.api(
                    APIProfileResult(ok: problems.isEmpty, path: nil, summary: nil, problems: problems),
                    problems.isEmpty ? .ok : .unprocessableContent
                )
            }
            switch await self.backend.saveProfile(name: body.name, behaviour: body.behaviour, environment: environment)
            {
            case .success(let path):
                return Self.api(APIProfileResult(ok: true, path: path, summary: nil, problems: []), .created)
            case .failure(.invalid(let problems)):
                return Self.api(
                    APIProfileResult(ok: false, path: nil, summary: nil, problems: problems),
                    .unprocessableContent
                )
            case .failure(.notWritten(let reason)):
                let problem = ProfileProblem(part: "name", line: nil, column: nil, message: reason)
                return Self.api(APIProfileResult(ok: false, path: nil, summary: nil, problems: [problem]), .conflict)
            }
        }
        api.get("/blocklist") { request, _ in try await self.blockList(request) }
    }

    static func api<T: Encodable>(_ value: T, _ status: HTTPResponse.Status = .ok) -> Response {
        WebResponses.json(status, Self.json(value))
    }

    static func apiError(_ status: HTTPResponse.Status, _ message: String) -> Response {
        WebResponses.json(status, Self.json(APIError(error: message)))
    }
}
