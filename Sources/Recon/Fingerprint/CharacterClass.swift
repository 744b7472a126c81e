/// A set of ASCII bytes, as a 128-bit map: the alphabet of a tag, branch or Call-ID.
public struct CharacterClass: Hashable, Sendable {
    private var low: UInt64
    private var high: UInt64

    /// The bytes of `characters` (non-ASCII characters are ignored).
    public init(_ characters: String) {
        self.low = 0
        self.high = 0
        for byte in characters.utf8 where byte < 128 {
            if byte < 64 { self.low |= 1 << UInt64(byte) } else { self.high |= 1 << UInt64(byte - 64) }
        }
    }

    /// Whether `byte` is in the class.
    public func contains(_ byte: UInt8) -> Bool {
        guard byte < 128 else { return false }
        return byte < 64 ? self.low & (1 << UInt64(byte)) != 0 : self.high & (1 << UInt64(byte - 64)) != 0
    }

    /// The union of two classes.
    public func union(_ other: Self) -> Self {
        var result = self
        result.low |= other.low
        result.high |= other.high
        return result
    }

    /// `0-9`.
    public static let digits = CharacterClass("0123456789")
    /// `0-9a-f`.
    public static let lowerHex = CharacterClass("0123456789abcdef")
    /// `0-9A-F`.
    public static let upperHex = CharacterClass("0123456789ABCDEF")
    /// `a-zA-Z`.
    public static let letters = CharacterClass("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    /// `a-zA-Z0-9`.
    public static let alphanumeric = letters.union(digits)
    /// `a-zA-Z0-9` plus `-`, `_`, `.`.
    public static let token = alphanumeric.union(CharacterClass("-_."))
}
