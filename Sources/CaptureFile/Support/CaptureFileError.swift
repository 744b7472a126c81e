/// The error the capture reader throws: a file that is not pcap or pcapng, or whose structure is broken or exceeds
/// a limit of ``CaptureFileLimits``.
///
/// Compare errors by ``code``; ``message`` is for people. ``offset`` is the byte offset in the file of the record,
/// block or field at fault. Errors inside one packet (a broken IP or TCP header) are not thrown: the packet is
/// skipped and counted in ``CaptureStatistics``, since a capture of attacks is expected to hold such packets.
public struct CaptureFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code to match on.
    public var code: Code

    /// What went wrong, for people (never quotes file bytes).
    public var message: String

    /// The byte offset in the file where the faulty structure starts.
    public var offset: Int

    /// Creates an error.
    public init(code: Code, message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// `CaptureFileError.<code> at <offset>: <message>`.
    public var description: String {
        "CaptureFileError.\(self.code) at \(self.offset): \(self.message)"
    }
}

extension CaptureFileError {
    /// The kinds of ``CaptureFileError``: like an enum, but new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unknownFormat = "unknown-format"
            case unsupportedVersion = "unsupported-version"
            case truncated = "truncated"
            case invalidLength = "invalid-length"
            case invalidBlock = "invalid-block"
            case unknownInterface = "unknown-interface"
            case invalidOption = "invalid-option"
            case limitExceeded = "limit-exceeded"
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The stable kebab-case name of the code.
        public var description: String {
            self.base.rawValue
        }

        /// `unknown-format`: the file starts with neither a pcap magic number nor a pcapng section header.
        public static let unknownFormat = Code(.unknownFormat)
        /// `unsupported-version`: a pcap or pcapng major version this reader does not know.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// `truncated`: the file ends inside a header, record or block.
        public static let truncated = Code(.truncated)
        /// `invalid-length`: a record or block length that is impossible (below its minimum, not a multiple of 4,
        /// captured longer than the record) or above a limit.
        public static let invalidLength = Code(.invalidLength)
        /// `invalid-block`: a pcapng block whose trailing length differs from its leading one, or a block before the
        /// first section header.
        public static let invalidBlock = Code(.invalidBlock)
        /// `unknown-interface`: a pcapng packet names an interface no description block declared.
        public static let unknownInterface = Code(.unknownInterface)
        /// `invalid-option`: a pcapng option runs past its block, or `if_tsresol` is out of range.
        public static let invalidOption = Code(.invalidOption)
        /// `limit-exceeded`: a count limit of ``CaptureFileLimits`` (interfaces per section) was reached.
        public static let limitExceeded = Code(.limitExceeded)
    }
}

// Factories (cold paths, never inlined).
extension CaptureFileError {
    /// A ``CaptureFileError/Code/unknownFormat`` error.
    @inline(never)
    static func unknownFormat(offset: Int) -> CaptureFileError {
        CaptureFileError(code: .unknownFormat, message: "not a pcap or pcapng file", offset: offset)
    }

    /// A ``CaptureFileError/Code/unsupportedVersion`` error.
    @inline(never)
    static func unsupportedVersion(_ major: Int, offset: Int) -> CaptureFileError {
        CaptureFileError(code: .unsupportedVersion, message: "major version \(major) is not supported", offset: offset)
    }

    /// A ``CaptureFileError/Code/truncated`` error.
    @inline(never)
    static func truncated(_ what: StaticString, offset: Int) -> CaptureFileError {
        CaptureFileError(code: .truncated, message: "the file ends inside \(what)", offset: offset)
    }

    /// A ``CaptureFileError/Code/invalidLength`` error.
    @inline(never)
    static func invalidLength(_ what: StaticString, length: Int, offset: Int) -> CaptureFileError {
        CaptureFileError(code: .invalidLength, message: "\(what) has an invalid length \(length)", offset: offset)
    }

    /// A ``CaptureFileError/Code/invalidBlock`` error.
    @inline(never)
    static func invalidBlock(_ what: StaticString, offset: Int) -> CaptureFileError {
        CaptureFileError(code: .invalidBlock, message: "\(what)", offset: offset)
    }

    /// A ``CaptureFileError/Code/unknownInterface`` error.
    @inline(never)
    static func unknownInterface(_ interface: Int, offset: Int) -> CaptureFileError {
        CaptureFileError(code: .unknownInterface, message: "no interface \(interface) in this section", offset: offset)
    }

    /// A ``CaptureFileError/Code/invalidOption`` error.
    @inline(never)
    static func invalidOption(_ what: StaticString, offset: Int) -> CaptureFileError {
        CaptureFileError(code: .invalidOption, message: "\(what)", offset: offset)
    }

    /// A ``CaptureFileError/Code/limitExceeded`` error.
    @inline(never)
    static func limitExceeded(_ what: StaticString, limit: Int, offset: Int) -> CaptureFileError {
        CaptureFileError(code: .limitExceeded, message: "more than \(limit) \(what)", offset: offset)
    }
}
