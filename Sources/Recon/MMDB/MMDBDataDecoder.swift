/// Decodes the MaxMind DB data section format (spec "Output Data Section") from untrusted bytes.
///
/// Offsets are absolute positions in `bytes`; pointers are relative to `sectionStart`. A pointer may not
/// point at another pointer (spec), nesting is bounded by ``MMDBLimits/maximumDepth`` and the number of
/// values by ``MMDBLimits/maximumValues``, so a pointer cycle ends in an error, never a loop.
struct MMDBDataDecoder {
    let bytes: [UInt8]
    let sectionStart: Int
    let sectionEnd: Int
    let limits: MMDBLimits
    var valuesDecoded = 0

    init(bytes: [UInt8], sectionStart: Int, sectionEnd: Int, limits: MMDBLimits) {
        self.bytes = bytes
        self.sectionStart = sectionStart
        self.sectionEnd = min(sectionEnd, bytes.count)
        self.limits = limits
    }

    /// Decodes the value at absolute `offset`; returns it and the offset after it.
    mutating func decode(at offset: Int, depth: Int = 0) throws(MMDBError) -> (MMDBValue, Int) {
        guard depth <= self.limits.maximumDepth else {
            throw .limitExceeded("nesting depth", limit: self.limits.maximumDepth, offset: offset)
        }
        self.valuesDecoded += 1
        guard self.valuesDecoded <= self.limits.maximumValues else {
            throw .limitExceeded("values decoded", limit: self.limits.maximumValues, offset: offset)
        }
        var cursor = offset
        let control = try self.byte(&cursor, "a control byte")
        var type = Int(control >> 5)
        if type == 1 {
            let target = try self.pointerTarget(control: control, cursor: &cursor)
            var peek = target
            guard try self.byte(&peek, "a pointed-to value") >> 5 != 1 else {
                throw .badData("pointer to a pointer", offset: offset)
            }
            let (value, _) = try self.decode(at: target, depth: depth + 1)
            return (value, cursor)
        }
        if type == 0 {
            type = 7 + Int(try self.byte(&cursor, "an extended type"))
            guard type > 7 else { throw .badData("extended type \(type)", offset: offset) }
        }
        let size = try self.payloadSize(control: control, cursor: &cursor)
        switch type {
        case 2:
            let raw = try self.take(size, &cursor, "a string")
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw .badData("invalid UTF-8 string", offset: offset)
            }
            return (.string(text), cursor)
        case 3:
            guard size == 8 else { throw .badData("double of size \(size)", offset: offset) }
            return (.double(Double(bitPattern: try self.unsigned(8, &cursor))), cursor)
        case 4:
            return (.bytes(try self.take(size, &cursor, "bytes")), cursor)
        case 5, 6, 9:
            let maximum = type == 5 ? 2 : type == 6 ? 4 : 8
            guard size <= maximum else { throw .badData("unsigned integer of size \(size)", offset: offset) }
            return (.unsigned(try self.unsigned(size, &cursor)), cursor)
        case 10:
            guard size <= 16 else { throw .badData("uint128 of size \(size)", offset: offset) }
            let highSize = max(0, size - 8)
            let high = try self.unsigned(highSize, &cursor)
            let low = try self.unsigned(size - highSize, &cursor)
            return (.uint128(high: high, low: low), cursor)
        case 8:
            guard size <= 4 else { throw .badData("int32 of size \(size)", offset: offset) }
            return (.int32(Int32(truncatingIfNeeded: UInt32(try self.unsigned(size, &cursor)))), cursor)
        case 7:
            guard size <= self.limits.maximumContainerSize else {
                throw .limitExceeded("map size", limit: self.limits.maximumContainerSize, offset: offset)
            }
            var entries: [String: MMDBValue] = [:]
            for _ in 0..<size {
                let (key, afterKey) = try self.decode(at: cursor, depth: depth + 1)
                guard case .string(let name) = key else { throw .badData("map key is not a string", offset: cursor) }
                let (value, afterValue) = try self.decode(at: afterKey, depth: depth + 1)
                entries[name] = value
                cursor = afterValue
            }
            return (.map(entries), cursor)
        case 11:
            guard size <= self.limits.maximumContainerSize else {
                throw .limitExceeded("array size", limit: self.limits.maximumContainerSize, offset: offset)
            }
            var elements: [MMDBValue] = []
            for _ in 0..<size {
                let (value, after) = try self.decode(at: cursor, depth: depth + 1)
                elements.append(value)
                cursor = after
            }
            return (.array(elements), cursor)
        case 14:
            guard size <= 1 else { throw .badData("boolean of size \(size)", offset: offset) }
            return (.boolean(size == 1), cursor)
        case 15:
            guard size == 4 else { throw .badData("float of size \(size)", offset: offset) }
            return (.float(Float(bitPattern: UInt32(try self.unsigned(4, &cursor)))), cursor)
        default:
            throw .badData("unsupported type \(type)", offset: offset)
        }
    }

    private func byte(_ cursor: inout Int, _ what: String) throws(MMDBError) -> UInt8 {
        guard cursor >= self.sectionStart, cursor < self.sectionEnd else { throw .truncated(what, offset: cursor) }
        defer { cursor += 1 }
        return self.bytes[cursor]
    }

    private func take(_ count: Int, _ cursor: inout Int, _ what: String) throws(MMDBError) -> [UInt8] {
        guard count >= 0, cursor >= self.sectionStart, count <= self.sectionEnd - cursor else {
            throw .truncated(what, offset: cursor)
        }
        defer { cursor += count }
        return Array(self.bytes[cursor..<cursor + count])
    }

    private func unsigned(_ count: Int, _ cursor: inout Int) throws(MMDBError) -> UInt64 {
        var value: UInt64 = 0
        for byte in try self.take(count, &cursor, "a number") { value = value << 8 | UInt64(byte) }
        return value
    }

    private func payloadSize(control: UInt8, cursor: inout Int) throws(MMDBError) -> Int {
        let size = Int(control & 0x1F)
        switch size {
        case 0..<29: return size
        case 29: return 29 + Int(try self.unsigned(1, &cursor))
        case 30: return 285 + Int(try self.unsigned(2, &cursor))
        default: return 65_821 + Int(try self.unsigned(3, &cursor))
        }
    }

    private func pointerTarget(control: UInt8, cursor: inout Int) throws(MMDBError) -> Int {
        let sizeBits = Int(control >> 3) & 0x3
        let high = Int(control & 0x7)
        let relative: Int
        switch sizeBits {
        case 0: relative = high << 8 | Int(try self.unsigned(1, &cursor))
        case 1: relative = (high << 16 | Int(try self.unsigned(2, &cursor))) + 2048
        case 2: relative = (high << 24 | Int(try self.unsigned(3, &cursor))) + 526_336
        default: relative = Int(try self.unsigned(4, &cursor))
        }
        let target = self.sectionStart + relative
        guard target < self.sectionEnd else { throw .badData("pointer past the data section", offset: cursor) }
        return target
    }
}
