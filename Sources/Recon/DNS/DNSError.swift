/// The error thrown by the DNS codec and name validation; the client turns it into an ``UnknownReason``.
///
/// Carries a stable ``Code``, a message, the byte offset in the message (or input) and the limit hit.
public struct DNSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, kebab-case error code. Extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// The message ends inside a header, name, record or field.
        public static let truncated = Self(rawValue: "truncated")
        /// A compression pointer points forward or at itself, or too many pointers were followed.
        public static let badPointer = Self(rawValue: "bad-pointer")
        /// A name is longer than 255 bytes on the wire, or a label uses the reserved 0x40/0x80 forms.
        public static let badName = Self(rawValue: "bad-name")
        /// A section count, record length or message size exceeds its ``DNSDecoderLimits`` value.
        public static let limitExceeded = Self(rawValue: "limit-exceeded")
        /// A record's data does not match its type (an A record of 5 bytes, a SRV that ends early).
        public static let badRecordData = Self(rawValue: "bad-record-data")
        /// A host name or number given to Recon is not acceptable to query.
        public static let invalidInput = Self(rawValue: "invalid-input")
    }

    /// What went wrong.
    public var code: Code
    /// A readable explanation.
    public var message: String
    /// The byte offset where the problem was found.
    public var offset: Int

    /// Creates an error.
    public init(code: Code, message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(self.code.rawValue) at \(self.offset): \(self.message)" }

    @inline(never)
    static func truncated(_ what: String, offset: Int) -> Self {
        .init(code: .truncated, message: "message ends inside \(what)", offset: offset)
    }

    @inline(never)
    static func badPointer(_ detail: String, offset: Int) -> Self {
        .init(code: .badPointer, message: detail, offset: offset)
    }

    @inline(never)
    static func badName(_ detail: String, offset: Int) -> Self {
        .init(code: .badName, message: detail, offset: offset)
    }

    @inline(never)
    static func limitExceeded(_ what: String, value: Int, limit: Int, offset: Int) -> Self {
        .init(code: .limitExceeded, message: "\(what) is \(value), the limit is \(limit)", offset: offset)
    }

    @inline(never)
    static func badRecordData(_ detail: String, offset: Int) -> Self {
        .init(code: .badRecordData, message: detail, offset: offset)
    }

    @inline(never)
    static func invalidInput(_ detail: String, offset: Int = 0) -> Self {
        .init(code: .invalidInput, message: detail, offset: offset)
    }
}
