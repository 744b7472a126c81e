import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG string parsed with `XMLParser`: the elements in document order with their attributes and text, or the
/// parse error. Tests use it to check that output is well-formed and inert.
final class SVGDocument: NSObject, XMLParserDelegate {
    /// One element.
    struct Element {
        /// The element's name.
        var name: String
        /// The attributes.
        var attributes: [String: String]
        /// The text directly inside the element.
        var text: String
        /// The names of the enclosing elements, outermost first.
        var ancestors: [String]
        /// The `class` attributes of the enclosing elements, outermost first (empty for none).
        var ancestorClasses: [String]
    }

    /// Elements that must never appear in a graphic.
    static let forbiddenElements: Set<String> = [
        "script", "img", "foreignobject", "iframe", "object", "embed", "style", "image", "use", "animate", "set",
        "handler", "listener",
    ]

    /// The elements in document order.
    private(set) var elements: [Element] = []
    /// The parser's error, `nil` when the document is well-formed.
    private(set) var error: (any Error)?
    private var stack: [Int] = []

    /// Parses `svg`.
    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() {
            self.error = parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
    }

    /// Whether the document parsed.
    var isWellFormed: Bool { self.error == nil && !self.elements.isEmpty }

    /// The elements called `name`.
    func elements(named name: String) -> [Element] {
        self.elements.filter { $0.name == name }
    }

    /// Every text node, joined with newlines.
    var allText: String {
        self.elements.map(\.text).joined(separator: "\n")
    }

    /// The problems that make the document unsafe: forbidden elements, event-handler attributes, links that are
    /// not relative, `style` attributes, classes and ids with characters other than `[A-Za-z0-9_ -]`.
    var safetyProblems: [String] {
        var problems: [String] = []
        for element in self.elements {
            if Self.forbiddenElements.contains(element.name.lowercased()) {
                problems.append("element \(element.name)")
            }
            for (name, value) in element.attributes {
                let lowered = name.lowercased()
                if lowered.hasPrefix("on") {
                    problems.append("attribute \(name) on \(element.name)")
                }
                if lowered == "style" {
                    problems.append("style attribute on \(element.name)")
                }
                if lowered == "href" || lowered.hasSuffix(":href") {
                    if !value.hasPrefix("/") || value.hasPrefix("//") || value.contains("\\") {
                        problems.append("link \(value)")
                    }
                }
                if lowered == "class" || lowered == "id" {
                    let allowed = value.unicodeScalars.allSatisfy { scalar in
                        scalar.isASCII
                            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                                || scalar == "-" || scalar == "_" || scalar == " ")
                    }
                    if !allowed {
                        problems.append("\(name)=\(value) on \(element.name)")
                    }
                }
            }
        }
        return problems
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let ancestors = self.stack.map { self.elements[$0].name }
        let classes = self.stack.map { self.elements[$0].attributes["class"] ?? "" }
        self.elements.append(
            Element(
                name: elementName,
                attributes: attributeDict,
                text: "",
                ancestors: ancestors,
                ancestorClasses: classes
            )
        )
        self.stack.append(self.elements.count - 1)
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        _ = self.stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = self.stack.last {
            self.elements[last].text += string
        }
    }
}
