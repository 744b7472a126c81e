/// Stacked bars over time buckets: "messages and calls over time", "verdicts over time".
///
/// One bar per bucket, in time order, evenly spaced (pass empty buckets with zero values so that gaps show).
/// Each bar stacks one segment per series, bottom up in the order of ``series``; each segment has a `<title>`
/// tooltip such as `12:34 INVITE 42`. The time axis shows a few UTC labels, `HH:MM`, or `MM-DD HH:MM` when the
/// buckets span more than a day; the value axis has 1-2-5 ticks; a legend names the series.
///
/// Limits: at most ``GraphicsLimits/maximumBars`` buckets (the most recent are kept, a note counts the others)
/// and ``GraphicsLimits/maximumSeries`` series. Negative values count as zero.
public struct TimeSeriesChart: Sendable, Hashable {
    /// One series: a stacked segment in every bar and a legend entry.
    public struct Series: Sendable, Hashable {
        /// The name in the legend and the tooltips (untrusted text is fine: it is escaped).
        public var name: String
        /// Extra CSS classes of the segments and the swatch, besides `series-N` (N = index modulo 8).
        public var cssClass: String

        /// A series called `name`, styled by `cssClass`.
        public init(name: String, cssClass: String = "") {
            self.name = name
            self.cssClass = cssClass
        }
    }

    /// One time bucket.
    public struct Bucket: Sendable, Hashable {
        /// The start of the bucket, in seconds since the Unix epoch (UTC).
        public var start: Int64
        /// The value of each series, aligned with ``TimeSeriesChart/series``; missing values are zero and extra
        /// values are ignored.
        public var values: [Int]

        /// A bucket starting at `start` with `values`.
        public init(start: Int64, values: [Int]) {
            self.start = start
            self.values = values
        }
    }

    /// The chart's accessible name (`aria-label` and `<title>`).
    public var title: String
    /// The series, bottom segment first.
    public var series: [Series]
    /// The buckets; they are drawn in order of ``Bucket/start`` (ties keep their order).
    public var buckets: [Bucket]
    /// The bounds on the work and the size.
    public var limits: GraphicsLimits

    /// A chart of `buckets` for `series`.
    public init(title: String, series: [Series], buckets: [Bucket], limits: GraphicsLimits = .default) {
        self.title = title
        self.series = series
        self.buckets = buckets
        self.limits = limits
    }

    /// The chart as an `<svg>` element of `width` × `height` pixels (each clamped to 16...16,384).
    public func svg(width: Int = 800, height: Int = 260) -> String {
        let limits = self.limits.clamped
        let width = SVGBuilder.clampSize(Double(width))
        let height = SVGBuilder.clampSize(Double(height))
        var builder = SVGBuilder(
            width: width,
            height: height,
            title: self.title,
            cssClass: "wg-timeseries",
            limits: limits
        )
        let series = Array(self.series.prefix(limits.maximumSeries))
        let buckets = self.keptBuckets(limits: limits)
        let dropped = self.buckets.count - buckets.count

        let left = 52.0
        let right = 12.0
        let top = 30.0
        let bottom = 28.0
        let plotWidth = max(1, width - left - right)
        let plotHeight = max(1, height - top - bottom)
        let baseline = top + plotHeight

        var legend = series.enumerated().map { index, series in
            SVGBuilder.LegendEntry(cssClass: Self.segmentClass(index, series), name: series.name)
        }
        if self.series.count > series.count {
            legend.append(
                SVGBuilder.LegendEntry(cssClass: "wg-none", name: "… \(self.series.count - series.count) more")
            )
        }
        builder.legend(legend, x: left, y: 16, maxX: width - right - (dropped > 0 ? 160 : 0), limits: limits)
        if dropped > 0 {
            builder.note("… \(dropped) earlier not shown", x: width - right, y: 16, anchor: "end")
        }

        let totals = buckets.map { bucket in
            series.indices.reduce(0.0) { sum, index in sum + Self.value(bucket, index) }
        }
        let scale = NiceScale(maximum: totals.max() ?? 0)
        self.drawValueAxis(&builder, scale: scale, left: left, plotWidth: plotWidth, top: top, plotHeight: plotHeight)

        guard !buckets.isEmpty else {
            builder.note("No data", x: left + plotWidth / 2, y: top + plotHeight / 2, anchor: "middle")
            return builder.finish()
        }
        let dayFormat = Self.spansMoreThanADay(buckets)
        let slot = plotWidth / Double(buckets.count)
        let barWidth = max(0.5, slot * 0.8)
        builder.open("g", ["class": "wg-bars"])
        for (index, bucket) in buckets.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let time = Self.timeLabel(bucket.start, dayFormat: dayFormat)
            var y = baseline
            for (seriesIndex, entry) in series.enumerated() {
                let value = Self.value(bucket, seriesIndex)
                guard value > 0 else {
                    continue
                }
                let segment = value / scale.top * plotHeight
                y -= segment
                builder.open(
                    "rect",
                    [
                        "class": Self.segmentClass(seriesIndex, entry),
                        "x": x.svg, "y": y.svg, "width": barWidth.svg, "height": segment.svg,
                    ]
                )
                let name = Markup.truncated(entry.name, to: limits.maximumLabelLength)
                builder.element("title", [:], text: time + " " + name + " " + String(bucket.values[seriesIndex]))
                builder.close()
            }
        }
        builder.close()
        self.drawTimeAxis(&builder, buckets: buckets, dayFormat: dayFormat, left: left, slot: slot, baseline: baseline)
        return builder.finish()
    }

    /// The buckets drawn: sorted by start (stable), the most recent ``GraphicsLimits/maximumBars``.
    func keptBuckets(limits: GraphicsLimits) -> [Bucket] {
        let sorted = self.buckets.enumerated().sorted { lhs, rhs in
            lhs.element.start != rhs.element.start ? lhs.element.start < rhs.element.start : lhs.offset < rhs.offset
        }
        return sorted.suffix(limits.maximumBars).map(\.element)
    }

    /// The label of a bucket's start: `HH:MM`, or `MM-DD HH:MM` with `dayFormat`.
    static func timeLabel(_ start: Int64, dayFormat: Bool) -> String {
        let time = UTCDateTime(epochSeconds: start)
        return dayFormat ? time.monthDayHourMinute : time.hourMinute
    }

    /// Whether the first and last buckets are more than 86,400 s apart.
    static func spansMoreThanADay(_ buckets: [Bucket]) -> Bool {
        guard let first = buckets.first, let last = buckets.last else {
            return false
        }
        let (span, overflow) = last.start.subtractingReportingOverflow(first.start)
        return overflow || span > 86_400
    }

    private static func value(_ bucket: Bucket, _ index: Int) -> Double {
        guard index < bucket.values.count else {
            return 0
        }
        return Double(max(0, bucket.values[index]))
    }

    private static func segmentClass(_ index: Int, _ series: Series) -> String {
        let base = "wg-segment series-\(index % 8)"
        guard let extra = Markup.cssClass(series.cssClass) else {
            return base
        }
        return base + " " + extra
    }

    private func drawValueAxis(
        _ builder: inout SVGBuilder,
        scale: NiceScale,
        left: Double,
        plotWidth: Double,
        top: Double,
        plotHeight: Double
    ) {
        builder.open("g", ["class": "wg-value-axis"])
        for tick in scale.ticks {
            let y = top + plotHeight - tick / scale.top * plotHeight
            builder.element(
                "line",
                ["class": "wg-grid", "x1": left.svg, "y1": y.svg, "x2": (left + plotWidth).svg, "y2": y.svg]
            )
            builder.element(
                "text",
                ["x": (left - 6).svg, "y": (y + 4).svg, "text-anchor": "end"],
                text: NiceScale.label(tick)
            )
        }
        let baseline = top + plotHeight
        builder.element(
            "path",
            [
                "class": "wg-axis",
                "d": "M" + left.svg + " " + top.svg + "V" + baseline.svg + "H" + (left + plotWidth).svg,
            ]
        )
        builder.close()
    }

    private func drawTimeAxis(
        _ builder: inout SVGBuilder,
        buckets: [Bucket],
        dayFormat: Bool,
        left: Double,
        slot: Double,
        baseline: Double
    ) {
        let labelWidth = dayFormat ? 96.0 : 48.0
        let stride = max(1, Int((labelWidth / max(slot, 0.01)).rounded(.up)))
        builder.open("g", ["class": "wg-time-axis"])
        var index = 0
        while index < buckets.count {
            let x = left + (Double(index) + 0.5) * slot
            builder.element(
                "line",
                ["class": "wg-axis", "x1": x.svg, "y1": baseline.svg, "x2": x.svg, "y2": (baseline + 4).svg]
            )
            builder.element(
                "text",
                ["x": x.svg, "y": (baseline + 17).svg, "text-anchor": "middle"],
                text: Self.timeLabel(buckets[index].start, dayFormat: dayFormat)
            )
            index += stride
        }
        builder.close()
    }
}
