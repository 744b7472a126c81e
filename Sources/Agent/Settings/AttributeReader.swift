/// Reads typed values out of a list of entries, rejecting unknown keys and bad values with their position.
public struct AttributeReader: Sendable {
    /// The file name used in errors.
    public let fileName: String
    /// The entries being read.
    public let entries: [AttributeDocument.Entry]
    /// The keys this reader accepts.
    public let known: Set<String>

    /// A reader over `entries` that accepts only `known` keys (checked by ``checkKeys()``).
    public init(fileName: String, entries: [AttributeDocument.Entry], known: Set<String>) {
        self.fileName = fileName
        self.entries = entries
        self.known = known
    }

    /// Throws at the first key not in ``known``.
    public func checkKeys() throws(SettingsError) {
        for entry in self.entries where !self.known.contains(entry.key) {
            throw SettingsError(
                file: self.fileName,
                line: entry.line,
                column: entry.keyColumn,
                message: "unknown attribute '\(entry.key)'"
            )
        }
    }

    /// Every entry with this key.
    public func all(_ key: String) -> [AttributeDocument.Entry] {
        self.entries.filter { $0.key == key }
    }

    /// The single entry with this key; throws if it appears twice.
    public func entry(_ key: String) throws(SettingsError) -> AttributeDocument.Entry? {
        let found = self.all(key)
        if found.count > 1 {
            throw self.error(found[1], "attribute '\(key)' given more than once")
        }
        return found.first
    }

    /// The string value of `key`, or `nil`.
    public func string(_ key: String) throws(SettingsError) -> String? {
        try self.entry(key)?.value
    }

    /// The string value of `key`; throws when it is missing.
    public func required(_ key: String, in owner: AttributeDocument.Entry? = nil) throws(SettingsError) -> String {
        guard let value = try self.string(key) else {
            throw SettingsError(
                file: self.fileName,
                line: owner?.line ?? 1,
                column: owner?.keyColumn ?? 1,
                message: "missing attribute '\(key)'"
            )
        }
        return value
    }

    /// The integer value of `key` within `range`, or `nil`.
    public func integer(_ key: String, in range: ClosedRange<Int>) throws(SettingsError) -> Int? {
        guard let entry = try self.entry(key) else { return nil }
        guard let value = Int(entry.value), range.contains(value) else {
            throw self.error(entry, "'\(key)' must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A duration written as seconds (`30`, `1.5`) with an optional `s` or `ms` suffix, or `nil`.
    public func duration(_ key: String, max: Double = 86_400) throws(SettingsError) -> Duration? {
        guard let entry = try self.entry(key) else { return nil }
        var text = Substring(entry.value)
        var scale = 1.0
        if text.hasSuffix("ms") {
            text = text.dropLast(2)
            scale = 0.001
        } else if text.hasSuffix("s") {
            text = text.dropLast()
        }
        guard let number = Double(text.trimmingCharacters()), number >= 0, number * scale <= max else {
            throw self.error(entry, "'\(key)' must be a duration such as 30, 2.5s or 500ms (at most \(Int(max)) s)")
        }
        return .milliseconds(Int64((number * scale * 1000).rounded()))
    }

    /// A yes/no value, or `nil`.
    public func bool(_ key: String) throws(SettingsError) -> Bool? {
        guard let entry = try self.entry(key) else { return nil }
        switch entry.value.lowercased() {
        case "yes", "true", "on", "1": return true
        case "no", "false", "off", "0": return false
        default: throw self.error(entry, "'\(key)' must be yes or no")
        }
    }

    /// A comma-separated list, items trimmed, empties dropped.
    public func list(_ key: String) throws(SettingsError) -> [String]? {
        guard let value = try self.string(key) else { return nil }
        return value.split(separator: ",").map { String($0.trimmingCharacters()) }.filter { !$0.isEmpty }
    }

    /// An error at an entry's value.
    public func error(_ entry: AttributeDocument.Entry, _ message: String) -> SettingsError {
        SettingsError(file: self.fileName, line: entry.line, column: entry.valueColumn, message: message)
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}

extension String {
    func trimmingBlanks() -> String { String(Substring(self).trimmingCharacters()) }
}
