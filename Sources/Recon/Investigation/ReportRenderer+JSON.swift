extension ReportRenderer {
    /// The report as JSON: `{"startedAt":…,"durationMs":…,"droppedHosts":…,"rejectedHosts":…,"hosts":[…],
    /// "numbers":[…]}`;
    /// each host has `host`, `roles`, `sipPorts`, `rtpPorts` and one object per field with `status`
    /// (`known`/`unknown`), `value` (the rendered cell) or `reason`/`detail`, `source`, `startedAt`
    /// (ns since epoch), `durationMs`, `fromCache`.
    public static func json(_ report: InvestigationReport) -> String {
        var hosts: [String] = []
        for host in report.hosts {
            let f = host.findings
            var fields: [String] = [
                "\"host\":" + Self.jsonString(host.target.host),
                "\"roles\":[" + host.target.roles.map { Self.jsonString($0.rawValue) }.joined(separator: ",") + "]",
                "\"sipPorts\":[" + host.target.sipPorts.map(String.init).joined(separator: ",") + "]",
                "\"rtpPorts\":[" + host.target.rtpPorts.map(String.init).joined(separator: ",") + "]",
            ]
            fields.append(Self.field("history", host.history) { $0.map { "\($0.frequency) (\($0.sightings))" } ?? "0" })
            fields.append(Self.field("addresses", f.addresses) { $0.map(\.description).joined(separator: " ") })
            fields.append(
                Self.field("reverseDNS", f.reverseDNS) { $0.confirmedNames.map(\.description).joined(separator: " ") }
            )
            fields.append(
                Self.field("sipServices", f.sipServices) { $0.map { "\($0.target):\($0.port)" }.joined(separator: " ") }
            )
            fields.append(Self.field("whois", f.whois) { $0.response.organisation ?? $0.response.networkName ?? "" })
            fields.append(Self.field("asNumber", f.asNumber) { "\($0)" })
            fields.append(
                Self.field(
                    "geolocation",
                    f.geolocation,
                    extra: { record in
                        guard let latitude = record.latitude, let longitude = record.longitude, latitude.isFinite,
                            longitude.isFinite
                        else { return nil }
                        return "\"latitude\":\(latitude),\"longitude\":\(longitude)"
                    }
                ) {
                    [$0.countryCode, $0.cityName].compactMap { $0 }.joined(separator: " ")
                }
            )
            fields.append(Self.field("sipPort", f.sipPort) { "\($0.state.rawValue) \($0.port) \($0.evidence)" })
            fields.append(Self.field("rtpPort", f.rtpPort) { "\($0.state.rawValue) \($0.port) \($0.evidence)" })
            fields.append(Self.field("passiveFingerprint", host.passiveFingerprint) { Self.matches($0) })
            fields.append(Self.field("activeFingerprint", f.activeFingerprint) { Self.matches($0) })
            fields.append(Self.field("hopsByTTL", f.hopsByTTL, extra: Self.pathJSON) { "\($0.hops)" })
            fields.append(Self.field("hopsByMaxForwards", f.hopsByMaxForwards, extra: Self.pathJSON) { "\($0.hops)" })
            hosts.append("{" + fields.joined(separator: ",") + "}")
        }
        let durationMs =
            Double(report.duration.components.attoseconds) / 1e15 + Double(report.duration.components.seconds) * 1000
        return "{\"startedAt\":\(report.startedAt.nanosecondsSinceEpoch),\"durationMs\":\(durationMs),"
            + "\"droppedHosts\":\(report.droppedHosts),\"rejectedHosts\":\(report.rejectedHosts),"
            + "\"hosts\":[" + hosts.joined(separator: ",") + "],\"numbers\":[" + Self.numbersJSON(report.numbers) + "]}"
    }

    /// `{"number":"+33…","roles":["from"],"enum":{field}}` per number; the ENUM value is the URIs, space-separated.
    static func numbersJSON(_ numbers: [NumberReport]) -> String {
        numbers.map { report in
            "{\"number\":" + Self.jsonString(report.number.number) + ",\"roles\":["
                + report.number.roles.map { Self.jsonString($0.rawValue) }.joined(separator: ",") + "],"
                + Self.field("enum", report.enumEntries) { $0.map(\.uri).joined(separator: " ") } + "}"
        }.joined(separator: ",")
    }

    static func matches(_ matches: [FingerprintMatch]) -> String {
        matches.map { "\($0.identifier) \($0.confidence)\($0.agentSpoofed ? " spoofed" : "")" }.joined(separator: "; ")
    }

    /// `"path":[…]`: who answered at each step of a hop count (the route map draws it).
    static func pathJSON(_ count: HopCount) -> String? {
        "\"path\":[" + count.path.prefix(64).map(Self.jsonString).joined(separator: ",") + "]"
    }

    /// One lookup as `"name":{…}`; `extra` adds members to a known value's object (coordinates, a path).
    static func field<V>(
        _ name: String,
        _ lookup: Lookup<V>,
        extra: (V) -> String? = { _ in nil },
        _ render: (V) -> String
    ) -> String {
        let p = lookup.provenance
        let durationMs = Double(p.duration.components.attoseconds) / 1e15 + Double(p.duration.components.seconds) * 1000
        var parts: [String]
        switch lookup.outcome {
        case .known(let value):
            parts = ["\"status\":\"known\"", "\"value\":" + Self.jsonString(render(value))]
            if let members = extra(value) { parts.append(members) }
        case .unknown(let reason):
            parts = [
                "\"status\":\"unknown\"", "\"reason\":" + Self.jsonString(reason.code),
                "\"detail\":" + Self.jsonString(reason.detail),
            ]
        }
        parts += [
            "\"source\":" + Self.jsonString(p.source.description), "\"startedAt\":\(p.startedAt.nanosecondsSinceEpoch)",
            "\"durationMs\":\(durationMs)", "\"fromCache\":\(p.fromCache)",
        ]
        return Self.jsonString(name) + ":{" + parts.joined(separator: ",") + "}"
    }

    /// A JSON string literal; `"`, `\`, control characters, DEL, `<`, `>`, `&` and U+2028/2029 are escaped.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}":
                result += Self.unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    result += Self.unicodeEscape(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
