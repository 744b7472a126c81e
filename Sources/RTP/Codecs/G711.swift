/// ITU-T G.711 companding: µ-law (PCMU, RTP payload type 0) and A-law (PCMA, payload type 8), RFC 3551 §4.5.14.
///
/// Encoding follows the classic reference implementation (Sun Microsystems' public-domain `g711.c`, which the
/// ITU-T G.191 software tools match): the 16-bit sample is reduced to 14 bits (µ-law) or 13 bits (A-law),
/// the segment is found and the top four bits of the mantissa kept (truncation); decoding returns the middle
/// of the quantisation interval, scaled back to 16 bits. Decoding uses 256-entry tables built from the same
/// formula, so both directions are exact.
public enum G711: Sendable, Hashable, CaseIterable {
    /// µ-law (North America, Japan): PCMU.
    case muLaw
    /// A-law (Europe and most of the rest of the world): PCMA.
    case aLaw

    /// The static RTP payload type (RFC 3551 Table 4): 0 for PCMU, 8 for PCMA.
    public var payloadType: UInt8 {
        switch self {
        case .muLaw: 0
        case .aLaw: 8
        }
    }

    /// The codec for a static payload type (0 or 8), or `nil`.
    public init?(payloadType: UInt8) {
        switch payloadType {
        case 0: self = .muLaw
        case 8: self = .aLaw
        default: return nil
        }
    }

    /// The byte that encodes silence: 0xFF for µ-law, 0xD5 for A-law.
    public var silence: UInt8 {
        switch self {
        case .muLaw: 0xFF
        case .aLaw: 0xD5
        }
    }

    /// Encodes one linear 16-bit sample.
    public func encode(_ sample: Int16) -> UInt8 {
        switch self {
        case .muLaw: Self.muLawEncode(sample)
        case .aLaw: Self.aLawEncode(sample)
        }
    }

    /// Decodes one code to a linear 16-bit sample.
    public func decode(_ code: UInt8) -> Int16 {
        switch self {
        case .muLaw: Self.muLawTable[Int(code)]
        case .aLaw: Self.aLawTable[Int(code)]
        }
    }

    /// Encodes samples, one byte per sample.
    public func encode(_ samples: some Collection<Int16>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(samples.count)
        for sample in samples {
            out.append(self.encode(sample))
        }
        return out
    }

    /// Decodes codes, one sample per byte.
    public func decode(_ codes: some Collection<UInt8>) -> [Int16] {
        var out: [Int16] = []
        out.reserveCapacity(codes.count)
        for code in codes {
            out.append(self.decode(code))
        }
        return out
    }

    // MARK: µ-law

    private static let muLawSegmentEnds: [Int32] = [0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF]
    private static let aLawSegmentEnds: [Int32] = [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF]

    private static func segment(of value: Int32, ends: [Int32]) -> Int32 {
        var segment: Int32 = 0
        for end in ends {
            if value <= end {
                return segment
            }
            segment += 1
        }
        return segment
    }

    private static func muLawEncode(_ sample: Int16) -> UInt8 {
        var value = Int32(sample) >> 2
        let mask: Int32
        if value < 0 {
            value = -value
            mask = 0x7F
        } else {
            mask = 0xFF
        }
        value = min(value, 8_159) + (0x84 >> 2)
        let segment = Self.segment(of: value, ends: Self.muLawSegmentEnds)
        if segment >= 8 {
            return UInt8(0x7F ^ mask)
        }
        let code = (segment << 4) | ((value >> (segment + 1)) & 0x0F)
        return UInt8(truncatingIfNeeded: code ^ mask)
    }

    private static func muLawDecode(_ code: UInt8) -> Int16 {
        let value = Int32(~code)
        var magnitude = ((value & 0x0F) << 3) + 0x84
        magnitude <<= (value & 0x70) >> 4
        return Int16(value & 0x80 != 0 ? 0x84 - magnitude : magnitude - 0x84)
    }

    // MARK: A-law

    private static func aLawEncode(_ sample: Int16) -> UInt8 {
        var value = Int32(sample) >> 3
        let mask: Int32
        if value >= 0 {
            mask = 0xD5
        } else {
            mask = 0x55
            value = -value - 1
        }
        let segment = Self.segment(of: value, ends: Self.aLawSegmentEnds)
        if segment >= 8 {
            return UInt8(0x7F ^ mask)
        }
        var code = segment << 4
        if segment < 2 {
            code |= (value >> 1) & 0x0F
        } else {
            code |= (value >> segment) & 0x0F
        }
        return UInt8(truncatingIfNeeded: code ^ mask)
    }

    private static func aLawDecode(_ code: UInt8) -> Int16 {
        let value = Int32(code ^ 0x55)
        var magnitude = (value & 0x0F) << 4
        let segment = (value & 0x70) >> 4
        switch segment {
        case 0:
            magnitude += 8
        case 1:
            magnitude += 0x108
        default:
            magnitude += 0x108
            magnitude <<= segment - 1
        }
        return Int16(value & 0x80 != 0 ? magnitude : -magnitude)
    }

    private static let muLawTable: [Int16] = (0...255).map { Self.muLawDecode(UInt8($0)) }
    private static let aLawTable: [Int16] = (0...255).map { Self.aLawDecode(UInt8($0)) }
}
