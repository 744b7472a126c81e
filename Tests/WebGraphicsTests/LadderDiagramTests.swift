import Testing

@testable import WebGraphics

@Suite struct LadderDiagramTests {
    static let participants = ["198.51.100.7:5060", "192.0.2.10:5060", "203.0.113.5:5080"]
    static let arrows = [
        LadderDiagram.Arrow(
            from: 0,
            to: 1,
            label: "INVITE (SDP)",
            time: "+0.000 s",
            cssClass: "request",
            link: "/messages/1"
        ),
        LadderDiagram.Arrow(from: 1, to: 0, label: "100 Trying", time: "+0.002 s", cssClass: "response"),
        LadderDiagram.Arrow(from: 1, to: 1, label: "timer", time: "+0.100 s"),
        LadderDiagram.Arrow(from: 1, to: 2, label: "INVITE", time: "+0.101 s", cssClass: "request"),
        LadderDiagram.Arrow(from: 1, to: 0, label: "180 Ringing", time: "+0.512 s", cssClass: "response"),
    ]

    static func messageLines(_ document: SVGDocument) -> [SVGDocument.Element] {
        document.elements.filter { $0.attributes["class"] == "wg-line" }
    }

    @Test func drawsColumnsLifelinesAndArrowsTopToBottom() throws {
        let ladder = LadderDiagram(
            title: "Call 42",
            participants: Self.participants,
            arrows: Self.arrows,
            identifier: "call-42"
        )
        let svg = ladder.svg()
        let document = expectWellFormedAndInert(svg)
        #expect(svg == ladder.svg())
        #expect(document.elements(named: "rect").filter { $0.attributes["class"] == "wg-header" }.count == 3)
        #expect(document.elements(named: "line").filter { $0.attributes["class"] == "wg-lifeline" }.count == 3)
        #expect(document.elements.first?.attributes["width"] == "628")
        let lines = Self.messageLines(document)
        try #require(lines.count == 5)
        #expect(lines.allSatisfy { $0.attributes["marker-end"] == "url(#call-42-arrowhead)" })
        #expect(document.elements(named: "marker").first?.attributes["id"] == "call-42-arrowhead")
        // Column centres at 88 + 90, 88 + 270, 88 + 450.
        #expect(lines[0].attributes["x1"] == "178" && lines[0].attributes["x2"] == "358")
        #expect(lines[1].attributes["x1"] == "358" && lines[1].attributes["x2"] == "178")
        #expect(lines[2].name == "path")
        #expect(lines[2].attributes["d"] == "M358 120h36v18h-36")
        let ys = lines.filter { $0.name == "line" }.compactMap { $0.attributes["y1"].flatMap(Double.init) }
        #expect(ys == [60, 90, 165, 195])
        // The label sits above its arrow, the time at the left margin.
        let label = try #require(document.elements(named: "text").first { $0.text == "100 Trying" })
        #expect(label.attributes["y"] == "84" && label.attributes["x"] == "268")
        let time = try #require(document.elements(named: "text").first { $0.text == "+0.512 s" })
        #expect(time.attributes["x"] == "6")
        #expect(document.elements(named: "a").map { $0.attributes["href"] } == ["/messages/1"])
        #expect(document.elements(named: "g").contains { $0.attributes["class"] == "wg-arrow request" })
    }

    @Test func skipsArrowsBetweenUnknownParticipants() {
        var arrows = Self.arrows
        arrows.append(.init(from: 0, to: 7, label: "lost"))
        arrows.append(.init(from: -1, to: 0, label: "lost"))
        arrows.append(.init(from: .min, to: .max, label: "lost"))
        let document = expectWellFormedAndInert(
            LadderDiagram(title: "t", participants: Self.participants, arrows: arrows).svg()
        )
        #expect(Self.messageLines(document).count == 5)
        #expect(document.allText.contains("3 arrows between unknown participants not shown"))
        #expect(!document.allText.contains("lost"))
    }

    @Test func limitsArrowsAndParticipants() {
        let participants = (0..<70).map { "10.0.0.\($0):5060" }
        let arrows = (0..<600).map { LadderDiagram.Arrow(from: $0 % 70, to: ($0 + 1) % 70, label: "OPTIONS") }
        let document = expectWellFormedAndInert(
            LadderDiagram(title: "t", participants: participants, arrows: arrows).svg()
        )
        #expect(document.elements(named: "rect").filter { $0.attributes["class"] == "wg-header" }.count == 64)
        #expect(document.allText.contains("… 100 more"))
        // Arrows 63 → 64 … 69 → 0 (7 of every 70) touch participants beyond the limit.
        let skipped = (0..<500).filter { $0 % 70 >= 63 }.count
        #expect(Self.messageLines(document).count == 500 - skipped)
        #expect(document.allText.contains("\(skipped) arrows between unknown participants not shown"))
    }

    @Test func labelsAreCutToTheSpaceBetweenLifelines() throws {
        let long = String(repeating: "x", count: 200)
        let ladder = LadderDiagram(
            title: "t",
            participants: ["a", "b"],
            arrows: [.init(from: 0, to: 1, label: long, time: long)]
        )
        let document = SVGDocument(ladder.svg())
        let label = try #require(document.elements(named: "text").first { $0.attributes["class"] == "wg-message" })
        #expect(label.text.count == 22)
        #expect(label.text.hasSuffix("…"))
        let time = try #require(document.elements(named: "text").first { $0.attributes["class"] == "wg-time" })
        #expect(time.text.count == 10)
    }

    @Test func hostileTextInEverySlot() {
        for hostile in Hostile.all + [Hostile.huge, Hostile.zalgo] {
            let ladder = LadderDiagram(
                title: hostile,
                participants: [hostile, hostile],
                arrows: [
                    .init(from: 0, to: 1, label: hostile, time: hostile, cssClass: hostile, link: hostile),
                    .init(
                        from: 1,
                        to: 1,
                        label: hostile,
                        time: hostile,
                        cssClass: hostile,
                        link: Hostile.javascriptLink
                    ),
                ],
                identifier: hostile
            )
            let document = expectWellFormedAndInert(ladder.svg())
            #expect(document.elements(named: "a").isEmpty)
        }
    }

    @Test func emptyDiagram() {
        expectWellFormedAndInert(LadderDiagram(title: "", participants: [], arrows: []).svg())
        expectWellFormedAndInert(
            LadderDiagram(
                title: "",
                participants: [],
                arrows: [.init(from: 0, to: 0, label: "x")],
                limits: GraphicsLimits(maximumArrows: -4)
            ).svg()
        )
    }
}
