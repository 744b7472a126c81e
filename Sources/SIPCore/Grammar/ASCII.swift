// Byte constants and the character classes of RFC 3261 §25.1, as one 256-entry lookup table.

extension UInt8 {
    @usableFromInline static let cr: UInt8 = 0x0D
    @usableFromInline static let lf: UInt8 = 0x0A
    @usableFromInline static let sp: UInt8 = 0x20
    @usableFromInline static let htab: UInt8 = 0x09
    @usableFromInline static let colon: UInt8 = 0x3A
    @usableFromInline static let semicolon: UInt8 = 0x3B
    @usableFromInline static let comma: UInt8 = 0x2C
    @usableFromInline static let equals: UInt8 = 0x3D
    @usableFromInline static let dquote: UInt8 = 0x22
    @usableFromInline static let backslash: UInt8 = 0x5C
    @usableFromInline static let lessThan: UInt8 = 0x3C
    @usableFromInline static let greaterThan: UInt8 = 0x3E
    @usableFromInline static let slash: UInt8 = 0x2F
    @usableFromInline static let at: UInt8 = 0x40
    @usableFromInline static let question: UInt8 = 0x3F
    @usableFromInline static let ampersand: UInt8 = 0x26
    @usableFromInline static let percent: UInt8 = 0x25
    @usableFromInline static let dot: UInt8 = 0x2E
    @usableFromInline static let openBracket: UInt8 = 0x5B
    @usableFromInline static let closeBracket: UInt8 = 0x5D
    @usableFromInline static let star: UInt8 = 0x2A
    @usableFromInline static let plus: UInt8 = 0x2B
    @usableFromInline static let zero: UInt8 = 0x30
    @usableFromInline static let nine: UInt8 = 0x39
    @usableFromInline static let nul: UInt8 = 0x00

    /// ASCII lower-casing of one byte; other bytes are returned unchanged.
    @inlinable var asciiLowercased: UInt8 {
        (self >= 0x41 && self <= 0x5A) ? self | 0x20 : self
    }

    @inlinable var isDigit: Bool { self >= .zero && self <= .nine }

    /// The value of a hexadecimal digit, or `nil`.
    @inlinable var hexValue: UInt8? {
        switch self {
        case 0x30...0x39: return self - 0x30
        case 0x41...0x46: return self - 0x41 + 10
        case 0x61...0x66: return self - 0x61 + 10
        default: return nil
        }
    }
}

/// The RFC 3261 §25.1 character classes, one bit each.
@usableFromInline
struct CharClass: OptionSet, Sendable {
    @usableFromInline let rawValue: UInt16
    @inlinable init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `token` (alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").
    @usableFromInline static let token = CharClass(rawValue: 1 << 0)
    /// `unreserved` (alphanum / mark).
    @usableFromInline static let unreserved = CharClass(rawValue: 1 << 1)
    /// `user-unreserved` ("&" / "=" / "+" / "$" / "," / ";" / "?" / "/").
    @usableFromInline static let userUnreserved = CharClass(rawValue: 1 << 2)
    /// The extra characters allowed in `password` ("&" / "=" / "+" / "$" / ",").
    @usableFromInline static let passwordExtra = CharClass(rawValue: 1 << 3)
    /// `param-unreserved` ("[" / "]" / "/" / ":" / "&" / "+" / "$").
    @usableFromInline static let paramUnreserved = CharClass(rawValue: 1 << 4)
    /// `hnv-unreserved` ("[" / "]" / "/" / "?" / ":" / "+" / "$").
    @usableFromInline static let hnvUnreserved = CharClass(rawValue: 1 << 5)
    /// Characters of a host name or IPv4 address (alphanum / "-" / ".").
    @usableFromInline static let hostname = CharClass(rawValue: 1 << 6)
    /// `word` (token plus "(" ")" "<" ">" ":" "\" DQUOTE "/" "[" "]" "?" "{" "}").
    @usableFromInline static let word = CharClass(rawValue: 1 << 7)
    /// Linear white space inside a header value: SP, HTAB, and the CR/LF of a folded line.
    @usableFromInline static let lws = CharClass(rawValue: 1 << 8)
    /// ALPHA.
    @usableFromInline static let alpha = CharClass(rawValue: 1 << 9)
    /// Characters of a URI scheme after its first letter (ALPHA / DIGIT / "+" / "-" / ".").
    @usableFromInline static let scheme = CharClass(rawValue: 1 << 10)
    /// Characters that may appear in a tel URI number (digits, visual separators, "*", "#", A–D, hex for local).
    @usableFromInline static let telChar = CharClass(rawValue: 1 << 11)
    /// Control bytes that must not appear in a header value (CTL other than HTAB, CR, LF).
    @usableFromInline static let control = CharClass(rawValue: 1 << 12)

    /// Bits 0–6 of the classes of every byte, one byte each (a literal in read-only memory: no initialisation).
    @usableFromInline static let lowBits: StaticString =
        "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{3}\u{0}\u{0}\u{3C}\u{1}\u{1C}\u{3}\u{2}\u{2}\u{3}\u{3D}\u{C}\u{43}\u{43}\u{34}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{30}\u{4}\u{0}\u{C}\u{0}\u{24}\u{0}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{30}\u{0}\u{30}\u{0}\u{3}\u{1}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{43}\u{0}\u{0}\u{0}\u{3}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}"
    /// Bits 7–12 of the classes of every byte.
    @usableFromInline static let highBits: StaticString =
        "\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{2}\u{2}\u{20}\u{20}\u{2}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{20}\u{2}\u{1}\u{1}\u{10}\u{0}\u{1}\u{0}\u{1}\u{11}\u{11}\u{11}\u{19}\u{0}\u{19}\u{19}\u{1}\u{19}\u{19}\u{19}\u{19}\u{19}\u{19}\u{19}\u{19}\u{19}\u{19}\u{1}\u{0}\u{1}\u{0}\u{1}\u{1}\u{0}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1}\u{1}\u{1}\u{0}\u{1}\u{1}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1D}\u{1}\u{0}\u{1}\u{1}\u{20}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}"

    /// The classes of one byte, from two literal tables generated from the class definitions above.
    @inlinable @inline(__always)
    static func of(_ b: UInt8) -> UInt16 {
        UInt16(Self.lowBits.utf8Start[Int(b)]) | UInt16(Self.highBits.utf8Start[Int(b)]) << 7
    }
}

extension UInt8 {
    /// Whether this byte is in any class of `c`.
    @inlinable func isIn(_ c: CharClass) -> Bool {
        CharClass.of(self) & c.rawValue != 0
    }
}
