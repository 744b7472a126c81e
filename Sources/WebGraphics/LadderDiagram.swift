/// A call-flow ladder like sngrep's: one column per participant, one arrow per message, top to bottom.
///
/// Participants are column headers ("198.51.100.7:5060") over vertical lifelines. Each arrow goes from one
/// lifeline to another with its label above it ("INVITE (SDP)", "180 Ringing") and its time at the left margin
/// ("+0.512 s"); an arrow from a participant to itself is a small loop. A label with a ``Arrow/link`` becomes an
/// `<a href>` when the link is a safe relative URL (``Markup/relativeLink(_:maxLength:)``).
///
/// Limits: at most ``GraphicsLimits/maximumParticipants`` participants and ``GraphicsLimits/maximumArrows``
/// arrows, with a "… N more" note; arrows whose ends are not drawn participants are skipped and counted in a
/// note. Labels are cut to the space between their lifelines.
public struct LadderDiagram: Sendable, Hashable {
    /// One message.
    public struct Arrow: Sendable, Hashable {
        /// The index of the sending participant.
        public var from: Int
        /// The index of the receiving participant (equal to ``from`` for a loop).
        public var to: Int
        /// The text above the arrow (`INVITE (SDP)`).
        public var label: String
        /// The text at the left margin (`+0.512 s`).
        public var time: String
        /// Extra CSS classes of the arrow (`request`, `response`, `error`).
        public var cssClass: String?
        /// A relative link (`/messages/17`) for the label; anything else is dropped.
        public var link: String?

        /// An arrow from `from` to `to`.
        public init(from: Int, to: Int, label: String, time: String = "", cssClass: String? = nil, link: String? = nil)
        {
            self.from = from
            self.to = to
            self.label = label
            self.time = time
            self.cssClass = cssClass
            self.link = link
        }
    }

    /// The diagram's accessible name (`aria-label` and `<title>`).
    public var title: String
    /// The column headers, left to right.
    public var participants: [String]
    /// The arrows, top to bottom.
    public var arrows: [Arrow]
    /// The bounds on the work and the size.
    public var limits: GraphicsLimits
    /// A prefix for the ids inside the SVG (the arrowhead marker), so that several diagrams can share a page;
    /// reduced to `[A-Za-z0-9_-]` (``Markup/identifier(_:)``).
    public var identifier: String

    /// A ladder of `arrows` between `participants`.
    public init(
        title: String,
        participants: [String],
        arrows: [Arrow],
        identifier: String = "wg-ladder",
        limits: GraphicsLimits = .default
    ) {
        self.title = title
        self.participants = participants
        self.arrows = arrows
        self.identifier = identifier
        self.limits = limits
    }

    /// The width of one participant's column, in pixels.
    public static let columnWidth: Double = 180
    /// The width of the time margin, in pixels.
    public static let timeMargin: Double = 88
    /// The height of an arrow's row, in pixels (a loop takes one and a half).
    public static let rowHeight: Double = 30

    /// The diagram as an `<svg>` element; its size follows from the participants and the arrows.
    public func svg() -> String {
        let limits = self.limits.clamped
        let participants = Array(self.participants.prefix(limits.maximumParticipants))
        let kept = Array(self.arrows.prefix(limits.maximumArrows))
        let arrows = kept.filter { participants.indices.contains($0.from) && participants.indices.contains($0.to) }
        let skipped = kept.count - arrows.count
        let dropped = self.arrows.count - kept.count
        let headerTop = 8.0
        let headerHeight = 28.0
        let firstRow = headerTop + headerHeight + 24
        var rowsHeight = 0.0
        for arrow in arrows {
            rowsHeight += arrow.from == arrow.to ? Self.rowHeight * 1.5 : Self.rowHeight
        }
        let notes = Double((skipped > 0 ? 1 : 0) + (dropped > 0 ? 1 : 0))
        let bottom = firstRow + rowsHeight + 8
        let width = Self.timeMargin + Double(max(participants.count, 1)) * Self.columnWidth
        let height = bottom + notes * 20 + 8
        let marker = Markup.identifier(self.identifier) + "-arrowhead"
        var builder = SVGBuilder(width: width, height: height, title: self.title, cssClass: "wg-ladder", limits: limits)
        builder.open("defs", [:])
        builder.open(
            "marker",
            [
                "id": marker, "viewBox": "0 0 10 10", "refX": "10", "refY": "5", "markerWidth": "8",
                "markerHeight": "8",
                "orient": "auto-start-reverse",
            ]
        )
        builder.element("path", ["class": "wg-arrowhead", "d": "M0 0L10 5L0 10z"])
        builder.close()
        builder.close()

        func center(_ index: Int) -> Double {
            Self.timeMargin + (Double(index) + 0.5) * Self.columnWidth
        }
        let headerCharacters = min(limits.maximumLabelLength, SVGBuilder.characters(fitting: Self.columnWidth - 20))
        for (index, participant) in participants.enumerated() {
            let x = center(index)
            builder.open("g", ["class": "wg-participant"])
            builder.open(
                "rect",
                [
                    "class": "wg-header", "x": (x - Self.columnWidth / 2 + 6).svg, "y": headerTop.svg,
                    "width": (Self.columnWidth - 12).svg, "height": headerHeight.svg, "rx": "4",
                ]
            )
            builder.element("title", [:], text: Markup.truncated(participant, to: limits.maximumLabelLength))
            builder.close()
            builder.element(
                "text",
                ["x": x.svg, "y": (headerTop + 18).svg, "text-anchor": "middle"],
                text: Markup.truncated(participant, to: headerCharacters)
            )
            builder.element(
                "line",
                [
                    "class": "wg-lifeline", "x1": x.svg, "y1": (headerTop + headerHeight).svg, "x2": x.svg,
                    "y2": bottom.svg,
                ]
            )
            builder.close()
        }

        var y = firstRow
        let timeCharacters = SVGBuilder.characters(fitting: Self.timeMargin - 12)
        for arrow in arrows {
            let cssClass = "wg-arrow" + (arrow.cssClass.flatMap { Markup.cssClass($0) }.map { " " + $0 } ?? "")
            builder.open("g", ["class": cssClass])
            builder.element(
                "text",
                ["class": "wg-time", "x": "6", "y": (y + 4).svg],
                text: Markup.truncated(arrow.time, to: timeCharacters)
            )
            let from = center(arrow.from)
            let to = center(arrow.to)
            if arrow.from == arrow.to {
                let loop = "M" + from.svg + " " + y.svg + "h36v" + (Self.rowHeight * 0.6).svg + "h-36"
                builder.element("path", ["class": "wg-line", "d": loop, "marker-end": "url(#" + marker + ")"])
                builder.linkedText(
                    Markup.truncated(
                        arrow.label,
                        to: min(limits.maximumLabelLength, SVGBuilder.characters(fitting: Self.columnWidth - 48))
                    ),
                    link: arrow.link,
                    limits: limits,
                    ["class": "wg-message", "x": (from + 42).svg, "y": (y + 12).svg]
                )
                y += Self.rowHeight * 1.5
            } else {
                builder.element(
                    "line",
                    [
                        "class": "wg-line", "x1": from.svg, "y1": y.svg, "x2": to.svg, "y2": y.svg,
                        "marker-end": "url(#" + marker + ")",
                    ]
                )
                let span = abs(to - from)
                builder.linkedText(
                    Markup.truncated(
                        arrow.label,
                        to: min(limits.maximumLabelLength, SVGBuilder.characters(fitting: span - 12))
                    ),
                    link: arrow.link,
                    limits: limits,
                    ["class": "wg-message", "x": ((from + to) / 2).svg, "y": (y - 6).svg, "text-anchor": "middle"]
                )
                y += Self.rowHeight
            }
            builder.close()
        }
        var noteY = bottom + 16
        if dropped > 0 {
            builder.note("… \(dropped) more", x: 6, y: noteY)
            noteY += 20
        }
        if skipped > 0 {
            builder.note("\(skipped) arrows between unknown participants not shown", x: 6, y: noteY)
        }
        return builder.finish()
    }
}
