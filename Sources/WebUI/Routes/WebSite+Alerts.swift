import Foundation
import Hummingbird
import Storage

extension WebSite {
    /// The attack labels the labeller gives (the alert type filter).
    static let attackKinds = [
        "scanning", "extension-enumeration", "password-guessing", "flooding", "spit", "toll-fraud", "malformed",
    ]

    /// `GET /alerts`, `POST /alerts/ack`.
    func addAlertRoutes(_ router: Router<WebRequestContext>) {
        router.get("/alerts") { request, context in
            let fields = request.queryFields
            let filter = self.alertFilter(fields)
            let alerts = try await self.store.alerts(filter)
            let states = try await self.knownVerdicts().filter { $0 != "Normal" }
            let state = fields["state"] ?? "open"
            return self.renderer.page(
                "alerts",
                title: "Alerts",
                navigation: "alerts",
                identity: self.backend.identity,
                context: context,
                values: [
                    "since": fields["since"] ?? "",
                    "verdictOptions": states.map {
                        ["value": $0, "selected": $0 == fields["verdict"]] as [String: Any]
                    },
                    "typeOptions": Self.attackKinds.map {
                        ["value": $0, "selected": $0 == fields["type"]] as [String: Any]
                    },
                    "stateOptions": [("open", "open"), ("acknowledged", "acknowledged"), ("all", "all")].map {
                        ["value": $0.0, "label": $0.1, "selected": $0.0 == state] as [String: Any]
                    },
                    "alerts": alerts.map { alert -> [String: Any] in
                        var item: [String: Any] = [
                            "last": Format.time(alert.last), "first": Format.time(alert.first),
                            "source": alert.source, "sourceLink": Links.query("/traces", [("source", alert.source)]),
                            "verdict": alert.verdict, "verdictClass": Format.verdictClass(alert.verdict),
                            "belief": Format.belief(alert.maximumBelief), "count": alert.count,
                            "method": alert.latestMethod ?? "",
                            "attacks": VerdictView.labelKinds(alert.latestAttackLabelsJSON),
                            "acknowledged": alert.acknowledged,
                            "until": "\(alert.last.nanosecondsSinceEpoch)",
                        ]
                        if let callID = alert.latestCallID { item["callLink"] = Links.query("/call", [("id", callID)]) }
                        if let at = alert.acknowledgedAt { item["acknowledgedAt"] = Format.time(at) }
                        if let note = alert.acknowledgementNote, !note.isEmpty { item["note"] = note }
                        return item
                    },
                ]
            )
        }
        router.post("/alerts/ack") { request, context in
            var request = request
            let fields = try await request.formFields(context: context)
            try self.checkCSRF(fields, request, context)
            guard let source = fields["source"], let verdict = fields["verdict"] else {
                throw HTTPError(.badRequest, message: "source and verdict are required")
            }
            let until =
                fields["until"].flatMap { Int64($0) }.map(TraceTimestamp.init(nanosecondsSinceEpoch:)) ?? Self.now
            _ = try await self.store.acknowledgeAlerts(
                source: source,
                winner: verdict,
                until: until,
                at: Self.now,
                note: fields["note"] ?? ""
            )
            return WebResponses.redirect(to: "/alerts")
        }
    }

    func alertFilter(_ fields: FormFields) -> AlertFilter {
        let acknowledged: Bool?
        switch fields["state"] ?? "open" {
        case "acknowledged": acknowledged = true
        case "all": acknowledged = nil
        default: acknowledged = false
        }
        return AlertFilter(
            since: Format.parseSince(fields["since"], now: Self.now),
            verdict: fields["verdict"],
            attack: fields["type"],
            source: fields["source"],
            acknowledged: acknowledged,
            limit: fields["limit"].flatMap { Int($0) } ?? 200
        )
    }
}

extension VerdictView {
    /// The kinds of an attack labels JSON array, comma-separated.
    static func labelKinds(_ json: String) -> String {
        struct Kind: Decodable { var kind: String }
        guard let kinds = try? JSONDecoder().decode([Kind].self, from: Data(json.utf8)) else { return "" }
        return kinds.map(\.kind).joined(separator: ", ")
    }
}
