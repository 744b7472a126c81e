/// The fingerprint trust table of the paper (§VI-B): a coefficient in [0, 1] per category, with
/// optional overrides per signature identifier.
public struct FingerprintTrustTable: Hashable, Sendable {
    /// Coefficient per category.
    public var categories: [FingerprintCategory: Double]
    /// Coefficient per signature identifier (wins over the category).
    public var signatures: [String: Double]
    /// Coefficient when nothing was recognised (default 0.5).
    public var unknown: Double

    /// Creates a table; values are clamped to [0, 1].
    public init(
        categories: [FingerprintCategory: Double] = Self.defaultCategories,
        signatures: [String: Double] = [:],
        unknown: Double = 0.5
    ) {
        self.categories = categories.mapValues(Self.clamp)
        self.signatures = signatures.mapValues(Self.clamp)
        self.unknown = Self.clamp(unknown)
    }

    /// Defaults: scanner 0.0, tool 0.2, softphone 0.8, hardphone 0.9, server 0.8.
    public static let defaultCategories: [FingerprintCategory: Double] = [
        .scanner: 0.0, .tool: 0.2, .softphone: 0.8, .hardphone: 0.9, .server: 0.8,
    ]

    /// The trust for a match (`nil`: nothing recognised). A spoofed agent never earns more than 0.1.
    public func trust(for match: FingerprintMatch?) -> Double {
        guard let match else { return self.unknown }
        let base = self.signatures[match.identifier] ?? self.categories[match.category] ?? self.unknown
        return match.agentSpoofed ? min(base, 0.1) : base
    }

    private static func clamp(_ value: Double) -> Double { min(1, max(0, value.isNaN ? 0 : value)) }
}
