/// An error from the reporting module: a sink's setting, an export's limit, an archive name.
///
/// It carries a stable ``Code``, a message that never holds attacker bytes (names of files and settings,
/// sizes, limits), and the underlying error when there is one.
public struct ReportingError: Error, Sendable, CustomStringConvertible {
    /// A stable, kebab-case error code. Extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's text.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's text.
        public var description: String { self.rawValue }

        /// A sink's or an export's setting is invalid (URL, address, path, facility).
        public static let invalidSetting = Self(rawValue: "invalid-setting")
        /// A file or socket could not be opened or written.
        public static let ioFailure = Self(rawValue: "io-failure")
        /// An archive entry name is not allowed (empty, absolute, `..`, characters outside the safe set, too long).
        public static let invalidArchiveName = Self(rawValue: "invalid-archive-name")
        /// An export would exceed its size bound.
        public static let tooLarge = Self(rawValue: "too-large")
        /// Nothing matched (no message or verdict for a Call-ID).
        public static let notFound = Self(rawValue: "not-found")
    }

    /// What went wrong.
    public var code: Code
    /// A readable explanation (no attacker text).
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
    static func invalidSetting(_ message: String) -> Self {
        .init(code: .invalidSetting, message: message)
    }

    @inline(never)
    static func ioFailure(_ message: String, _ cause: (any Error)? = nil) -> Self {
        .init(code: .ioFailure, message: message, cause: cause)
    }

    @inline(never)
    static func invalidArchiveName(_ reason: String) -> Self {
        .init(code: .invalidArchiveName, message: "archive entry name \(reason)")
    }

    @inline(never)
    static func tooLarge(_ what: String, limit: Int) -> Self {
        .init(code: .tooLarge, message: "\(what) would exceed \(limit) bytes")
    }

    @inline(never)
    static func notFound(_ message: String) -> Self {
        .init(code: .notFound, message: message)
    }
}
