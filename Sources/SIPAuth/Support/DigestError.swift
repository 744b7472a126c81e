/// The error thrown when a challenge or a credential cannot be used for HTTP Digest (RFC 2617, RFC 7616).
///
/// It carries a stable ``Code``, a readable message, the auth-param concerned and, for a value that is not
/// understood, the first bytes of that value (escaped, so it is safe to log as metadata).
public struct DigestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, kebab-case error code. Extensible.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's text.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's text.
        public var description: String { self.rawValue }

        /// The header's scheme is not `Digest` (RFC 7616 §3.3).
        public static let notDigest = Self(rawValue: "not-digest")
        /// A parameter that RFC 7616 §3.3/§3.4 requires is absent or empty.
        public static let missingParameter = Self(rawValue: "missing-parameter")
        /// A value is longer than ``DigestLimits/maxFieldLength``.
        public static let valueTooLong = Self(rawValue: "value-too-long")
        /// The `algorithm` is not one of ``DigestAlgorithm`` (RFC 7616 §3.3, RFC 8760 §2).
        public static let unsupportedAlgorithm = Self(rawValue: "unsupported-algorithm")
        /// The `qop` is not `auth` or `auth-int`, or a challenge's `qop` list holds neither (RFC 7616 §3.3).
        public static let unsupportedQOP = Self(rawValue: "unsupported-qop")
        /// The `nc` is not 8 hexadecimal digits (RFC 7616 §3.4).
        public static let invalidNonceCount = Self(rawValue: "invalid-nonce-count")
    }

    /// What went wrong.
    public var code: Code
    /// A readable explanation.
    public var message: String
    /// The auth-param concerned (`realm`, `nonce`, `algorithm`…), when there is one.
    public var parameter: String?
    /// The first bytes of the offending value, with control characters, quotes and backslashes escaped.
    public var value: String?

    /// Creates an error.
    public init(code: Code, message: String, parameter: String? = nil, value: String? = nil) {
        self.code = code
        self.message = message
        self.parameter = parameter
        self.value = value
    }

    /// `code (parameter): message`.
    public var description: String {
        if let parameter = self.parameter { return "\(self.code.rawValue) (\(parameter)): \(self.message)" }
        return "\(self.code.rawValue): \(self.message)"
    }

    /// A scheme other than Digest.
    @inline(never)
    static func notDigest(scheme: String) -> Self {
        .init(code: .notDigest, message: "the auth scheme is not Digest", value: Self.excerpt(scheme))
    }

    /// A required auth-param absent or empty.
    @inline(never)
    static func missingParameter(_ name: String) -> Self {
        .init(code: .missingParameter, message: "required auth-param is absent or empty", parameter: name)
    }

    /// A value over the length limit.
    @inline(never)
    static func valueTooLong(_ name: String, length: Int, limit: Int) -> Self {
        .init(
            code: .valueTooLong,
            message: "value of \(length) bytes exceeds the limit of \(limit)",
            parameter: name
        )
    }

    /// An algorithm token that is not a ``DigestAlgorithm``.
    @inline(never)
    static func unsupportedAlgorithm(_ name: String) -> Self {
        .init(
            code: .unsupportedAlgorithm,
            message: "algorithm is not MD5, SHA-256 or SHA-512-256 (or a -sess variant)",
            parameter: "algorithm",
            value: Self.excerpt(name)
        )
    }

    /// A qop with neither auth nor auth-int.
    @inline(never)
    static func unsupportedQOP(_ value: String) -> Self {
        .init(
            code: .unsupportedQOP,
            message: "qop offers neither auth nor auth-int",
            parameter: "qop",
            value: Self.excerpt(value)
        )
    }

    /// An nc that is not 8 hex digits.
    @inline(never)
    static func invalidNonceCount(_ value: String) -> Self {
        .init(
            code: .invalidNonceCount,
            message: "nc is not 8 hexadecimal digits",
            parameter: "nc",
            value: Self.excerpt(value)
        )
    }

    /// The first 64 scalars of `text`, made inert for logs.
    static func excerpt(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(64) {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        if text.unicodeScalars.count > 64 { result += "…" }
        return result
    }
}
