/// Attacker-controlled strings the graphics must render inert.
enum Hostile {
    /// Markup that would run script if it reached the page unescaped.
    static let script = "<script>alert(1)</script>"
    /// An attribute breakout.
    static let breakout = "\"><img src=x onerror=alert(1)>"
    /// A single-quoted attribute breakout with an event handler.
    static let singleQuote = "' onmouseover='alert(1)"
    /// A script link.
    static let javascriptLink = "javascript:alert(1)"
    /// Control characters, a bidi override and XML-invalid non-characters.
    static let controls = "a\u{0}b\u{1B}[31mc\u{7F}d\u{85}e\u{202E}f\u{FFFE}g"
    /// Every hostile text at once.
    static let all = [Self.script, Self.breakout, Self.singleQuote, Self.javascriptLink, Self.controls]
    /// Links that must be dropped.
    static let links = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "//evil.example/x", "/\\evil.example", "/\t/evil.example",
        "data:text/html,<script>alert(1)</script>", "https://evil.example/", " /x", "/x\u{0}y", "",
    ]
    /// A huge label.
    static let huge = String(repeating: "A<", count: 200_000)
    /// One grapheme cluster of many combining marks.
    static let zalgo = "Z" + String(repeating: "\u{0301}", count: 50_000)

    /// The raw markup fragments that must never appear in output.
    /// (`onerror=` may appear as escaped text; the parsed document shows it is not an attribute.)
    static let rawFragments = ["<script", "<img", "<iframe", "<foreignobject", "' on"]

    /// The fragments of `fragments` that occur in `svg`, compared case-insensitively.
    static func rawFragments(in svg: String) -> [String] {
        let lowered = svg.lowercased()
        return Self.rawFragments.filter { lowered.contains($0) }
    }
}
