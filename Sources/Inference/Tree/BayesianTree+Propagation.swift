// Pearl's propagation on a tree (paper §VII-A):
//
//   (2) λ_child→parent = CPT(child/parent) · λ_child            (column vector, one entry per parent state)
//   (3) L_parent(i)    = e_parent(i) · Π_children λ_child→parent(i),  λ_parent = L_parent / ΣL
//   (1) π_child        = α π_parent→child · CPT(child/parent)   (row vector)
//   (4) BEL(i)         = β π(i) λ(i)
//
// One upward pass in reverse root-first order, then one downward pass. In (1) the message a parent sends a
// child is Pearl's π_parent→child(i) = π_parent(i) · e_parent(i) · Π_{siblings} λ_sibling→parent(i): it holds
// everything known at the parent except what came from that child. With evidence only below the child, as
// in the paper's worked example, it is exactly π_parent. Every λ message is normalised to unit sum, as the
// paper prints them; this changes no belief.

extension BayesianTree {
    /// Propagates `evidence` through the tree and returns λ, π, the messages and the belief of every node.
    ///
    /// - Parameters:
    ///   - evidence: The evidence per node (see ``EvidenceSet``).
    ///   - rootPrior: A prior for the root that replaces the tree's own (non-negative weights, normalised
    ///     here); used by the Markov chain to feed each host's pre-belief. `nil` keeps ``prior``.
    public func propagate(_ evidence: EvidenceSet, rootPrior: [Double]? = nil) -> Propagation {
        self.propagate(evidence, rootPrior: rootPrior, rootOnly: false)
    }

    /// The upward pass and the root's π and belief only: every λ, every λ message, and π and BEL at the root; π and
    /// BEL of the other nodes are left unset (ones). All a verdict and its explanation read, at half the cost.
    func propagateToRoot(_ evidence: EvidenceSet, rootPrior: [Double]? = nil) -> Propagation {
        self.propagate(evidence, rootPrior: rootPrior, rootOnly: true)
    }

    private func propagate(_ evidence: EvidenceSet, rootPrior: [Double]?, rootOnly: Bool) -> Propagation {
        // One allocation per call: every vector lives in one buffer (see ``Propagation/Layout``), filled through an
        // unsafe pointer so that the loops pay neither uniqueness checks nor copies.
        let layout = Propagation.Layout(tree: self)
        let rootCount = self.counts[self.root]
        let prior = rootPrior.flatMap { $0.count == rootCount ? $0 : nil } ?? self.prior
        var conflicts: [Int] = []
        let values = [Double](unsafeUninitializedCapacity: layout.total) { buffer, initialized in
            buffer.initialize(repeating: 1)
            initialized = layout.total
            evidence.values.withUnsafeBufferPointer { given in
                self.cpt.withUnsafeBufferPointer { cpt in
                    self.fill(
                        buffer,
                        layout: layout,
                        evidence: given,
                        cpt: cpt,
                        prior: prior,
                        rootOnly: rootOnly,
                        conflicts: &conflicts
                    )
                }
            }
        }
        return Propagation(tree: self, layout: layout, values: values, conflicts: conflicts)
    }

    /// Equations (1)–(4) into `buffer`, which holds all ones on entry.
    private func fill(
        _ buffer: UnsafeMutableBufferPointer<Double>,
        layout: Propagation.Layout,
        evidence: UnsafeBufferPointer<Double>,
        cpt: UnsafeBufferPointer<Double>,
        prior: [Double],
        rootOnly: Bool,
        conflicts: inout [Int]
    ) {
        let lambda = layout.lambda
        let up = layout.up
        let pi = layout.pi
        let belief = layout.belief
        for index in 0..<min(self.stateTotal, evidence.count) {
            buffer[layout.evidence + index] = evidence[index]
            buffer[lambda + index] = evidence[index]
        }

        for node in self.order.reversed() {
            let start = lambda + self.offsets[node]
            let width = self.counts[node]
            if !Self.normalise(buffer, start, width) {
                Self.fillUniform(buffer, start, width)
                Self.note(node, in: &conflicts)
            }
            let parent = self.parents[node]
            guard parent >= 0 else {
                continue
            }
            let parentWidth = self.counts[parent]
            let upStart = up + self.upOffsets[node]
            if Self.isUniform(buffer, start, width) {
                // No evidence at or below the node: since CPT rows sum to 1 its message is uniform and changes
                // nothing at the parent (equation 3 is normalised), so skip the products.
                Self.fillUniform(buffer, upStart, parentWidth)
                continue
            }
            var cell = self.cptOffsets[node]
            for parentState in 0..<parentWidth {
                var sum = 0.0
                for state in 0..<width {
                    sum += cpt[cell + state] * buffer[start + state]
                }
                cell += width
                buffer[upStart + parentState] = sum
            }
            if !Self.normalise(buffer, upStart, parentWidth) {
                Self.fillUniform(buffer, upStart, parentWidth)
                Self.note(node, in: &conflicts)
            }
            let parentStart = lambda + self.offsets[parent]
            for parentState in 0..<parentWidth {
                buffer[parentStart + parentState] *= buffer[upStart + parentState]
            }
        }

        let rootStart = pi + self.offsets[self.root]
        let rootCount = self.counts[self.root]
        for state in 0..<rootCount {
            buffer[rootStart + state] = prior[state]
        }
        if !Self.normalise(buffer, rootStart, rootCount) {
            for state in 0..<rootCount {
                buffer[rootStart + state] = self.prior[state]
            }
            Self.note(self.root, in: &conflicts)
        }
        for node in rootOnly ? self.order[0..<1] : self.order[...] {
            let start = self.offsets[node]
            let width = self.counts[node]
            let parent = self.parents[node]
            if parent >= 0 {
                self.piMessage(to: node, from: parent, layout: layout, buffer: buffer)
                let parentWidth = self.counts[parent]
                for state in 0..<width {
                    var sum = 0.0
                    var cell = self.cptOffsets[node] + state
                    for parentState in 0..<parentWidth {
                        sum += buffer[layout.message + parentState] * cpt[cell]
                        cell += width
                    }
                    buffer[pi + start + state] = sum
                }
                if !Self.normalise(buffer, pi + start, width) {
                    Self.fillUniform(buffer, pi + start, width)
                    Self.note(node, in: &conflicts)
                }
            }
            for index in start..<(start + width) {
                buffer[belief + index] = buffer[pi + index] * buffer[lambda + index]
            }
            if !Self.normalise(buffer, belief + start, width) {
                for index in start..<(start + width) {
                    buffer[belief + index] = buffer[pi + index]
                }
                Self.note(node, in: &conflicts)
            }
        }
    }

    /// Pearl's π_parent→node into the buffer's message section, `[0..<counts[parent]]`: π and evidence at the
    /// parent times the λ messages of the node's siblings.
    @inline(__always)
    private func piMessage(
        to node: Int,
        from parent: Int,
        layout: Propagation.Layout,
        buffer: UnsafeMutableBufferPointer<Double>
    ) {
        let start = self.offsets[parent]
        let width = self.counts[parent]
        let message = layout.message
        for state in 0..<width {
            buffer[message + state] = buffer[layout.pi + start + state] * buffer[layout.evidence + start + state]
        }
        for sibling in self.childList[self.childStarts[parent]..<self.childStarts[parent + 1]] where sibling != node {
            let siblingStart = layout.up + self.upOffsets[sibling]
            for state in 0..<width {
                buffer[message + state] *= buffer[siblingStart + state]
            }
        }
        if !Self.normalise(buffer, message, width) {
            for state in 0..<width {
                buffer[message + state] = buffer[layout.pi + start + state]
            }
        }
    }

    /// Scales `buffer[start..<start + count]` to unit sum; `false`, leaving it untouched, when the sum is zero or not
    /// finite.
    @inline(__always)
    private static func normalise(_ buffer: UnsafeMutableBufferPointer<Double>, _ start: Int, _ count: Int) -> Bool {
        var sum = 0.0
        for index in start..<(start + count) {
            sum += buffer[index]
        }
        guard sum > 0, sum.isFinite else {
            return false
        }
        let scale = 1.0 / sum
        for index in start..<(start + count) {
            buffer[index] *= scale
        }
        return true
    }

    /// Whether every entry of `buffer[start..<start + count]` equals the first (a λ that says nothing).
    @inline(__always)
    private static func isUniform(_ buffer: UnsafeMutableBufferPointer<Double>, _ start: Int, _ count: Int) -> Bool {
        let first = buffer[start]
        for index in (start + 1)..<(start + count) where buffer[index] != first {
            return false
        }
        return true
    }

    private static func note(_ node: Int, in conflicts: inout [Int]) {
        if !conflicts.contains(node) {
            conflicts.append(node)
        }
    }

    private static func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>, _ start: Int, _ count: Int) {
        let value = 1.0 / Double(count)
        for index in start..<(start + count) {
            buffer[index] = value
        }
    }
}
