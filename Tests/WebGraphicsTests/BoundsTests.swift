import Testing

@testable import WebGraphics

/// Worst-case inputs at and beyond every limit: the output stays well-formed and its size bounded.
@Suite struct BoundsTests {
    /// A label far beyond every limit, full of characters that escaping expands.
    static let label = String(repeating: "<&\"'", count: 5000)

    @Test func timeSeries() {
        let series = (0..<100).map { TimeSeriesChart.Series(name: Self.label + "\($0)", cssClass: Self.label) }
        let buckets = (0..<5000).map {
            TimeSeriesChart.Bucket(start: Int64($0) * 60, values: Array(repeating: .max / 200, count: 100))
        }
        let svg = TimeSeriesChart(title: Self.label, series: series, buckets: buckets).svg()
        expectWellFormedAndInert(svg)
        #expect(svg.utf8.count < 2_000_000)
    }

    @Test func barChart() {
        let items = (0..<5000).map {
            BarChart.Item(label: Self.label, value: Double($0), cssClass: Self.label, link: "/" + Self.label)
        }
        let svg = BarChart(title: Self.label, items: items).svg()
        expectWellFormedAndInert(svg)
        #expect(svg.utf8.count < 1_000_000)
    }

    @Test func ladder() {
        let participants = (0..<1000).map { Self.label + "\($0)" }
        let arrows = (0..<10_000).map {
            LadderDiagram.Arrow(
                from: $0 % 64,
                to: ($0 * 7) % 64,
                label: Self.label,
                time: Self.label,
                cssClass: Self.label,
                link: "/" + Self.label
            )
        }
        let svg = LadderDiagram(title: Self.label, participants: participants, arrows: arrows).svg()
        expectWellFormedAndInert(svg)
        #expect(svg.utf8.count < 1_000_000)
    }

    @Test func stateDiagram() {
        let transitions = (0..<20_000).map {
            StateDiagram.Transition(from: "s\($0 % 300)", to: "s\(($0 * 13 + 1) % 300)", label: Self.label)
        }
        let diagram = StateDiagram(title: Self.label, states: [], initial: "s0", transitions: transitions)
        let svg = diagram.svg()
        expectWellFormedAndInert(svg)
        #expect(diagram.layout().names.count == 200)
        #expect(svg.utf8.count < 2_000_000)
    }

    @Test func beliefBars() {
        let states = (0..<100).map { _ in BeliefBars.State(name: Self.label, cssClass: Self.label) }
        let rows = (0..<1000).map { BeliefBars.Row(name: Self.label, values: Array(repeating: Double($0), count: 100)) }
        let svg = BeliefBars(title: Self.label, states: states, rows: rows, belief: rows[1]).svg()
        expectWellFormedAndInert(svg)
        #expect(svg.utf8.count < 2_000_000)
    }

    @Test func worldMap() {
        let points = (0..<30_000).map {
            WorldMap.Point(
                latitude: Double($0 % 180) - 90,
                longitude: Double($0 % 360) - 180,
                label: Self.label,
                cssClass: Self.label
            )
        }
        let route = WorldMap.Route(points: points.map(\.coordinate), cssClass: Self.label, label: Self.label)
        for fit in [false, true] {
            let svg = WorldMap(title: Self.label, points: points, routes: Array(repeating: route, count: 200), fit: fit)
                .svg()
            expectWellFormedAndInert(svg)
            #expect(svg.utf8.count < 3_000_000)
        }
    }
}
