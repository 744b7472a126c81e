/// Horizontal bars with labels: top sources, top called numbers, top User-Agents.
///
/// Rows are drawn in the given order (sort before), the longest bar is the largest value, and each bar carries a
/// `<title>` with its label and value. A label with a ``Item/link`` becomes an `<a href>` when the link is a safe
/// relative URL (``Markup/relativeLink(_:maxLength:)``); other links are dropped.
///
/// Limits: at most ``GraphicsLimits/maximumBars`` rows, then a "… N more" note; labels are cut to fit the label
/// column and ``GraphicsLimits/maximumLabelLength``. NaN, infinite and negative values count as zero.
public struct BarChart: Sendable, Hashable {
    /// One bar.
    public struct Item: Sendable, Hashable {
        /// The label at the left of the bar (untrusted text is fine: it is escaped).
        public var label: String
        /// The value: the bar's length relative to the largest.
        public var value: Double
        /// Extra CSS classes of the bar (default `series-0`).
        public var cssClass: String?
        /// A relative link (`/sources/198.51.100.7`) for the label; anything else is dropped.
        public var link: String?

        /// A bar labelled `label` of `value`.
        public init(label: String, value: Double, cssClass: String? = nil, link: String? = nil) {
            self.label = label
            self.value = value
            self.cssClass = cssClass
            self.link = link
        }
    }

    /// The chart's accessible name (`aria-label` and `<title>`).
    public var title: String
    /// The bars, top first.
    public var items: [Item]
    /// The digits after the point of the values written at the end of the bars (0...6).
    public var fractionDigits: Int
    /// The bounds on the work and the size.
    public var limits: GraphicsLimits

    /// A chart of `items`.
    public init(title: String, items: [Item], fractionDigits: Int = 0, limits: GraphicsLimits = .default) {
        self.title = title
        self.items = items
        self.fractionDigits = fractionDigits
        self.limits = limits
    }

    /// The height of one row, in pixels.
    public static let rowHeight: Double = 22

    /// The chart as an `<svg>` element `width` pixels wide (clamped to 16...16,384); the height follows from the
    /// number of rows.
    public func svg(width: Int = 640) -> String {
        let limits = self.limits.clamped
        let width = SVGBuilder.clampSize(Double(width))
        let items = Array(self.items.prefix(limits.maximumBars))
        let dropped = self.items.count - items.count
        let padding = 8.0
        let rows = Double(max(items.count, 1) + (dropped > 0 ? 1 : 0))
        let height = padding * 2 + rows * Self.rowHeight
        var builder = SVGBuilder(
            width: width,
            height: height,
            title: self.title,
            cssClass: "wg-barchart",
            limits: limits
        )
        guard !items.isEmpty else {
            builder.note("No data", x: width / 2, y: padding + 15, anchor: "middle")
            return builder.finish()
        }

        let labelColumn = (width * 0.4).rounded()
        let valueColumn = 64.0
        let barLeft = labelColumn + 8
        let barSpace = max(1, width - barLeft - valueColumn - padding)
        let labelCharacters = min(
            limits.maximumLabelLength,
            SVGBuilder.characters(fitting: labelColumn - padding, minimum: 4)
        )
        let values = items.map { Self.sanitised($0.value) }
        let largest = values.max() ?? 0

        for (index, item) in items.enumerated() {
            let top = padding + Double(index) * Self.rowHeight
            let value = values[index]
            let length = largest > 0 ? max(value > 0 ? 1 : 0, value / largest * barSpace) : 0
            let valueText = DecimalFormat.string(value, fractionDigits: self.fractionDigits)
            let label = Markup.truncated(item.label, to: labelCharacters)
            builder.open("g", ["class": "wg-row"])
            builder.linkedText(
                label,
                link: item.link,
                limits: limits,
                ["class": "wg-label", "x": labelColumn.svg, "y": (top + 15).svg, "text-anchor": "end"]
            )
            builder.open(
                "rect",
                [
                    "class": "wg-bar " + (item.cssClass.flatMap { Markup.cssClass($0) } ?? "series-0"),
                    "x": barLeft.svg, "y": (top + 3).svg, "width": length.svg, "height": (Self.rowHeight - 6).svg,
                ]
            )
            builder.element(
                "title",
                [:],
                text: Markup.truncated(item.label, to: limits.maximumLabelLength) + ": " + valueText
            )
            builder.close()
            builder.element(
                "text",
                ["class": "wg-value", "x": (barLeft + length + 4).svg, "y": (top + 15).svg],
                text: valueText
            )
            builder.close()
        }
        if dropped > 0 {
            builder.note("… \(dropped) more", x: barLeft, y: padding + Double(items.count) * Self.rowHeight + 15)
        }
        return builder.finish()
    }

    /// `value` when finite and positive, zero otherwise.
    static func sanitised(_ value: Double) -> Double {
        value.isFinite && value > 0 ? value : 0
    }
}
