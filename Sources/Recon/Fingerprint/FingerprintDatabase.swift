public import SIPCore

/// The signature database and its matcher.
///
/// **Score.** For a signature with shape rules, `confidence = 0.35 × agent + 0.65 × shape`, where `agent`
/// is 1 when User-Agent/Server names it and `shape` is the matched rule weight over the total. For an
/// agent-only signature (no known shape), `confidence = 0.35 × agent`; `shape` divides by at least
/// ``minimumShapeWeight``: a User-Agent alone is weak
/// evidence because it is one header anyone can write. So a message with the shape of svmap and the
/// User-Agent of a Yealink still scores 0.65 or more as svmap and 0.35 as Yealink, and the svmap match is
/// flagged ``FingerprintMatch/agentSpoofed``. Matches under ``minimumConfidence`` are dropped; the rest are
/// sorted by confidence.
public struct FingerprintDatabase: Sendable {
    /// Weight of the agent string in the confidence.
    public static let agentWeight = 0.35
    /// Weight of the shape in the confidence.
    public static let shapeWeight = 0.65
    /// Shape score from which a disagreeing agent counts as spoofed.
    public static let spoofShapeThreshold = 0.8
    /// The shape score divides by at least this weight, so a signature with two weak rules cannot reach
    /// a high shape score from common habits (Max-Forwards 70) alone.
    public static let minimumShapeWeight = 8

    /// The signatures.
    public var signatures: [FingerprintSignature]
    /// Matches below this confidence are not reported (default 0.3).
    public var minimumConfidence: Double
    /// Most matches reported per message (default 5).
    public var maximumMatches: Int

    /// Creates a database from signatures (``builtin`` by default).
    public init(
        signatures: [FingerprintSignature] = FingerprintDatabase.builtin,
        minimumConfidence: Double = 0.3,
        maximumMatches: Int = 5
    ) {
        self.signatures = signatures
        self.minimumConfidence = minimumConfidence
        self.maximumMatches = max(1, maximumMatches)
    }

    /// Matches a parsed message (requests against request signatures, responses against response ones).
    public func match(_ message: SIPMessage) -> [FingerprintMatch] {
        self.match(MessageShape(message: message))
    }

    /// Matches a message shape.
    public func match(_ shape: MessageShape) -> [FingerprintMatch] {
        var matches: [(match: FingerprintMatch, weight: Int)] = []
        for signature in self.signatures {
            switch signature.direction {
            case .requests: guard shape.isRequest else { continue }
            case .responses: guard !shape.isRequest else { continue }
            case .both: break
            }
            if let scored = self.score(signature, shape) { matches.append(scored) }
        }
        // Ties (same confidence) go to the signature that matched more evidence.
        matches.sort { ($0.match.confidence, $0.weight) > ($1.match.confidence, $1.weight) }
        return matches.prefix(self.maximumMatches).map(\.match)
    }

    /// The best match, if any.
    public func bestMatch(_ message: SIPMessage) -> FingerprintMatch? { self.match(message).first }

    private func score(
        _ signature: FingerprintSignature,
        _ shape: MessageShape
    ) -> (match: FingerprintMatch, weight: Int)? {
        let agentMatched = signature.agentMatches(shape.agent)
        var features: [String] = agentMatched ? ["user-agent"] : []
        var total = 0
        var matched = 0
        for rule in signature.rules {
            total += rule.weight
            if rule.evaluate(shape) {
                matched += rule.weight
                if !features.contains(rule.feature) { features.append(rule.feature) }
            }
        }
        let shapeScore = total == 0 ? 0 : Double(matched) / Double(max(total, Self.minimumShapeWeight))
        let confidence = Self.agentWeight * (agentMatched ? 1 : 0) + Self.shapeWeight * shapeScore
        guard confidence >= self.minimumConfidence else { return nil }
        let spoofed = !agentMatched && shape.agent != nil && shapeScore >= Self.spoofShapeThreshold
        if spoofed { features.append("user-agent-mismatch") }
        let match = FingerprintMatch(
            identifier: signature.identifier,
            name: signature.name,
            category: signature.category,
            confidence: (confidence * 1000).rounded() / 1000,
            shapeScore: (shapeScore * 1000).rounded() / 1000,
            agentMatched: agentMatched,
            features: features,
            agentSpoofed: spoofed
        )
        return (match, matched)
    }
}
