public import Recon

/// Writes small MaxMind DB files (format 2.0) for tests: the inverse of `MMDBReader`.
///
/// Strings are written once and referred to by pointers afterwards, so readers' pointer handling is
/// exercised. Networks are inserted in any order; a more specific network splits a wider one.
public struct MMDBWriter {
    enum Slot: Equatable {
        case empty
        case node(Int)
        case data(Int)
    }

    /// 4 or 6.
    public let ipVersion: Int
    /// 24, 28 or 32.
    public let recordSize: Int
    /// The `database_type` metadata.
    public let databaseType: String
    var nodes: [[Slot]] = [[.empty, .empty]]
    var values: [MMDBValue] = []

    /// Creates an empty database.
    public init(ipVersion: Int = 6, recordSize: Int = 28, databaseType: String = "Test-DB") {
        self.ipVersion = ipVersion
        self.recordSize = recordSize
        self.databaseType = databaseType
    }

    /// Inserts `value` for a network written `address/prefix` (IPv4 networks go under `::/96` in IPv6 trees).
    public mutating func insert(network: String, value: MMDBValue) {
        let parts = network.split(separator: "/")
        guard parts.count == 2, let address = IPAddress(parts[0]), let prefix = Int(parts[1]) else {
            preconditionFailure("bad test network \(network)")
        }
        var bits: [Int] = []
        if self.ipVersion == 6, address.isIPv4 { bits = Array(repeating: 0, count: 96) }
        for byte in address.bytes { for shift in (0..<8).reversed() { bits.append(Int(byte >> UInt8(shift)) & 1) } }
        let total = bits.count - address.bytes.count * 8 + prefix
        self.values.append(value)
        self.insert(bits: Array(bits.prefix(total)), data: self.values.count - 1)
    }

    private mutating func insert(bits: [Int], data: Int) {
        var node = 0
        for (index, bit) in bits.enumerated() {
            if index == bits.count - 1 {
                self.nodes[node][bit] = .data(data)
                return
            }
            switch self.nodes[node][bit] {
            case .node(let next):
                node = next
            case .empty, .data:
                let inherited = self.nodes[node][bit]
                self.nodes.append([inherited, inherited])
                self.nodes[node][bit] = .node(self.nodes.count - 1)
                node = self.nodes.count - 1
            }
        }
    }

    /// The file's bytes.
    public func build() -> [UInt8] {
        var data = DataEncoder()
        let offsets = self.values.map { data.write($0) }
        let nodeCount = self.nodes.count
        var tree: [UInt8] = []
        for node in self.nodes {
            let records = node.map { slot -> Int in
                switch slot {
                case .empty: return nodeCount
                case .node(let index): return index
                case .data(let index): return nodeCount + 16 + offsets[index]
                }
            }
            tree += Self.encodeNode(left: records[0], right: records[1], recordSize: self.recordSize)
        }
        var metadata = DataEncoder()
        metadata.deduplicate = false
        _ = metadata.write(
            .map([
                "node_count": .unsigned(UInt64(nodeCount)),
                "record_size": .unsigned(UInt64(self.recordSize)),
                "ip_version": .unsigned(UInt64(self.ipVersion)),
                "database_type": .string(self.databaseType),
                "languages": .array([.string("en")]),
                "binary_format_major_version": .unsigned(2),
                "binary_format_minor_version": .unsigned(0),
                "build_epoch": .unsigned(1_704_067_200),
                "description": .map(["en": .string("Recon test database")]),
            ])
        )
        return tree + [UInt8](repeating: 0, count: 16) + data.bytes + MMDBMetadata.marker + metadata.bytes
    }

    static func encodeNode(left: Int, right: Int, recordSize: Int) -> [UInt8] {
        func bytes(_ value: Int, _ count: Int) -> [UInt8] {
            (0..<count).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
        }
        switch recordSize {
        case 24: return bytes(left, 3) + bytes(right, 3)
        case 28:
            return bytes(left & 0xFF_FFFF, 3) + [UInt8((left >> 20) & 0xF0 | (right >> 24) & 0x0F)]
                + bytes(right & 0xFF_FFFF, 3)
        default: return bytes(left, 4) + bytes(right, 4)
        }
    }

    /// Encodes data-section values (spec "Output Data Section"); public for hand-made hostile tests.
    public struct DataEncoder {
        /// The bytes written so far.
        public var bytes: [UInt8] = []
        /// Write repeated strings as pointers to their first copy.
        public var deduplicate = true
        var strings: [String: Int] = [:]

        /// Creates an empty encoder.
        public init() {}

        /// Writes a value; returns its offset.
        public mutating func write(_ value: MMDBValue) -> Int {
            let offset = self.bytes.count
            switch value {
            case .string(let text):
                if self.deduplicate, let earlier = self.strings[text] {
                    self.writePointer(earlier)
                } else {
                    self.strings[text] = offset
                    self.writeControl(type: 2, size: text.utf8.count)
                    self.bytes += text.utf8
                }
            case .double(let number):
                self.writeControl(type: 3, size: 8)
                self.bytes += Self.bigEndian(number.bitPattern, 8)
            case .bytes(let raw):
                self.writeControl(type: 4, size: raw.count)
                self.bytes += raw
            case .unsigned(let number):
                let size = (64 - number.leadingZeroBitCount + 7) / 8
                self.writeControl(type: number <= 0xFFFF ? 5 : number <= 0xFFFF_FFFF ? 6 : 9, size: size)
                self.bytes += Self.bigEndian(number, size)
            case .uint128(let high, let low):
                self.writeControl(type: 10, size: 16)
                self.bytes += Self.bigEndian(high, 8) + Self.bigEndian(low, 8)
            case .int32(let number):
                self.writeControl(type: 8, size: 4)
                self.bytes += Self.bigEndian(UInt64(UInt32(bitPattern: number)), 4)
            case .map(let entries):
                self.writeControl(type: 7, size: entries.count)
                for key in entries.keys.sorted() {
                    _ = self.write(.string(key))
                    _ = self.write(entries[key]!)
                }
            case .array(let elements):
                self.writeControl(type: 11, size: elements.count)
                for element in elements { _ = self.write(element) }
            case .boolean(let flag):
                self.writeControl(type: 14, size: flag ? 1 : 0)
            case .float(let number):
                self.writeControl(type: 15, size: 4)
                self.bytes += Self.bigEndian(UInt64(number.bitPattern), 4)
            }
            return offset
        }

        /// Writes a pointer to `offset` in the data section.
        public mutating func writePointer(_ offset: Int) {
            if offset < 2048 {
                self.bytes += [UInt8(0x20 | (offset >> 8)), UInt8(offset & 0xFF)]
            } else {
                self.bytes += [0x38] + Self.bigEndian(UInt64(offset), 4)
            }
        }

        /// Writes a control byte (with extended type and size bytes as needed).
        public mutating func writeControl(type: Int, size: Int) {
            let typeBits = type <= 7 ? UInt8(type << 5) : 0
            var sizeBits: UInt8
            var extra: [UInt8] = []
            if size < 29 {
                sizeBits = UInt8(size)
            } else if size < 285 {
                sizeBits = 29
                extra = [UInt8(size - 29)]
            } else if size < 65_821 {
                sizeBits = 30
                extra = Self.bigEndian(UInt64(size - 285), 2)
            } else {
                sizeBits = 31
                extra = Self.bigEndian(UInt64(size - 65_821), 3)
            }
            self.bytes.append(typeBits | sizeBits)
            if type > 7 { self.bytes.append(UInt8(type - 7)) }
            self.bytes += extra
        }

        static func bigEndian(_ value: UInt64, _ count: Int) -> [UInt8] {
            (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> (UInt64($0) * 8)) }
        }
    }
}
