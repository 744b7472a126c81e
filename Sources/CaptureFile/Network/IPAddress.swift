/// An IPv4 or IPv6 address as numbers: cheap to hash as a flow or fragment key; text only for output.
enum IPAddress: Hashable, Sendable {
    /// An IPv4 address in host order.
    case v4(UInt32)
    /// An IPv6 address in host order, high and low 64 bits.
    case v6(UInt64, UInt64)

    /// Dotted quad, or RFC 5952 §4 text: lower-case hex, no leading zeros, the longest run of two or more zero
    /// groups (the first on ties) as `::`.
    var text: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\((value >> 16) & 0xFF).\((value >> 8) & 0xFF).\(value & 0xFF)"
        case .v6(let high, let low):
            var groups: [UInt16] = []
            for shift in stride(from: 48, through: 0, by: -16) {
                groups.append(UInt16(truncatingIfNeeded: high >> UInt64(shift)))
            }
            for shift in stride(from: 48, through: 0, by: -16) {
                groups.append(UInt16(truncatingIfNeeded: low >> UInt64(shift)))
            }
            var bestStart = -1
            var bestLength = 1
            var index = 0
            while index < 8 {
                guard groups[index] == 0 else {
                    index += 1
                    continue
                }
                let start = index
                while index < 8, groups[index] == 0 {
                    index += 1
                }
                if index - start > bestLength {
                    bestStart = start
                    bestLength = index - start
                }
            }
            func hex(_ range: Range<Int>) -> String {
                groups[range].map { String($0, radix: 16) }.joined(separator: ":")
            }
            guard bestStart >= 0 else {
                return hex(0..<8)
            }
            return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
        }
    }
}
