extension StateDiagram {
    /// A point of the drawing.
    struct Point: Sendable, Hashable {
        /// The horizontal coordinate, in pixels from the left.
        var x: Double
        /// The vertical coordinate, in pixels from the top.
        var y: Double
    }

    /// A state's box.
    struct Box: Sendable, Hashable {
        /// The left edge.
        var x: Double
        /// The top edge.
        var y: Double
        /// The width.
        var width: Double
        /// The height.
        var height: Double

        /// The horizontal centre.
        var midX: Double { self.x + self.width / 2 }
        /// The vertical centre.
        var midY: Double { self.y + self.height / 2 }
        /// The right edge.
        var maxX: Double { self.x + self.width }
        /// The bottom edge.
        var maxY: Double { self.y + self.height }
    }

    /// The coordinates of a ``Layout``: boxes, the canvas size and the edges' paths.
    struct Geometry: Sendable {
        /// The characters of a state's name inside its box.
        static let nameCharacters = 24
        /// The characters of an edge's label.
        static let labelCharacters = 32
        /// The height of a box.
        static let boxHeight: Double = 32
        /// The vertical distance between the centres of two rows: the channel between two rows holds the back
        /// edges' lanes in its upper half and the self-loops of the row below in its lower half.
        static let rowSpacing: Double = 110
        /// The horizontal gap between two columns (room for the labels).
        static let columnGap: Double = 130
        /// The space left of the first column (the initial arrow).
        static let leftMargin: Double = 44
        /// The space above the first row (self-loops).
        static let topMargin: Double = 46
        /// The most space below the last row (back edges' lanes and two notes); ``StateDiagram/svg()`` keeps only
        /// what it draws there.
        static let bottomMargin: Double = 84

        /// Each node's box.
        let boxes: [Box]
        /// The canvas width before the edges' labels (which ``StateDiagram/svg()`` may widen it for).
        let width: Double
        /// The canvas height at most (see ``bottomMargin``).
        let height: Double
        /// The right edge of each column.
        let columnRight: [Double]
        private let layout: Layout

        /// The geometry of `layout`.
        init(layout: Layout, limits: GraphicsLimits) {
            self.layout = layout
            var widths = layout.names.map { name in
                min(180, max(64, SVGBuilder.width(of: Markup.truncated(name, to: Self.nameCharacters)) + 24))
            }
            var boxes = [Box](repeating: Box(x: 0, y: 0, width: 0, height: 0), count: layout.names.count)
            var x = Self.leftMargin
            var tallest = 1
            var columnRight: [Double] = []
            for members in layout.columns {
                let columnWidth = members.map { widths[$0] }.max() ?? 64
                for (row, member) in members.enumerated() {
                    widths[member] = max(widths[member], 64)
                    let centreY = Self.topMargin + Self.boxHeight / 2 + Double(row) * Self.rowSpacing
                    boxes[member] = Box(
                        x: x + (columnWidth - widths[member]) / 2,
                        y: centreY - Self.boxHeight / 2,
                        width: widths[member],
                        height: Self.boxHeight
                    )
                }
                tallest = max(tallest, members.count)
                columnRight.append(x + columnWidth)
                x += columnWidth + Self.columnGap
            }
            self.boxes = boxes
            self.columnRight = columnRight
            self.width = max(240, x - Self.columnGap + 40)
            self.height = Self.topMargin + Double(tallest - 1) * Self.rowSpacing + Self.boxHeight + Self.bottomMargin
        }

        /// The path of `edge` (the `index`-th) and where its label goes.
        func path(for edge: Edge, index: Int) -> (d: String, label: Point) {
            let source = self.boxes[edge.from]
            let target = self.boxes[edge.to]
            let sourceColumn = self.layout.column[edge.from]
            let targetColumn = self.layout.column[edge.to]
            if edge.from == edge.to {
                // An arc over the box.
                let start = Point(x: source.midX - 12, y: source.y)
                let end = Point(x: source.midX + 12, y: source.y)
                let control1 = Point(x: source.midX - 36, y: source.y - 34)
                let control2 = Point(x: source.midX + 36, y: source.y - 34)
                return (Self.curve(start, control1, control2, end), Point(x: source.midX, y: source.y - 30))
            }
            if targetColumn > sourceColumn {
                // Forward: right side to left side; edges that skip columns arch upwards.
                let start = Point(x: source.maxX, y: source.midY)
                let end = Point(x: target.x, y: target.midY)
                let bend = Double(min(targetColumn - sourceColumn - 1, 6)) * 28
                let half = (end.x - start.x) / 2
                let control1 = Point(x: start.x + half, y: start.y - bend)
                let control2 = Point(x: end.x - half, y: end.y - bend)
                return (
                    Self.curve(start, control1, control2, end), Self.midpoint(start, control1, control2, end, lift: 5)
                )
            }
            if targetColumn == sourceColumn {
                // Within a column: downwards on the right, upwards on the left, so a pair does not overlap.
                let downwards = self.layout.row[edge.from] < self.layout.row[edge.to]
                let start = Point(x: downwards ? source.maxX : source.x, y: source.midY)
                let end = Point(x: downwards ? target.maxX : target.x, y: target.midY)
                let reach = 36 + Double(min(abs(self.layout.row[edge.from] - self.layout.row[edge.to]), 6)) * 10
                let offset = downwards ? reach : -reach
                let control1 = Point(x: start.x + offset, y: start.y)
                let control2 = Point(x: end.x + offset, y: end.y)
                return (
                    Self.curve(start, control1, control2, end), Self.midpoint(start, control1, control2, end, lift: 0)
                )
            }
            // Backwards: orthogonal, through the free space only: down from the source into the channel under its
            // row, along it to the gap right of the target's column, along that gap to the channel under the target's
            // row, and up into the target. Successive back edges use different lanes.
            let lane = Double(index % 4)
            let offset = 14 + lane * 7
            let sourceX = source.midX + 4 + lane * 7
            let targetX = target.midX - 4 - lane * 7
            let sourceChannel = source.maxY + offset
            let targetChannel = target.maxY + offset
            let gap = self.columnRight[targetColumn] + 14 + lane * 12
            let points = [
                Point(x: sourceX, y: source.maxY), Point(x: sourceX, y: sourceChannel), Point(x: gap, y: sourceChannel),
                Point(x: gap, y: targetChannel), Point(x: targetX, y: targetChannel), Point(x: targetX, y: target.maxY),
            ]
            // The label ends just before the drop from the source, on the channel's line.
            let labelWidth = SVGBuilder.width(of: Markup.truncated(edge.label, to: Self.labelCharacters))
            let labelX = max(gap + labelWidth / 2 + 4, sourceX - 8 - labelWidth / 2)
            return (Self.roundedPolyline(points), Point(x: labelX, y: sourceChannel - 3))
        }

        /// A path through `points` with corners rounded by up to 6 pixels; repeated points are skipped.
        private static func roundedPolyline(_ points: [Point]) -> String {
            var distinct: [Point] = []
            for point in points where distinct.last != point {
                distinct.append(point)
            }
            guard let first = distinct.first else {
                return ""
            }
            var path = "M" + first.x.svg + " " + first.y.svg
            for index in distinct.indices.dropFirst() {
                let point = distinct[index]
                guard index + 1 < distinct.count else {
                    path += "L" + point.x.svg + " " + point.y.svg
                    break
                }
                let previous = distinct[index - 1]
                let next = distinct[index + 1]
                let radiusIn = min(6, Self.distance(previous, point) / 2)
                let radiusOut = min(6, Self.distance(point, next) / 2)
                let enter = Self.towards(point, previous, by: radiusIn)
                let leave = Self.towards(point, next, by: radiusOut)
                path +=
                    "L" + enter.x.svg + " " + enter.y.svg + "Q" + point.x.svg + " " + point.y.svg + " " + leave.x.svg
                    + " " + leave.y.svg
            }
            return path
        }

        private static func distance(_ a: Point, _ b: Point) -> Double {
            ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        }

        /// The point `by` pixels from `from` towards `to`.
        private static func towards(_ from: Point, _ to: Point, by length: Double) -> Point {
            let total = Self.distance(from, to)
            guard total > 0 else {
                return from
            }
            return Point(x: from.x + (to.x - from.x) / total * length, y: from.y + (to.y - from.y) / total * length)
        }

        private static func curve(_ start: Point, _ control1: Point, _ control2: Point, _ end: Point) -> String {
            "M" + start.x.svg + " " + start.y.svg + "C" + control1.x.svg + " " + control1.y.svg + " "
                + control2.x.svg + " " + control2.y.svg + " " + end.x.svg + " " + end.y.svg
        }

        /// The point at t = 0.5 of the cubic Bézier curve, raised by `lift` pixels (the text baseline).
        private static func midpoint(_ p0: Point, _ p1: Point, _ p2: Point, _ p3: Point, lift: Double) -> Point {
            Point(x: (p0.x + 3 * p1.x + 3 * p2.x + p3.x) / 8, y: (p0.y + 3 * p1.y + 3 * p2.y + p3.y) / 8 - lift)
        }
    }
}
