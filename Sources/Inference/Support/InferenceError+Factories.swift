// Factories (cold paths, never inlined). A `line` of 0 means "no position"; otherwise `column` defaults to 1,
// the start of the line, for errors about a whole line.

extension InferenceError {
    /// A ``InferenceError/Code/syntax`` error.
    @inline(never)
    static func syntax(_ message: String, line: Int, column: Int) -> InferenceError {
        InferenceError(code: .syntax, message: message, line: line, column: column)
    }

    /// A ``InferenceError/Code/unsupportedVersion`` error.
    @inline(never)
    static func unsupportedVersion(_ message: String, line: Int, column: Int = 1) -> InferenceError {
        InferenceError(code: .unsupportedVersion, message: message, line: line, column: Self.column(line, column))
    }

    /// A ``InferenceError/Code/duplicateNode`` error.
    @inline(never)
    static func duplicateNode(_ name: String, line: Int) -> InferenceError {
        InferenceError(
            code: .duplicateNode,
            message: "node '\(name)' is defined twice",
            line: line,
            column: Self.column(line, 1)
        )
    }

    /// A ``InferenceError/Code/unknownNode`` error.
    @inline(never)
    static func unknownNode(_ name: String, line: Int, column: Int = 1) -> InferenceError {
        InferenceError(
            code: .unknownNode,
            message: "no node is called '\(name)'",
            line: line,
            column: Self.column(line, column)
        )
    }

    /// A ``InferenceError/Code/unknownState`` error.
    @inline(never)
    static func unknownState(_ message: String, line: Int, column: Int = 1) -> InferenceError {
        InferenceError(code: .unknownState, message: message, line: line, column: Self.column(line, column))
    }

    /// A ``InferenceError/Code/invalidStates`` error.
    @inline(never)
    static func invalidStates(_ message: String, line: Int) -> InferenceError {
        InferenceError(code: .invalidStates, message: message, line: line, column: Self.column(line, 1))
    }

    /// A ``InferenceError/Code/invalidNumber`` error.
    @inline(never)
    static func invalidNumber(_ message: String, line: Int, column: Int = 1) -> InferenceError {
        InferenceError(code: .invalidNumber, message: message, line: line, column: Self.column(line, column))
    }

    /// A ``InferenceError/Code/rowLength`` error.
    @inline(never)
    static func rowLength(expected: Int, found: Int, line: Int) -> InferenceError {
        InferenceError(
            code: .rowLength,
            message: "the row has \(found) entries, expected \(expected)",
            line: line,
            column: Self.column(line, 1)
        )
    }

    /// A ``InferenceError/Code/rowSum`` error.
    @inline(never)
    static func rowSum(_ sum: Double, line: Int) -> InferenceError {
        InferenceError(
            code: .rowSum,
            message: "the row sums to \(sum), not 1 (tolerance \(BayesianTree.rowTolerance))",
            line: line,
            column: Self.column(line, 1)
        )
    }

    /// A ``InferenceError/Code/missingRows`` error.
    @inline(never)
    static func missingRows(_ message: String, line: Int) -> InferenceError {
        InferenceError(code: .missingRows, message: message, line: line, column: Self.column(line, 1))
    }

    /// A ``InferenceError/Code/invalidPrior`` error.
    @inline(never)
    static func invalidPrior(_ message: String, line: Int) -> InferenceError {
        InferenceError(code: .invalidPrior, message: message, line: line, column: Self.column(line, 1))
    }

    /// A ``InferenceError/Code/rootCount`` error.
    @inline(never)
    static func rootCount(_ count: Int, line: Int) -> InferenceError {
        InferenceError(
            code: .rootCount,
            message: "a tree has exactly one node without a parent; this one has \(count)",
            line: line,
            column: Self.column(line, 1)
        )
    }

    /// A ``InferenceError/Code/cycle`` error.
    @inline(never)
    static func cycle(_ name: String, line: Int) -> InferenceError {
        InferenceError(
            code: .cycle,
            message: "the parent of '\(name)' closes a cycle",
            line: line,
            column: Self.column(line, 1)
        )
    }

    /// A ``InferenceError/Code/invalidIntervals`` error.
    @inline(never)
    static func invalidIntervals(_ message: String, line: Int, column: Int = 1) -> InferenceError {
        InferenceError(code: .invalidIntervals, message: message, line: line, column: Self.column(line, column))
    }

    /// A ``InferenceError/Code/invalidMarkov`` error.
    @inline(never)
    static func invalidMarkov(_ message: String, line: Int, column: Int = 1) -> InferenceError {
        InferenceError(code: .invalidMarkov, message: message, line: line, column: Self.column(line, column))
    }

    /// A ``InferenceError/Code/invalidEvidence`` error.
    @inline(never)
    static func invalidEvidence(_ message: String) -> InferenceError {
        InferenceError(code: .invalidEvidence, message: message)
    }

    /// A ``InferenceError/Code/missingNode`` error.
    @inline(never)
    static func missingNode(_ message: String) -> InferenceError {
        InferenceError(code: .missingNode, message: message)
    }

    private static func column(_ line: Int, _ column: Int) -> Int {
        line > 0 ? max(1, column) : 0
    }
}
