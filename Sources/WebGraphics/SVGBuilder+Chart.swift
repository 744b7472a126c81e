// Pieces that several charts share: legends, notes about left-out items, the "no data" message, links.

extension SVGBuilder {
    /// One legend entry: the swatch's class list and the (untrusted) name.
    struct LegendEntry {
        /// The class list of the swatch.
        var cssClass: String
        /// The name written beside the swatch.
        var name: String
    }

    /// The number of characters that fit in `width` pixels at the layouts' font size (at least `minimum`).
    static func characters(fitting width: Double, minimum: Int = 1) -> Int {
        guard width.isFinite, width > 0 else {
            return minimum
        }
        return max(minimum, Int(min(width, 1e6) / Self.characterWidth))
    }

    /// The width in pixels that `text` takes at the layouts' font size (an estimate: no font metrics here).
    static func width(of text: String) -> Double {
        Double(text.count) * Self.characterWidth
    }

    /// A one-line legend starting at (`x`, `y`) (text baseline) that stops before `maxX`; entries that do
    /// not fit are counted in a "… N more" note.
    mutating func legend(_ entries: [LegendEntry], x: Double, y: Double, maxX: Double, limits: GraphicsLimits) {
        var cursor = x
        for (index, entry) in entries.enumerated() {
            let name = Markup.truncated(entry.name, to: min(24, limits.maximumLabelLength))
            let advance = 14 + Self.width(of: name) + 14
            let remaining = entries.count - index
            if cursor + advance > maxX && !(index == 0 && remaining == 1) {
                self.element(
                    "text",
                    ["class": "wg-note", "x": cursor.svg, "y": y.svg],
                    text: "… \(remaining) more"
                )
                return
            }
            self.open("g", ["class": "wg-legend-entry"])
            self.element(
                "rect",
                ["class": entry.cssClass, "x": cursor.svg, "y": (y - 9).svg, "width": "10", "height": "10"]
            )
            self.element("text", ["x": (cursor + 14).svg, "y": y.svg], text: name)
            self.close()
            cursor += advance
        }
    }

    /// A note in the `wg-note` class, e.g. "… 12 more".
    mutating func note(_ text: String, x: Double, y: Double, anchor: String = "start") {
        self.element("text", ["class": "wg-note", "x": x.svg, "y": y.svg, "text-anchor": anchor], text: text)
    }

    /// A `text` element holding `text`, inside `<a href>` when `link` is a safe relative link
    /// (``Markup/relativeLink(_:maxLength:)``); unsafe links are dropped and the text stays plain.
    mutating func linkedText(
        _ text: String,
        link: String?,
        limits: GraphicsLimits,
        _ attributes: Attributes
    ) {
        if let link, let safe = Markup.relativeLink(link, maxLength: limits.maximumLinkLength) {
            self.open("a", ["href": safe])
            self.element("text", attributes, text: text)
            self.close()
        } else {
            self.element("text", attributes, text: text)
        }
    }
}
