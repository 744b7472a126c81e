/// How a continuous observation maps onto a node's states: strictly increasing inclusive upper bounds, one
/// fewer than the states.
///
/// A value `x` falls in the first state `i` with `x ≤ bounds[i]`, and in the last state when it exceeds every
/// bound. `intervals: 1, 4` over three states reads σ ≤ 1, 1 < σ ≤ 4, σ > 4.
public struct Discretisation: Sendable, Hashable {
    /// The inclusive upper bounds, strictly increasing and finite.
    public let bounds: [Double]

    /// Creates a discretisation; `bounds` must be finite and strictly increasing (checked by the parser).
    public init(bounds: [Double]) {
        self.bounds = bounds
    }

    /// The state index for `value`; `nil` for a value that is not finite (no evidence).
    public func state(for value: Double) -> Int? {
        guard value.isFinite else {
            return nil
        }
        for (index, bound) in self.bounds.enumerated() where value <= bound {
            return index
        }
        return self.bounds.count
    }
}
