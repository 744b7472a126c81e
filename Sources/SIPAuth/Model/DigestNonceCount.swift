/// The `nc` auth-param (RFC 7616 §3.4): how many requests the client has sent with one nonce, as 8 hex digits.
///
/// The digits are kept as sent, because the response hashes that text: `0000000A` and `0000000a` give
/// different responses.
public struct DigestNonceCount: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 8 hexadecimal digits as written.
    public let text: String
    /// Their value.
    public let value: UInt32

    /// The count `value`, written as 8 lowercase hex digits (`1` → `00000001`).
    public init(_ value: UInt32) {
        let digits = String(value, radix: 16)
        self.text = String(repeating: "0", count: 8 - digits.utf8.count) + digits
        self.value = value
    }

    /// Parses exactly 8 hexadecimal digits (either case); anything else is `nil`.
    public init?(text: String) {
        guard text.utf8.count == 8, let value = UInt32(text, radix: 16),
            text.utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
        else { return nil }
        self.text = text
        self.value = value
    }

    /// The digits as written.
    public var description: String { self.text }

    /// Decodes the digits from a single string, validated as by ``init(text:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let count = DigestNonceCount(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "nc is not 8 hexadecimal digits")
        }
        self = count
    }

    /// Encodes the digits as a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.text)
    }
}
