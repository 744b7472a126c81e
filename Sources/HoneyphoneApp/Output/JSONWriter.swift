/// A small streaming JSON writer with a fixed key order (reports are read by people and diffed by tools).
///
/// Every string is escaped per RFC 8259 §7: quotes, backslashes and every control character, plus U+2028 and
/// U+2029 and `<`, `>`, `&` as `\u` escapes so that attacker text stays inert if a report is embedded in HTML
/// or JavaScript.
package struct JSONWriter {
    package private(set) var output: String = ""
    private var needsComma: [Bool] = [false]

    package init() {}

    private mutating func separator() {
        if self.needsComma[self.needsComma.count - 1] { self.output += "," }
        self.needsComma[self.needsComma.count - 1] = true
    }

    /// Writes `"key":` inside an object.
    package mutating func key(_ key: String) {
        self.separator()
        Self.appendString(key, to: &self.output)
        self.output += ":"
        self.needsComma[self.needsComma.count - 1] = false
    }

    package mutating func beginObject() {
        self.separator()
        self.output += "{"
        self.needsComma.append(false)
    }

    package mutating func endObject() {
        self.needsComma.removeLast()
        self.output += "}"
        self.needsComma[self.needsComma.count - 1] = true
    }

    package mutating func beginArray() {
        self.separator()
        self.output += "["
        self.needsComma.append(false)
    }

    package mutating func endArray() {
        self.needsComma.removeLast()
        self.output += "]"
        self.needsComma[self.needsComma.count - 1] = true
    }

    package mutating func string(_ value: String?) {
        self.separator()
        if let value { Self.appendString(value, to: &self.output) } else { self.output += "null" }
    }

    package mutating func int(_ value: Int?) {
        self.separator()
        self.output += value.map { String($0) } ?? "null"
    }

    package mutating func double(_ value: Double?) {
        self.separator()
        if let value, value.isFinite { self.output += String(value) } else { self.output += "null" }
    }

    package mutating func bool(_ value: Bool) {
        self.separator()
        self.output += value ? "true" : "false"
    }

    package mutating func null() {
        self.separator()
        self.output += "null"
    }

    package mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        self.string(value)
    }

    package mutating func field(_ key: String, _ value: Int?) {
        self.key(key)
        self.int(value)
    }

    package mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        self.bool(value)
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{7F}":
                out += Self.unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    out += Self.unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
