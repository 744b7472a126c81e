/// One host's step of the trust chain (paper §VII-C): the pre-belief from the chain, the fused λ of the
/// host's evidence, and the posterior that becomes the next pre-belief through M.
public struct TrustStep: Sendable, Hashable {
    /// The host (attacker-supplied: data only).
    public var host: String

    /// PRE_BEL_k: the prior π at the trust node for this host.
    public var preBelief: [Double]

    /// The fused, normalised λ at the trust node from this host's evidence (equation 3).
    public var lambda: [Double]

    /// POST_BEL_k: the belief at the trust node (equation 4).
    public var posterior: [Double]

    /// The λ message of each of the trust node's children.
    public var messages: [EvidenceMessage]

    /// Creates a step record.
    public init(host: String, preBelief: [Double], lambda: [Double], posterior: [Double], messages: [EvidenceMessage]) {
        self.host = host
        self.preBelief = preBelief
        self.lambda = lambda
        self.posterior = posterior
        self.messages = messages
    }
}
