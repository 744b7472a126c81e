/// A value axis from zero with "nice" ticks: steps of 1, 2 or 5 times a power of ten.
struct NiceScale: Sendable, Hashable {
    /// The largest value the axis must show, clamped to ``maximumValue``.
    static let maximumValue: Double = 1e18

    /// The distance between two ticks.
    let step: Double
    /// The top of the axis: a multiple of ``step`` at or above the largest value, at least one step.
    let top: Double

    /// A scale for values from zero to `maximum` with about `targetTicks` steps (at least 1).
    /// NaN, negative and zero maxima give the scale 0...1 in steps of 1 (with `targetTicks` 1).
    init(maximum: Double, targetTicks: Int = 5) {
        let maximum = maximum.isNaN ? 0 : min(max(maximum, 0), Self.maximumValue)
        let ticks = Double(min(max(targetTicks, 1), 20))
        guard maximum > 0 else {
            self.step = 1
            self.top = 1
            return
        }
        let raw = maximum / ticks
        var magnitude = 1.0
        while magnitude * 10 <= raw {
            magnitude *= 10
        }
        while magnitude > raw && magnitude > 1e-12 {
            magnitude /= 10
        }
        var step = magnitude * 10
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw {
            step = factor * magnitude
            break
        }
        // Counts are whole numbers: never a step below 1 when the maximum is at least 1.
        if maximum >= 1 && step < 1 {
            step = 1
        }
        self.step = step
        self.top = max(step, (maximum / step).rounded(.up) * step)
    }

    /// The tick values from 0 to ``top`` inclusive (at most 41 of them).
    var ticks: [Double] {
        var result: [Double] = []
        var index = 0.0
        while index * self.step <= self.top * (1 + 1e-9) && result.count < 41 {
            result.append(index * self.step)
            index += 1
        }
        return result
    }

    /// A short tick label: `950`, `1.5k`, `2M`, `3G`, `0.25`.
    static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e9 {
            return DecimalFormat.string(value / 1e9, fractionDigits: 1) + "G"
        }
        if magnitude >= 1e6 {
            return DecimalFormat.string(value / 1e6, fractionDigits: 1) + "M"
        }
        if magnitude >= 1e3 {
            return DecimalFormat.string(value / 1e3, fractionDigits: 1) + "k"
        }
        return DecimalFormat.string(value, fractionDigits: 2)
    }
}
