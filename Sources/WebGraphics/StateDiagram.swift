/// A behaviour state machine (the paper's Fig. 4 profiles): states as rounded boxes, transitions as arrows
/// labelled by their events.
///
/// The layout is layered: a state's column is its breadth-first depth from the initial state (following the
/// transitions in their order), states that cannot be reached go to one last column, and within a column states
/// keep their discovery order, then one barycentre pass moves each towards its predecessors to cut crossings.
/// Transitions between the same two states are merged into one arrow whose label lists their events. Forward
/// arrows run right, arrows within a column bulge sideways, back arrows curve underneath, and a self-transition is
/// an arc over its state. The same input always gives the same picture.
///
/// Limits: at most ``GraphicsLimits/maximumStates`` states (listed states first, then states that only
/// transitions name) and ``GraphicsLimits/maximumTransitions`` transitions; the rest are counted in notes.
public struct StateDiagram: Sendable, Hashable {
    /// One transition.
    public struct Transition: Sendable, Hashable {
        /// The source state's name.
        public var from: String
        /// The target state's name (equal to ``from`` for a self-transition).
        public var to: String
        /// The event (`INVITE`, `timeout 5s`, `DTMF 1`).
        public var label: String

        /// A transition from `from` to `to` on `label`.
        public init(from: String, to: String, label: String) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// The diagram's accessible name (`aria-label` and `<title>`).
    public var title: String
    /// The states' names, in order; duplicates are ignored.
    public var states: [String]
    /// The initial state's name (added in front of ``states`` when missing).
    public var initial: String
    /// The transitions, in order.
    public var transitions: [Transition]
    /// A prefix for the ids inside the SVG (the arrowhead marker), reduced to `[A-Za-z0-9_-]`.
    public var identifier: String
    /// The bounds on the work and the size.
    public var limits: GraphicsLimits

    /// A diagram of `states` starting at `initial`, with `transitions`.
    public init(
        title: String,
        states: [String],
        initial: String,
        transitions: [Transition],
        identifier: String = "wg-states",
        limits: GraphicsLimits = .default
    ) {
        self.title = title
        self.states = states
        self.initial = initial
        self.transitions = transitions
        self.identifier = identifier
        self.limits = limits
    }

    /// The layout's columns, left to right, each listing its states top to bottom.
    public func layers() -> [[String]] {
        let layout = self.layout()
        return layout.columns.map { column in column.map { layout.names[$0] } }
    }

    /// The diagram as an `<svg>` element; its size follows from the layout.
    public func svg() -> String {
        let limits = self.limits.clamped
        let layout = self.layout()
        let geometry = Geometry(layout: layout, limits: limits)
        let marker = Markup.identifier(self.identifier) + "-arrowhead"
        // The edges are placed before the canvas is sized: a label is centred on its edge and can reach past the
        // last column (a self-loop's label over a narrow state) or the left edge (an edge bulging left of the first
        // column). A label is moved right to start inside the canvas, and the canvas widened to end after it.
        let labelLength = min(limits.maximumLabelLength, Geometry.labelCharacters)
        let edges = layout.edges.enumerated().map { index, edge in
            let path = geometry.path(for: edge, index: index)
            let text = Markup.truncated(edge.label, to: labelLength)
            let half = SVGBuilder.width(of: text) / 2
            return (d: path.d, text: text, x: max(path.label.x, half + 4), y: path.label.y, half: half)
        }
        let width = max(geometry.width, (edges.map { $0.x + $0.half }.max() ?? 0) + 8)
        let notes = (layout.droppedStates > 0 ? 1 : 0) + (layout.droppedTransitions > 0 ? 1 : 0)
        // Room below the last row only for what goes there: back edges' lanes (up to 35 px under a box) and notes.
        let hasBackEdges = layout.edges.contains { layout.column[$0.to] < layout.column[$0.from] }
        let height =
            if let lowest = geometry.boxes.map(\.maxY).max() {
                min(geometry.height, lowest + (hasBackEdges ? 46 : 14) + Double(notes) * 18 + (notes > 0 ? 8 : 0))
            } else {
                geometry.height
            }
        var builder = SVGBuilder(
            width: width,
            height: height,
            title: self.title,
            cssClass: "wg-states",
            limits: limits
        )
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

        guard !layout.names.isEmpty else {
            builder.note("No states", x: width / 2, y: 30, anchor: "middle")
            return builder.finish()
        }
        builder.open("g", ["class": "wg-edges"])
        for edge in edges {
            builder.open("g", ["class": "wg-transition"])
            builder.element("path", ["class": "wg-edge", "d": edge.d, "marker-end": "url(#" + marker + ")"])
            builder.element(
                "text",
                ["class": "wg-edge-label", "x": edge.x.svg, "y": edge.y.svg, "text-anchor": "middle"],
                text: edge.text
            )
            builder.close()
        }
        builder.close()

        builder.open("g", ["class": "wg-nodes"])
        if let start = layout.initial {
            let box = geometry.boxes[start]
            builder.element("circle", ["class": "wg-start", "cx": (box.x - 26).svg, "cy": box.midY.svg, "r": "5"])
            builder.element(
                "line",
                [
                    "class": "wg-edge", "x1": (box.x - 21).svg, "y1": box.midY.svg, "x2": box.x.svg, "y2": box.midY.svg,
                    "marker-end": "url(#" + marker + ")",
                ]
            )
        }
        for (index, name) in layout.names.enumerated() {
            let box = geometry.boxes[index]
            var cssClass = "wg-state"
            if index == layout.initial {
                cssClass += " wg-initial"
            }
            if layout.column[index] == layout.unreachableColumn {
                cssClass += " wg-unreachable"
            }
            builder.open("g", ["class": cssClass])
            builder.open(
                "rect",
                ["x": box.x.svg, "y": box.y.svg, "width": box.width.svg, "height": box.height.svg, "rx": "8"]
            )
            builder.element("title", [:], text: Markup.truncated(name, to: limits.maximumLabelLength))
            builder.close()
            builder.element(
                "text",
                ["x": box.midX.svg, "y": (box.midY + 4).svg, "text-anchor": "middle"],
                text: Markup.truncated(name, to: Geometry.nameCharacters)
            )
            builder.close()
        }
        builder.close()

        var noteY = height - 10 - (layout.droppedStates > 0 && layout.droppedTransitions > 0 ? 18 : 0)
        if layout.droppedStates > 0 {
            builder.note("… \(layout.droppedStates) more states not shown", x: 8, y: noteY)
            noteY += 18
        }
        if layout.droppedTransitions > 0 {
            builder.note("… \(layout.droppedTransitions) more transitions not shown", x: 8, y: noteY)
        }
        return builder.finish()
    }
}
