/// The shape of a generated token (a branch, tag or Call-ID): a literal prefix, then a run of characters
/// from one alphabet with a length in a range, optionally followed by `@host`.
///
/// Matching is linear in the token's length and never allocates; tokens longer than 512 bytes never match.
public struct TokenPattern: Hashable, Sendable {
    /// The literal prefix (compared exactly, case-sensitively), e.g. `z9hG4bK-`.
    public var prefix: String
    /// The alphabet of the part after the prefix (and before `@` when ``hostSuffix`` is set).
    public var alphabet: CharacterClass
    /// The allowed lengths of that part.
    public var length: ClosedRange<Int>
    /// A literal the whole token must contain (e.g. `SIPpTag`), or `nil`.
    public var contains: String?
    /// `true`: the token must end in `@host`; `false`: it must not contain `@`; `nil`: either.
    public var hostSuffix: Bool?

    /// Creates a pattern.
    public init(
        prefix: String = "",
        _ alphabet: CharacterClass,
        length: ClosedRange<Int>,
        contains: String? = nil,
        hostSuffix: Bool? = nil
    ) {
        self.prefix = prefix
        self.alphabet = alphabet
        self.length = length
        self.contains = contains
        self.hostSuffix = hostSuffix
    }

    /// Whether `token` has this shape.
    public func matches(_ token: String) -> Bool {
        let bytes = token.utf8
        guard bytes.count <= 512, bytes.starts(with: self.prefix.utf8) else { return false }
        if let contains, !token.contains(contains) { return false }
        var body = bytes.dropFirst(self.prefix.utf8.count)
        if let at = body.firstIndex(of: UInt8(ascii: "@")) {
            guard self.hostSuffix != false, body.index(after: at) != body.endIndex else { return false }
            body = body[..<at]
        } else if self.hostSuffix == true {
            return false
        }
        guard self.length.contains(body.count) else { return false }
        return body.allSatisfy { self.alphabet.contains($0) }
    }
}
