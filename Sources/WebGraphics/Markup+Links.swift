extension Markup {
    /// The link itself when it is a safe same-origin relative URL, `nil` otherwise.
    ///
    /// Accepted: a path that starts with one `/` (`/calls/42?tab=flow`). Refused: anything else, so every scheme
    /// (`javascript:`, `data:`, `http:`), protocol-relative URLs (`//host`), and the spellings browsers turn into
    /// them: a backslash anywhere (`/\host` is `//host` to a browser), and ASCII whitespace or control
    /// characters anywhere (browsers strip tab and newline from URLs, so `/<TAB>/host` is `//host`). Links longer
    /// than `maxLength` UTF-8 bytes are refused too. The result still has to go through ``text(_:)`` to become an
    /// attribute value.
    public static func relativeLink(
        _ link: String,
        maxLength: Int = GraphicsLimits.default.maximumLinkLength
    ) -> String? {
        let bytes = link.utf8
        guard bytes.count <= maxLength, bytes.first == UInt8(ascii: "/") else {
            return nil
        }
        if bytes.count > 1, bytes[bytes.index(after: bytes.startIndex)] == UInt8(ascii: "/") {
            return nil
        }
        for byte in bytes where byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
            return nil
        }
        for scalar in link.unicodeScalars where Self.isReplaced(scalar) {
            return nil
        }
        return link
    }

    /// A CSS class list made safe for a `class` attribute: tokens of ASCII letters, digits, `-` and `_`, at most
    /// `maxTokens` of them, each at most 64 characters; other characters are dropped, and only the first 256
    /// Unicode scalars are looked at. `nil` when nothing is left.
    public static func cssClass(_ value: String, maxTokens: Int = 4) -> String? {
        var tokens: [String] = []
        var current = ""
        for scalar in value.unicodeScalars.prefix(256) {
            if Self.isNameCharacter(scalar) {
                if current.unicodeScalars.count < 64 {
                    current.unicodeScalars.append(scalar)
                }
            } else if scalar == " " || scalar == "\t" || scalar == "\n" {
                if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                    if tokens.count >= maxTokens {
                        break
                    }
                }
            }
        }
        if !current.isEmpty && tokens.count < maxTokens {
            tokens.append(current)
        }
        return tokens.isEmpty ? nil : tokens.joined(separator: " ")
    }

    /// An element id made safe: ASCII letters, digits, `-` and `_` from the first 256 Unicode scalars, at most 48
    /// of them, starting with a letter (`wg` is put in front otherwise).
    public static func identifier(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars.prefix(256) where Self.isNameCharacter(scalar) {
            result.unicodeScalars.append(scalar)
            if result.unicodeScalars.count == 48 {
                break
            }
        }
        guard let first = result.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else {
            return "wg" + result
        }
        return result
    }

    /// Whether `scalar` is an ASCII letter, digit, `-` or `_`.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            || scalar == "_"
    }
}
