import Storage
import WebGraphics

/// The interface's graphics, drawn by `WebGraphics` (which escapes every label) from the stores' values.
enum Charts {
    /// Received messages per bucket by method class, with the calls as their own series.
    static func messages(_ buckets: [MessageBucket]) -> String {
        let series =
            MessageBucket.classes.enumerated().map { TimeSeriesChart.Series(name: $1, cssClass: "series-\($0)") }
            + [TimeSeriesChart.Series(name: "calls", cssClass: "series-7")]
        return TimeSeriesChart(
            title: "Messages received and calls",
            series: series,
            buckets: buckets.map { .init(start: $0.start, values: $0.counts + [$0.calls]) }
        ).svg(width: 1000, height: 240)
    }

    /// Verdicts per bucket, one series per state (the paper's three first).
    static func verdicts(_ buckets: [VerdictBucket]) -> String {
        var states = ["Normal", "Suspicious", "Crafted"]
        for bucket in buckets {
            for entry in bucket.counts where !states.contains(entry.value) && states.count < 16 {
                states.append(entry.value)
            }
        }
        return TimeSeriesChart(
            title: "Verdicts",
            series: states.map { .init(name: $0, cssClass: "state-" + Format.verdictClass($0)) },
            buckets: buckets.map { bucket in
                .init(
                    start: bucket.start,
                    values: states.map { state in bucket.counts.first { $0.value == state }?.count ?? 0 }
                )
            }
        ).svg(width: 1000, height: 200)
    }

    /// The verdict distribution as one stacked bar.
    static func distribution(_ values: [CountedValue]) -> String {
        guard !values.isEmpty else { return "" }
        return BeliefBars.distribution(
            title: "Verdicts",
            states: values.map { .init(name: $0.value, cssClass: "state-" + Format.verdictClass($0.value)) },
            counts: values.map(\.count)
        ).svg(width: 480)
    }

    /// Horizontal bars with links to a filtered list.
    static func bars(_ items: [(String, Int)], link: (String) -> String) -> String {
        guard !items.isEmpty else { return "" }
        return BarChart(
            title: "Top",
            items: items.map { .init(label: $0.0, value: Double($0.1), link: link($0.0)) }
        ).svg(width: 480)
    }

    /// The λ message of each piece of evidence and the posterior belief, as 100 % bars per state.
    static func belief(states: [String], rows: [(name: String, values: [Double])], belief: [Double]) -> String {
        BeliefBars(
            title: "Explanation",
            states: states.map { .init(name: $0, cssClass: "state-" + Format.verdictClass($0)) },
            rows: rows.map { .init(name: $0.name, values: $0.values) },
            belief: .init(name: "belief", values: belief)
        ).svg(width: 900)
    }

    /// A ladder of a call's messages between the remote endpoints and the honeypot's.
    static func ladder(_ records: [TraceRecord]) -> String {
        guard let first = records.first else { return "" }
        var participants: [String] = []
        func index(_ endpoint: TraceEndpoint) -> Int {
            let name = Format.endpoint(endpoint)
            if let found = participants.firstIndex(of: name) { return found }
            participants.append(name)
            return participants.count - 1
        }
        let start = first.timestamp.nanosecondsSinceEpoch
        let arrows = records.map { record -> LadderDiagram.Arrow in
            let remote = index(record.remote)
            let local = index(record.local)
            let elapsed = Double(record.timestamp.nanosecondsSinceEpoch - start) / 1e9
            var label = Format.summary(record)
            if record.summary.kind == .request, let method = record.summary.method { label = method }
            if record.raw.count > 0, Self.hasSDP(record.raw) { label += " (SDP)" }
            return LadderDiagram.Arrow(
                from: record.direction == .received ? remote : local,
                to: record.direction == .received ? local : remote,
                label: label,
                time: "+" + Format.decimal(elapsed) + " s",
                cssClass: record.direction == .received ? "received" : "sent",
                link: record.id.map { "/messages/\($0)" }
            )
        }
        return LadderDiagram(title: "Call flow", participants: participants, arrows: arrows).svg()
    }

    /// A profile's state machine.
    static func stateDiagram(_ detail: ProfileDetail) -> String {
        guard let initial = detail.initialState else { return "" }
        return StateDiagram(
            title: detail.summary.name,
            states: detail.states,
            initial: initial,
            transitions: detail.transitions.map { .init(from: $0.from, to: $0.to, label: $0.label) }
        ).svg()
    }

    /// The world map of Fig. 7: located hosts, the SIP route and the IP route.
    static func map(points: [(host: String, point: GeoPoint)], sipRoute: [GeoPoint], ipRoute: [GeoPoint]) -> String {
        var routes: [WorldMap.Route] = []
        if sipRoute.count >= 2 {
            routes.append(
                .init(
                    points: sipRoute.map { .init(latitude: $0.latitude, longitude: $0.longitude) },
                    cssClass: "sip",
                    label: "SIP route"
                )
            )
        }
        if ipRoute.count >= 2 {
            routes.append(
                .init(
                    points: ipRoute.map { .init(latitude: $0.latitude, longitude: $0.longitude) },
                    cssClass: "ip",
                    label: "IP route"
                )
            )
        }
        return WorldMap(
            title: "SIP route against IP route",
            points: points.map {
                .init(
                    latitude: $0.point.latitude,
                    longitude: $0.point.longitude,
                    label: $0.host + ($0.point.label.isEmpty ? "" : " (" + $0.point.label + ")")
                )
            },
            routes: routes,
            fit: false
        ).svg()
    }

    /// The graphics' stylesheet (served as `/assets/graphics.css`).
    static var stylesheet: String { GraphicsStyle.defaultStylesheet + Self.extraStyles }

    static let extraStyles = """
        .route-sip { stroke: #1f5f99; stroke-width: 2.5; fill: none; }
        .route-ip { stroke: #c62828; stroke-width: 2.5; fill: none; stroke-dasharray: 6 4; }
        .received { stroke: #1f5f99; }
        .sent { stroke: #5f6b76; }

        """

    /// Whether the message carries an SDP body (`Content-Type: application/sdp`).
    static func hasSDP(_ raw: [UInt8]) -> Bool {
        let head = String(decoding: raw.prefix(8_192), as: UTF8.self).lowercased()
        return head.contains("application/sdp")
    }
}
