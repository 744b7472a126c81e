import Foundation
import Hummingbird
import Storage

extension WebSite {
    /// `GET /traces`, `/traces/pcap`, `/messages/{id}`, `/calls`, `/call`, `/call/pcap`, `/call/bundle`,
    /// `/recordings/{name}`, `/sources`, `/routes`.
    func addTraceRoutes(_ router: Router<WebRequestContext>) {
        router.get("/traces") { request, context in try await self.tracesPage(request, context) }
        router.get("/traces/pcap") { request, _ in
            let filter = self.messageFilter(request.queryFields, limit: MessageFilter.maximumLimit)
            let page = try await self.store.messages(filter)
            return WebResponses.download(
                PcapExport.pcap(page.rows.map(\.record).reversed()),
                fileName: "honeyphone-traces.pcap",
                contentType: "application/vnd.tcpdump.pcap"
            )
        }
        router.get("/messages/{id}") { _, context in
            guard let id = context.parameters.get("id", as: Int64.self),
                let record = try await self.store.record(id: id)
            else {
                return self.errorPage(.notFound, "No such message", "The message does not exist.", context: context)
            }
            return try await self.messagePage(record, context)
        }
        router.get("/messages/{id}/pcap") { _, context in
            guard let id = context.parameters.get("id", as: Int64.self),
                let record = try await self.store.record(id: id)
            else { throw HTTPError(.notFound) }
            return WebResponses.download(
                PcapExport.pcap([record]),
                fileName: "message-\(id).pcap",
                contentType: "application/vnd.tcpdump.pcap"
            )
        }
        router.get("/calls") { request, context in
            let fields = request.queryFields
            let since = Format.parseSince(fields["since"], now: Self.now)
            let calls = try await self.store.calls(since: since, source: fields["source"], limit: 200)
            return self.renderer.page(
                "calls",
                title: "Calls",
                navigation: "calls",
                identity: self.backend.identity,
                context: context,
                values: [
                    "since": fields["since"] ?? "", "source": fields["source"] ?? "",
                    "calls": calls.map(self.callValues),
                ]
            )
        }
        router.get("/call") { request, context in
            guard let callID = request.queryFields["id"] else {
                throw HTTPError(.badRequest, message: "id is required")
            }
            return try await self.callPage(callID, context)
        }
        router.get("/call/pcap") { request, _ in
            guard let callID = request.queryFields["id"] else {
                throw HTTPError(.badRequest, message: "id is required")
            }
            let records = try await self.store.query(TraceQuery(callID: callID, limit: 10_000))
            return WebResponses.download(
                PcapExport.pcap(records),
                fileName: "call.pcap",
                contentType: "application/vnd.tcpdump.pcap"
            )
        }
        router.get("/call/bundle") { request, _ in
            guard let callID = request.queryFields["id"] else {
                throw HTTPError(.badRequest, message: "id is required")
            }
            guard try await self.store.count(TraceQuery(callID: callID, limit: 1)) > 0 else {
                throw HTTPError(.notFound, message: "no message with this Call-ID")
            }
            let bytes = try await self.backend.evidenceBundle(callID: callID)
            return WebResponses.download(bytes, fileName: "evidence.tar", contentType: "application/x-tar")
        }
        router.get("/recordings/{name}") { _, context in
            guard let name = context.parameters.get("name"), RecordingName.isValid(name),
                let bytes = await self.backend.recording(named: name)
            else { throw HTTPError(.notFound) }
            var response = WebResponses.download(bytes, fileName: name, contentType: "audio/wav")
            response.headers[.contentDisposition] = "inline; filename=\"\(name)\""
            return response
        }
        router.get("/sources") { request, context in
            let fields = request.queryFields
            let since = Format.parseSince(fields["since"], now: Self.now)
            let sources = try await self.store.sources(since: since, limit: 500)
            return self.renderer.page(
                "sources",
                title: "Sources",
                navigation: "sources",
                identity: self.backend.identity,
                context: context,
                values: [
                    "since": fields["since"] ?? "",
                    "sources": sources.map { source -> [String: Any] in
                        var item: [String: Any] = [
                            "address": source.address, "messages": source.messages,
                            "first": Format.time(source.firstSeen), "last": Format.time(source.lastSeen),
                            "agents": source.userAgents, "alerts": source.alerts,
                            "link": Links.query("/traces", [("source", source.address)]),
                        ]
                        if let verdict = source.latestVerdict {
                            item["verdict"] = verdict
                            item["verdictClass"] = Format.verdictClass(verdict)
                            item["belief"] = Format.belief(source.latestBelief ?? 0)
                        }
                        return item
                    },
                ]
            )
        }
        router.get("/routes") { request, context in
            guard let id = request.queryFields["message"].flatMap({ Int64($0) }),
                let record = try await self.store.record(id: id)
            else {
                return self.errorPage(.notFound, "No such message", "The message does not exist.", context: context)
            }
            return try await self.routesPage(record, context)
        }
    }

    /// The filter of a traces query string.
    func messageFilter(_ fields: FormFields, limit: Int = 50) -> MessageFilter {
        MessageFilter(
            since: Format.parseSince(fields["since"], now: Self.now),
            until: Format.parseSince(fields["until"], now: Self.now),
            source: fields["source"],
            method: fields["method"],
            callID: fields["call_id"],
            verdict: fields["verdict"],
            uri: fields["uri"],
            text: fields["q"],
            direction: fields["direction"].flatMap(TraceDirection.init(rawValue:)),
            before: fields["cursor"].flatMap(MessageCursor.init(text:)),
            limit: fields["limit"].flatMap { Int($0) } ?? limit
        )
    }

    func tracesPage(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let fields = request.queryFields
        let filter = self.messageFilter(fields)
        let page = try await self.store.messages(filter)
        let states = try await self.knownVerdicts()
        let keys = ["since", "until", "source", "method", "verdict", "call_id", "uri", "q", "direction"]
        let kept = keys.map { ($0, fields[$0]) }
        var values: [String: Any] = [
            "filter": [
                "since": fields["since"] ?? "", "source": fields["source"] ?? "", "method": fields["method"] ?? "",
                "callID": fields["call_id"] ?? "", "uri": fields["uri"] ?? "", "text": fields["q"] ?? "",
            ],
            "verdictOptions": states.map { ["value": $0, "selected": $0 == fields["verdict"]] as [String: Any] },
            "directionOptions": TraceDirection.allCases.map {
                ["value": $0.rawValue, "selected": $0.rawValue == fields["direction"]] as [String: Any]
            },
            "rows": page.rows.map(self.messageRowValues),
            "pcapLink": Links.query("/traces/pcap", kept),
        ]
        if let next = page.next {
            values["nextLink"] = Links.query("/traces", kept + [("cursor", next.text)])
        }
        return self.renderer.page(
            "traces",
            title: "Traces",
            navigation: "traces",
            identity: self.backend.identity,
            context: context,
            values: values
        )
    }

    /// The verdict states seen so far (for filter menus), most frequent first, plus the paper's three.
    func knownVerdicts() async throws -> [String] {
        var states = try await self.store.verdictDistribution(since: nil).map(\.value)
        for state in ["Normal", "Suspicious", "Crafted"] where !states.contains(state) { states.append(state) }
        return states
    }

    func messageRowValues(_ row: MessageRow) -> [String: Any] {
        let record = row.record
        let s = record.summary
        var item: [String: Any] = [
            "time": Format.time(record.timestamp),
            "direction": record.direction.rawValue,
            "arrow": record.direction == .received ? "→" : "←",
            "remote": Format.endpoint(record.remote),
            "local": Format.endpoint(record.local),
            "transport": record.transport.rawValue,
            "summary": Format.summary(record),
            "from": s.fromURI ?? "",
            "to": s.toURI ?? "",
            "userAgent": s.userAgent ?? "",
            "link": "/messages/\(record.id ?? 0)",
            "sourceLink": Links.query("/traces", [("source", record.remote.address)]),
        ]
        if let verdict = row.verdict {
            item["verdict"] = verdict
            item["verdictClass"] = Format.verdictClass(verdict)
            item["belief"] = Format.belief(row.verdictBelief ?? 0)
        }
        return item
    }

    func callValues(_ call: CallSummary) -> [String: Any] {
        var item: [String: Any] = [
            "started": Format.time(call.started),
            "source": Format.endpoint(call.source),
            "sourceLink": Links.query("/traces", [("source", call.source.address)]),
            "to": call.toURI ?? call.requestURI ?? "",
            "from": call.fromURI ?? "",
            "userAgent": call.userAgent ?? "",
            "messages": call.messageCount,
            "final": call.finalStatus.map { "\($0)" } ?? "",
            "link": Links.query("/call", [("id", call.callID)]),
        ]
        if let verdict = call.verdict {
            item["verdict"] = verdict
            item["verdictClass"] = Format.verdictClass(verdict)
            item["belief"] = Format.belief(call.verdictBelief ?? 0)
        }
        return item
    }

    func callPage(_ callID: String, _ context: WebRequestContext) async throws -> Response {
        let page = try await self.store.messages(MessageFilter(callID: callID, limit: MessageFilter.maximumLimit))
        let rows = Array(page.rows.reversed())
        let recordings = await self.backend.recordings(callID: callID)
        let ladder = Charts.ladder(rows.map(\.record))
        return self.renderer.page(
            "call",
            title: "Call",
            navigation: "calls",
            identity: self.backend.identity,
            context: context,
            values: [
                "callID": callID,
                "count": rows.count,
                "ladder": ladder,
                "rows": rows.map(self.messageRowValues),
                "recordings": recordings.map {
                    ["side": $0.side, "bytes": $0.bytes, "link": "/recordings/" + $0.name] as [String: Any]
                },
                "pcapLink": Links.query("/call/pcap", [("id", callID)]),
                "bundleLink": Links.query("/call/bundle", [("id", callID)]),
                "tracesLink": Links.query("/traces", [("call_id", callID)]),
            ]
        )
    }
}

/// Recording file names as the media coordinator writes them: `call-N-caller.wav`, `call-N-honeypot.wav`.
enum RecordingName {
    static func isValid(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        guard parts.count == 3, parts[0] == "call", let number = parts[1].first, number.isNumber,
            parts[1].count <= 12, parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        return parts[2] == "caller.wav" || parts[2] == "honeypot.wav"
    }
}
