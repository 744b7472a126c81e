/// Parses the textual IP addresses of ``TraceEndpoint`` into network-order bytes for packet synthesis.
enum IPAddressBytes {
    /// 4 bytes for IPv4 text, 16 for IPv6 text (a `%zone` suffix is ignored), `nil` for anything else.
    static func parse(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if let percent = text.firstIndex(of: "%") {
            text = text[..<percent]
        }
        return text.contains(":") ? Self.parseIPv6(text) : Self.parseIPv4(text)
    }

    /// 4 bytes for dotted-quad text (1–3 decimal digits per part), else `nil`.
    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// 16 bytes for RFC 4291 §2.2 text (with `::` and an embedded IPv4 tail), else `nil`.
    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        let halves = text.split(separator: "::", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        guard let head = Self.groups(halves[0]) else { return nil }
        if halves.count == 1 {
            return head.count == 16 ? head : nil
        }
        guard let tail = Self.groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }

    /// The bytes of colon-separated hex groups, the last of which may be an embedded IPv4 address.
    private static func groups(_ text: Substring) -> [UInt8]? {
        if text.isEmpty { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, part.contains(".") {
                guard let v4 = Self.parseIPv4(part) else { return nil }
                bytes += v4
            } else {
                guard (1...4).contains(part.count), let value = UInt16(part, radix: 16) else { return nil }
                bytes += [UInt8(value >> 8), UInt8(value & 0xff)]
            }
        }
        return bytes.count <= 16 ? bytes : nil
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), if it is one.
    static func unmapped(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff
        else { return nil }
        return Array(bytes[12..<16])
    }

    /// `bytes` (IPv4) as an IPv4-mapped IPv6 address.
    static func mapped(_ bytes: [UInt8]) -> [UInt8] {
        Array(repeating: 0, count: 10) + [0xff, 0xff] + bytes
    }

    /// Both addresses in one family: IPv4 if both are IPv4 (or IPv4-mapped), otherwise IPv6. An address that
    /// does not parse becomes the unspecified address of the other's family.
    static func pair(_ source: String, _ destination: String) -> (source: [UInt8], destination: [UInt8]) {
        var a = Self.parse(source).map { Self.unmapped($0) ?? $0 }
        var b = Self.parse(destination).map { Self.unmapped($0) ?? $0 }
        a = a ?? Array(repeating: 0, count: b?.count ?? 4)
        b = b ?? Array(repeating: 0, count: a?.count ?? 4)
        guard let a, let b else { return ([0, 0, 0, 0], [0, 0, 0, 0]) }
        if a.count == b.count { return (a, b) }
        return (a.count == 4 ? Self.mapped(a) : a, b.count == 4 ? Self.mapped(b) : b)
    }
}
