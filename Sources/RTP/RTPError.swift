/// The error the `RTP` module's parsers throw when bytes cannot be read as RTP, RTCP, a telephone-event or WAV.
///
/// Every parser bounds what it reads by ``RTPLimits`` or ``WAVLimits``; exceeding a bound, running past the end
/// of the input or finding a field with an impossible value is one of these errors, never a trap. Compare errors by
/// ``code``; ``message`` is for people; ``offset`` is the byte offset in the input where the problem was found and
/// ``offendingBytes`` keeps a few bytes from there as evidence.
public struct RTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code to match on.
    public var code: Code

    /// What went wrong, for people.
    public var message: String

    /// The byte offset within the input where the problem was found.
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

    /// `RTPError.<code> at <offset>: <message>`.
    public var description: String {
        "RTPError.\(self.code) at \(self.offset): \(self.message)"
    }
}

// MARK: - Factories (cold paths, never inlined)

extension RTPError {
    /// The input ends at `offset` although `needed` more bytes were expected for `field`.
    @inline(never)
    static func truncated(_ field: String, offset: Int, needed: Int) -> RTPError {
        RTPError(
            code: .truncated,
            message: "the input ends before \(field) (\(needed) more bytes needed)",
            offset: offset
        )
    }

    /// A length or count is larger than `limit`.
    @inline(never)
    static func limitExceeded(_ what: String, value: Int, limit: Int, offset: Int) -> RTPError {
        RTPError(
            code: .limitExceeded,
            message: "\(what) is \(value), more than the limit of \(limit)",
            offset: offset
        )
    }

    /// The version field is not 2.
    @inline(never)
    static func badVersion(_ version: UInt8, offset: Int, bytes: some Collection<UInt8>) -> RTPError {
        RTPError(
            code: .badVersion,
            message: "the version is \(version), not 2",
            offset: offset,
            offendingBytes: Array(bytes.prefix(Self.maximumOffendingBytes))
        )
    }

    /// A field holds a value that is impossible at `offset`.
    @inline(never)
    static func malformed(_ message: String, offset: Int, bytes: some Collection<UInt8> = [UInt8]()) -> RTPError {
        RTPError(
            code: .malformed,
            message: message,
            offset: offset,
            offendingBytes: Array(bytes.prefix(Self.maximumOffendingBytes))
        )
    }

    /// A WAV file uses a format the reader does not decode.
    @inline(never)
    static func unsupported(_ message: String, offset: Int) -> RTPError {
        RTPError(code: .unsupported, message: message, offset: offset)
    }
}

// MARK: - Codes

extension RTPError {
    /// The kinds of ``RTPError``: like an enum, but new kinds can be added without breaking callers.
    ///
    /// The ``rawValue`` of each is kebab-case and stable, for storage and logs.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case truncated = "truncated"
            case limitExceeded = "limit-exceeded"
            case badVersion = "bad-version"
            case malformed = "malformed"
            case unsupported = "unsupported"
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

        /// `truncated`: the input ends before a field that its header announces.
        public static let truncated = Code(.truncated)

        /// `limit-exceeded`: a size or count is above a bound of ``RTPLimits`` or ``WAVLimits``.
        public static let limitExceeded = Code(.limitExceeded)

        /// `bad-version`: the RTP or RTCP version field (RFC 3550 §5.1) is not 2.
        public static let badVersion = Code(.badVersion)

        /// `malformed`: a field holds an impossible value (a padding count larger than the packet, a length
        /// that is not a multiple of four, a RIFF chunk that is not `WAVE`, …).
        public static let malformed = Code(.malformed)

        /// `unsupported`: well-formed input in a format this module does not decode (a WAV in ADPCM, 24-bit
        /// PCM, …).
        public static let unsupported = Code(.unsupported)
    }
}
