/// One entry of the signature database: a name, a category, the agent strings it announces, and the
/// shape rules its messages follow.
public struct FingerprintSignature: Hashable, Sendable {
    /// Which messages a signature describes.
    public enum Direction: String, Hashable, Sendable {
        /// Requests the software sends (passive fingerprinting of sources).
        case requests
        /// Responses the software sends (active fingerprinting by OPTIONS).
        case responses
        /// Both.
        case both
    }

    /// A stable identifier (`sipvicious-svmap`).
    public var identifier: String
    /// A readable name (`SIPVicious svmap`).
    public var name: String
    /// The category.
    public var category: FingerprintCategory
    /// Which messages it applies to.
    public var direction: Direction
    /// Case-insensitive fragments of User-Agent/Server; a leading `^` anchors at the start.
    public var agents: [String]
    /// The shape rules.
    public var rules: [ShapeRule]

    /// Creates a signature.
    public init(
        _ identifier: String,
        name: String,
        category: FingerprintCategory,
        direction: Direction = .requests,
        agents: [String],
        rules: [ShapeRule] = []
    ) {
        self.identifier = identifier
        self.name = name
        self.category = category
        self.direction = direction
        self.agents = agents
        self.rules = rules
    }

    /// Whether `agent` matches one of ``agents``.
    public func agentMatches(_ agent: String?) -> Bool {
        guard let agent else { return false }
        let lower = agent.lowercased()
        return self.agents.contains { fragment in
            let wanted = fragment.lowercased()
            if wanted.hasPrefix("^") { return lower.hasPrefix(wanted.dropFirst()) }
            return lower.contains(wanted)
        }
    }
}
