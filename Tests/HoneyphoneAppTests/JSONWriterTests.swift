import Reporting
import Testing

@testable import HoneyphoneApp

@Suite struct JSONWriterTests {
    @Test func escapesEverythingDangerous() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", "q\"b\\n\n\r\t\u{0}\u{1F}<>&\u{2028}é")
        w.field("n", nil as Int?)
        w.key("l")
        w.beginArray()
        w.int(1)
        w.bool(false)
        w.endArray()
        w.endObject()
        #expect(
            w.output
                == #"{"a":"q\"b\\n\n\r\t\u0000\u001f\u003c\u003e\u0026\u2028é","n":null,"l":[1,false]}"#
        )
    }
}
