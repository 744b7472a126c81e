/// 100 % stacked bars over the states of a variable: the inference explanation and verdict distributions.
///
/// For the explanation, each evidence row is a λ vector over the root's states (Normal, Suspicious, Crafted),
/// normalised per row, and a final ``belief`` row shows BEL. For a distribution, ``distribution(title:states:counts:limits:)``
/// makes one row of counts per state. Each segment is coloured by its state's class, shows its percentage when it
/// is wide enough, and has a `<title>` with the state, the raw value and the percentage. A legend names the
/// states.
///
/// Limits: at most ``GraphicsLimits/maximumBeliefRows`` evidence rows and ``GraphicsLimits/maximumBeliefStates``
/// states, with "… N more" notes. NaN, infinite and negative values count as zero; a row that sums to zero is
/// drawn empty ("no information").
public struct BeliefBars: Sendable, Hashable {
    /// One state of the variable.
    public struct State: Sendable, Hashable {
        /// The state's name (`Normal`).
        public var name: String
        /// The CSS classes of its segments and swatch (`state-normal`).
        public var cssClass: String

        /// A state called `name`, styled by `cssClass`.
        public init(name: String, cssClass: String) {
            self.name = name
            self.cssClass = cssClass
        }
    }

    /// One bar.
    public struct Row: Sendable, Hashable {
        /// The row's label (the evidence's name).
        public var name: String
        /// One value per state, aligned with ``BeliefBars/states``; missing values are zero.
        public var values: [Double]

        /// A row labelled `name` with `values`.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The chart's accessible name (`aria-label` and `<title>`).
    public var title: String
    /// The states, in segment order.
    public var states: [State]
    /// The evidence rows, top first.
    public var rows: [Row]
    /// The final row, drawn below a rule in the `wg-belief-row` class.
    public var belief: Row?
    /// The digits after the point of raw values in the tooltips (0...6).
    public var fractionDigits: Int
    /// The bounds on the work and the size.
    public var limits: GraphicsLimits

    /// Bars of `rows` (and `belief`) over `states`.
    public init(
        title: String,
        states: [State],
        rows: [Row],
        belief: Row? = nil,
        fractionDigits: Int = 3,
        limits: GraphicsLimits = .default
    ) {
        self.title = title
        self.states = states
        self.rows = rows
        self.belief = belief
        self.fractionDigits = fractionDigits
        self.limits = limits
    }

    /// One bar of `counts` per state (a verdict distribution), labelled `title`; negative counts are zero.
    public static func distribution(
        title: String,
        states: [State],
        counts: [Int],
        limits: GraphicsLimits = .default
    ) -> BeliefBars {
        BeliefBars(
            title: title,
            states: states,
            rows: [Row(name: title, values: counts.map { Double(max(0, $0)) })],
            fractionDigits: 0,
            limits: limits
        )
    }

    /// The height of one bar's row, in pixels.
    public static let rowHeight: Double = 26

    /// The bars as an `<svg>` element `width` pixels wide (clamped to 16...16,384); the height follows from the
    /// number of rows.
    public func svg(width: Int = 640) -> String {
        let limits = self.limits.clamped
        let width = SVGBuilder.clampSize(Double(width))
        let states = Array(self.states.prefix(limits.maximumBeliefStates))
        let rows = Array(self.rows.prefix(limits.maximumBeliefRows))
        let droppedRows = self.rows.count - rows.count
        let padding = 8.0
        let legendHeight = 22.0
        var height = padding + legendHeight + Double(rows.count) * Self.rowHeight + padding
        if droppedRows > 0 {
            height += Self.rowHeight
        }
        if self.belief != nil {
            height += Self.rowHeight + 8
        }
        var builder = SVGBuilder(width: width, height: height, title: self.title, cssClass: "wg-belief", limits: limits)
        var legend = states.map { SVGBuilder.LegendEntry(cssClass: Self.segmentClass($0), name: $0.name) }
        if self.states.count > states.count {
            legend.append(
                SVGBuilder.LegendEntry(cssClass: "wg-none", name: "… \(self.states.count - states.count) more")
            )
        }
        builder.legend(legend, x: padding, y: padding + 12, maxX: width - padding, limits: limits)

        let labelColumn = (width * 0.3).rounded()
        let barLeft = labelColumn + 8
        let barWidth = max(1, width - barLeft - padding)
        let labelCharacters = min(
            limits.maximumLabelLength,
            SVGBuilder.characters(fitting: labelColumn - padding, minimum: 4)
        )
        var top = padding + legendHeight
        for row in rows {
            self.draw(
                row,
                &builder,
                states: states,
                top: top,
                labelColumn: labelColumn,
                labelCharacters: labelCharacters,
                barLeft: barLeft,
                barWidth: barWidth,
                cssClass: "wg-row"
            )
            top += Self.rowHeight
        }
        if droppedRows > 0 {
            builder.note("… \(droppedRows) more", x: barLeft, y: top + 16)
            top += Self.rowHeight
        }
        if let belief = self.belief {
            builder.element(
                "line",
                [
                    "class": "wg-rule", "x1": padding.svg, "y1": (top + 4).svg, "x2": (width - padding).svg,
                    "y2": (top + 4).svg,
                ]
            )
            top += 8
            self.draw(
                belief,
                &builder,
                states: states,
                top: top,
                labelColumn: labelColumn,
                labelCharacters: labelCharacters,
                barLeft: barLeft,
                barWidth: barWidth,
                cssClass: "wg-row wg-belief-row"
            )
        }
        return builder.finish()
    }

    /// The values of `row` for `states`, sanitised (NaN, infinite and negative are zero), and their sum.
    static func sanitisedValues(_ row: Row, stateCount: Int) -> (values: [Double], sum: Double) {
        var values: [Double] = []
        values.reserveCapacity(stateCount)
        var sum = 0.0
        for index in 0..<stateCount {
            let raw = index < row.values.count ? row.values[index] : 0
            let value = raw.isFinite && raw > 0 ? raw : 0
            values.append(value)
            sum += value
        }
        if !sum.isFinite {
            // Finite values can still overflow the sum: scale them down first.
            values = values.map { $0 / Double.greatestFiniteMagnitude }
            sum = values.reduce(0, +)
        }
        return (values, sum)
    }

    private static func segmentClass(_ state: State) -> String {
        "wg-segment " + (Markup.cssClass(state.cssClass) ?? "wg-state")
    }

    private func draw(
        _ row: Row,
        _ builder: inout SVGBuilder,
        states: [State],
        top: Double,
        labelColumn: Double,
        labelCharacters: Int,
        barLeft: Double,
        barWidth: Double,
        cssClass: String
    ) {
        let limits = self.limits.clamped
        builder.open("g", ["class": cssClass])
        builder.element(
            "text",
            ["class": "wg-label", "x": labelColumn.svg, "y": (top + 17).svg, "text-anchor": "end"],
            text: Markup.truncated(row.name, to: labelCharacters)
        )
        let (values, sum) = Self.sanitisedValues(row, stateCount: states.count)
        guard sum > 0 else {
            builder.element(
                "rect",
                [
                    "class": "wg-empty", "x": barLeft.svg, "y": (top + 4).svg, "width": barWidth.svg,
                    "height": (Self.rowHeight - 8).svg,
                ]
            )
            builder.note("no information", x: barLeft + barWidth / 2, y: top + 17, anchor: "middle")
            builder.close()
            return
        }
        var x = barLeft
        for (index, state) in states.enumerated() where values[index] > 0 {
            let share = values[index] / sum
            let segment = share * barWidth
            let percent = DecimalFormat.percent(values[index], of: sum)
            builder.open(
                "rect",
                [
                    "class": Self.segmentClass(state), "x": x.svg, "y": (top + 4).svg, "width": segment.svg,
                    "height": (Self.rowHeight - 8).svg,
                ]
            )
            let name = Markup.truncated(state.name, to: limits.maximumLabelLength)
            let raw = DecimalFormat.string(row.values[index], fractionDigits: self.fractionDigits)
            builder.element(
                "title",
                [:],
                text: Markup.truncated(row.name, to: limits.maximumLabelLength) + " — " + name + ": " + raw + " ("
                    + percent + ")"
            )
            builder.close()
            if segment >= 34 {
                builder.element(
                    "text",
                    [
                        "class": "wg-segment-label", "x": (x + segment / 2).svg, "y": (top + 17).svg,
                        "text-anchor": "middle",
                    ],
                    text: percent
                )
            }
            x += segment
        }
        builder.close()
    }
}
