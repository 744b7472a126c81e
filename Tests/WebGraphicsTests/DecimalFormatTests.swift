import Testing

@testable import WebGraphics

@Suite struct DecimalFormatTests {
    @Test func formatsWithoutExponentOrNegativeZero() {
        #expect(DecimalFormat.string(12.5) == "12.5")
        #expect(DecimalFormat.string(3) == "3")
        #expect(DecimalFormat.string(0.125) == "0.13")
        #expect(DecimalFormat.string(-0.001) == "0")
        #expect(DecimalFormat.string(-0.0) == "0")
        #expect(DecimalFormat.string(-2.345) == "-2.35")
        #expect(DecimalFormat.string(1e-9) == "0")
        #expect(DecimalFormat.string(123_456_789.125, fractionDigits: 2) == "123456789.13")
        #expect(DecimalFormat.string(1.5, fractionDigits: 3, trimmingZeros: false) == "1.500")
        #expect(DecimalFormat.string(7.77, fractionDigits: 0) == "8")
    }

    @Test func clampsNonFiniteAndHugeValues() {
        #expect(DecimalFormat.string(.nan) == "0")
        #expect(DecimalFormat.string(.infinity) == "1000000000000")
        #expect(DecimalFormat.string(-.infinity) == "-1000000000000")
        #expect(DecimalFormat.string(1e300) == "1000000000000")
        #expect(DecimalFormat.string(2.5, fractionDigits: 99) == "2.5")
        #expect(DecimalFormat.string(2.5, fractionDigits: -3) == "3")
    }

    @Test func formatsPercentages() {
        #expect(DecimalFormat.percent(1, of: 3) == "33%")
        #expect(DecimalFormat.percent(2, of: 3) == "67%")
        #expect(DecimalFormat.percent(1, of: 0) == "0%")
        #expect(DecimalFormat.percent(.nan, of: 1) == "0%")
    }

    @Test func svgNumbers() {
        #expect((1.0 / 3).svg == "0.33")
        #expect((-1e-7).svg == "0")
    }
}
