/// The syntax tree of a profile, as written: names are not resolved yet. Offsets are byte offsets into the
/// ``SourceText``.
struct ProfileSyntax: Sendable {
    /// The `Mode` word as written, and where.
    var mode: String
    /// Where the mode word starts.
    var modeOffset: Int
    /// The clauses in source order.
    var clauses: [Clause]

    /// `Name { rule, … }`.
    struct Clause: Sendable {
        /// The state name, words joined by one space.
        var name: String
        /// Where it starts.
        var offset: Int
        /// The rules in clause order.
        var rules: [Rule]
    }

    /// `event/step`.
    struct Rule: Sendable {
        /// The event word as written.
        var event: String
        /// Where the event starts.
        var eventOffset: Int
        /// The event's argument (`DTMF(5)`), if any.
        var eventArgument: Argument?
        /// What runs.
        var step: Step
    }

    /// An operator call or a weighted choice.
    indirect enum Step: Sendable {
        /// One operator.
        case call(Call)
        /// `choose(…)` and where it starts.
        case choose(offset: Int, alternatives: [Alternative])
    }

    /// `weight: step` in a `choose`.
    struct Alternative: Sendable {
        /// The weight as written.
        var weight: Double
        /// Where the weight starts.
        var weightOffset: Int
        /// What runs.
        var step: Step
    }

    /// `Operator(arguments) -> Target`.
    struct Call: Sendable {
        /// The operator name as written.
        var name: String
        /// Where it starts.
        var offset: Int
        /// The arguments as written.
        var arguments: [Argument]
        /// The explicit target state, if any, and where its name starts.
        var target: String?
        /// Where the target name starts (0 without a target).
        var targetOffset: Int
    }

    /// One argument.
    struct Argument: Sendable {
        /// What kind of argument.
        enum Kind: Sendable {
            /// A decimal number.
            case number(Double)
            /// A bare word: a name, a file name, a URI, DTMF digits.
            case word
            /// A quoted string (``Argument/text`` holds it unescaped).
            case string
            /// `name(numbers)`.
            case distribution(name: String, parameters: [Double])
        }

        /// The kind.
        var kind: Kind
        /// The text as written (unescaped for strings).
        var text: String
        /// Where it starts.
        var offset: Int
    }
}
