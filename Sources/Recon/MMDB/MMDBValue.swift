/// A decoded MaxMind DB data field (format spec "Output Data Section").
public enum MMDBValue: Hashable, Sendable {
    /// UTF-8 string (type 2).
    case string(String)
    /// IEEE-754 double (type 3).
    case double(Double)
    /// Raw bytes (type 4).
    case bytes([UInt8])
    /// uint16, uint32 or uint64 (types 5, 6, 9).
    case unsigned(UInt64)
    /// uint128 (type 10) as high and low halves.
    case uint128(high: UInt64, low: UInt64)
    /// int32 (type 8).
    case int32(Int32)
    /// Map with string keys (type 7).
    case map([String: MMDBValue])
    /// Array (type 11).
    case array([MMDBValue])
    /// Boolean (type 14).
    case boolean(Bool)
    /// IEEE-754 float (type 15).
    case float(Float)

    /// The value at a path of map keys, e.g. `["country", "iso_code"]`.
    public subscript(path path: String...) -> MMDBValue? {
        self[path: path]
    }

    /// The value at a path of map keys.
    public subscript(path path: [String]) -> MMDBValue? {
        var current = self
        for key in path {
            guard case .map(let entries) = current, let next = entries[key] else { return nil }
            current = next
        }
        return current
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as a double, for double, float and integer values.
    public var doubleValue: Double? {
        switch self {
        case .double(let value): return value
        case .float(let value): return Double(value)
        case .unsigned(let value): return Double(value)
        case .int32(let value): return Double(value)
        default: return nil
        }
    }

    /// The number as an unsigned integer, for unsigned and non-negative int32 values.
    public var unsignedValue: UInt64? {
        switch self {
        case .unsigned(let value): return value
        case .int32(let value) where value >= 0: return UInt64(value)
        default: return nil
        }
    }
}
