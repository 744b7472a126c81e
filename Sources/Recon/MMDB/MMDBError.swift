/// The error thrown while opening or reading a MaxMind DB file.
public struct MMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, kebab-case error code. Extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// No `\xAB\xCD\xEFMaxMind.com` marker in the last 128 KiB.
        public static let noMetadata = Self(rawValue: "no-metadata")
        /// A required metadata key is missing or has the wrong type or value.
        public static let badMetadata = Self(rawValue: "bad-metadata")
        /// A field, tree or record ends past the end of the file.
        public static let truncated = Self(rawValue: "truncated")
        /// A data field has an unknown type, a bad size, a pointer to a pointer, or a non-string map key.
        public static let badData = Self(rawValue: "bad-data")
        /// A ``MMDBLimits`` value was exceeded (depth, values, container size, file size).
        public static let limitExceeded = Self(rawValue: "limit-exceeded")
        /// The search tree points outside itself or the data section.
        public static let badTree = Self(rawValue: "bad-tree")
    }

    /// What went wrong.
    public var code: Code
    /// A readable explanation.
    public var message: String
    /// The byte offset in the file where the problem was found.
    public var offset: Int

    /// Creates an error.
    public init(code: Code, message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(self.code.rawValue) at \(self.offset): \(self.message)" }

    @inline(never)
    static func noMetadata() -> Self { .init(code: .noMetadata, message: "metadata marker not found", offset: 0) }

    @inline(never)
    static func badMetadata(_ detail: String) -> Self { .init(code: .badMetadata, message: detail, offset: 0) }

    @inline(never)
    static func truncated(_ what: String, offset: Int) -> Self {
        .init(code: .truncated, message: "file ends inside \(what)", offset: offset)
    }

    @inline(never)
    static func badData(_ detail: String, offset: Int) -> Self {
        .init(code: .badData, message: detail, offset: offset)
    }

    @inline(never)
    static func limitExceeded(_ what: String, limit: Int, offset: Int) -> Self {
        .init(code: .limitExceeded, message: "\(what) exceeds the limit of \(limit)", offset: offset)
    }

    @inline(never)
    static func badTree(_ detail: String, offset: Int) -> Self {
        .init(code: .badTree, message: detail, offset: offset)
    }
}

/// Bounds on what the MMDB reader accepts (MaxMind DB format 2.0 has no limits of its own).
public struct MMDBLimits: Hashable, Sendable {
    /// Largest file read. Default 512 MiB (GeoLite2-City is ~60 MiB).
    public var maximumFileSize: Int
    /// Deepest nesting of maps, arrays and pointers. Default 32.
    public var maximumDepth: Int
    /// Most values decoded for one lookup (defeats pointer fan-out). Default 10 000.
    public var maximumValues: Int
    /// Most entries in one map or array. Default 4096.
    public var maximumContainerSize: Int

    /// Creates limits; every parameter has the default documented on its property.
    public init(
        maximumFileSize: Int = 512 << 20,
        maximumDepth: Int = 32,
        maximumValues: Int = 10_000,
        maximumContainerSize: Int = 4096
    ) {
        self.maximumFileSize = maximumFileSize
        self.maximumDepth = maximumDepth
        self.maximumValues = maximumValues
        self.maximumContainerSize = maximumContainerSize
    }
}
