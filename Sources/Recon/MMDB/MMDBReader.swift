/// A pure MaxMind DB reader over the bytes of a `.mmdb` file (format 2.0).
///
/// Opening checks the metadata and that the tree fits in the file; each lookup walks at most 128 nodes
/// and decodes its data with ``MMDBLimits``. IPv4 addresses in an IPv6 tree are looked up under
/// `::/96` (the start node is found once, at opening).
public struct MMDBReader: Sendable {
    /// A lookup's result: the decoded record and the prefix length of the network that matched.
    public struct Match: Hashable, Sendable {
        /// The record.
        public var value: MMDBValue
        /// The matched network's prefix length, in the address family of the query.
        public var prefixLength: Int
    }

    /// The metadata.
    public let metadata: MMDBMetadata
    /// The limits in force.
    public let limits: MMDBLimits
    let bytes: [UInt8]
    let treeSize: Int
    let dataStart: Int
    let dataEnd: Int
    let ipv4Start: (node: Int, depth: Int)

    /// Opens a database held in memory.
    public init(bytes: [UInt8], limits: MMDBLimits = .init()) throws(MMDBError) {
        guard bytes.count <= limits.maximumFileSize else {
            throw .limitExceeded("file size", limit: limits.maximumFileSize, offset: 0)
        }
        let (metadata, markerStart) = try MMDBMetadata.find(in: bytes, limits: limits)
        let treeSize = metadata.recordSize * 2 / 8 * metadata.nodeCount
        guard treeSize + 16 <= markerStart else { throw .truncated("the search tree", offset: treeSize) }
        self.bytes = bytes
        self.metadata = metadata
        self.limits = limits
        self.treeSize = treeSize
        self.dataStart = treeSize + 16
        self.dataEnd = markerStart
        var node = 0
        var depth = 0
        if metadata.ipVersion == 6 {
            while depth < 96, node < metadata.nodeCount {
                node = try Self.record(in: bytes, metadata: metadata, node: node, bit: 0)
                depth += 1
            }
        }
        self.ipv4Start = (node, depth)
    }

    /// Looks up an address; `nil` when no network in the database contains it.
    public func lookup(_ address: IPAddress) throws(MMDBError) -> Match? {
        let bits = address.bytes
        var node: Int
        var depth: Int
        var consumed = 0
        switch address {
        case .v4:
            (node, depth) = self.ipv4Start
        case .v6:
            guard self.metadata.ipVersion == 6 else { return nil }
            (node, depth) = (0, 0)
        }
        let bitCount = bits.count * 8
        while consumed < bitCount, node < self.metadata.nodeCount {
            let bit = Int(bits[consumed / 8] >> (7 - UInt8(consumed % 8))) & 1
            node = try Self.record(in: self.bytes, metadata: self.metadata, node: node, bit: bit)
            consumed += 1
        }
        let prefixLength = address.isIPv4 ? consumed : depth + consumed
        if node == self.metadata.nodeCount { return nil }
        guard node > self.metadata.nodeCount else { throw .badTree("walk ended inside the tree", offset: node) }
        let offset = self.dataStart + (node - self.metadata.nodeCount - 16)
        guard offset >= self.dataStart, offset < self.dataEnd else {
            throw .badTree("record points outside the data section", offset: offset)
        }
        var decoder = MMDBDataDecoder(
            bytes: self.bytes,
            sectionStart: self.dataStart,
            sectionEnd: self.dataEnd,
            limits: self.limits
        )
        let (value, _) = try decoder.decode(at: offset)
        return Match(value: value, prefixLength: prefixLength)
    }

    static func record(in bytes: [UInt8], metadata: MMDBMetadata, node: Int, bit: Int) throws(MMDBError) -> Int {
        let nodeBytes = metadata.recordSize / 4
        let base = node * nodeBytes
        guard base + nodeBytes <= bytes.count else { throw .truncated("a tree node", offset: base) }
        func read(_ at: Int, _ count: Int) -> Int {
            var value = 0
            for index in 0..<count { value = value << 8 | Int(bytes[at + index]) }
            return value
        }
        switch metadata.recordSize {
        case 24:
            return read(base + bit * 3, 3)
        case 28:
            let middle = Int(bytes[base + 3])
            return bit == 0 ? (middle & 0xF0) << 20 | read(base, 3) : (middle & 0x0F) << 24 | read(base + 4, 3)
        default:
            return read(base + bit * 4, 4)
        }
    }
}
