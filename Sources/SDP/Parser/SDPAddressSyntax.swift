/// Checks of the addresses in `o=` and `c=` against their address type (RFC 8866 §5.2, §5.7, §9).
///
/// RFC 8866 allows a domain name (`FQDN`) wherever an address goes, and even an `extn-addr`; so an `IP4` address
/// is flagged only when it is not a dotted quad and not a plausible domain name (it looks numeric, holds a
/// colon, or holds characters no host name has), and likewise for `IP6`.
enum SDPAddressSyntax {
    /// The verdict on one address.
    enum Verdict: Hashable {
        /// The address fits its type (or the type is one we do not check).
        case valid
        /// An `IP4` address that is neither a dotted quad nor a domain name.
        case invalidIPv4
        /// An `IP6` address that is neither an IPv6 address nor a domain name.
        case invalidIPv6
    }

    /// Checks `address` against `addressType` (`IP4`, `IP6`; anything else is not checked).
    static func check(address: some Collection<UInt8>, addressType: some Collection<UInt8>) -> Verdict {
        if addressType.elementsEqual("IP4".utf8) {
            if Self.isIPv4(address) {
                return .valid
            }
            let numeric = address.allSatisfy { ASCII.isDigit($0) || $0 == ASCII.period }
            return !numeric && Self.isDomainName(address) ? .valid : .invalidIPv4
        }
        if addressType.elementsEqual("IP6".utf8) {
            if address.contains(ASCII.colon) {
                return Self.isIPv6(address) ? .valid : .invalidIPv6
            }
            let numeric = address.allSatisfy { ASCII.isDigit($0) || $0 == ASCII.period }
            return !numeric && Self.isDomainName(address) ? .valid : .invalidIPv6
        }
        return .valid
    }

    /// Whether `bytes` is a dotted-quad IPv4 address: four decimal octets 0…255 without leading zeros
    /// (RFC 8866 `IP4-address`).
    static func isIPv4(_ bytes: some Collection<UInt8>) -> Bool {
        let (parts, truncated) = bytes.sdpSplit(separator: ASCII.period, maximumParts: 4)
        guard !truncated, parts.count == 4 else {
            return false
        }
        return parts.allSatisfy { part in
            guard part.count <= 3, let value = part.sdpDecimal(maximum: 255) else {
                return false
            }
            return part.count == 1 || value >= (part.count == 2 ? 10 : 100)
        }
    }

    /// Whether `bytes` is an IPv6 address in the text form of RFC 4291 §2.2: up to eight groups of one to four
    /// hex digits, at most one `::`, and optionally a dotted quad in place of the last two groups.
    static func isIPv6(_ address: some Collection<UInt8>) -> Bool {
        guard address.count >= 2, address.count <= 45 else {
            return false
        }
        let bytes = Array(address)
        var elision: Int? = nil
        for index in 0..<(bytes.count - 1) where bytes[index] == ASCII.colon && bytes[index + 1] == ASCII.colon {
            guard elision == nil else {
                // A second `::`, or `:::`.
                return false
            }
            elision = index
        }
        guard let elision else {
            return Self.groupCount(bytes[...], ipv4AllowedLast: true) == 8
        }
        let head = bytes[..<elision]
        let tail = bytes[(elision + 2)...]
        guard let headGroups = head.isEmpty ? 0 : Self.groupCount(head, ipv4AllowedLast: false),
            let tailGroups = tail.isEmpty ? 0 : Self.groupCount(tail, ipv4AllowedLast: true)
        else {
            return false
        }
        return headGroups + tailGroups <= 7
    }

    /// The number of 16-bit groups in `part` (hex groups of one to four digits separated by single colons, and
    /// optionally a final dotted quad worth two), or `nil` when it is malformed.
    private static func groupCount(_ part: ArraySlice<UInt8>, ipv4AllowedLast: Bool) -> Int? {
        let (groups, truncated) = part.sdpSplit(separator: ASCII.colon, maximumParts: 8)
        guard !truncated else {
            return nil
        }
        var count = 0
        for (index, group) in groups.enumerated() {
            if ipv4AllowedLast, index == groups.count - 1, group.contains(ASCII.period) {
                guard Self.isIPv4(group) else {
                    return nil
                }
                count += 2
            } else {
                guard !group.isEmpty, group.count <= 4, group.allSatisfy(ASCII.isHexDigit) else {
                    return nil
                }
                count += 1
            }
        }
        return count
    }

    /// Whether `bytes` could be a host name: 1…253 letters, digits, `-`, `.` and `_`, with at least one letter.
    static func isDomainName(_ bytes: some Collection<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else {
            return false
        }
        var sawLetter = false
        for byte in bytes {
            if ASCII.isLetter(byte) {
                sawLetter = true
            } else if !(ASCII.isDigit(byte) || byte == ASCII.minus || byte == ASCII.period
                || byte == ASCII.underscore)
            {
                return false
            }
        }
        return sawLetter
    }
}
