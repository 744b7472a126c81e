extension BehaviourNumber {
    /// One value: the constant, or a sample drawn from `random`.
    ///
    /// Uniform is `low + (high − low)·u`; exponential is the inverse CDF `−mean·ln(1 − u)`; normal is the
    /// Marsaglia polar form of Box–Muller (two uniforms in the unit disc, `x·√(−2 ln s / s)`), whose rejection
    /// loop is bounded (64 rounds, then the mean). The logarithm is ours (``Sampling/naturalLogarithm(_:)``)
    /// because the module uses the standard library only.
    func sample(using random: inout SplitMix64) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * random.nextUnit()
        case .exponential(let mean):
            return -mean * Sampling.naturalLogarithm(1 - random.nextUnit())
        case .normal(let mean, let deviation):
            for _ in 0..<64 {
                let x = 2 * random.nextUnit() - 1
                let y = 2 * random.nextUnit() - 1
                let s = x * x + y * y
                if s > 0 && s < 1 {
                    return mean + deviation * x * (-2 * Sampling.naturalLogarithm(s) / s).squareRoot()
                }
            }
            return mean
        }
    }
}

/// The elementary functions the samplers need, in pure Swift.
enum Sampling {
    /// ln(x) for x > 0 (−∞ for 0, NaN below 0), to about 1 ulp: x = m·2^e with m in [√½, √2), then
    /// ln m = 2·atanh(t) with t = (m − 1)/(m + 1), |t| < 0.172, by its odd series.
    static func naturalLogarithm(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        var exponent = Double(x.exponent)
        var mantissa = x.significand  // [1, 2)
        if mantissa > 1.414_213_562_373_095 {
            mantissa /= 2
            exponent += 1
        }
        let t = (mantissa - 1) / (mantissa + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var k = 1.0
        for _ in 0..<30 {
            sum += term / k
            term *= t2
            k += 2
        }
        return 2 * sum + exponent * 0.693_147_180_559_945_3
    }
}
