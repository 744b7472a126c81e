extension InferenceModel: Equatable {
    /// Two models are equal when their trees (see ``BayesianTree/==(_:_:)``), discretisations, Markov chains and
    /// thresholds are; the per-host subtree follows from those.
    public static func == (lhs: InferenceModel, rhs: InferenceModel) -> Bool {
        lhs.tree == rhs.tree && lhs.discretisations == rhs.discretisations && lhs.markov == rhs.markov
            && lhs.thresholds == rhs.thresholds
    }
}
