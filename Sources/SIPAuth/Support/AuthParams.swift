import SIPCore

/// Reading bounded auth-params from a parsed header and writing them back (RFC 7616 §3.3–§3.4, RFC 3261 §25.1).
enum AuthParams {
    /// The value of `name` (first occurrence, any case), or `nil`; longer than the limit throws.
    static func optional(
        _ authorization: SIPAuthorization,
        _ name: String,
        _ limits: DigestLimits
    ) throws(DigestError) -> String? {
        guard let value = authorization.parameters[name] else { return nil }
        let length = value.utf8.count
        guard length <= limits.maxFieldLength else {
            throw .valueTooLong(name, length: length, limit: limits.maxFieldLength)
        }
        return value
    }

    /// The value of `name`; absent or empty throws ``DigestError/Code/missingParameter``.
    static func required(
        _ authorization: SIPAuthorization,
        _ name: String,
        _ limits: DigestLimits
    ) throws(DigestError) -> String {
        guard let value = try Self.optional(authorization, name, limits), !value.isEmpty else {
            throw .missingParameter(name)
        }
        return value
    }

    /// Throws unless `authorization` uses the Digest scheme.
    static func requireDigest(_ authorization: SIPAuthorization) throws(DigestError) {
        guard authorization.isDigest else { throw .notDigest(scheme: authorization.scheme) }
    }

    /// `"value"` with `"` and `\` escaped (RFC 3261 §25.1 quoted-pair), and CR, LF and NUL, which a
    /// quoted-string cannot carry, written as SP so that a value can never end the header line.
    static func quoted(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"", "\\":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            case "\r", "\n", "\0":
                result.unicodeScalars.append(" ")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        result.unicodeScalars.append("\"")
        return result
    }

    /// The prefix of `value` of at most `limit` UTF-8 bytes, cut on a scalar boundary, and whether it was cut.
    static func bounded(_ value: String, _ limit: Int) -> (String, Bool) {
        guard value.utf8.count > limit else { return (value, false) }
        var result = ""
        var length = 0
        for scalar in value.unicodeScalars {
            let size = String(scalar).utf8.count
            if length + size > limit { break }
            result.unicodeScalars.append(scalar)
            length += size
        }
        return (result, true)
    }
}
