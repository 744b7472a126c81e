/// Writes SVG markup into one string, escaping every attribute value and every text node.
///
/// Element and attribute names are the module's own literals; values and text go through ``Markup/text(_:)``,
/// so nothing a caller passes can open an element or an attribute. Elements are closed in order by
/// ``close()`` and ``finish()``, so the output is always well-formed XML.
struct SVGBuilder {
    /// An attribute list: `nil` values are left out.
    typealias Attributes = KeyValuePairs<String, String?>

    /// The smallest and largest width or height a caller may ask for, in pixels.
    static let sizeRange: ClosedRange<Double> = 16...16_384
    /// The largest width or height of a graphic whose size follows from its (bounded) content, in pixels.
    static let maximumCanvas: Double = 1_000_000
    /// The average advance of one character at the 12 px font size the layouts assume.
    static let characterWidth: Double = 7.5
    /// The font size of the layouts, in pixels.
    static let fontSize: Double = 12

    private var output: String
    private var openElements: [String]

    /// Starts an `<svg>` root of `width` × `height` (clamped to 1...``maximumCanvas``) with `role="img"`, an
    /// `aria-label` and a `<title>` holding `title`, and the class list `wg-chart` plus `cssClass`.
    init(width: Double, height: Double, title: String, cssClass: String, limits: GraphicsLimits) {
        self.output = ""
        self.openElements = []
        self.output.reserveCapacity(4096)
        let width = width.isNaN ? 1 : min(max(width, 1), Self.maximumCanvas)
        let height = height.isNaN ? 1 : min(max(height, 1), Self.maximumCanvas)
        let label = Markup.truncated(title, to: limits.maximumLabelLength)
        self.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg",
                "class": "wg-chart " + cssClass,
                "viewBox": "0 0 " + width.svg + " " + height.svg,
                "width": width.svg,
                "height": height.svg,
                "role": "img",
                "aria-label": label,
                "font-family": "sans-serif",
                "font-size": Self.fontSize.svg,
            ]
        )
        self.element("title", [:], text: label)
    }

    /// A size clamped to ``sizeRange``; NaN is the lower bound.
    static func clampSize(_ value: Double) -> Double {
        guard !value.isNaN else {
            return Self.sizeRange.lowerBound
        }
        return min(max(value, Self.sizeRange.lowerBound), Self.sizeRange.upperBound)
    }

    /// Opens `name` with `attributes`; ``close()`` ends it.
    mutating func open(_ name: String, _ attributes: Attributes) {
        self.writeStartTag(name, attributes)
        self.output += ">"
        self.openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = self.openElements.popLast() else {
            return
        }
        self.output += "</" + name + ">"
    }

    /// A complete element: empty (`<rect …/>`) without `text`, otherwise holding the escaped `text`.
    mutating func element(_ name: String, _ attributes: Attributes, text: String? = nil) {
        self.writeStartTag(name, attributes)
        guard let text else {
            self.output += "/>"
            return
        }
        self.output += ">" + Markup.text(text) + "</" + name + ">"
    }

    /// Escaped text inside the innermost open element.
    mutating func text(_ text: String) {
        self.output += Markup.text(text)
    }

    /// Closes every open element and returns the markup.
    mutating func finish() -> String {
        while !self.openElements.isEmpty {
            self.close()
        }
        return self.output
    }

    private mutating func writeStartTag(_ name: String, _ attributes: Attributes) {
        self.output += "<" + name
        for (attribute, value) in attributes {
            guard let value else {
                continue
            }
            self.output += " " + attribute + "=\"" + Markup.text(value) + "\""
        }
    }
}
