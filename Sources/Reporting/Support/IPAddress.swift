/// A validated IPv4 or IPv6 address, parsed from its text without the resolver: the only form in which an address
/// reaches a block list or a fail2ban line.
///
/// Accepted: dotted-quad IPv4 (four decimal parts 0–255, no leading zeros, as `inet_pton` accepts), and IPv6
/// (RFC 4291 §2.2: eight groups of 1–4 hex digits, one `::`, an IPv4 tail). No zone, no brackets, no port.
/// An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is the IPv4 address. ``description`` is the canonical text:
/// RFC 5952 for IPv6 (lower case, longest zero run as `::`, no leading zeros).
public struct IPAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 (IPv6), network order.
    public let bytes: [UInt8]

    /// Whether it is an IPv4 address.
    public var isIPv4: Bool { self.bytes.count == 4 }

    /// Parses `text`; `nil` unless it is exactly an address.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count <= 45 else { return nil }
        if !utf8.contains(UInt8(ascii: ":")) {
            guard let v4 = Self.parseIPv4(utf8[...]) else { return nil }
            self.bytes = v4
            return
        }
        guard let v6 = Self.parseIPv6(utf8) else { return nil }
        if v6[0..<10].allSatisfy({ $0 == 0 }), v6[10] == 0xFF, v6[11] == 0xFF {
            self.bytes = Array(v6[12..<16])
        } else {
            self.bytes = v6
        }
    }

    /// An address from 4 or 16 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// IPv4 before IPv6, then by bytes.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.bytes.count != rhs.bytes.count { return lhs.bytes.count < rhs.bytes.count }
        return lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// The canonical text.
    public var description: String {
        if self.isIPv4 { return self.bytes.map { String($0) }.joined(separator: ".") }
        var groups: [UInt16] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(UInt16(self.bytes[index]) << 8 | UInt16(self.bytes[index + 1]))
        }
        // RFC 5952 §4.2: the longest run of two or more zero groups (the first of equal ones) becomes "::".
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8, groups[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        func hex(_ slice: ArraySlice<UInt16>) -> String {
            slice.map { String($0, radix: 16) }.joined(separator: ":")
        }
        if bestStart < 0 { return hex(groups[...]) }
        return hex(groups[0..<bestStart]) + "::" + hex(groups[(bestStart + bestLength)...])
    }

    private static func parseIPv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var result: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            if part.count > 1, part.first == UInt8(ascii: "0") { return nil }
            let value = part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 255 else { return nil }
            result.append(UInt8(value))
        }
        return result
    }

    private static func parseIPv6(_ text: [UInt8]) -> [UInt8]? {
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawDoubleColon = false
        var index = 0
        if text.starts(with: [0x3A, 0x3A]) {
            sawDoubleColon = true
            index = 2
        } else if text.first == 0x3A {
            return nil
        }
        var v4: [UInt8]?
        while index < text.count {
            var end = index
            while end < text.count, text[end] != 0x3A { end += 1 }
            let part = text[index..<end]
            if part.contains(UInt8(ascii: ".")) {
                // An IPv4 tail: last part only.
                guard end == text.count, let parsed = Self.parseIPv4(part) else { return nil }
                v4 = parsed
                index = end
                break
            }
            guard (1...4).contains(part.count), let value = UInt16(String(decoding: part, as: UTF8.self), radix: 16),
                part.allSatisfy({ Self.isHex($0) })
            else { return nil }
            if sawDoubleColon { tail.append(value) } else { head.append(value) }
            index = end
            if index < text.count {
                // At a colon: "::" (once), or ":" followed by more.
                if index + 1 < text.count, text[index + 1] == 0x3A {
                    guard !sawDoubleColon else { return nil }
                    sawDoubleColon = true
                    index += 2
                } else {
                    index += 1
                    guard index < text.count else { return nil }
                }
            }
        }
        var groups = head.count + tail.count + (v4 == nil ? 0 : 2)
        if sawDoubleColon {
            guard groups < 8 else { return nil }
        } else {
            guard groups == 8 else { return nil }
        }
        var bytes: [UInt8] = []
        for group in head { bytes += [UInt8(group >> 8), UInt8(group & 0xFF)] }
        if sawDoubleColon {
            bytes += [UInt8](repeating: 0, count: 2 * (8 - groups))
            groups = 8
        }
        for group in tail { bytes += [UInt8(group >> 8), UInt8(group & 0xFF)] }
        if let v4 { bytes += v4 }
        return bytes.count == 16 ? bytes : nil
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}

/// An address prefix (`127.0.0.0/8`, `::1/128`, or a bare address for its full length).
public struct IPPrefix: Sendable, Hashable, CustomStringConvertible {
    /// The network address.
    public let address: IPAddress
    /// The prefix length in bits.
    public let length: Int

    /// Parses `ADDRESS[/LENGTH]`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let bits = address.bytes.count * 8
        var length = bits
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...bits).contains(value), parts[1].allSatisfy(\.isASCII) else {
                return nil
            }
            length = value
        }
        self.address = address
        self.length = length
    }

    /// Whether `candidate` is inside the prefix (an IPv4 address is never inside an IPv6 prefix).
    public func contains(_ candidate: IPAddress) -> Bool {
        guard candidate.bytes.count == self.address.bytes.count else { return false }
        var remaining = self.length
        for (a, b) in zip(self.address.bytes, candidate.bytes) {
            if remaining <= 0 { return true }
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if a & mask != b & mask { return false }
            remaining -= 8
        }
        return true
    }

    public var description: String { "\(self.address)/\(self.length)" }
}
