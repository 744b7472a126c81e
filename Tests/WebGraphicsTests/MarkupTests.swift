import Testing

@testable import WebGraphics

@Suite struct MarkupTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(Markup.text("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(Markup.text(Hostile.script) == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(Markup.text(Hostile.breakout) == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
    }

    @Test func replacesControlCharactersButKeepsTabAndNewline() {
        #expect(Markup.text("a\tb\nc") == "a\tb\nc")
        #expect(Markup.text("a\u{0}b\rc\u{1F}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        #expect(Markup.text("\u{7F}\u{80}\u{9F}\u{A0}") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{A0}")
        #expect(Markup.text("x\u{202E}y\u{2066}z\u{FFFE}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
    }

    @Test func keepsOrdinaryUnicode() {
        #expect(Markup.text("Zürich → 東京 😀") == "Zürich → 東京 😀")
        #expect(Markup.text("") == "")
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(Markup.truncated("abcdef", to: 4) == "abc…")
        #expect(Markup.truncated("abcd", to: 4) == "abcd")
        #expect(Markup.truncated("abcde", to: 1) == "…")
        #expect(Markup.truncated("abc", to: 0) == "")
        #expect(Markup.truncated("abc", to: -5) == "")
        #expect(Markup.truncated("🇫🇷🇩🇪🇮🇹", to: 2) == "🇫🇷…")
    }

    @Test func truncationBoundsHugeAndCombiningInput() {
        let huge = Markup.truncated(Hostile.huge, to: 64)
        #expect(huge.count == 64)
        #expect(huge.hasSuffix("…"))
        let zalgo = Markup.truncated(Hostile.zalgo, to: 10)
        #expect(zalgo.unicodeScalars.count <= 40)
        #expect(zalgo.hasSuffix("…"))
    }

    @Test(arguments: ["/", "/calls/42", "/sources/198.51.100.7?tab=flow#x", "/a%20b"])
    func acceptsRelativeLinks(_ link: String) {
        #expect(Markup.relativeLink(link) == link)
    }

    @Test(arguments: Hostile.links)
    func refusesOtherLinks(_ link: String) {
        #expect(Markup.relativeLink(link) == nil)
    }

    @Test func refusesOverlongLinks() {
        #expect(Markup.relativeLink("/" + String(repeating: "a", count: 600)) == nil)
        #expect(Markup.relativeLink("/abc", maxLength: 3) == nil)
        #expect(Markup.relativeLink("/abc", maxLength: 4) == "/abc")
    }

    @Test func sanitisesClassesAndIdentifiers() {
        #expect(Markup.cssClass("state-normal") == "state-normal")
        #expect(Markup.cssClass("a b  c") == "a b c")
        #expect(Markup.cssClass("x\" onclick=\"y") == "x onclicky")
        #expect(Markup.cssClass("<>\"'") == nil)
        #expect(Markup.cssClass("a b c d e f") == "a b c d")
        #expect(Markup.identifier("ladder-1") == "ladder-1")
        #expect(Markup.identifier("1\"><x") == "wg1x")
        #expect(Markup.identifier("") == "wg")
    }
}
