/// An invalid labels file (``LabelsFile``): a stable code, a message, and where: the file name and a 1-based line
/// and column (columns count UTF-8 bytes, as in model files). Printed as `FILE:LINE:COLUMN: code: message`.
public struct LabelsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// A line that is not `SELECTOR LABEL [ATTACK-TYPES]` (missing or extra fields, bad bytes).
        public static let syntax = Self(rawValue: "syntax")
        /// A selector that is none of `FILE#N`, `call-id:CALL-ID`, `source:IP`.
        public static let invalidSelector = Self(rawValue: "invalid-selector")
        /// The same selector on two lines.
        public static let duplicateSelector = Self(rawValue: "duplicate-selector")
        /// A Nature label that is no state of the model's root (nor `-`).
        public static let unknownLabel = Self(rawValue: "unknown-label")
        /// An attack type the labeller does not know.
        public static let unknownAttackType = Self(rawValue: "unknown-attack-type")
        /// A limit of ``LabelsFile/Limits`` was exceeded.
        public static let limitExceeded = Self(rawValue: "limit-exceeded")
    }

    /// The code.
    public var code: Code
    /// What is wrong (quotes at most a truncated, escaped piece of the line).
    public var message: String
    /// The file name as given.
    public var fileName: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in UTF-8 bytes.
    public var column: Int

    /// Creates an error.
    public init(code: Code, message: String, fileName: String, line: Int, column: Int) {
        self.code = code
        self.message = message
        self.fileName = fileName
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN: code: message`.
    public var description: String {
        "\(self.fileName):\(self.line):\(self.column): \(self.code): \(self.message)"
    }
}
