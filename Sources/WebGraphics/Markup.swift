/// Escaping and truncation for text that reaches HTML or SVG.
///
/// Every string a chart draws may come from an attacker (a SIP User-Agent, a URI, a host name), so it passes
/// through ``text(_:)`` before it reaches the markup, whether as element text or as a double-quoted attribute
/// value. The web interface reuses these functions for its HTML pages.
public enum Markup {
    /// The replacement character that stands for every control character.
    public static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    /// Escapes `string` for HTML/SVG element text and double- or single-quoted attribute values.
    ///
    /// `&`, `<`, `>`, `"` and `'` become entities; the C0 controls (U+0000–U+001F) other than tab and newline,
    /// DEL (U+007F), the C1 controls (U+0080–U+009F), the non-characters U+FFFE and U+FFFF (not allowed in XML)
    /// and the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069, which
    /// can make text display in an order other than its logical one) become U+FFFD. Everything else is kept.
    /// The result never contains a raw `<`, `>`, `"`, `'` or `&` that does not start an entity.
    public static func text(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if Self.isReplaced(scalar) {
                    result.unicodeScalars.append(Self.replacementCharacter)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Shortens `string` to at most `maxCharacters` characters, the last being `…` when it was cut.
    ///
    /// Characters are grapheme clusters; so that one cluster of thousands of combining marks cannot defeat the
    /// bound, the result also holds at most `4 × maxCharacters` Unicode scalars. A `maxCharacters` of zero or
    /// less gives the empty string. A string within both bounds is returned unchanged.
    public static func truncated(_ string: String, to maxCharacters: Int) -> String {
        guard maxCharacters > 0 else {
            return ""
        }
        let scalarBudget = maxCharacters > Int.max / 4 ? Int.max : maxCharacters * 4
        var characters = 0
        var scalars = 0
        var index = string.startIndex
        // The end of the longest prefix that leaves room for the ellipsis.
        var cut = string.startIndex
        while index < string.endIndex {
            let character = string[index]
            let size = character.unicodeScalars.count
            if characters + 1 > maxCharacters || scalars + size > scalarBudget {
                return String(string[string.startIndex..<cut]) + "…"
            }
            characters += 1
            scalars += size
            index = string.index(after: index)
            if characters <= maxCharacters - 1 && scalars <= scalarBudget - 1 {
                cut = index
            }
        }
        return string
    }

    /// Whether `scalar` is replaced by U+FFFD in ``text(_:)``.
    static func isReplaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
