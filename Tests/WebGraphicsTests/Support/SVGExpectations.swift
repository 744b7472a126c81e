import Testing

/// Records an issue unless `svg` is well-formed XML with an `svg` root and no unsafe element, attribute or link.
/// Returns the parsed document for further checks.
@discardableResult
func expectWellFormedAndInert(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> SVGDocument {
    let document = SVGDocument(svg)
    #expect(
        document.error == nil,
        "not well-formed: \(String(describing: document.error))",
        sourceLocation: sourceLocation
    )
    #expect(document.elements.first?.name == "svg", sourceLocation: sourceLocation)
    #expect(document.elements.first?.attributes["role"] == "img", sourceLocation: sourceLocation)
    #expect(document.elements.first?.attributes["aria-label"] != nil, sourceLocation: sourceLocation)
    #expect(document.elements.dropFirst().first?.name == "title", sourceLocation: sourceLocation)
    #expect(document.safetyProblems == [], sourceLocation: sourceLocation)
    #expect(Hostile.rawFragments(in: svg) == [], sourceLocation: sourceLocation)
    return document
}
