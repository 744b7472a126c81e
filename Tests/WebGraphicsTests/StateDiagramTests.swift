import Testing

@testable import WebGraphics

@Suite struct StateDiagramTests {
    /// The paper's Fig. 4 machine (Profiles/fig4-phone.profile), with a state nothing leads to.
    static let fig4 = StateDiagram(
        title: "Fig. 4 phone",
        states: ["Idle", "Ringing", "Dialing", "Trying", "Incall", "Calling Error"],
        initial: "Idle",
        transitions: [
            .init(from: "Idle", to: "Ringing", label: "INVITE"),
            .init(from: "Idle", to: "Dialing", label: "offhook"),
            .init(from: "Ringing", to: "Ringing", label: "reINVITE"),
            .init(from: "Ringing", to: "Idle", label: "timeout 60s"),
            .init(from: "Ringing", to: "Incall", label: "offhook"),
            .init(from: "Dialing", to: "Dialing", label: "DTMF"),
            .init(from: "Dialing", to: "Trying", label: "dialcomplete"),
            .init(from: "Dialing", to: "Idle", label: "onhook"),
            .init(from: "Trying", to: "Incall", label: "200"),
            .init(from: "Trying", to: "Idle", label: "onhook"),
            .init(from: "Incall", to: "Incall", label: "DTMF 1"),
            .init(from: "Incall", to: "Incall", label: "DTMF 2"),
            .init(from: "Incall", to: "Idle", label: "BYE"),
            .init(from: "Calling Error", to: "Idle", label: "onhook"),
        ]
    )

    @Test func layersFollowBreadthFirstDepthWithUnreachableStatesLast() {
        #expect(Self.fig4.layers() == [["Idle"], ["Ringing", "Dialing"], ["Incall", "Trying"], ["Calling Error"]])
        let layout = Self.fig4.layout()
        #expect(layout.unreachableColumn == 3)
        #expect(layout.initial == 0)
    }

    @Test func barycentreOrderFollowsPredecessors() {
        let diagram = StateDiagram(
            title: "t",
            states: [],
            initial: "A",
            transitions: [
                .init(from: "A", to: "B", label: ""), .init(from: "A", to: "C", label: ""),
                .init(from: "A", to: "D", label: ""), .init(from: "A", to: "E", label: ""),
                .init(from: "B", to: "P", label: ""), .init(from: "C", to: "Q", label: ""),
                .init(from: "D", to: "P", label: ""), .init(from: "E", to: "P", label: ""),
            ]
        )
        // P is found first (through B) but its predecessors average row 1.67, Q's row 1.
        #expect(diagram.layers() == [["A"], ["B", "C", "D", "E"], ["Q", "P"]])
    }

    @Test func mergesParallelTransitionsAndDrawsEveryEdge() throws {
        let svg = Self.fig4.svg()
        let document = expectWellFormedAndInert(svg)
        #expect(svg == Self.fig4.svg())
        #expect(document.elements(named: "rect").count == 6)
        let edges = document.elements(named: "path").filter { $0.attributes["class"] == "wg-edge" }
        // 14 transitions, the two DTMF self-loops of Incall merged.
        #expect(edges.count == 13)
        #expect(edges.allSatisfy { $0.attributes["marker-end"] == "url(#wg-states-arrowhead)" })
        let labels = document.elements(named: "text").filter { $0.attributes["class"] == "wg-edge-label" }.map(\.text)
        #expect(labels.contains("DTMF 1, DTMF 2"))
        #expect(labels.contains("timeout 60s"))
        let initial = document.elements(named: "g").filter { $0.attributes["class"] == "wg-state wg-initial" }
        #expect(initial.count == 1)
        #expect(
            document.elements(named: "text").contains {
                $0.text == "Idle" && $0.ancestorClasses.last == "wg-state wg-initial"
            }
        )
        #expect(document.elements(named: "g").contains { $0.attributes["class"] == "wg-state wg-unreachable" })
        #expect(document.elements(named: "circle").count == 1)
    }

    /// The busy profile's machine (Profiles/busy.profile); `ringingLoop` adds Ringing's self-loop with that label.
    static func busy(ringingLoop: String? = nil) -> StateDiagram {
        var transitions: [StateDiagram.Transition] = [
            .init(from: "Idle", to: "Idle", label: "INVITE/opInvestigate"),
            .init(from: "Idle", to: "Ringing", label: "INVITE/opRing"),
        ]
        if let ringingLoop { transitions.append(.init(from: "Ringing", to: "Ringing", label: ringingLoop)) }
        return StateDiagram(title: "busy", states: ["Idle", "Ringing"], initial: "Idle", transitions: transitions)
    }

    /// The canvas's size from the root element.
    static func canvas(_ document: SVGDocument) throws -> (width: Double, height: Double) {
        let root = try #require(document.elements(named: "svg").first)
        return (
            try #require(root.attributes["width"].flatMap(Double.init)),
            try #require(root.attributes["height"].flatMap(Double.init))
        )
    }

    /// Every edge label's estimated extent lies on the canvas, even a long self-loop label over a narrow state in the
    /// last column (it ran past the right edge) and a label of an edge bulging left of the first column.
    @Test func labelsStayOnTheCanvas() throws {
        let long = "entry/opStartTimer, decline/opReject, timeout/opHangup"
        let diagrams = [
            Self.busy(ringingLoop: long),
            StateDiagram(
                title: "left",
                states: [],
                initial: "A",
                transitions: [
                    .init(from: "A", to: "B", label: "x"), .init(from: "A", to: "C", label: "y"),
                    .init(from: "C", to: "B", label: "an upward edge with a long label"),
                    .init(from: "A", to: "A", label: long),
                ]
            ),
            Self.fig4,
        ]
        for diagram in diagrams {
            let document = expectWellFormedAndInert(diagram.svg())
            let canvas = try Self.canvas(document)
            let labels = document.elements(named: "text").filter { $0.attributes["class"] == "wg-edge-label" }
            #expect(!labels.isEmpty)
            for label in labels {
                let x = try #require(label.attributes["x"].flatMap(Double.init))
                let half = SVGBuilder.width(of: label.text) / 2
                #expect(x - half >= 0, "\(diagram.title): \(label.text) starts at \(x - half)")
                #expect(
                    x + half <= canvas.width,
                    "\(diagram.title): \(label.text) ends at \(x + half) > \(canvas.width)"
                )
            }
        }
    }

    /// Below the last row the canvas keeps room only for what is drawn there: back edges' lanes and notes.
    @Test func heightFollowsWhatIsBelowTheLastRow() throws {
        let forwardOnly = Self.busy()
        let geometry = StateDiagram.Geometry(layout: forwardOnly.layout(), limits: .default)
        let lowest = try #require(geometry.boxes.map(\.maxY).max())
        #expect(try Self.canvas(expectWellFormedAndInert(forwardOnly.svg())).height == lowest + 14)

        // Fig. 4 has back edges: their lanes run up to 35 px under a box.
        let fig4Geometry = StateDiagram.Geometry(layout: Self.fig4.layout(), limits: .default)
        let fig4Lowest = try #require(fig4Geometry.boxes.map(\.maxY).max())
        #expect(try Self.canvas(expectWellFormedAndInert(Self.fig4.svg())).height == fig4Lowest + 46)

        // Notes of what was left out go under everything, inside the canvas.
        var limited = GraphicsLimits.default
        limited.maximumStates = 2
        let cut = StateDiagram(title: "cut", states: ["A", "B", "C"], initial: "A", transitions: [], limits: limited)
        let document = expectWellFormedAndInert(cut.svg())
        let canvas = try Self.canvas(document)
        let notes = document.elements(named: "text").filter { $0.text.contains("more states not shown") }
        let noteY = try #require(notes.first?.attributes["y"].flatMap(Double.init))
        #expect(noteY < canvas.height)
        let cutLowest = try #require(
            StateDiagram.Geometry(layout: cut.layout(), limits: limited).boxes.map(\.maxY).max()
        )
        #expect(noteY > cutLowest)
    }

    @Test func edgeShapes() throws {
        let layout = Self.fig4.layout()
        let geometry = StateDiagram.Geometry(layout: layout, limits: .default)
        func edge(_ from: String, _ to: String) throws -> (StateDiagram.Edge, Int) {
            let index = try #require(
                layout.edges.firstIndex { layout.names[$0.from] == from && layout.names[$0.to] == to }
            )
            return (layout.edges[index], index)
        }
        // Forward: from the right side of Idle to the left side of Ringing.
        let (forward, forwardIndex) = try edge("Idle", "Ringing")
        let idle = geometry.boxes[forward.from]
        let ringing = geometry.boxes[forward.to]
        #expect(
            geometry.path(for: forward, index: forwardIndex).d.hasPrefix(
                "M" + idle.maxX.svg + " " + idle.midY.svg + "C"
            )
        )
        #expect(geometry.path(for: forward, index: forwardIndex).d.hasSuffix(ringing.x.svg + " " + ringing.midY.svg))
        // Back: from the bottom of the source to the bottom of the target through the free space only.
        for (index, back) in layout.edges.enumerated() where layout.column[back.to] < layout.column[back.from] {
            let path = geometry.path(for: back, index: index)
            let numbers = path.d.split(whereSeparator: { "MLQ ".contains($0) }).compactMap { Double($0) }
            try #require(numbers.count >= 4 && numbers.count % 2 == 0)
            let source = geometry.boxes[back.from]
            let target = geometry.boxes[back.to]
            #expect(numbers[1] == source.maxY && numbers[numbers.count - 1] == target.maxY)
            #expect(path.label.y > source.maxY)
            for pair in stride(from: 0, to: numbers.count, by: 2) {
                let (x, y) = (numbers[pair], numbers[pair + 1])
                for box in geometry.boxes {
                    #expect(!(x > box.x && x < box.maxX && y > box.y && y < box.maxY), "\(path.d) enters a box")
                }
            }
        }
        // Self-loop: an arc above the box.
        let (loop, loopIndex) = try edge("Incall", "Incall")
        let box = geometry.boxes[loop.from]
        #expect(geometry.path(for: loop, index: loopIndex).label.y < box.y)
        // Boxes do not overlap.
        for (index, first) in geometry.boxes.enumerated() {
            for second in geometry.boxes[(index + 1)...] {
                let apart =
                    first.maxX <= second.x || second.maxX <= first.x || first.maxY <= second.y || second.maxY <= first.y
                #expect(apart)
            }
        }
    }

    @Test func statesNamedOnlyByTransitionsAndAMissingInitialAreAdded() {
        let diagram = StateDiagram(
            title: "t",
            states: ["b", "b", "b"],
            initial: "start",
            transitions: [
                .init(from: "start", to: "talking", label: "INVITE"), .init(from: "talking", to: "end", label: "BYE"),
            ]
        )
        #expect(diagram.layers() == [["start"], ["talking"], ["end"], ["b"]])
        let none = StateDiagram(
            title: "t",
            states: ["x", "y"],
            initial: "",
            transitions: [.init(from: "x", to: "y", label: "")]
        )
        #expect(none.layers() == [["x", "y"]])
    }

    @Test func limitsStatesAndTransitions() {
        let transitions = (0..<400).map { StateDiagram.Transition(from: "s\($0)", to: "s\($0 + 1)", label: "e\($0)") }
        let diagram = StateDiagram(title: "t", states: [], initial: "s0", transitions: transitions)
        let layout = diagram.layout()
        #expect(layout.names.count == 200)
        #expect(layout.droppedStates == 201)
        #expect(layout.droppedTransitions == 201)
        let document = expectWellFormedAndInert(diagram.svg())
        #expect(document.elements(named: "rect").count == 200)
        #expect(document.allText.contains("… 201 more states not shown"))
        #expect(document.allText.contains("… 201 more transitions not shown"))

        let limited = StateDiagram(
            title: "t",
            states: ["a"],
            initial: "a",
            transitions: Array(repeating: .init(from: "a", to: "a", label: "x"), count: 50),
            limits: GraphicsLimits(maximumTransitions: 10)
        )
        #expect(limited.layout().edges.map(\.label) == ["x, x, x +7"])
        #expect(limited.layout().droppedTransitions == 40)
    }

    @Test func hostileTextInEverySlot() {
        for hostile in Hostile.all + [Hostile.huge, Hostile.zalgo] {
            let diagram = StateDiagram(
                title: hostile,
                states: [hostile, "b"],
                initial: hostile,
                transitions: [
                    .init(from: hostile, to: "b", label: hostile), .init(from: "b", to: hostile, label: hostile),
                    .init(from: "b", to: "b", label: hostile),
                ],
                identifier: hostile
            )
            expectWellFormedAndInert(diagram.svg())
        }
        expectWellFormedAndInert(StateDiagram(title: "", states: [], initial: "", transitions: []).svg())
    }
}
