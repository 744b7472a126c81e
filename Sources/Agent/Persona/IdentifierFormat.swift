/// How a device writes the random part of a tag, branch, Call-ID or nonce.
///
/// Written in persona files as `hex16`, `HEX8`, `digits10`, `alnum24`, `token9`, `uuid`.
public enum IdentifierFormat: Sendable, Hashable, CustomStringConvertible {
    /// Lowercase hexadecimal digits.
    case hex(Int)
    /// Uppercase hexadecimal digits.
    case upperHex(Int)
    /// Decimal digits, the first not zero.
    case digits(Int)
    /// Letters and digits.
    case alnum(Int)
    /// belle-sip's token alphabet: letters, digits, `-` and `~`.
    case token(Int)
    /// A lowercase RFC 4122 version 4 UUID.
    case uuid

    /// The longest length a format may ask for.
    public static let maximumLength = 64

    /// Parses `hex16`, `HEX8`, `digits10`, `alnum24`, `token9` or `uuid`.
    public init?(_ text: some StringProtocol) {
        if text == "uuid" {
            self = .uuid
            return
        }
        let letters = text.prefix(while: { $0.isLetter })
        guard let count = Int(text.dropFirst(letters.count)), count > 0, count <= Self.maximumLength else {
            return nil
        }
        switch letters {
        case "hex": self = .hex(count)
        case "HEX": self = .upperHex(count)
        case "digits": self = .digits(count)
        case "alnum": self = .alnum(count)
        case "token": self = .token(count)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .hex(let n): "hex\(n)"
        case .upperHex(let n): "HEX\(n)"
        case .digits(let n): "digits\(n)"
        case .alnum(let n): "alnum\(n)"
        case .token(let n): "token\(n)"
        case .uuid: "uuid"
        }
    }

    /// A fresh identifier in this format.
    public func generate(using rng: inout some RandomNumberGenerator) -> String {
        switch self {
        case .hex(let n): Self.pick(n, from: Self.hexDigits, &rng)
        case .upperHex(let n): Self.pick(n, from: Self.upperHexDigits, &rng)
        case .digits(let n):
            Self.pick(1, from: Array(Self.decimal.dropFirst()), &rng) + Self.pick(n - 1, from: Self.decimal, &rng)
        case .alnum(let n): Self.pick(n, from: Self.alphanumeric, &rng)
        case .token(let n): Self.pick(n, from: Self.tokenCharacters, &rng)
        case .uuid:
            Self.pick(8, from: Self.hexDigits, &rng) + "-" + Self.pick(4, from: Self.hexDigits, &rng) + "-4"
                + Self.pick(3, from: Self.hexDigits, &rng) + "-" + Self.pick(1, from: Array("89ab".utf8), &rng)
                + Self.pick(3, from: Self.hexDigits, &rng) + "-" + Self.pick(12, from: Self.hexDigits, &rng)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)
    private static let decimal = Array("0123456789".utf8)
    private static let alphanumeric = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
    private static let tokenCharacters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-~".utf8)

    private static func pick(_ count: Int, from alphabet: [UInt8], _ rng: inout some RandomNumberGenerator) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            for i in 0..<count {
                buffer[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            }
            return count
        }
    }
}
