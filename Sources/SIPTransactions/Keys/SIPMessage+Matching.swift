import SIPCore

// The raw header text the transaction layer compares and copies: the top Via entry as it was sent (RFC 2543
// matching, §17.2.3, and the ACK of §17.1.1.3 need the header "equal to" the request's, not a re-serialization).

extension SIPMessage {
    /// The first Via entry, exactly as sent: the first Via field's value up to its first comma that is
    /// outside a quoted string (a field may carry several entries, §7.3.1). `nil` without a Via field.
    var topViaText: String? {
        guard let field = self.headerFields.first(where: { $0.name == .via }) else { return nil }
        return Self.firstListElement(of: self.value(of: field))
    }

    /// The raw values of every field with this name, in order.
    func rawValues(_ name: SIPHeaderName) -> [String] {
        self.headerFields.compactMap { $0.name == name ? self.value(of: $0) : nil }
    }

    /// `value` up to its first top-level comma, without surrounding white space.
    static func firstListElement(of value: String) -> String {
        var inQuotes = false
        var escaped = false
        var end = value.utf8.endIndex
        for index in value.utf8.indices {
            let byte = value.utf8[index]
            if escaped {
                escaped = false
            } else if inQuotes && byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && byte == UInt8(ascii: ",") {
                end = index
                break
            }
        }
        let element = value.utf8[value.utf8.startIndex..<end]
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = element.firstIndex(where: { !isSpace($0) }),
            let last = element.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(Substring(element[first...last]))
    }
}
