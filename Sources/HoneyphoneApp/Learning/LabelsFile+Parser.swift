import Inference
import Recon

extension LabelsFile {
    /// Reads one line at a time; remembers the file name, the accepted Nature labels and where the last selector
    /// started (for errors found after the line, such as duplicates).
    struct Parser {
        let fileName: String
        let classes: [String]
        let limits: Limits
        private(set) var selectorColumn = 1

        init(fileName: String, classes: [String], limits: Limits) {
            self.fileName = fileName
            self.classes = classes
            self.limits = limits
        }

        /// One field: its text and 1-based starting column.
        struct Field {
            var text: String
            var column: Int
        }

        func error(_ code: LabelsFileError.Code, _ message: String, line: Int, column: Int) -> LabelsFileError {
            LabelsFileError(code: code, message: message, fileName: self.fileName, line: line, column: column)
        }

        /// The entry of one line (without its line break), or `nil` for a blank or comment line.
        mutating func entry(_ line: [UInt8], number: Int) throws(LabelsFileError) -> Entry? {
            let fields = try self.fields(line, number: number)
            guard let first = fields.first else { return nil }
            self.selectorColumn = first.column
            guard fields.count >= 2 else {
                let end = first.column + first.text.utf8.count + 1
                throw self.error(.syntax, "expected a label after the selector", line: number, column: end)
            }
            guard fields.count <= 3 else {
                throw self.error(
                    .syntax,
                    "unexpected field (attack types are one comma-separated field)",
                    line: number,
                    column: fields[3].column
                )
            }
            let selector = try self.selector(first, number: number)
            let nature = try self.nature(fields[1], number: number)
            let attacks = try fields.count == 3 ? self.attackTypes(fields[2], number: number) : nil
            return Entry(selector: selector, nature: nature, attackTypes: attacks, line: number)
        }

        /// Splits on spaces and tabs up to a field starting with `#`.
        func fields(_ line: [UInt8], number: Int) throws(LabelsFileError) -> [Field] {
            var fields: [Field] = []
            var index = 0
            while index < line.count {
                let byte = line[index]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "#") { break }
                let start = index
                while index < line.count, line[index] != UInt8(ascii: " "), line[index] != UInt8(ascii: "\t") {
                    guard line[index] >= 0x20, line[index] != 0x7F else {
                        throw self.error(.syntax, "control character", line: number, column: index + 1)
                    }
                    index += 1
                }
                guard let text = String(validating: line[start..<index], as: UTF8.self) else {
                    throw self.error(.syntax, "the field is not valid UTF-8", line: number, column: start + 1)
                }
                fields.append(Field(text: text, column: start + 1))
            }
            return fields
        }

        func selector(_ field: Field, number: Int) throws(LabelsFileError) -> Selector {
            let text = field.text
            for prefix in ["call-id:", "source:"] where text.lowercased().hasPrefix(prefix) {
                let value = String(text.dropFirst(prefix.count))
                let column = field.column + prefix.utf8.count
                guard !value.isEmpty else {
                    throw self.error(.invalidSelector, "'\(prefix)' needs a value", line: number, column: column)
                }
                if prefix == "call-id:" { return .callID(value) }
                guard let address = IPAddress(LabelsFile.unbracketed(value)) else {
                    throw self.error(
                        .invalidSelector,
                        "'\(Self.quoted(value))' is not an IPv4 or IPv6 address",
                        line: number,
                        column: column
                    )
                }
                return .source(address.description)
            }
            guard let hash = text.lastIndex(of: "#"), hash != text.startIndex else {
                throw self.error(
                    .invalidSelector,
                    "expected FILE#N, call-id:CALL-ID or source:IP, not '\(Self.quoted(text))'",
                    line: number,
                    column: field.column
                )
            }
            let digits = text[text.index(after: hash)...]
            let column = field.column + text[..<hash].utf8.count + 1
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                digits.utf8.count <= 10, let index = Int(digits), index >= 1,
                index <= self.limits.maximumMessageIndex
            else {
                throw self.error(
                    .invalidSelector,
                    "the message number must be an integer from 1 to \(self.limits.maximumMessageIndex)",
                    line: number,
                    column: column
                )
            }
            return .message(file: String(text[..<hash]), index: index)
        }

        func nature(_ field: Field, number: Int) throws(LabelsFileError) -> String? {
            if field.text == "-" { return nil }
            if let state = self.classes.first(where: { $0.lowercased() == field.text.lowercased() }) { return state }
            throw self.error(
                .unknownLabel,
                "unknown label '\(Self.quoted(field.text))' (expected \(self.classes.joined(separator: ", ")) or -)",
                line: number,
                column: field.column
            )
        }

        func attackTypes(_ field: Field, number: Int) throws(LabelsFileError) -> [AttackLabel.Kind] {
            if field.text.lowercased() == "none" { return [] }
            var kinds: [AttackLabel.Kind] = []
            var column = field.column
            for piece in field.text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let kind = AttackLabel.Kind(rawValue: piece.lowercased()) else {
                    let known = AttackLabel.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw self.error(
                        .unknownAttackType,
                        piece.isEmpty
                            ? "empty attack type"
                            : "unknown attack type '\(Self.quoted(piece))' (expected \(known) or none)",
                        line: number,
                        column: column
                    )
                }
                if !kinds.contains(kind) { kinds.append(kind) }
                column += piece.utf8.count + 1
            }
            return kinds
        }

        /// `text` cut to 40 characters with anything but printable ASCII escaped, for error messages.
        static func quoted(_ text: some StringProtocol) -> String {
            var result = ""
            for scalar in text.unicodeScalars.prefix(40) {
                if scalar.value >= 0x20, scalar.value < 0x7F, scalar != "'" {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                }
            }
            return text.unicodeScalars.count > 40 ? result + "…" : result
        }
    }
}
