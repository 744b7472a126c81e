/// A parsed `attribute: value` file: the grammar of the paper's environment settings (section VI-A), also used
/// for personas.
///
/// ```
/// file    = { line } ;
/// line    = ( blank | comment | entry ) , newline ;
/// comment = { " " } , "#" , { any character } ;           (* whole lines only: values may contain "#" *)
/// entry   = indent , key , { " " } , ":" , [ " " , value ] ;
/// indent  = { " " | tab } ;                                (* indented entries belong to the last unindented one *)
/// key     = letter , { letter | digit | "-" | "_" | "." } ;
/// value   = { any character but newline } ;                (* leading and trailing blanks are removed *)
/// ```
///
/// An unindented entry may own a block of indented entries (an account's credentials under its `uri:`). The
/// document keeps every entry's line and column so that each later check reports `file:line:column`.
public struct AttributeDocument: Sendable, Hashable {
    /// One `key: value` line and, for an unindented line, the indented lines under it.
    public struct Entry: Sendable, Hashable {
        /// The key, as written.
        public var key: String
        /// The value, trimmed.
        public var value: String
        /// The 1-based line.
        public var line: Int
        /// The 1-based column of the key.
        public var keyColumn: Int
        /// The 1-based column of the value (just after the colon when the value is empty).
        public var valueColumn: Int
        /// Indented entries under this one.
        public var children: [Entry]
    }

    /// The file name used in errors.
    public var fileName: String
    /// The unindented entries, in order.
    public var entries: [Entry]

    /// The most lines a file may have, and the longest line.
    public static let maximumLines = 10_000
    public static let maximumLineLength = 4_096

    /// Parses `text`; `fileName` is used in errors.
    public init(parsing text: String, fileName: String) throws(SettingsError) {
        self.fileName = fileName
        self.entries = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split on both forms.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            guard lineNumber <= Self.maximumLines else {
                throw SettingsError(file: fileName, line: lineNumber, column: 1, message: "too many lines")
            }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            guard line.utf8.count <= Self.maximumLineLength else {
                throw SettingsError(
                    file: fileName,
                    line: lineNumber,
                    column: 1,
                    message: "line longer than \(Self.maximumLineLength) bytes"
                )
            }
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" })
            let content = line.dropFirst(indent.count)
            if content.allSatisfy({ $0 == " " || $0 == "\t" }) || content.hasPrefix("#") { continue }
            guard let colon = content.firstIndex(of: ":") else {
                throw SettingsError(
                    file: fileName,
                    line: lineNumber,
                    column: indent.count + 1,
                    message: "expected 'attribute: value'"
                )
            }
            let key = content[..<colon].trimmingTrailingBlanks()
            guard let first = key.first, first.isLetter,
                key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
            else {
                throw SettingsError(
                    file: fileName,
                    line: lineNumber,
                    column: indent.count + 1,
                    message: "invalid attribute name '\(String(key).prefix(40))'"
                )
            }
            let afterColon = content[content.index(after: colon)...]
            let leading = afterColon.prefix(while: { $0 == " " || $0 == "\t" })
            let value = afterColon.dropFirst(leading.count).trimmingTrailingBlanks()
            let valueColumn = indent.count + content.distance(from: content.startIndex, to: colon) + 2 + leading.count
            let entry = Entry(
                key: String(key),
                value: String(value),
                line: lineNumber,
                keyColumn: indent.count + 1,
                valueColumn: valueColumn,
                children: []
            )
            if indent.isEmpty {
                self.entries.append(entry)
            } else {
                guard !self.entries.isEmpty else {
                    throw SettingsError(
                        file: fileName,
                        line: lineNumber,
                        column: 1,
                        message: "indented attribute without an attribute above it"
                    )
                }
                self.entries[self.entries.count - 1].children.append(entry)
            }
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingBlanks() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
