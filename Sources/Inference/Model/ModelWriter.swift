/// Writes an ``InferenceModel`` as model text (format version 1) that ``ModelParser/parse(_:)`` reads back to an
/// equal model: `ModelParser.parse(ModelWriter.text(for: m)) == m`.
///
/// The output is canonical: a header comment, the `honeyphone-model` line, one block per node in definition
/// order (`states`, `parent`, `prior`, `threshold`s in state order, `intervals`, then one labelled `row` per parent
/// state), and the `markov` block last. Numbers are written with Swift's shortest round-tripping representation,
/// so every probability reads back bit for bit. Comments of the text a model was read from are not kept.
///
/// A tree built in code may carry names the format cannot hold (blanks, `,`, `=`, `:`, `#`, non-ASCII): writing
/// it throws ``InferenceError/Code/syntax`` (without a position) rather than produce text that would not parse.
public enum ModelWriter {
    /// The text of `model`.
    public static func text(for model: InferenceModel) throws(InferenceError) -> String {
        try Self.text(
            tree: model.tree,
            discretisations: model.discretisations,
            markov: model.markov,
            thresholds: model.thresholds
        )
    }

    /// The text of a model made of `tree` and the rest of a model's parts (see ``InferenceModel``).
    ///
    /// Discretisations and thresholds for nodes or states the tree lacks are errors
    /// (``InferenceError/Code/unknownNode``, ``InferenceError/Code/unknownState``), as they would be on reading.
    public static func text(
        tree: BayesianTree,
        discretisations: [String: Discretisation] = [:],
        markov: MarkovChain? = nil,
        thresholds: [String: Double] = [:]
    ) throws(InferenceError) -> String {
        for name in discretisations.keys where tree.index(of: name) == nil {
            throw .unknownNode(name, line: 0)
        }
        let rootStates = tree.states(of: tree.root)
        for state in thresholds.keys where !rootStates.contains(state) {
            throw .unknownState("the root has no state '\(state)'", line: 0)
        }
        var text = "# Honeyphone inference model, written by ModelWriter.\n\n"
        text += "honeyphone-model: \(InferenceModel.formatVersion)\n"
        for node in 0..<tree.count {
            try Self.write(node: node, of: tree, discretisation: discretisations[tree.name(of: node)], into: &text)
            if node == tree.root {
                for state in rootStates {
                    if let threshold = thresholds[state] {
                        text += "threshold: \(state) = \(Self.number(threshold))\n"
                    }
                }
            }
        }
        if let markov {
            try Self.write(markov: markov, of: tree, into: &text)
        }
        return text
    }

    private static func write(
        node: Int,
        of tree: BayesianTree,
        discretisation: Discretisation?,
        into text: inout String
    ) throws(InferenceError) {
        let definition = tree.definitions[node]
        try Self.checkName(definition.name)
        for state in definition.states {
            try Self.checkName(state)
        }
        text += "\nnode: \(definition.name)\n"
        text += "states: \(definition.states.joined(separator: ", "))\n"
        if let parent = tree.parent(of: node) {
            text += "parent: \(tree.name(of: parent))\n"
        } else {
            text += "prior: \(Self.list(tree.prior))\n"
        }
        if let discretisation {
            text += "intervals: \(Self.list(discretisation.bounds))\n"
        }
        guard let parent = tree.parent(of: node) else {
            return
        }
        for (parentState, label) in tree.states(of: parent).enumerated() {
            text += "row: \(label) = \(Self.list(definition.cpt[parentState]))\n"
        }
    }

    private static func write(
        markov: MarkovChain,
        of tree: BayesianTree,
        into text: inout String
    ) throws(InferenceError) {
        guard let node = tree.index(of: markov.node) else {
            throw .unknownNode(markov.node, line: 0)
        }
        let states = tree.states(of: node)
        guard markov.matrix.count == states.count else {
            throw .invalidMarkov("the chain needs one row per state of '\(markov.node)'", line: 0)
        }
        text += "\nmarkov: \(markov.node)\n"
        text += "initial: \(Self.list(markov.initial))\n"
        for (state, row) in zip(states, markov.matrix) {
            text += "row: \(state) = \(Self.list(row))\n"
        }
    }

    /// `a, b, c` with each number in its shortest round-tripping form.
    private static func list(_ values: [Double]) -> String {
        values.map(Self.number).joined(separator: ", ")
    }

    /// The shortest text that `Double(_:)` reads back to exactly `value` (`0.6`, `1e-05`, `0.0`).
    private static func number(_ value: Double) -> String {
        value.description
    }

    /// The names the parser accepts: printable ASCII without blanks, `,`, `=`, `:` or `#`.
    private static func checkName(_ name: String) throws(InferenceError) {
        guard !name.isEmpty else {
            throw .syntax("an empty name cannot be written", line: 0, column: 0)
        }
        for byte in name.utf8 {
            let forbidden = byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "=")
            if forbidden || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "#") {
                throw .syntax("the name '\(name)' holds a character the model format cannot hold", line: 0, column: 0)
            }
        }
    }
}
