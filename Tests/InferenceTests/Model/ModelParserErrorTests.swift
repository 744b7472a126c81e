import Testing

@testable import Inference

/// Bad model texts are rejected with the right code at the right line (and column where it is precise).
@Suite struct ModelParserErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var code: InferenceError.Code
        var line: Int
        var column: Int?

        var testDescription: String {
            self.name
        }
    }

    static let header = """
        honeyphone-model: 1
        node: Root
        states: A, B
        prior: 0.5, 0.5

        """

    static let cases: [Case] = [
        Case(
            name: "row not summing to 1",
            text: header + "node: C\nparent: Root\nstates: x, y\nrow: A = 0.5, 0.5\nrow: B = 0.5, 0.4\n",
            code: .rowSum,
            line: 9
        ),
        Case(
            name: "unknown parent",
            text: header + "node: C\nparent: Nobody\nstates: x, y\nrow: A = 0.5, 0.5\n",
            code: .unknownNode,
            line: 6
        ),
        Case(
            name: "wrong row length",
            text: header + "node: C\nparent: Root\nstates: x, y\nrow: A = 0.5, 0.5\nrow: B = 0.2, 0.3, 0.5\n",
            code: .rowLength,
            line: 9
        ),
        Case(
            name: "duplicate node",
            text: header + "node: C\nparent: Root\nstates: x, y\nrow: A = 1, 0\nrow: B = 0, 1\nnode: C\nparent: Root\n"
                + "states: x, y\nrow: A = 1, 0\nrow: B = 0, 1\n",
            code: .duplicateNode,
            line: 10
        ),
        Case(
            name: "cycle",
            text: header + "node: C\nparent: D\nstates: x, y\nrow: x = 1, 0\nrow: y = 0, 1\n"
                + "node: D\nparent: C\nstates: x, y\nrow: x = 1, 0\nrow: y = 0, 1\n",
            code: .cycle,
            line: 11
        ),
        Case(name: "no version", text: "node: Root\nstates: A, B\n", code: .unsupportedVersion, line: 1),
        Case(name: "future version", text: "honeyphone-model: 2\n", code: .unsupportedVersion, line: 1, column: 19),
        Case(
            name: "bad number",
            text: header + "node: C\nparent: Root\nstates: x, y\nrow: A = 0.5, zero\nrow: B = 0.5, 0.5\n",
            code: .invalidNumber,
            line: 8,
            column: 15
        ),
        Case(
            name: "row labelled with an unknown parent state",
            text: header + "node: C\nparent: Root\nstates: x, y\nrow: A = 0.5, 0.5\nrow: Q = 0.5, 0.5\n",
            code: .unknownState,
            line: 9,
            column: 6
        ),
        Case(
            name: "missing row",
            text: header + "node: C\nparent: Root\nstates: x, y\nrow: A = 0.5, 0.5\n",
            code: .missingRows,
            line: 5
        ),
        Case(name: "no colon", text: header + "node C\n", code: .syntax, line: 5, column: 1),
        Case(name: "unknown attribute", text: header + "colour: red\n", code: .syntax, line: 5, column: 1),
        Case(name: "two roots", text: header + "node: R2\nstates: a, b\nprior: 1, 1\n", code: .rootCount, line: 5),
        Case(
            name: "markov row not summing to 1",
            text: header + "markov: Root\nrow: A = 0.6, 0.4\nrow: B = 0.2, 0.9\n",
            code: .rowSum,
            line: 7
        ),
        Case(
            name: "intervals not increasing",
            text: header + "node: C\nparent: Root\nstates: x, y, z\nintervals: 4, 1\nrow: A = 0.2, 0.3, 0.5\n"
                + "row: B = 0.2, 0.3, 0.5\n",
            code: .invalidIntervals,
            line: 8,
            column: 12
        ),
        Case(
            name: "repeated state",
            text: header + "node: C\nparent: Root\nstates: x, x\n",
            code: .invalidStates,
            line: 7
        ),
    ]

    @Test(arguments: Self.cases)
    func rejected(_ testCase: Case) {
        #expect {
            _ = try ModelParser.parse(testCase.text)
        } throws: { error in
            guard let error = error as? InferenceError else {
                return false
            }
            let columnMatches = testCase.column.map { $0 == error.column } ?? (error.column >= 1)
            return error.code == testCase.code && error.line == testCase.line && columnMatches
        }
    }

    @Test func theSmallestValidModelParses() throws {
        let model = try ModelParser.parse(
            Self.header + "node: C # a comment\nparent: Root\nstates: x, y\nrow: B = 0, 1\nrow: A = 0.25, 0.75\n"
        )
        let child = try #require(model.tree.index(of: "C"))
        #expect(model.tree.probability(of: child, state: 1, givenParentState: 0) == 0.75)
        #expect(model.markov == nil)
    }
}
