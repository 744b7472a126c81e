import Testing

@testable import WebGraphics

@Suite struct BeliefBarsTests {
    static let states = [
        BeliefBars.State(name: "Normal", cssClass: "state-normal"),
        BeliefBars.State(name: "Suspicious", cssClass: "state-suspicious"),
        BeliefBars.State(name: "Crafted", cssClass: "state-crafted"),
    ]

    static func segments(_ document: SVGDocument) -> [SVGDocument.Element] {
        document.elements(named: "rect").filter { $0.attributes["class"]?.hasPrefix("wg-segment state") == true }
            .filter { $0.ancestors.last == "g" && $0.ancestors.count > 1 }
            .filter { $0.attributes["height"] == "18" }
    }

    @Test func rowsAreNormalisedAndColouredByState() throws {
        let bars = BeliefBars(
            title: "Why Crafted",
            states: Self.states,
            rows: [BeliefBars.Row(name: "Anomalies", values: [0.1, 0.3, 0])],
            belief: BeliefBars.Row(name: "Belief", values: [0.2, 0.2, 0.6])
        )
        let svg = bars.svg(width: 608)
        let document = expectWellFormedAndInert(svg)
        #expect(svg == bars.svg(width: 608))
        let segments = Self.segments(document)
        try #require(segments.count == 5)
        // 608 × 0.3 = 182 (rounded) label column, bars from 190 to 600: 410 pixels.
        #expect(segments.map { $0.attributes["width"] } == ["102.5", "307.5", "82", "82", "246"])
        #expect(
            segments.map { $0.attributes["class"] }.prefix(2) == [
                "wg-segment state-normal", "wg-segment state-suspicious",
            ]
        )
        let titles = document.elements(named: "title").map(\.text)
        #expect(titles.contains("Anomalies — Suspicious: 0.3 (75%)"))
        #expect(titles.contains("Belief — Crafted: 0.6 (60%)"))
        #expect(document.allText.contains("25%"))
        #expect(document.elements(named: "g").contains { $0.attributes["class"] == "wg-row wg-belief-row" })
        #expect(document.elements(named: "line").contains { $0.attributes["class"] == "wg-rule" })
    }

    @Test func distributionOfCounts() {
        let bars = BeliefBars.distribution(title: "Verdicts", states: Self.states, counts: [6, 3, 1])
        let document = expectWellFormedAndInert(bars.svg())
        let titles = document.elements(named: "title").map(\.text)
        #expect(titles.contains("Verdicts — Normal: 6 (60%)"))
        #expect(titles.contains("Verdicts — Crafted: 1 (10%)"))
        #expect(Self.segments(document).count == 3)
    }

    @Test func emptyAndDegenerateRows() {
        let rows = [
            BeliefBars.Row(name: "zero", values: [0, 0, 0]),
            BeliefBars.Row(name: "none", values: []),
            BeliefBars.Row(name: "nan", values: [.nan, -1, .infinity]),
            BeliefBars.Row(name: "huge", values: [.greatestFiniteMagnitude, .greatestFiniteMagnitude, 1]),
            BeliefBars.Row(name: "extra", values: [1, 1, 1, 1, 1, 1]),
        ]
        let document = expectWellFormedAndInert(BeliefBars(title: "t", states: Self.states, rows: rows).svg())
        #expect(document.elements(named: "rect").filter { $0.attributes["class"] == "wg-empty" }.count == 3)
        let titles = document.elements(named: "title").map(\.text)
        #expect(titles.contains { $0.hasPrefix("huge — Normal") && $0.hasSuffix("(50%)") })
        #expect(titles.contains("extra — Crafted: 1 (33%)"))
        expectWellFormedAndInert(BeliefBars(title: "t", states: [], rows: rows).svg(width: -3))
        expectWellFormedAndInert(
            BeliefBars.distribution(title: "t", states: Self.states, counts: [.min, .max, .max]).svg()
        )
    }

    @Test func limitsRowsAndStates() {
        let rows = (0..<100).map { BeliefBars.Row(name: "e\($0)", values: [1, 2, 3]) }
        let document = expectWellFormedAndInert(BeliefBars(title: "t", states: Self.states, rows: rows).svg())
        #expect(Self.segments(document).count == 64 * 3)
        #expect(document.allText.contains("… 36 more"))
        let states = (0..<30).map { BeliefBars.State(name: "s\($0)", cssClass: "state-\($0)") }
        let many = SVGDocument(
            BeliefBars(title: "t", states: states, rows: [.init(name: "r", values: Array(repeating: 1, count: 30))])
                .svg(width: 4000)
        )
        #expect(Self.segments(many).count == 16)
        #expect(many.allText.contains("… 14 more"))
    }

    @Test func hostileTextInEverySlot() {
        for hostile in Hostile.all + [Hostile.huge] {
            let states = [
                BeliefBars.State(name: hostile, cssClass: hostile), BeliefBars.State(name: "ok", cssClass: "x"),
            ]
            let bars = BeliefBars(
                title: hostile,
                states: states,
                rows: [.init(name: hostile, values: [1, 2])],
                belief: .init(name: hostile, values: [2, 1])
            )
            let document = expectWellFormedAndInert(bars.svg())
            if hostile == Hostile.script {
                #expect(document.allText.contains(Hostile.script))
            }
        }
    }
}
