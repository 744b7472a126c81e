import Behaviour
import Testing

@Suite struct BehaviourLimitsTests {
    static let deterministic = "Mode : Deterministic\n"
    static let randomized = "Mode : Randomized\n"

    struct LimitCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var limits: BehaviourLimits
        var line: Int
        var column: Int
        var testDescription: String { self.name }
    }

    static let limitCases: [LimitCase] = [
        LimitCase(
            name: "file size",
            text: deterministic + "Idle {}",
            limits: BehaviourLimits(maximumFileSize: 24),
            line: 2,
            column: 4
        ),
        LimitCase(
            name: "states",
            text: deterministic + "A {}\nB {}\nC {}",
            limits: BehaviourLimits(maximumStates: 2),
            line: 4,
            column: 1
        ),
        LimitCase(
            name: "rules per state",
            text: deterministic + "A { BYE/OpEndCall, ACK/OpRecord }",
            limits: BehaviourLimits(maximumRulesPerState: 1),
            line: 2,
            column: 20
        ),
        LimitCase(
            name: "rules",
            text: deterministic + "A { BYE/OpEndCall }\nB { ACK/OpRecord }",
            limits: BehaviourLimits(maximumRules: 1),
            line: 3,
            column: 5
        ),
        LimitCase(
            name: "arguments",
            text: deterministic + "A { BYE/OpReject(486, Busy, x) }",
            limits: BehaviourLimits(maximumArguments: 2),
            line: 2,
            column: 29
        ),
        LimitCase(
            name: "identifier length",
            text: deterministic + "A { BYE/OpEndCallxxxxxx }",
            limits: BehaviourLimits(maximumIdentifierLength: 14),
            line: 2,
            column: 9
        ),
        LimitCase(
            name: "string length",
            text: deterministic + "A { BYE/OpReject(486, \"Busy Here\") }",
            limits: BehaviourLimits(maximumStringLength: 4),
            line: 2,
            column: 23
        ),
        LimitCase(
            name: "nesting",
            text: randomized + "A { BYE/choose(1: choose(1: OpEndCall)) }",
            limits: BehaviourLimits(maximumNesting: 1),
            line: 2,
            column: 19
        ),
        LimitCase(
            name: "choices",
            text: randomized + "A { BYE/choose(1: OpEndCall, 1: OpRecord) }",
            limits: BehaviourLimits(maximumChoices: 1),
            line: 2,
            column: 30
        ),
    ]

    @Test(arguments: limitCases)
    func limitsAreEnforced(_ testCase: LimitCase) {
        let error = Fixtures.error(testCase.text, limits: testCase.limits)
        #expect(error?.code == .limitExceeded, "\(String(describing: error))")
        #expect(error?.line == testCase.line, "\(String(describing: error))")
        #expect(error?.column == testCase.column, "\(String(describing: error))")
    }

    @Test func negativeLimitsAreZero() {
        let limits = BehaviourLimits(maximumFileSize: -1, maximumNesting: -5)
        #expect(limits.maximumFileSize == 0)
        #expect(limits.maximumNesting == 0)
        #expect(Fixtures.error("Mode : Deterministic\nIdle {}", limits: limits)?.code == .limitExceeded)
    }
}
