import Testing

@testable import WebGraphics

@Suite struct TimeSeriesChartTests {
    static let series = [
        TimeSeriesChart.Series(name: "INVITE", cssClass: "method-invite"),
        TimeSeriesChart.Series(name: "REGISTER"),
    ]

    /// Buckets of 5 minutes from 2023-11-14 22:13:20 UTC.
    static func buckets(
        _ count: Int,
        step: Int64 = 300,
        values: (Int) -> [Int] = { [($0 * 7) % 50, $0 % 3] }
    )
        -> [TimeSeriesChart.Bucket]
    {
        (0..<count).map { TimeSeriesChart.Bucket(start: 1_700_000_000 + Int64($0) * step, values: values($0)) }
    }

    @Test func wellFormedAndDeterministic() {
        let chart = TimeSeriesChart(title: "Messages over time", series: Self.series, buckets: Self.buckets(24))
        let svg = chart.svg()
        let document = expectWellFormedAndInert(svg)
        #expect(svg == chart.svg())
        #expect(document.elements.first?.attributes["viewBox"] == "0 0 800 260")
        var other = chart
        other.buckets[3].values[0] += 1
        #expect(other.svg() != svg)
    }

    @Test func tooltipsNameTimeSeriesAndValue() {
        let chart = TimeSeriesChart(
            title: "t",
            series: Self.series,
            buckets: [TimeSeriesChart.Bucket(start: 1_700_000_000, values: [42, 0])]
        )
        let document = SVGDocument(chart.svg())
        let titles = document.elements(named: "title").map(\.text)
        #expect(titles.contains("22:13 INVITE 42"))
        // A zero value draws no segment.
        #expect(!titles.contains { $0.contains("REGISTER") })
        let segment = document.elements(named: "rect").first { $0.attributes["class"]?.contains("series-0") == true }
        #expect(segment?.attributes["class"] == "wg-segment series-0 method-invite")
    }

    @Test func stackedSegmentsShareTheBarAndScaleToTheTicks() throws {
        let chart = TimeSeriesChart(
            title: "t",
            series: Self.series,
            buckets: [TimeSeriesChart.Bucket(start: 0, values: [30, 12])]
        )
        let document = SVGDocument(chart.svg(width: 400, height: 230))
        let segments = document.elements(named: "rect").filter { $0.ancestorClasses.contains("wg-bars") }
        try #require(segments.count == 2)
        // Plot height 230 - 30 - 28 = 172; axis top 50 (1-2-5 ticks for 42): 30 → 103.2, 12 → 41.28.
        #expect(segments[0].attributes["height"] == "103.2")
        #expect(segments[1].attributes["height"] == "41.28")
        #expect(segments[0].attributes["x"] == segments[1].attributes["x"])
        let tickLabels = document.elements.filter { $0.ancestors.last == "g" && $0.name == "text" }.map(\.text)
        #expect(tickLabels.contains("50"))
        #expect(tickLabels.contains("10"))
        #expect(!tickLabels.contains("60"))
    }

    @Test func timeAxisUsesHoursWithinADayAndDatesBeyond() {
        let short = SVGDocument(TimeSeriesChart(title: "t", series: Self.series, buckets: Self.buckets(12)).svg())
        let shortLabels = short.allText
        #expect(shortLabels.contains("22:13"))
        #expect(shortLabels.contains("22:18") || shortLabels.contains("22:23"))
        #expect(!shortLabels.contains("11-14"))

        let long = SVGDocument(
            TimeSeriesChart(title: "t", series: Self.series, buckets: Self.buckets(10, step: 21_600)).svg()
        )
        #expect(long.allText.contains("11-14 22:13"))
        #expect(long.allText.contains("11-15 04:13") || long.allText.contains("11-15 10:13"))
    }

    @Test func keepsTheMostRecentBucketsAndSaysHowManyWereLeftOut() {
        let chart = TimeSeriesChart(
            title: "t",
            series: [TimeSeriesChart.Series(name: "calls")],
            buckets: Self.buckets(250, step: 60) { _ in [1] }
        )
        let document = expectWellFormedAndInert(chart.svg())
        let titles = document.elements(named: "title").map(\.text).filter { $0.hasSuffix(" calls 1") }
        #expect(titles.count == 200)
        // Bucket 50 starts at 22:13:20 + 50 min = 23:03:20.
        #expect(titles.first == "23:03 calls 1")
        #expect(document.allText.contains("… 50 earlier not shown"))
    }

    @Test func sortsBucketsByStart() {
        let buckets = [
            TimeSeriesChart.Bucket(start: 7200, values: [3]),
            TimeSeriesChart.Bucket(start: 0, values: [1]),
            TimeSeriesChart.Bucket(start: 3600, values: [2]),
        ]
        let chart = TimeSeriesChart(title: "t", series: [.init(name: "n")], buckets: buckets)
        let titles = SVGDocument(chart.svg()).elements(named: "title").dropFirst().map(\.text)
        #expect(titles == ["00:00 n 1", "01:00 n 2", "02:00 n 3"])
    }

    @Test func seriesBeyondTheLimitAreCountedInTheLegend() {
        let series = (0..<20).map { TimeSeriesChart.Series(name: "s\($0)") }
        let chart = TimeSeriesChart(
            title: "t",
            series: series,
            buckets: [.init(start: 0, values: Array(repeating: 1, count: 20))],
            limits: GraphicsLimits(maximumSeries: 3)
        )
        let document = expectWellFormedAndInert(chart.svg(width: 2000))
        #expect(
            document.elements(named: "rect").filter { $0.attributes["class"]?.hasPrefix("wg-segment") == true }.count
                == 3 + 3
        )
        #expect(document.allText.contains("… 17 more"))
    }

    @Test func hostileTextIsEscapedEverywhere() {
        for hostile in Hostile.all {
            let chart = TimeSeriesChart(
                title: hostile,
                series: [.init(name: hostile, cssClass: hostile), .init(name: hostile, cssClass: Hostile.breakout)],
                buckets: Self.buckets(5)
            )
            let document = expectWellFormedAndInert(chart.svg())
            #expect(
                document.elements.first?.attributes["aria-label"] == Markup.truncated(Self.decoded(hostile), to: 64)
            )
        }
        let document = SVGDocument(TimeSeriesChart(title: Hostile.script, series: [], buckets: []).svg())
        #expect(document.elements(named: "title").first?.text == Hostile.script)
    }

    @Test func degenerateInputsDoNotTrap() {
        let extremes = [
            TimeSeriesChart.Bucket(start: .min, values: [.max, .max, -5]),
            TimeSeriesChart.Bucket(start: .max, values: [.min, .max]),
            TimeSeriesChart.Bucket(start: 0, values: []),
        ]
        for (width, height) in [(0, 0), (-10, -10), (Int.max, Int.max), (800, 260)] {
            expectWellFormedAndInert(
                TimeSeriesChart(title: "", series: Self.series, buckets: extremes).svg(width: width, height: height)
            )
            expectWellFormedAndInert(
                TimeSeriesChart(title: "", series: [], buckets: []).svg(width: width, height: height)
            )
        }
        let empty = SVGDocument(TimeSeriesChart(title: "", series: Self.series, buckets: []).svg())
        #expect(empty.allText.contains("No data"))
        let limits = GraphicsLimits(maximumBars: -1, maximumSeries: .max, maximumLabelLength: .min)
        expectWellFormedAndInert(
            TimeSeriesChart(title: Hostile.huge, series: Self.series, buckets: Self.buckets(3), limits: limits).svg()
        )
    }

    @Test func niceScale() {
        #expect(NiceScale(maximum: 42).step == 10)
        #expect(NiceScale(maximum: 42).top == 50)
        #expect(NiceScale(maximum: 7).step == 2)
        #expect(NiceScale(maximum: 7).top == 8)
        #expect(NiceScale(maximum: 1).top == 1)
        #expect(NiceScale(maximum: 1200).step == 500)
        #expect(NiceScale(maximum: 0).ticks == [0, 1])
        #expect(NiceScale(maximum: .nan).top == 1)
        #expect(NiceScale(maximum: .infinity).ticks.count <= 41)
        #expect(NiceScale(maximum: 0.3).top > 0.29)
        #expect(NiceScale.label(1500) == "1.5k")
        #expect(NiceScale.label(2_000_000) == "2M")
        #expect(NiceScale.label(950) == "950")
    }

    /// `text` as the parser returns it (control characters replaced).
    static func decoded(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(Markup.isReplaced(scalar) ? Markup.replacementCharacter : scalar)
        }
        return result
    }
}
