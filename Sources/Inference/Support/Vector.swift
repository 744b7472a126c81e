/// Small helpers over `Double` vectors stored in flat buffers.
enum Vector {
    /// Scales `buffer[range]` to unit sum. Returns `false`, leaving the slice untouched, when the sum is zero
    /// or not finite (the evidence below contradicts itself, or an input was not finite).
    @inline(__always)
    static func normalise(_ buffer: inout [Double], _ range: Range<Int>) -> Bool {
        var sum = 0.0
        for index in range {
            sum += buffer[index]
        }
        guard sum > 0, sum.isFinite else {
            return false
        }
        let scale = 1.0 / sum
        for index in range {
            buffer[index] *= scale
        }
        return true
    }

    /// Returns `vector` scaled to unit sum, or `nil` when its sum is zero or not finite.
    static func normalised(_ vector: [Double]) -> [Double]? {
        var copy = vector
        guard Self.normalise(&copy, 0..<copy.count) else {
            return nil
        }
        return copy
    }

    /// Returns `weights` scaled to unit sum, or `nil` when its sum is zero or not finite; weights that already
    /// sum to 1 within `1e-12` are returned as they are, so normalising twice changes nothing (a model written by
    /// ``ModelWriter`` reads back bit for bit).
    static func normalisedWeights(_ weights: [Double]) -> [Double]? {
        var sum = 0.0
        for value in weights {
            sum += value
        }
        if abs(sum - 1) <= 1e-12 {
            return weights
        }
        return Self.normalised(weights)
    }

    /// Whether every entry is finite and non-negative and at least one is positive.
    static func isLikelihood(_ vector: [Double]) -> Bool {
        var positive = false
        for value in vector {
            guard value.isFinite, value >= 0 else {
                return false
            }
            if value > 0 {
                positive = true
            }
        }
        return positive
    }
}
