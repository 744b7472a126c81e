/// The bytes the profile grammar is written in.
enum ASCII {
    /// `tab`.
    static let tab: UInt8 = 0x09
    /// `lineFeed`.
    static let lineFeed: UInt8 = 0x0A
    /// `carriageReturn`.
    static let carriageReturn: UInt8 = 0x0D
    /// `space`.
    static let space: UInt8 = 0x20
    /// `quote`.
    static let quote: UInt8 = 0x22
    /// `hash`.
    static let hash: UInt8 = 0x23
    /// `openParen`.
    static let openParen: UInt8 = 0x28
    /// `closeParen`.
    static let closeParen: UInt8 = 0x29
    /// `plus`.
    static let plus: UInt8 = 0x2B
    /// `comma`.
    static let comma: UInt8 = 0x2C
    /// `minus`.
    static let minus: UInt8 = 0x2D
    /// `dot`.
    static let dot: UInt8 = 0x2E
    /// `slash`.
    static let slash: UInt8 = 0x2F
    /// `zero`.
    static let zero: UInt8 = 0x30
    /// `nine`.
    static let nine: UInt8 = 0x39
    /// `colon`.
    static let colon: UInt8 = 0x3A
    /// `greaterThan`.
    static let greaterThan: UInt8 = 0x3E
    /// `backslash`.
    static let backslash: UInt8 = 0x5C
    /// `underscore`.
    static let underscore: UInt8 = 0x5F
    /// `openBrace`.
    static let openBrace: UInt8 = 0x7B
    /// `closeBrace`.
    static let closeBrace: UInt8 = 0x7D

    /// `0`–`9`.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= Self.zero && byte <= Self.nine
    }

    /// `A`–`Z`, `a`–`z`.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Letters, digits and `_`: events and operators.
    static func isIdentifier(_ byte: UInt8) -> Bool {
        Self.isLetter(byte) || Self.isDigit(byte) || byte == Self.underscore
    }

    /// Identifier bytes plus `-` and `.`: the words of a state name.
    static func isNameWord(_ byte: UInt8) -> Bool {
        Self.isIdentifier(byte) || byte == Self.minus || byte == Self.dot
    }

    /// Printable ASCII that does not end a bare argument (not space, `,`, `(`, `)`, `"`, `#`, `{`, `}`).
    static func isBareArgument(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case Self.comma, Self.openParen, Self.closeParen, Self.quote, Self.hash, Self.openBrace, Self.closeBrace:
            return false
        default:
            return true
        }
    }

    /// Space or horizontal tab.
    static func isInlineSpace(_ byte: UInt8) -> Bool {
        byte == Self.space || byte == Self.tab
    }

    /// ASCII lower-casing of a string (identifiers compare case-insensitively).
    static func lowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
