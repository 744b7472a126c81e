import GRDB

/// The integer a `call_hash` column holds for a Call-ID (migration v5): 64-bit FNV-1a of its UTF-8 bytes, as a
/// signed integer.
///
/// The Call-ID indexes are on this integer rather than on the text: a flood's Call-IDs are random, and
/// inserting random 40-byte keys into a text index cost SQLite about 5 µs a row, against about 1.5 µs for
/// integers. Lookups compare the hash first, then the text (`call_hash = ? AND call_id = ?`), so a collision
/// costs a row read, never a wrong answer. The function never changes: stored hashes are compared with it.
enum CallIDHash {
    /// The hash of `callID`, or `nil` for `nil`.
    static func of(_ callID: String?) -> Int64? {
        guard let callID else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in callID.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// `honeyphone_call_hash(text)`: the same function in SQL, for the migration that fills the column.
    static let sqlFunction = DatabaseFunction("honeyphone_call_hash", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return Self.of(text)
    }
}
