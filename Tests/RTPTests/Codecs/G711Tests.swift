import RTP
import Testing

@Suite struct G711Tests {
    @Test func knownValues() {
        #expect(G711.muLaw.encode(0) == 0xFF)
        #expect(G711.muLaw.decode(0xFF) == 0)
        #expect(G711.muLaw.decode(0x7F) == 0)
        #expect(G711.muLaw.encode(Int16.max) == 0x80)
        #expect(G711.muLaw.encode(Int16.min) == 0x00)
        #expect(G711.muLaw.decode(0x80) == 32_124)
        #expect(G711.muLaw.decode(0x00) == -32_124)
        #expect(G711.aLaw.encode(0) == 0xD5)
        #expect(G711.aLaw.decode(0xD5) == 8)
        #expect(G711.aLaw.decode(0x55) == -8)
        #expect(G711.aLaw.encode(Int16.max) == 0xAA)
        #expect(G711.aLaw.encode(Int16.min) == 0x2A)
        #expect(G711.aLaw.decode(0xAA) == 32_256)
        #expect(G711.aLaw.decode(0x2A) == -32_256)
        #expect(G711.muLaw.silence == 0xFF)
        #expect(G711.aLaw.silence == 0xD5)
        #expect(G711(payloadType: 0) == .muLaw)
        #expect(G711(payloadType: 8) == .aLaw)
        #expect(G711(payloadType: 18) == nil)
    }

    /// µ-law per G.711: sign bit, 3-bit exponent, 4-bit mantissa, all bits inverted;
    /// magnitude = ((2m + 33) · 2^e − 33) in 14-bit units, × 4 for 16-bit.
    @Test func muLawDecodesAllCodesByTheFormula() {
        for code in 0...255 {
            let inverted = ~UInt8(code)
            let exponent = Int(inverted >> 4) & 7
            let mantissa = Int(inverted) & 15
            let magnitude = ((2 * mantissa + 33) << exponent) - 33
            let expected = (inverted & 0x80 != 0 ? -magnitude : magnitude) * 4
            #expect(Int(G711.muLaw.decode(UInt8(code))) == expected, "code \(code)")
        }
    }

    /// A-law per G.711: even bits inverted (XOR 0x55), sign bit set for positive;
    /// magnitude = (2m + 1) for e = 0, (2m + 33) · 2^(e−1) otherwise, in 13-bit units, × 8 for 16-bit.
    @Test func aLawDecodesAllCodesByTheFormula() {
        for code in 0...255 {
            let value = UInt8(code) ^ 0x55
            let exponent = Int(value >> 4) & 7
            let mantissa = Int(value) & 15
            let magnitude = exponent == 0 ? 2 * mantissa + 1 : (2 * mantissa + 33) << (exponent - 1)
            let expected = (value & 0x80 != 0 ? magnitude : -magnitude) * 8
            #expect(Int(G711.aLaw.decode(UInt8(code))) == expected, "code \(code)")
        }
    }

    @Test(arguments: G711.allCases)
    func roundTripsEverySampleWithinTheQuantisationStep(law: G711) {
        var worst = 0
        for value in Int(Int16.min)...Int(Int16.max) {
            let decoded = Int(law.decode(law.encode(Int16(value))))
            let magnitude = min(abs(value), law == .muLaw ? 32_124 : 32_256)
            // The step doubles per segment: µ-law 8…1024 (16-bit units), A-law 16…1024.
            let step: Int
            switch law {
            case .muLaw: step = max(8, 1 << (Int.bitWidth - (magnitude + 132).leadingZeroBitCount - 5))
            case .aLaw: step = max(16, 1 << (Int.bitWidth - magnitude.leadingZeroBitCount - 5))
            }
            let error = abs(decoded - (value < 0 ? -magnitude : magnitude))
            worst = max(worst, error)
            // The encoder first drops 2 (µ-law) or 3 (A-law) low bits with an arithmetic shift, which rounds
            // negative values away from zero by up to 3 or 7 more.
            if error > step + (law == .muLaw ? 3 : 7) {
                Issue.record("\(law) \(value) → \(decoded), error \(error) > step \(step)")
                return
            }
            // Re-encoding a decoded value gives the same code (decoded values are reconstruction levels).
            let code = law.encode(Int16(value))
            if law.encode(law.decode(code)) != code {
                Issue.record("\(law) code \(code) does not survive decode/encode")
                return
            }
        }
        #expect(worst > 0)
    }

    @Test func encodesAndDecodesCollections() {
        let samples: [Int16] = [0, 1_000, -1_000, 30_000]
        #expect(G711.muLaw.decode(G711.muLaw.encode(samples)).count == 4)
        #expect(G711.aLaw.encode(samples).first == 0xD5)
    }
}
