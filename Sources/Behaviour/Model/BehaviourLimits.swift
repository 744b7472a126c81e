/// The bounds every profile is held to, so that a hostile or broken file can neither trap the parser nor make
/// an unbounded machine.
///
/// The paper sets no numbers; the defaults are far above any sensible profile (Fig. 4 has 6 states, 23 rules).
/// Exceeding one throws ``BehaviourError/Code/limitExceeded`` at the place it was exceeded. A negative value
/// is treated as zero.
public struct BehaviourLimits: Sendable, Hashable {
    /// The largest profile accepted, in bytes. Default 65,536.
    public var maximumFileSize: Int
    /// The most states (clauses). Default 128.
    public var maximumStates: Int
    /// The most rules (`event/Operator` items) in one clause. Default 256.
    public var maximumRulesPerState: Int
    /// The most rules in the whole profile. Default 4,096.
    public var maximumRules: Int
    /// The most arguments of one operator or distribution. Default 8.
    public var maximumArguments: Int
    /// The longest identifier (a state-name word, event, operator, bare argument, number) in bytes.
    /// Default 128.
    public var maximumIdentifierLength: Int
    /// The longest quoted string, in bytes. Default 512.
    public var maximumStringLength: Int
    /// The deepest nesting of `choose(…)` inside `choose(…)`. Default 4.
    public var maximumNesting: Int
    /// The most alternatives of one `choose(…)`. Default 32.
    public var maximumChoices: Int

    /// Creates limits; every parameter defaults to the documented default.
    public init(
        maximumFileSize: Int = 65_536,
        maximumStates: Int = 128,
        maximumRulesPerState: Int = 256,
        maximumRules: Int = 4_096,
        maximumArguments: Int = 8,
        maximumIdentifierLength: Int = 128,
        maximumStringLength: Int = 512,
        maximumNesting: Int = 4,
        maximumChoices: Int = 32
    ) {
        self.maximumFileSize = max(0, maximumFileSize)
        self.maximumStates = max(0, maximumStates)
        self.maximumRulesPerState = max(0, maximumRulesPerState)
        self.maximumRules = max(0, maximumRules)
        self.maximumArguments = max(0, maximumArguments)
        self.maximumIdentifierLength = max(0, maximumIdentifierLength)
        self.maximumStringLength = max(0, maximumStringLength)
        self.maximumNesting = max(0, maximumNesting)
        self.maximumChoices = max(0, maximumChoices)
    }
}
