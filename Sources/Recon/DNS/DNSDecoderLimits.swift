/// Every length and count the DNS decoder accepts, with its RFC clause. Exceeding one is a ``DNSError``.
public struct DNSDecoderLimits: Hashable, Sendable {
    /// Largest message accepted (RFC 1035 §4.2.2: TCP messages carry a 16-bit length). Default 65535.
    public var maximumMessageSize: Int = 65_535
    /// Most records in the answer, authority and additional sections together. Default 512
    /// (a 64 KiB message holds at most ~5000 minimal records; no real answer we need has more than a few dozen).
    public var maximumRecords: Int = 512
    /// Most questions (RFC 1035 allows a count, every server uses 1). Default 4.
    public var maximumQuestions: Int = 4
    /// Most compression pointers followed in one name (RFC 1035 §4.1.4). Default 32.
    public var maximumPointersPerName: Int = 32
    /// Most character-strings in one TXT record (RFC 1035 §3.3.14). Default 64.
    public var maximumTXTStrings: Int = 64

    /// Creates limits; every parameter has the default documented on its property.
    public init(
        maximumMessageSize: Int = 65_535,
        maximumRecords: Int = 512,
        maximumQuestions: Int = 4,
        maximumPointersPerName: Int = 32,
        maximumTXTStrings: Int = 64
    ) {
        self.maximumMessageSize = maximumMessageSize
        self.maximumRecords = maximumRecords
        self.maximumQuestions = maximumQuestions
        self.maximumPointersPerName = maximumPointersPerName
        self.maximumTXTStrings = maximumTXTStrings
    }
}
