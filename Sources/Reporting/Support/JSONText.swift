/// A small JSON writer with a fixed key order, for events and export files.
///
/// Every string is escaped per RFC 8259 §7: quotes, backslashes and every control character (NUL included),
/// plus DEL, U+2028, U+2029 and `<`, `>`, `&` as `\u` escapes, so that attacker text stays inert when an event is
/// embedded in HTML, JavaScript or a log viewer. Invalid UTF-8 never reaches it: strings are decoded from bytes
/// with replacement (``lossyString(_:maxBytes:)``).
package struct JSONText {
    /// The text written so far.
    package private(set) var output: String = ""
    private var needsComma: [Bool] = [false]

    /// An empty writer.
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

    /// Opens an object.
    package mutating func beginObject() {
        self.separator()
        self.output += "{"
        self.needsComma.append(false)
    }

    /// Closes an object.
    package mutating func endObject() {
        self.needsComma.removeLast()
        self.output += "}"
        self.needsComma[self.needsComma.count - 1] = true
    }

    /// Opens an array.
    package mutating func beginArray() {
        self.separator()
        self.output += "["
        self.needsComma.append(false)
    }

    /// Closes an array.
    package mutating func endArray() {
        self.needsComma.removeLast()
        self.output += "]"
        self.needsComma[self.needsComma.count - 1] = true
    }

    /// A string value, or `null`.
    package mutating func string(_ value: String?) {
        self.separator()
        if let value { Self.appendString(value, to: &self.output) } else { self.output += "null" }
    }

    /// An integer value, or `null`.
    package mutating func int(_ value: Int64?) {
        self.separator()
        self.output += value.map { String($0) } ?? "null"
    }

    /// An integer value, or `null`.
    package mutating func int(_ value: Int?) {
        self.int(value.map { Int64($0) })
    }

    /// `null`.
    package mutating func null() {
        self.separator()
        self.output += "null"
    }

    /// A finite double in its shortest round-trip form; `null` for NaN, infinities and `nil`.
    package mutating func double(_ value: Double?) {
        self.separator()
        if let value, value.isFinite { self.output += String(value) } else { self.output += "null" }
    }

    /// `true` or `false`.
    package mutating func bool(_ value: Bool) {
        self.separator()
        self.output += value ? "true" : "false"
    }

    /// Text that is already JSON (a value rendered by the application), written as it is.
    package mutating func raw(_ json: String) {
        self.separator()
        self.output += json
    }

    /// `"key":"value"` (or `null`).
    package mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        self.string(value)
    }

    /// `"key":123` (or `null`).
    package mutating func field(_ key: String, _ value: Int64?) {
        self.key(key)
        self.int(value)
    }

    /// `"key":0.93` (or `null`).
    package mutating func field(_ key: String, _ value: Int?) {
        self.field(key, value.map { Int64($0) })
    }

    /// `"key":` and a number or `null`.
    package mutating func field(_ key: String, _ value: Double?) {
        self.key(key)
        self.double(value)
    }

    /// `"key":true`.
    package mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        self.bool(value)
    }

    /// Appends `text` as a JSON string literal.
    package static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{7F}", "\u{2028}", "\u{2029}":
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

    /// `text` as a JSON string literal.
    package static func quoted(_ text: String) -> String {
        var out = ""
        Self.appendString(text, to: &out)
        return out
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Text from bytes: invalid UTF-8 becomes U+FFFD, and at most `maxBytes` input bytes are decoded (cut at a
/// scalar boundary, so the result never ends in a replacement for a scalar that was cut).
package func lossyString(_ bytes: some Collection<UInt8>, maxBytes: Int) -> String {
    guard bytes.count > maxBytes else { return String(decoding: bytes, as: UTF8.self) }
    let prefix = Array(bytes.prefix(max(0, maxBytes)))
    var end = prefix.count
    // Find the lead byte of the last scalar; drop it when its sequence runs past the cut.
    var index = end - 1
    while index >= 0, end - index < 4, prefix[index] & 0xC0 == 0x80 { index -= 1 }
    if index >= 0 {
        let lead = prefix[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        if index + length > end { end = index }
    }
    return String(decoding: prefix[..<end], as: UTF8.self)
}

/// `text` cut to at most `maxBytes` UTF-8 bytes at a scalar boundary.
package func truncatedUTF8(_ text: String, maxBytes: Int) -> String {
    if text.utf8.count <= maxBytes { return text }
    var result = ""
    var used = 0
    for scalar in text.unicodeScalars {
        let width = scalar.utf8.count
        if used + width > maxBytes { break }
        used += width
        result.unicodeScalars.append(scalar)
    }
    return result
}
