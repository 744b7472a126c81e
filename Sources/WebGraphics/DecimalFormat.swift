/// Fixed-point decimal formatting without Foundation: no exponent, no `-0`, no locale.
public enum DecimalFormat {
    /// The largest magnitude written; larger values (and infinities) are clamped to it.
    public static let maximumMagnitude: Double = 1e12

    /// `value` with at most `fractionDigits` digits after the point (clamped to 0...6), rounded half away from
    /// zero. With `trimmingZeros`, trailing zeros and a trailing point are removed (`12.5`, `3`), otherwise the
    /// digits are all written (`12.50`). NaN is `0`; infinities and magnitudes above ``maximumMagnitude`` are
    /// clamped; a value that rounds to zero is `0`, never `-0`.
    public static func string(_ value: Double, fractionDigits: Int = 2, trimmingZeros: Bool = true) -> String {
        let digits = min(max(fractionDigits, 0), 6)
        guard !value.isNaN else {
            return "0"
        }
        let magnitude = min(abs(value), Self.maximumMagnitude)
        var scale: UInt64 = 1
        for _ in 0..<digits {
            scale *= 10
        }
        let scaled = UInt64((magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero))
        guard scaled != 0 else {
            return "0"
        }
        var result = value < 0 ? "-" : ""
        result += String(scaled / scale)
        guard digits > 0 else {
            return result
        }
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        if trimmingZeros {
            while fraction.last == "0" {
                fraction.removeLast()
            }
        }
        if !fraction.isEmpty {
            result += "." + fraction
        }
        return result
    }

    /// `part / whole` as a whole percentage with a `%` sign (`62%`); `0%` when `whole` is not positive.
    public static func percent(_ part: Double, of whole: Double) -> String {
        guard whole > 0, whole.isFinite, part.isFinite else {
            return "0%"
        }
        return Self.string(part / whole * 100, fractionDigits: 0) + "%"
    }
}
