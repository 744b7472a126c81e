/// ENUM (RFC 6116): E.164 numbers to domains, and the NAPTR substitution expressions Recon accepts.
///
/// Only a safe subset of RFC 3402 §3.2 regular expressions is applied: `DELIM ^ PREFIX (.*) $ DELIM
/// REPLACEMENT DELIM [i]` or the same with `.*` and no capture, where PREFIX is digits and `\+` only and
/// REPLACEMENT may use `\1` (the capture) and `\\`. Everything else is ``ENUM/Substitution/unsupported``.
public enum ENUM {
    /// The default ENUM zone.
    public static let defaultSuffix = DNSName(labels: [Array("e164".utf8), Array("arpa".utf8)])
    /// Most digits in an E.164 number (ITU-T E.164 §6).
    public static let maximumDigits = 15
    /// Most bytes in a substitution's result.
    public static let maximumResultLength = 512

    /// The application unique string (`+` and digits) of a number written with optional `+`, spaces,
    /// dashes, dots and parentheses; `nil` when anything else appears or there are 1–15 digits not.
    public static func applicationUniqueString(_ number: some StringProtocol) -> String? {
        var digits = ""
        for (index, character) in number.enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case "+" where index == 0, " ", "-", ".", "(", ")": continue
            default: return nil
            }
            guard digits.count <= Self.maximumDigits else { return nil }
        }
        return digits.isEmpty ? nil : "+" + digits
    }

    /// The ENUM domain of a number: its digits reversed as labels, then `suffix` (`e164.arpa` by default).
    public static func domain(for number: some StringProtocol, suffix: DNSName = ENUM.defaultSuffix) -> DNSName? {
        guard let aus = Self.applicationUniqueString(number) else { return nil }
        return DNSName(labels: aus.utf8.dropFirst().reversed().map { [$0] }).appending(suffix)
    }

    /// The outcome of applying a NAPTR regexp.
    public enum Substitution: Hashable, Sendable {
        /// The rewritten string (a URI for terminal `u` records).
        case result(String)
        /// The pattern did not match the input.
        case noMatch
        /// The expression uses a form outside the supported subset.
        case unsupported(String)
    }

    /// Applies a NAPTR substitution expression to `input` (the application unique string).
    public static func substitute(_ expression: String, in input: String) -> Substitution {
        let bytes = Array(expression.utf8)
        guard bytes.count >= 3, bytes.count <= 1024, let delimiter = bytes.first else {
            return .unsupported("expression length")
        }
        // RFC 3402 §3.2: the delimiter is any non-digit, non-flag character other than backslash.
        guard delimiter != UInt8(ascii: "\\"), delimiter > 0x20, delimiter < 0x7F,
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(delimiter), delimiter != UInt8(ascii: "i")
        else { return .unsupported("delimiter") }
        let parts = bytes.dropFirst().split(separator: delimiter, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .unsupported("not of the form !pattern!replacement!flags") }
        let pattern = Array(parts[0])
        let replacement = Array(parts[1])
        guard parts[2].isEmpty || Array(parts[2]) == [UInt8(ascii: "i")] else { return .unsupported("flags") }
        guard let (prefix, captures) = Self.parsePattern(pattern) else { return .unsupported("pattern") }
        let inputBytes = Array(input.utf8)
        guard inputBytes.starts(with: prefix) else { return .noMatch }
        let capture = inputBytes.dropFirst(prefix.count)
        var output: [UInt8] = []
        var index = 0
        while index < replacement.count {
            let byte = replacement[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < replacement.count else { return .unsupported("trailing backslash") }
                let next = replacement[index + 1]
                if next == UInt8(ascii: "1"), captures {
                    output += capture
                } else if next == UInt8(ascii: "\\") {
                    output.append(next)
                } else {
                    return .unsupported("back-reference or escape")
                }
                index += 2
            } else {
                guard byte >= 0x21, byte < 0x7F else { return .unsupported("character in replacement") }
                output.append(byte)
                index += 1
            }
            guard output.count <= Self.maximumResultLength else { return .unsupported("result too long") }
        }
        return .result(String(decoding: output, as: UTF8.self))
    }

    /// `^PREFIX.*$` or `^PREFIX(.*)$`, PREFIX of digits and `\+`: the literal prefix and whether it captures.
    static func parsePattern(_ pattern: [UInt8]) -> (prefix: [UInt8], captures: Bool)? {
        guard pattern.first == UInt8(ascii: "^"), pattern.last == UInt8(ascii: "$") else { return nil }
        var body = pattern.dropFirst().dropLast()
        let captures: Bool
        if body.count >= 4, Array(body.suffix(4)) == Array("(.*)".utf8) {
            captures = true
            body = body.dropLast(4)
        } else if body.count >= 2, Array(body.suffix(2)) == Array(".*".utf8) {
            captures = false
            body = body.dropLast(2)
        } else {
            return nil
        }
        var prefix: [UInt8] = []
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "\\"), index + 1 < body.endIndex, body[index + 1] == UInt8(ascii: "+") {
                prefix.append(UInt8(ascii: "+"))
                index += 2
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                prefix.append(byte)
                index += 1
            } else {
                return nil
            }
        }
        return (prefix, captures)
    }
}
