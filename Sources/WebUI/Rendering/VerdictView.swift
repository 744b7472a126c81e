import Foundation
import Storage

/// A stored verdict's JSON texts decoded for display. Text from the JSON (host names, evidence node names) may
/// be attacker text and is only ever handed to escaping templates or `WebGraphics`.
struct VerdictView {
    struct Explanation: Decodable {
        struct Evidence: Decodable {
            var node: String
            var observed: String?
            var lambda: [Double]
        }
        struct TrustStep: Decodable {
            var host: String
            var preBelief: [Double]
            var posterior: [Double]
        }
        var states: [String]
        var belief: [Double]
        var winner: String
        var prior: [Double]?
        var evidence: [Evidence]?
        var trustChain: [TrustStep]?
    }

    struct Label: Decodable {
        struct Metric: Decodable {
            var name: String
            var value: Double
            var threshold: Double
        }
        var kind: String
        var confidence: Double
        var evidence: [Metric]?
    }

    let record: VerdictRecord
    let explanation: Explanation?
    let labels: [Label]

    init(_ record: VerdictRecord) {
        self.record = record
        self.explanation = try? JSONDecoder().decode(Explanation.self, from: Data(record.explanationJSON.utf8))
        self.labels = (try? JSONDecoder().decode([Label].self, from: Data(record.attackLabelsJSON.utf8))) ?? []
    }

    /// The template values of the verdict section.
    var values: [String: Any] {
        let states = self.explanation?.states ?? self.record.belief.map(\.state)
        var rows: [(name: String, values: [Double])] = []
        if let prior = self.explanation?.prior { rows.append(("prior", prior)) }
        for evidence in self.explanation?.evidence ?? [] {
            rows.append((evidence.node + (evidence.observed.map { " = " + $0 } ?? ""), evidence.lambda))
        }
        let belief = self.record.belief.map(\.belief)
        var values: [String: Any] = [
            "winner": self.record.winner,
            "verdictClass": Format.verdictClass(self.record.winner),
            "belief": Format.belief(self.record.winnerBelief),
            "alert": self.record.alert,
            "states": states,
            "beliefChart": Charts.belief(states: states, rows: rows, belief: belief),
            "evidence": (self.explanation?.evidence ?? []).map { evidence -> [String: Any] in
                let total = evidence.lambda.reduce(0, +)
                return [
                    "node": evidence.node,
                    "observed": evidence.observed ?? "unknown",
                    "values": evidence.lambda.map { Format.decimal(total > 0 ? $0 / total : $0) },
                ]
            },
            "hasAttacks": !self.labels.isEmpty,
            "attacks": self.labels.map { label -> [String: Any] in
                [
                    "kind": label.kind, "confidence": Format.belief(label.confidence),
                    "evidence": (label.evidence ?? []).map {
                        ["name": $0.name, "value": Format.decimal($0.value), "threshold": Format.decimal($0.threshold)]
                    },
                ]
            },
        ]
        let trust = self.explanation?.trustChain ?? []
        values["hasTrust"] = !trust.isEmpty
        values["trust"] = trust.map { step -> [String: Any] in
            [
                "host": step.host,
                "before": "trusted " + Format.belief(step.preBelief.first ?? 0),
                "after": "trusted " + Format.belief(step.posterior.first ?? 0),
            ]
        }
        return values
    }

    /// The attack kinds, comma-separated.
    var attackKinds: String { self.labels.map(\.kind).joined(separator: ", ") }
}

/// The investigation JSON (Table I of the paper) decoded for display.
struct InvestigationView {
    /// One lookup's outcome.
    struct Cell: Decodable {
        var status: String?
        var value: String?
        var reason: String?
        var detail: String?
        var source: String?
        var latitude: Double?
        var longitude: Double?
        var path: [String]?
    }

    /// Table I's rows: field key and the paper's label.
    static let fields: [(key: String, label: String)] = [
        ("history", "History (frequency, sightings)"), ("addresses", "IP addresses"), ("reverseDNS", "DNS name (PTR)"),
        ("sipServices", "SIP service (SRV)"), ("whois", "WHOIS organisation"), ("asNumber", "AS number"),
        ("geolocation", "Geolocation"), ("sipPort", "SIP port"), ("rtpPort", "RTP port"),
        ("passiveFingerprint", "Passive fingerprint"), ("activeFingerprint", "Active fingerprint"),
        ("hopsByTTL", "Hops by TTL"), ("hopsByMaxForwards", "Hops by Max-Forwards"),
    ]

    struct Host {
        var host: String
        var roles: [String]
        var cells: [String: Cell]
    }

    var mode: String
    var durationMs: Double?
    var hosts: [Host]
    var numbers: [(number: String, roles: String, text: String)]

    init?(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return nil
        }
        var hosts: [Host] = []
        if let list = object["hosts"] as? [[String: Any]] {
            self.mode = "active investigation"
            for entry in list.prefix(32) {
                var cells: [String: Cell] = [:]
                for (key, _) in Self.fields {
                    if let value = entry[key], let data = try? JSONSerialization.data(withJSONObject: value),
                        let cell = try? JSONDecoder().decode(Cell.self, from: data)
                    {
                        cells[key] = cell
                    }
                }
                hosts.append(
                    Host(
                        host: entry["host"] as? String ?? "?",
                        roles: entry["roles"] as? [String] ?? [],
                        cells: cells
                    )
                )
            }
        } else {
            self.mode = "passive (only INVITEs are investigated actively)"
            let fingerprints = (object["fingerprint"] as? [[String: Any]] ?? []).compactMap {
                $0["identifier"] as? String
            }
            var cells: [String: Cell] = [
                "passiveFingerprint": Cell(
                    status: fingerprints.isEmpty ? "unknown" : "known",
                    value: fingerprints.joined(separator: "; "),
                    reason: fingerprints.isEmpty ? "no match" : nil
                )
            ]
            if let sightings = object["sightings"] as? Int {
                cells["history"] = Cell(status: "known", value: "\(sightings) sightings")
            }
            hosts.append(Host(host: object["source"] as? String ?? "?", roles: ["signaling-source"], cells: cells))
        }
        self.hosts = hosts
        self.durationMs = object["durationMs"] as? Double
        self.numbers = (object["numbers"] as? [[String: Any]] ?? []).prefix(16).map { entry in
            let enumCell = entry["enum"] as? [String: Any]
            let text =
                (enumCell?["value"] as? String)
                ?? ("unknown: " + ((enumCell?["reason"] as? String) ?? "?"))
            return (
                entry["number"] as? String ?? "?", (entry["roles"] as? [String] ?? []).joined(separator: ", "), text
            )
        }
    }

    /// The template values.
    var values: [String: Any] {
        [
            "mode": self.mode,
            "duration": self.durationMs.map(Format.decimal) ?? "",
            "hosts": self.hosts.map { ["host": $0.host, "roles": $0.roles.joined(separator: ", ")] },
            "rows": Self.fields.map { field -> [String: Any] in
                [
                    "field": field.label,
                    "cells": self.hosts.map { host -> [String: Any] in
                        guard let cell = host.cells[field.key] else {
                            return ["status": "unknown", "text": "—", "source": ""]
                        }
                        let known = cell.status == "known"
                        let text =
                            known
                            ? (cell.value ?? "") : "unknown" + (cell.reason.map { " (\($0))" } ?? "")
                        return ["status": known ? "known" : "unknown", "text": text, "source": cell.source ?? ""]
                    },
                ]
            },
            "hasNumbers": !self.numbers.isEmpty,
            "numbers": self.numbers.map { ["number": $0.number, "roles": $0.roles, "text": $0.text] },
        ]
    }
}

/// Captures of trace records (the trace store's pcap writer, oldest first).
enum PcapExport {
    static func pcap(_ records: some Sequence<TraceRecord>) -> [UInt8] {
        PcapWriter.capture(PcapWriter.sorted(Array(records)))
    }
}
