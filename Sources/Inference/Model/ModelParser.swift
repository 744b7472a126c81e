/// Reads the model text format (version 1) into an ``InferenceModel``.
///
/// The format is line-based `attribute: value`; `#` starts a comment that runs to the end of the line; blank
/// lines are ignored. The first attribute must be `honeyphone-model: 1`. Then come blocks, each opened by a
/// `node: <Name>` or `markov: <Name>` line:
///
/// ```text
/// node: <Name>                      # a node of the tree
/// states: <s1>, <s2>, …             # at least two, distinct
/// parent: <Name>                    # absent on the root only
/// prior: <w1>, <w2>, …              # the root only: non-negative weights, normalised on load
/// row: <parent state> = <p1>, …     # one per parent state: P(node = j | parent = <state>), sums to 1
/// intervals: <b1>, <b2>, …          # optional: inclusive upper bounds for continuous observations
/// threshold: <state> = <t>          # the root only: flag <state> when its belief reaches t
///
/// markov: <Name>                    # the Markov chain over hosts, running on node <Name>
/// initial: <w1>, <w2>, …            # optional: the first host's pre-belief (uniform if absent)
/// row: <state> = <p1>, …            # one per state: the transition row M[state]
/// ```
///
/// Names and states are runs of printable ASCII without whitespace, `,`, `=`, `:` or `#`. Errors carry the
/// 1-based line and column (columns count UTF-8 bytes).
public enum ModelParser {
    /// Parses `text`, validating it completely (see ``InferenceError/Code`` for every rejection).
    public static func parse(_ text: String) throws(InferenceError) -> InferenceModel {
        var state = Assembly()
        var sawVersion = false
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let line = try Line(Array(rawLine), number: lineNumber) else {
                continue
            }
            if !sawVersion {
                guard line.key == "honeyphone-model" else {
                    throw .unsupportedVersion("the model must start with 'honeyphone-model: 1'", line: lineNumber)
                }
                guard Int(line.value.text) == InferenceModel.formatVersion else {
                    throw .unsupportedVersion(
                        "version '\(line.value.text)' is not supported; this reader knows version 1",
                        line: lineNumber,
                        column: line.value.column
                    )
                }
                sawVersion = true
                continue
            }
            try state.accept(line)
        }
        guard sawVersion else {
            throw .unsupportedVersion("the model must start with 'honeyphone-model: 1'", line: max(1, lineNumber))
        }
        return try state.finish()
    }
}

extension ModelParser {
    /// A piece of a line with its 1-based starting column.
    struct Token {
        /// The text of the piece.
        var text: String
        /// The 1-based column (in UTF-8 bytes) where it starts.
        var column: Int
    }

    /// One significant line: `key: value` with comments and surrounding blanks removed.
    struct Line {
        /// The 1-based line number.
        var number: Int
        /// The attribute name.
        var key: String
        /// The column where the attribute name starts.
        var keyColumn: Int
        /// The value, trimmed, comment removed.
        var value: Token

        /// `nil` for blank and comment-only lines.
        init?(_ bytes: [UInt8], number: Int) throws(InferenceError) {
            var end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            while end > 0, Self.isBlank(bytes[end - 1]) {
                end -= 1
            }
            var start = 0
            while start < end, Self.isBlank(bytes[start]) {
                start += 1
            }
            guard start < end else {
                return nil
            }
            guard let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")) else {
                throw .syntax("expected 'attribute: value'", line: number, column: start + 1)
            }
            var keyEnd = colon
            while keyEnd > start, Self.isBlank(bytes[keyEnd - 1]) {
                keyEnd -= 1
            }
            var valueStart = colon + 1
            while valueStart < end, Self.isBlank(bytes[valueStart]) {
                valueStart += 1
            }
            guard keyEnd > start else {
                throw .syntax("the attribute name is empty", line: number, column: start + 1)
            }
            guard valueStart < end else {
                throw .syntax("the value is empty", line: number, column: colon + 2)
            }
            self.number = number
            self.key = String(decoding: bytes[start..<keyEnd], as: UTF8.self)
            self.keyColumn = start + 1
            self.value = Token(text: String(decoding: bytes[valueStart..<end], as: UTF8.self), column: valueStart + 1)
        }

        /// Space, tab or carriage return.
        static func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }

        /// The value split on `,`, each item trimmed, with its column; empty items are errors.
        func list(of token: Token? = nil) throws(InferenceError) -> [Token] {
            let source = token ?? self.value
            let bytes = Array(source.text.utf8)
            var items: [Token] = []
            var itemStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ",") {
                var from = itemStart
                var to = index
                while from < to, Self.isBlank(bytes[from]) {
                    from += 1
                }
                while to > from, Self.isBlank(bytes[to - 1]) {
                    to -= 1
                }
                guard from < to else {
                    throw .syntax("empty list item", line: self.number, column: source.column + itemStart)
                }
                items.append(
                    Token(text: String(decoding: bytes[from..<to], as: UTF8.self), column: source.column + from)
                )
                itemStart = index + 1
            }
            return items
        }

        /// The value split once on `=` into a name and the rest.
        func labelled() throws(InferenceError) -> (label: Token, rest: Token) {
            let bytes = Array(self.value.text.utf8)
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else {
                throw .syntax("expected '<state> = <values>'", line: self.number, column: self.value.column)
            }
            var labelEnd = equals
            while labelEnd > 0, Self.isBlank(bytes[labelEnd - 1]) {
                labelEnd -= 1
            }
            var restStart = equals + 1
            while restStart < bytes.count, Self.isBlank(bytes[restStart]) {
                restStart += 1
            }
            guard labelEnd > 0, restStart < bytes.count else {
                throw .syntax("expected '<state> = <values>'", line: self.number, column: self.value.column + equals)
            }
            let label = Token(text: String(decoding: bytes[..<labelEnd], as: UTF8.self), column: self.value.column)
            try self.checkName(label)
            let rest = Token(
                text: String(decoding: bytes[restStart...], as: UTF8.self),
                column: self.value.column + restStart
            )
            return (label, rest)
        }

        /// The value as a list of finite numbers.
        func numbers(of token: Token? = nil) throws(InferenceError) -> [Double] {
            var result: [Double] = []
            for item in try self.list(of: token) {
                guard let number = Double(item.text), number.isFinite else {
                    throw .invalidNumber(
                        "'\(item.text)' is not a finite number",
                        line: self.number,
                        column: item.column
                    )
                }
                result.append(number)
            }
            return result
        }

        /// Rejects names with characters outside printable ASCII or with `, = :` and blanks.
        func checkName(_ token: Token) throws(InferenceError) {
            for (offset, byte) in token.text.utf8.enumerated() {
                let forbidden = byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "=")
                if forbidden || byte == UInt8(ascii: ":") {
                    throw .syntax("invalid character in name", line: self.number, column: token.column + offset)
                }
            }
        }
    }
}
