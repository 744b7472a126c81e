/// The error ``SDPParser`` throws when a body cannot be structured as SDP at all.
///
/// Almost every deviation is recorded as an ``SDPAnomaly`` instead; this error is kept for input with no
/// lines to speak of: nothing at all, something that is not `type=value` lines, or more bytes than
/// ``SDPLimits/maximumBodySize``. Compare errors by ``code``; ``message`` is for people.
public struct SDPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code to match on.
    public var code: Code

    /// What went wrong, for people.
    public var message: String

    /// The byte offset within the body where the problem was found.
    public var offset: Int

    /// Up to ``maximumOffendingBytes`` bytes of the input from ``offset``, as evidence.
    public var offendingBytes: [UInt8]

    /// How many input bytes ``offendingBytes`` keeps at most.
    public static let maximumOffendingBytes = 32

    /// Creates an error.
    public init(code: Code, message: String, offset: Int, offendingBytes: [UInt8] = []) {
        self.code = code
        self.message = message
        self.offset = offset
        self.offendingBytes = Array(offendingBytes.prefix(Self.maximumOffendingBytes))
    }

    /// `SDPParseError.<code> at <offset>: <message>`.
    public var description: String {
        "SDPParseError.\(self.code) at \(self.offset): \(self.message)"
    }
}

// MARK: - Factories (cold paths, never inlined)

extension SDPParseError {
    /// The body holds no non-blank line.
    @inline(never)
    static func empty() -> SDPParseError {
        SDPParseError(code: .empty, message: "the body holds no SDP lines", offset: 0)
    }

    /// The first non-blank line, at `offset`, is not `<type>=<value>`; `bytes` are that line's first bytes.
    @inline(never)
    static func notSDP(offset: Int, bytes: some Collection<UInt8>) -> SDPParseError {
        SDPParseError(
            code: .notSDP,
            message: "the first line is not of the form <type>=<value>",
            offset: offset,
            offendingBytes: Array(bytes.prefix(Self.maximumOffendingBytes))
        )
    }

    /// The body has `size` bytes, more than `limit`.
    @inline(never)
    static func tooLarge(size: Int, limit: Int) -> SDPParseError {
        SDPParseError(
            code: .tooLarge,
            message: "the body is \(size) bytes, more than the limit of \(limit)",
            offset: max(0, limit)
        )
    }
}

// MARK: - Codes

extension SDPParseError {
    /// The kinds of ``SDPParseError``: like an enum, but new kinds can be added without breaking callers.
    ///
    /// The ``rawValue`` of each is kebab-case and stable, for storage and logs.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case empty = "empty"
            case notSDP = "not-sdp"
            case tooLarge = "too-large"
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The stable kebab-case name of the code.
        public var rawValue: String {
            self.base.rawValue
        }

        /// The same as ``rawValue``.
        public var description: String {
            self.base.rawValue
        }

        /// `empty`: the body is empty or holds only blank lines.
        public static let empty = Code(.empty)

        /// `not-sdp`: the first non-blank line is not of the form `<letter>=<value>` (binary data, another
        /// protocol, a stray header block).
        public static let notSDP = Code(.notSDP)

        /// `too-large`: the body is larger than ``SDPLimits/maximumBodySize``.
        public static let tooLarge = Code(.tooLarge)
    }
}
