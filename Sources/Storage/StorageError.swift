/// An error from the trace store.
///
/// It carries a stable ``Code``, a readable message, and the underlying driver error if there was one, so
/// that callers do not depend on a driver's error types.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// A stable, kebab-case error code. Extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's text.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's text.
        public var description: String { self.rawValue }

        /// The database could not be opened, created or migrated.
        public static let openFailed = Self(rawValue: "open-failed")
        /// A read or write failed in the database.
        public static let databaseFailure = Self(rawValue: "database-failure")
        /// A stored row does not decode into a ``TraceRecord`` (damaged or foreign data).
        public static let corruptRecord = Self(rawValue: "corrupt-record")
        /// The file could not be written.
        public static let writeFailed = Self(rawValue: "write-failed")
    }

    /// What went wrong.
    public var code: Code
    /// A readable explanation.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// `code: message (cause)`.
    public var description: String {
        if let cause = self.cause {
            return "\(self.code.rawValue): \(self.message) (\(cause))"
        }
        return "\(self.code.rawValue): \(self.message)"
    }

    @inline(never)
    static func openFailed(_ path: String, _ cause: any Error) -> Self {
        .init(code: .openFailed, message: "cannot open the trace store at \(path)", cause: cause)
    }

    @inline(never)
    static func databaseFailure(_ operation: String, _ cause: any Error) -> Self {
        .init(code: .databaseFailure, message: "\(operation) failed", cause: cause)
    }

    @inline(never)
    static func corruptRecord(_ column: String, id: Int64?) -> Self {
        .init(code: .corruptRecord, message: "stored message \(id.map(String.init) ?? "?") has a bad \(column)")
    }

    @inline(never)
    static func writeFailed(_ path: String, _ cause: any Error) -> Self {
        .init(code: .writeFailed, message: "cannot write \(path)", cause: cause)
    }
}
