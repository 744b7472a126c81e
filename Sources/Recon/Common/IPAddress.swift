/// An IPv4 or IPv6 address, parsed from text without Foundation or `inet_pton`.
///
/// Recon keeps addresses as bytes; ``description`` prints the canonical text form (RFC 5952 for IPv6).
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IPv4 address as 4 bytes in network order.
    case v4(UInt8, UInt8, UInt8, UInt8)
    /// An IPv6 address as 16 bytes in network order.
    case v6([UInt8])

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text (with `::` and an optional trailing IPv4 part).
    /// Returns `nil` for anything else, including zone indices and brackets.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 45 else { return nil }
        if let v4 = Self.parseV4(bytes[...]) {
            self = .v4(v4[0], v4[1], v4[2], v4[3])
        } else if let v6 = Self.parseV6(bytes) {
            self = .v6(v6)
        } else {
            return nil
        }
    }

    /// Creates an address from 4 or 16 bytes.
    public init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4: self = .v4(bytes[0], bytes[1], bytes[2], bytes[3])
        case 16: self = .v6(bytes)
        default: return nil
        }
    }

    /// The address bytes in network order (4 or 16).
    public var bytes: [UInt8] {
        switch self {
        case .v4(let a, let b, let c, let d): return [a, b, c, d]
        case .v6(let bytes): return bytes
        }
    }

    /// Whether this is an IPv4 address.
    public var isIPv4: Bool {
        if case .v4 = self { return true }
        return false
    }

    /// The loopback check: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        switch self {
        case .v4(let a, _, _, _): return a == 127
        case .v6(let bytes): return bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1
        }
    }

    public var description: String {
        switch self {
        case .v4(let a, let b, let c, let d):
            return "\(a).\(b).\(c).\(d)"
        case .v6(let bytes):
            return Self.formatV6(bytes)
        }
    }

    static func parseV4(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        var value = 0
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, result.count < 3 else { return nil }
                result.append(UInt8(value))
                value = 0
                digits = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                // No leading zeros (they mean octal to some parsers).
                if digits > 0, value == 0 { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard value <= 255, digits <= 3 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, result.count == 3 else { return nil }
        result.append(UInt8(value))
        return result
    }

    static func parseV6(_ bytes: [UInt8]) -> [UInt8]? {
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawDoubleColon = false
        var index = 0
        if bytes.starts(with: [0x3A, 0x3A]) {
            sawDoubleColon = true
            index = 2
            if index == bytes.count { return [UInt8](repeating: 0, count: 16) }
        } else if bytes.first == 0x3A {
            return nil
        }
        var v4Tail: [UInt8]? = nil
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x3A { end += 1 }
            let group = bytes[index..<end]
            if end == bytes.count, group.contains(UInt8(ascii: ".")) {
                guard let v4 = parseV4(group) else { return nil }
                v4Tail = v4
            } else {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(hexBytes: group) else { return nil }
                if sawDoubleColon { tail.append(value) } else { head.append(value) }
            }
            index = end
            if index < bytes.count {
                index += 1  // the colon
                if index < bytes.count, bytes[index] == 0x3A {
                    guard !sawDoubleColon else { return nil }
                    sawDoubleColon = true
                    index += 1
                    if index == bytes.count { break }
                } else if index == bytes.count {
                    return nil  // trailing single colon
                }
            }
        }
        if let v4Tail {
            let parts = [UInt16(v4Tail[0]) << 8 | UInt16(v4Tail[1]), UInt16(v4Tail[2]) << 8 | UInt16(v4Tail[3])]
            if sawDoubleColon { tail += parts } else { head += parts }
        }
        let groups: [UInt16]
        if sawDoubleColon {
            guard head.count + tail.count <= 7 else { return nil }
            groups = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard head.count == 8 else { return nil }
            groups = head
        }
        return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func formatV6(_ bytes: [UInt8]) -> String {
        guard bytes.count == 16 else { return "invalid" }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        // RFC 5952 §4.2: compress the longest run (length >= 2) of zero groups, the first one on ties.
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for index in 0...8 {
            if index < 8, groups[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                if index - runStart > bestLength {
                    bestStart = runStart
                    bestLength = index - runStart
                }
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        var text = ""
        var index = 0
        while index < 8 {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }
}

extension UInt16 {
    init?(hexBytes: some Collection<UInt8>) {
        var value: UInt16 = 0
        for byte in hexBytes {
            guard let digit = hexDigitValue(byte) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        self = value
    }
}

func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
