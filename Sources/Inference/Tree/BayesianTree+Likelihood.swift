// log P(e) by one upward pass of equations (2) and (3) without the normalisation's loss: each λ is scaled to unit
// sum as in propagation, and the logarithm of every scale is added up, so long products neither underflow nor
// overflow. With soft evidence the value is the likelihood of the virtual evidence, up to the constant factor of
// its scaling (only ratios of a likelihood vector matter), which is fine for comparing parameters on fixed data.

extension BayesianTree {
    /// `log P(evidence)` under the tree's parameters (natural logarithm); `-infinity` when the evidence is
    /// impossible (contradicts itself or the CPTs' zeros).
    ///
    /// - Parameters:
    ///   - evidence: The evidence per node.
    ///   - rootPrior: A prior for the root that replaces ``prior`` (non-negative weights, normalised here).
    public func logLikelihood(of evidence: EvidenceSet, rootPrior: [Double]? = nil) -> Double {
        var lambda = evidence.values
        var logScale = 0.0
        for node in self.order.reversed() {
            let start = self.offsets[node]
            let width = self.counts[node]
            var sum = 0.0
            for state in 0..<width {
                sum += lambda[start + state]
            }
            guard sum > 0, sum.isFinite else {
                return -.infinity
            }
            logScale += Self.naturalLog(sum)
            for state in 0..<width {
                lambda[start + state] /= sum
            }
            let parent = self.parents[node]
            guard parent >= 0 else {
                continue
            }
            let parentStart = self.offsets[parent]
            var cell = self.cptOffsets[node]
            for parentState in 0..<self.counts[parent] {
                var message = 0.0
                for state in 0..<width {
                    message += self.cpt[cell + state] * lambda[start + state]
                }
                cell += width
                lambda[parentStart + parentState] *= message
            }
        }
        let prior = rootPrior.flatMap { $0.count == self.counts[self.root] ? $0 : nil } ?? self.prior
        guard let prior = Vector.normalised(prior) else {
            return -.infinity
        }
        let start = self.offsets[self.root]
        var total = 0.0
        for state in 0..<self.counts[self.root] {
            total += prior[state] * lambda[start + state]
        }
        guard total > 0, total.isFinite else {
            return -.infinity
        }
        return logScale + Self.naturalLog(total)
    }

    /// The natural logarithm, in pure Swift (the module imports no Foundation or libm). `x` must be positive and
    /// finite. Exact to a few ulps: the exponent is split off and `log(m)` for m in [√½, √2) comes from the series
    /// of `2·atanh((m − 1)/(m + 1))`.
    static func naturalLog(_ x: Double) -> Double {
        let ln2 = 0.693_147_180_559_945_3
        var exponent = Double(x.exponent)
        var mantissa = x.significand
        if mantissa > 1.414_213_562_373_095_1 {
            mantissa /= 2
            exponent += 1
        }
        let ratio = (mantissa - 1) / (mantissa + 1)
        let square = ratio * ratio
        var term = ratio
        var sum = 0.0
        var denominator = 1.0
        while denominator < 60 {
            sum += term / denominator
            term *= square
            denominator += 2
        }
        return 2 * sum + exponent * ln2
    }
}
