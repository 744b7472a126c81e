/// One signature recognised in a message.
public struct FingerprintMatch: Hashable, Sendable {
    /// The signature's identifier.
    public var identifier: String
    /// Its readable name.
    public var name: String
    /// Its category.
    public var category: FingerprintCategory
    /// Confidence in [0, 1] (see ``FingerprintDatabase`` for the formula).
    public var confidence: Double
    /// The shape fraction: matched rule weight over total rule weight (0 for agent-only signatures).
    public var shapeScore: Double
    /// Whether the User-Agent/Server named this software.
    public var agentMatched: Bool
    /// The features that matched (`user-agent`, `branch`, `header-order`, ...).
    public var features: [String]
    /// The shape matched strongly but the message announced another agent: a lying User-Agent.
    public var agentSpoofed: Bool

    /// Creates a match.
    public init(
        identifier: String,
        name: String,
        category: FingerprintCategory,
        confidence: Double,
        shapeScore: Double,
        agentMatched: Bool,
        features: [String],
        agentSpoofed: Bool
    ) {
        self.identifier = identifier
        self.name = name
        self.category = category
        self.confidence = confidence
        self.shapeScore = shapeScore
        self.agentMatched = agentMatched
        self.features = features
        self.agentSpoofed = agentSpoofed
    }
}
