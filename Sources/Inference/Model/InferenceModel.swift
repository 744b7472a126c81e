/// A loaded inference model: the Bayesian tree, how continuous observations are discretised, the Markov
/// chain over hosts, and the decision thresholds.
///
/// Read one from text with ``ModelParser/parse(_:)`` (the format is described in the module's overview
/// article and at the top of ``DefaultModel/text``); write one back with ``text``.
public struct InferenceModel: Sendable {
    /// The format version this module reads and writes.
    public static let formatVersion = 1

    /// The whole tree, rooted at the hypothesis node (`Nature`).
    public let tree: BayesianTree

    /// Discretisations by node name, for nodes observed as numbers.
    public let discretisations: [String: Discretisation]

    /// The chain over hosts, if the model has one.
    public let markov: MarkovChain?

    /// The tree of the chain's per-host subtree, rooted at ``MarkovChain/node`` with
    /// ``MarkovChain/initial`` as its prior; `nil` without a chain.
    public let hostTree: BayesianTree?

    /// Decision thresholds by root-state name: a state whose belief reaches its threshold is flagged in a
    /// ``Verdict``.
    public let thresholds: [String: Double]

    /// Assembles a model, building the per-host subtree of `markov`.
    public init(
        tree: BayesianTree,
        discretisations: [String: Discretisation] = [:],
        markov: MarkovChain? = nil,
        thresholds: [String: Double] = [:]
    ) throws(InferenceError) {
        self.tree = tree
        self.discretisations = discretisations
        self.markov = markov
        self.thresholds = thresholds
        guard let markov else {
            self.hostTree = nil
            return
        }
        guard let node = tree.index(of: markov.node) else {
            throw .unknownNode(markov.node, line: 0)
        }
        var definitions: [NodeDefinition] = []
        for member in tree.subtree(rootedAt: node) {
            var definition = tree.definitions[member]
            if member == node {
                definition.parent = nil
                definition.cpt = []
                definition.prior = markov.initial
            }
            definitions.append(definition)
        }
        self.hostTree = try BayesianTree(nodes: definitions)
    }

    /// The model shipped with Honeyphone (``DefaultModel/text``), parsed.
    public static let `default`: InferenceModel = {
        do {
            return try ModelParser.parse(DefaultModel.text)
        } catch {
            // Our own constant; a test parses it, so this is unreachable from any input.
            preconditionFailure("the default model does not parse: \(error)")
        }
    }()
}
