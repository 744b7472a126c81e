import Behaviour
import Testing

@Suite struct BehaviourErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var code: BehaviourError.Code
        var line: Int
        var column: Int
        var testDescription: String { self.name }
    }

    static let deterministic = "Mode : Deterministic\n"
    static let randomized = "Mode : Randomized\n"

    static let cases: [Case] = [
        Case(name: "missing mode", text: "# profile\n\n  Idle {}\n", code: .missingMode, line: 3, column: 3),
        Case(name: "empty file", text: "", code: .missingMode, line: 1, column: 1),
        Case(name: "unknown mode", text: "Mode : Chaotic\nIdle {}", code: .unknownMode, line: 1, column: 8),
        Case(name: "mode without colon", text: "Mode Deterministic\n", code: .syntax, line: 1, column: 6),
        Case(
            name: "junk after the mode",
            text: "Mode : Deterministic extra\nIdle {}",
            code: .syntax,
            line: 1,
            column: 22
        ),
        Case(name: "no states", text: "Mode : Deterministic\n# nothing\n", code: .noStates, line: 3, column: 1),
        Case(
            name: "missing slash",
            text: deterministic + "Idle {\n  INVITE OpRing\n}",
            code: .syntax,
            line: 3,
            column: 10
        ),
        Case(name: "missing brace", text: deterministic + "Idle\n  INVITE/OpRing", code: .syntax, line: 3, column: 3),
        Case(
            name: "missing comma",
            text: deterministic + "Idle {\n  INVITE/OpRing\n  BYE/OpEndCall\n}",
            code: .syntax,
            line: 4,
            column: 3
        ),
        Case(
            name: "unclosed clause",
            text: deterministic + "Idle {\n  INVITE/OpRing,",
            code: .syntax,
            line: 3,
            column: 17
        ),
        Case(
            name: "unterminated string",
            text: deterministic + "Idle { INVITE/OpReject(486, \"Busy) }\n",
            code: .unterminatedString,
            line: 2,
            column: 29
        ),
        Case(
            name: "bad number",
            text: deterministic + "Idle { INVITE/OpStartRing(1.2.3) }",
            code: .badNumber,
            line: 2,
            column: 27
        ),
        Case(
            name: "number with unit",
            text: deterministic + "Idle { INVITE/OpStartRing(5s) }",
            code: .badNumber,
            line: 2,
            column: 27
        ),
        Case(
            name: "status out of range",
            text: deterministic + "Idle { INVITE/OpReject(700) }",
            code: .outOfRange,
            line: 2,
            column: 24
        ),
        Case(
            name: "negative seconds",
            text: deterministic + "Idle { INVITE/OpDelay(-1) }",
            code: .outOfRange,
            line: 2,
            column: 23
        ),
        Case(
            name: "zero weight",
            text: randomized + "Idle { INVITE/choose(0: OpRing) }",
            code: .outOfRange,
            line: 2,
            column: 22
        ),
        Case(
            name: "uniform reversed",
            text: randomized + "Idle { INVITE/OpStartRing(uniform(8, 2)) }",
            code: .outOfRange,
            line: 2,
            column: 27
        ),
        Case(
            name: "duplicate state",
            text: deterministic + "Idle {}\n\nIDLE {}\n",
            code: .duplicateState,
            line: 4,
            column: 1
        ),
        Case(
            name: "unknown event",
            text: deterministic + "Ringing {\n  ringtimout/OpAnswerCall\n}",
            code: .unknownEvent,
            line: 3,
            column: 3
        ),
        Case(
            name: "lower-case unknown method",
            text: deterministic + "Idle { frobnicate/OpRing }",
            code: .unknownEvent,
            line: 2,
            column: 8
        ),
        Case(
            name: "bad DTMF digit",
            text: deterministic + "Idle { DTMF(55)/OpAddDigit }",
            code: .unknownEvent,
            line: 2,
            column: 13
        ),
        Case(
            name: "argument on a non-DTMF event",
            text: deterministic + "Idle { BYE(1)/OpEndCall }",
            code: .unknownEvent,
            line: 2,
            column: 8
        ),
        Case(
            name: "unknown operator",
            text: deterministic + "Idle { INVITE/OpFly }",
            code: .unknownOperator,
            line: 2,
            column: 15
        ),
        Case(
            name: "unknown state",
            text: deterministic + "Idle { timeout/OpRingCancel -> Nowhere }",
            code: .unknownState,
            line: 2,
            column: 32
        ),
        Case(
            name: "unknown distribution",
            text: randomized + "Idle { INVITE/OpDelay(poisson(3)) }",
            code: .unknownDistribution,
            line: 2,
            column: 23
        ),
        Case(
            name: "too few arguments",
            text: deterministic + "Idle { INVITE/OpPlayFile() }",
            code: .wrongArgumentCount,
            line: 2,
            column: 15
        ),
        Case(
            name: "too many arguments",
            text: deterministic + "Idle { INVITE/OpRing(5) }",
            code: .wrongArgumentCount,
            line: 2,
            column: 22
        ),
        Case(
            name: "distribution arity",
            text: randomized + "Idle { INVITE/OpDelay(normal(3)) }",
            code: .wrongArgumentCount,
            line: 2,
            column: 23
        ),
        Case(
            name: "word for seconds",
            text: deterministic + "Idle { INVITE/OpStartRing(five) }",
            code: .wrongArgumentType,
            line: 2,
            column: 27
        ),
        Case(
            name: "not a URI",
            text: deterministic + "Idle { INVITE/OpRedirect(alice) }",
            code: .wrongArgumentType,
            line: 2,
            column: 26
        ),
        Case(
            name: "not digits",
            text: deterministic + "Idle { INVITE/OpSendDTMF(x12) }",
            code: .wrongArgumentType,
            line: 2,
            column: 26
        ),
        Case(
            name: "keyword as timer",
            text: deterministic + "Idle { INVITE/OpStartTimer(entry, 1) }",
            code: .wrongArgumentType,
            line: 2,
            column: 28
        ),
        Case(
            name: "distribution in deterministic mode",
            text: deterministic + "Idle { INVITE/OpStartRing(uniform(2,8)) }",
            code: .randomnessInDeterministicMode,
            line: 2,
            column: 27
        ),
        Case(
            name: "choose in deterministic mode",
            text: deterministic + "Idle { INVITE/choose(1: OpRing) }",
            code: .randomnessInDeterministicMode,
            line: 2,
            column: 15
        ),
        Case(
            name: "unexpected byte",
            text: deterministic + "Idle { INVITE/OpRing; }",
            code: .syntax,
            line: 2,
            column: 21
        ),
    ]

    @Test(arguments: cases)
    func reportsCodeAndPosition(_ testCase: Case) {
        let error = Fixtures.error(testCase.text)
        #expect(error?.code == testCase.code, "\(String(describing: error))")
        #expect(error?.line == testCase.line, "\(String(describing: error))")
        #expect(error?.column == testCase.column, "\(String(describing: error))")
    }

    @Test func invalidUTF8BytesAreCaught() {
        var bytes = Array((Self.deterministic + "Idle { INVITE/OpReject(486, \"B").utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\") }".utf8)
        do {
            _ = try BehaviourProfile(parsing: bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidText)
            #expect(error.position == SourcePosition(line: 2, column: 29))
        }
    }

    @Test func descriptionNamesFileLineColumnAndPrintableEvidence() {
        var bytes = Array((Self.deterministic + "Idle { INVITE/Op").utf8)
        bytes += [0x01, 0xC3]
        do {
            _ = try BehaviourProfile(parsing: bytes, fileName: "phone.profile")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.offendingText == "\\x01\\xC3")
            #expect(
                error.description
                    == "phone.profile:2:17: error[syntax]: expected ',' or '}' after a rule (near \"\\x01\\xC3\")"
            )
        }
    }

    @Test func offendingTextIsTruncated() {
        let error = Fixtures.error(Self.deterministic + "Idle { INVITE/" + String(repeating: "#x", count: 1) + "\n}")
        #expect(error?.code == .syntax)
        let long = Fixtures.error(
            Self.deterministic + "Idle { INVITE/OpFly" + String(repeating: "y", count: 100) + " }"
        )
        #expect(long?.offendingText.count == BehaviourError.maximumOffendingTextLength)
    }
}
