/// A mistake in a settings file, with where it is: printed as `file:line:column: message`.
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// An error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(self.file):\(self.line):\(self.column): \(self.message)" }
}
