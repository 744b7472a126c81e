import Recon
import Testing

@Suite struct ReportRendererTests {
    @Test func textEscapingRemovesControlCharacters() {
        let escaped = ReportRenderer.escapeText("e\u{1B}[2J\r\n\u{7F}é")
        #expect(escaped == "e\\x1b[2J\\x0d\\x0a\\x7f\\xc3\\xa9")
        #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(ReportRenderer.escapeText(String(repeating: "a", count: 100)).count == ReportRenderer.maximumCellWidth)
    }

    @Test func jsonEscapingCoversHTMLAndControls() {
        #expect(
            ReportRenderer.jsonString("<script>&\"\\\n\u{01}") == "\"\\u003cscript\\u003e\\u0026\\\"\\\\\\n\\u0001\""
        )
    }
}
