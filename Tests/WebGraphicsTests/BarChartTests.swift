import Testing

@testable import WebGraphics

@Suite struct BarChartTests {
    static let items = [
        BarChart.Item(label: "198.51.100.7", value: 120, link: "/sources/198.51.100.7"),
        BarChart.Item(label: "203.0.113.9", value: 60, cssClass: "state-crafted"),
        BarChart.Item(label: "192.0.2.1", value: 30),
    ]

    static func bars(_ document: SVGDocument) -> [SVGDocument.Element] {
        document.elements(named: "rect").filter { $0.attributes["class"]?.hasPrefix("wg-bar") == true }
    }

    @Test func wellFormedAndDeterministic() {
        let chart = BarChart(title: "Top sources", items: Self.items)
        let svg = chart.svg()
        let document = expectWellFormedAndInert(svg)
        #expect(svg == chart.svg())
        #expect(Self.bars(document).count == 3)
        #expect(document.elements.first?.attributes["height"] == "82")
        var other = chart
        other.items[2].value = 31
        #expect(other.svg() != svg)
    }

    @Test func barLengthsAreProportionalToTheValues() throws {
        let document = SVGDocument(BarChart(title: "t", items: Self.items).svg(width: 600))
        let widths = Self.bars(document).compactMap { $0.attributes["width"].flatMap(Double.init) }
        try #require(widths.count == 3)
        // 600 - (240 + 8) - 64 - 8 = 280 pixels for the largest bar.
        #expect(widths == [280, 140, 70])
        #expect(
            Self.bars(document).map { $0.attributes["class"] } == [
                "wg-bar series-0", "wg-bar state-crafted", "wg-bar series-0",
            ]
        )
        #expect(document.elements(named: "title").map(\.text).contains("203.0.113.9: 60"))
    }

    @Test func onlyRelativeLinksBecomeAnchors() {
        var items = Self.items
        for link in Hostile.links {
            items.append(BarChart.Item(label: "x", value: 1, link: link))
        }
        let document = expectWellFormedAndInert(BarChart(title: "t", items: items).svg())
        let anchors = document.elements(named: "a")
        #expect(anchors.map { $0.attributes["href"] } == ["/sources/198.51.100.7"])
        // The labels of dropped links are still there, as plain text.
        #expect(document.elements(named: "text").filter { $0.text == "x" }.count == Hostile.links.count)
    }

    @Test func escapesLinksAndLabels() {
        let chart = BarChart(
            title: "t",
            items: [
                BarChart.Item(label: Hostile.breakout, value: 1, cssClass: Hostile.breakout, link: "/a?b=\"><img&c='")
            ]
        )
        let svg = chart.svg()
        #expect(svg.contains("href=\"/a?b=&quot;&gt;&lt;img&amp;c=&#39;\""))
        let document = expectWellFormedAndInert(svg)
        #expect(document.elements(named: "a").first?.attributes["href"] == "/a?b=\"><img&c='")
        #expect(document.elements(named: "text").contains { $0.text == Hostile.breakout })
    }

    @Test func hostileTextInEverySlot() {
        for hostile in Hostile.all + [Hostile.huge, Hostile.zalgo] {
            let items = [BarChart.Item(label: hostile, value: 3, cssClass: hostile, link: hostile)]
            let document = expectWellFormedAndInert(BarChart(title: hostile, items: items).svg())
            #expect(document.elements(named: "a").isEmpty)
            for element in document.elements where element.name == "text" || element.name == "title" {
                #expect(element.text.unicodeScalars.count <= 4 * 64 + 16)
            }
        }
    }

    @Test func truncatesToTheLimitWithANote() {
        let items = (0..<250).map { BarChart.Item(label: "ua-\($0)", value: Double(250 - $0)) }
        let document = expectWellFormedAndInert(BarChart(title: "t", items: items).svg())
        #expect(Self.bars(document).count == 200)
        #expect(document.allText.contains("… 50 more"))
        let small = SVGDocument(BarChart(title: "t", items: items, limits: GraphicsLimits(maximumBars: 5)).svg())
        #expect(Self.bars(small).count == 5)
        #expect(small.allText.contains("… 245 more"))
    }

    @Test func nonFiniteAndNegativeValuesCountAsZero() {
        let items = [
            BarChart.Item(label: "nan", value: .nan),
            BarChart.Item(label: "inf", value: .infinity),
            BarChart.Item(label: "neg", value: -5),
            BarChart.Item(label: "max", value: .greatestFiniteMagnitude),
            BarChart.Item(label: "one", value: 1),
        ]
        let document = expectWellFormedAndInert(BarChart(title: "t", items: items, fractionDigits: 2).svg())
        let widths = Self.bars(document).map { $0.attributes["width"] }
        #expect(widths[0] == "0" && widths[1] == "0" && widths[2] == "0")
        #expect(widths[3] != "0")
        #expect(widths[4] == "1")
        for width in [-1, 0, Int.min, Int.max] {
            expectWellFormedAndInert(BarChart(title: "t", items: items).svg(width: width))
        }
        #expect(SVGDocument(BarChart(title: "t", items: []).svg()).allText.contains("No data"))
    }
}
