/// The error thrown when a message cannot be structured at all (no start line, oversize, empty).
///
/// Everything that can still be structured is parsed and its deviations become ``SIPAnomaly`` values
/// instead; this error is for the rest. It carries a stable ``Code``, a message and the byte offset.
public struct SIPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, kebab-case error code. Extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// No bytes, or only white space.
        public static let emptyMessage = Self(rawValue: "empty-message")
        /// The first line is not a SIP request or status line.
        public static let notSIP = Self(rawValue: "not-sip")
        /// The message is larger than ``SIPParserLimits/maxMessageSize``.
        public static let messageTooLarge = Self(rawValue: "message-too-large")
        /// The start line is longer than ``SIPParserLimits/maxStartLineLength``.
        public static let startLineTooLong = Self(rawValue: "start-line-too-long")
        /// The header section of a stream message is larger than ``SIPParserLimits/maxHeaderSectionSize``
        /// without ending; the connection must be closed.
        public static let headerSectionTooLarge = Self(rawValue: "header-section-too-large")
        /// A stream message has no usable Content-Length, so its end cannot be found; close the connection.
        public static let unframeable = Self(rawValue: "unframeable")
    }

    /// What went wrong.
    public var code: Code
    /// A readable explanation.
    public var message: String
    /// The byte offset in the input where the problem was found.
    public var offset: Int

    /// Creates an error.
    public init(code: Code, message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(self.code.rawValue) at \(self.offset): \(self.message)" }

    @inline(never)
    static func emptyMessage() -> Self { .init(code: .emptyMessage, message: "no SIP message in the input", offset: 0) }

    @inline(never)
    static func notSIP(_ detail: String, offset: Int) -> Self {
        .init(code: .notSIP, message: "not a SIP start line: \(detail)", offset: offset)
    }

    @inline(never)
    static func messageTooLarge(size: Int, limit: Int) -> Self {
        .init(code: .messageTooLarge, message: "message of \(size) bytes exceeds the limit of \(limit)", offset: limit)
    }

    @inline(never)
    static func startLineTooLong(limit: Int) -> Self {
        .init(code: .startLineTooLong, message: "start line longer than \(limit) bytes", offset: limit)
    }

    @inline(never)
    static func headerSectionTooLarge(limit: Int) -> Self {
        .init(code: .headerSectionTooLarge, message: "header section longer than \(limit) bytes", offset: limit)
    }

    @inline(never)
    static func unframeable(_ detail: String, offset: Int) -> Self {
        .init(code: .unframeable, message: "cannot find the end of a stream message: \(detail)", offset: offset)
    }
}
