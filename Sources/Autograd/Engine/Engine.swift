import Tensors

/// Runs backward passes: one dependency count over the graph, then nodes in PyTorch's
/// order (ready nodes latest-created first), summing gradients that meet at a node.
public enum Engine {
    /// Told of every node the engine ran, in order: the gradients that reached it (one per
    /// forward output) and those it sent on (one per next edge; empty for AccumulateGrad).
    /// Teaching traces use it; ordinary backward passes pass none.
    public typealias Observer = (_ node: Node, _ gradsIn: [Tensor?], _ gradsOut: [Tensor?]) -> Void

    /// What PyTorch says when saved tensors are used after a backward pass freed them.
    public static let freedGraphMessage = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."

    /// `torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs)`:
    /// accumulates into `.grad` of the leaves (or only of `inputs`).
    public static func backward(_ outputs: [Tensor], gradients: [Tensor?], retainGraph: Bool? = nil,
                                createGraph: Bool = false, inputs: [Tensor]? = nil, observer: Observer? = nil) throws {
        if let inputs, inputs.isEmpty { throw TensorError.runtime("`inputs` argument to `backward()` cannot be empty.") }
        let roots = try rootGradients(outputs, gradients)
        _ = try run(outputs: outputs, rootGrads: roots, inputs: inputs, accumulate: true,
                    keepGraph: retainGraph ?? createGraph, createGraph: createGraph, observer: observer)
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph,
    /// allow_unused)`: returns the gradients instead of accumulating them.
    public static func grad(outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?]? = nil,
                            retainGraph: Bool? = nil, createGraph: Bool = false,
                            allowUnused: Bool = false, materializeGrads: Bool = false) throws -> [Tensor?] {
        let roots = try rootGradients(outputs, gradOutputs ?? [Tensor?](repeating: nil, count: outputs.count))
        for t in inputs where !t.requiresGrad {
            throw TensorError.runtime("One of the differentiated Tensors does not require grad")
        }
        var result = try run(outputs: outputs, rootGrads: roots, inputs: inputs, accumulate: false,
                             keepGraph: retainGraph ?? createGraph, createGraph: createGraph)
        for i in result.indices where result[i] == nil {
            if materializeGrads {
                result[i] = try inputs[i].zerosLike()
            } else if !allowUnused {
                throw TensorError.runtime("The differentiated Tensor at index \(i) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
            }
        }
        return result
    }

    /// PyTorch's `_make_grads`: implicit ones for scalar outputs, shape checks otherwise.
    static func rootGradients(_ outputs: [Tensor], _ gradients: [Tensor?]) throws(TensorError) -> [Tensor?] {
        precondition(outputs.count == gradients.count, "one gradient per output")
        var result: [Tensor?] = []
        for (i, (out, g)) in zip(outputs, gradients).enumerated() {
            if let g {
                if g.sizes != out.sizes {
                    throw .runtime("Mismatch in shape: grad_output[\(i)] has a shape of \(sizeRepr(g.sizes)) and output[\(i)] has a shape of \(sizeRepr(out.sizes)).")
                }
                result.append(g)
            } else if out.requiresGrad {
                if out.numel != 1 { throw .runtime("grad can be implicitly created only for scalar outputs") }
                if !out.dtype.isFloatingPoint {
                    throw .runtime("grad can be implicitly created only for real scalar outputs but got \(out.dtype)")
                }
                result.append(try out.onesLike())
            } else {
                result.append(nil)
            }
        }
        return result
    }

    static func sizeRepr(_ sizes: [Int]) -> String {
        "torch.Size([" + sizes.map(String.init).joined(separator: ", ") + "])"
    }

    /// The engine proper. Returns, for `grad()`, the gradient captured for each input.
    static func run(outputs: [Tensor], rootGrads: [Tensor?], inputs: [Tensor]?, accumulate: Bool,
                    keepGraph: Bool, createGraph: Bool, observer: Observer? = nil) throws -> [Tensor?] {
        let state = GradMode.current
        let epoch = GradMode.nextEngineEpoch()

        var rootEdges: [Edge] = []
        for (i, out) in outputs.enumerated() {
            let edge = Differentiable.gradientEdge(out)
            if edge.node == nil {
                throw TensorError.runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
            }
            rootEdges.append(edge)
        }

        // A reentrant run (a backward formula calling `grad`) shares nodes with the run
        // that called it: their scratch fields are saved here and restored on return, so
        // the outer run goes on with its own buffers and dependency counts.
        let reentrant = state.activeEngineRuns > 0
        var outerScratch: [(Node, Node.RunScratch)] = []
        state.activeEngineRuns += 1
        defer {
            state.activeEngineRuns -= 1
            for (n, scratch) in outerScratch { n.runScratch = scratch }
        }

        // Dependency counts over every node reachable from the roots.
        var visited: [Node] = []
        func visit(_ n: Node) {
            if n.epoch == epoch { return }
            if reentrant { outerScratch.append((n, n.runScratch)) }
            n.epoch = epoch
            n.dependencies = 0
            n.inputBuffer = [Tensor?](repeating: nil, count: n.numOutputs)
            n.needed = true
            n.wanted = true
            n.queued = false
            visited.append(n)
        }
        var stack: [Node] = []
        for e in rootEdges where e.node!.epoch != epoch {
            visit(e.node!)
            stack.append(e.node!)
        }
        while let n = stack.popLast() {
            for e in n.nextEdges {
                guard let next = e.node else { continue }
                if next.epoch != epoch {
                    visit(next)
                    stack.append(next)
                }
                next.dependencies += 1
            }
        }

        // With `inputs`, run only what leads to them and capture their gradients.
        var captures: [(node: Node, inputNr: Int)] = []
        var captured: [Tensor?] = []
        let filtered = inputs != nil
        if let inputs {
            for t in inputs {
                let e = Differentiable.gradientEdge(t)
                captures.append((e.node!, e.inputNr))
            }
            captured = [Tensor?](repeating: nil, count: inputs.count)
            markNeeded(visited, captures: captures, accumulate: accumulate)
        }

        // Seed the roots.
        for (e, g) in zip(rootEdges, rootGrads) {
            guard let g else { continue }
            let n = e.node!
            n.inputBuffer[e.inputNr] = try add(n.inputBuffer[e.inputNr], g)
        }
        var ready = ReadyQueue()
        for e in rootEdges {
            let n = e.node!
            if n.dependencies == 0 && !n.queued {
                n.queued = true
                ready.push(n)
            }
        }

        let savedMode = state.isEnabled
        state.isEnabled = createGraph
        defer { state.isEnabled = savedMode }

        while !ready.isEmpty {
            let node = ready.pop()
            var results: [Tensor?] = []
            do {
                var grads = node.inputBuffer
                node.inputBuffer = []
                try runPreHooks(node, &grads)
                try runNodePreHooks(node, &grads)
                if filtered {
                    for (k, c) in captures.enumerated() where c.node === node {
                        if let g = grads[c.inputNr] { captured[k] = g }
                    }
                }
                if node.needed && grads.contains(where: { $0 != nil }) {
                    if let leaf = node.variable {
                        if let g = grads[0] {
                            try accumulateGrad(into: leaf, g, createGraph: createGraph)
                            for h in leaf.meta?.postAccumulateHooks ?? [] where !h.removed { _ = try h.hook(leaf) }
                        }
                    } else if let formula = node.formula {
                        if node.savedReleased {
                            throw TensorError.runtime(freedGraphMessage)
                        }
                        var unpacked: [Tensor?]? = nil
                        // Generated nodes unpack every saved variable before their formula;
                        // a custom Function (its ctx is the owner) only on `saved_tensors`.
                        if node.owner == nil && node.hasPackedSaved {
                            let order = Node.slotOrder(node.savedAttributes.map { ($0.name, $0.value) })
                            var all = [Tensor?](repeating: nil, count: node.saved.count)
                            for slot in order + Array(node.saved.indices) where slot < all.count && all[slot] == nil {
                                all[slot] = try node.saved[slot]?.unpack(for: node)
                            }
                            unpacked = all
                        }
                        results = try formula(BackwardContext(grads: grads, node: node, filtered: filtered, unpacked: unpacked))
                        precondition(results.count == node.nextEdges.count, "\(node.name) returned \(results.count) gradients for \(node.nextEdges.count) inputs")
                    }
                    try runPostHooks(node, &results, grads)
                    if !keepGraph { node.releaseSaved() }
                    observer?(node, grads, results)
                }
                if state.anomalyEnabled && state.anomalyCheckNan { try AnomalyMode.checkNan(node, results) }
            } catch {
                if state.anomalyEnabled { AnomalyMode.reportFailure(of: node) }
                throw error
            }
            for (i, e) in node.nextEdges.enumerated() {
                guard let next = e.node else { continue }
                if i < results.count, let g = results[i] {
                    next.inputBuffer[e.inputNr] = try add(next.inputBuffer[e.inputNr], g)
                }
                next.dependencies -= 1
                if next.dependencies == 0 && !next.queued && next.wanted {
                    next.queued = true
                    ready.push(next)
                }
            }
        }
        if !reentrant { for n in visited { n.inputBuffer = [] } }
        if accumulate, let inputs {
            // Non-leaf inputs of backward(inputs=...) get their gradient in `.grad`.
            for (t, g) in zip(inputs, captured) where !t.isLeaf {
                if let g { try accumulateGrad(into: t, g, createGraph: createGraph) }
            }
        }
        return captured
    }

    /// Marks which nodes must run so that gradients reach the captured inputs. A node's
    /// next nodes were created before it, so ascending sequence order sees them first.
    static func markNeeded(_ visited: [Node], captures: [(node: Node, inputNr: Int)], accumulate: Bool) {
        // Leaves (AccumulateGrad, numbered last for the ready queue) have no next nodes.
        func order(_ n: Node) -> Int { n.variable != nil ? Int.min : n.sequenceNr }
        let ordered = visited.sorted { order($0) < order($1) }
        for n in ordered {
            let isTarget = captures.contains { $0.node === n }
            var leads = false
            for e in n.nextEdges {
                if let next = e.node, next.wanted { leads = true; break }
            }
            n.wanted = leads || isTarget
            // A captured AccumulateGrad runs only when accumulating (backward(inputs=)).
            n.needed = leads || (isTarget && accumulate && n.variable != nil)
        }
    }

    /// Gradient hooks registered on the tensors this node produced, then `retain_grad`.
    static func runPreHooks(_ node: Node, _ grads: inout [Tensor?]) throws {
        if let leaf = node.variable {
            if let m = leaf.meta, !m.leafHooks.isEmpty, let g = grads[0] {
                var cur = g
                for h in m.leafHooks where !h.removed {
                    if let r = try h.hook(cur) { cur = r }
                }
                grads[0] = cur
            }
            return
        }
        for (nr, entry) in node.tensorHooks where !entry.removed {
            guard let g = grads[nr] else { continue }
            if let r = try entry.hook(g) { grads[nr] = r }
        }
        for (nr, weakMeta) in node.retainedOutputs {
            guard let m = weakMeta.value, m.retainsGrad, m.gradFn === node, let g = grads[nr] else { continue }
            if let old = m.grad {
                m.grad = GradMode.current.isEnabled ? try Differentiable.add(old, g) : try old.add(g)
            } else {
                // retain_grad's hook: `grad.clone(at::MemoryFormat::Contiguous)`.
                m.grad = GradMode.current.isEnabled ? try Differentiable.contiguousCopy(g) : try g.contiguousCopy()
            }
        }
    }

    /// AccumulateGrad: a fresh `.grad` the first time, in-place addition afterwards
    /// (out of place, keeping the graph, under create_graph).
    static func accumulateGrad(into leaf: Tensor, _ g: Tensor, createGraph: Bool) throws(TensorError) {
        let m = leaf.ensuredMeta
        if let old = m.grad {
            if createGraph || old.requiresGrad {
                m.grad = try Differentiable.add(old, g)
            } else {
                try old.binaryInPlace(.add, g)
            }
        } else {
            m.grad = createGraph ? g : try gradientObeyingLayout(g, of: leaf)
        }
    }

    /// AccumulateGrad's "gradient layout contract": a gradient whose strides match its
    /// dense leaf's (size-1 dims aside) is kept as laid out; otherwise it is copied into the
    /// leaf's strides (`clone_obey_contract`), or made contiguous when the leaf is not dense.
    static func gradientObeyingLayout(_ g: Tensor, of leaf: Tensor) throws(TensorError) -> Tensor {
        let leafDense = OutputLayout.isNonOverlappingAndDense(leaf.sizes, leaf.strides)
        if g.sizes == leaf.sizes {
            var obeys = true
            if leafDense {
                for d in g.sizes.indices {
                    if g.sizes[d] != 1 ? g.strides[d] != leaf.strides[d] : g.strides[d] == 0 { obeys = false; break }
                }
            } else {
                obeys = OutputLayout.isContiguous(g.sizes, g.strides)
            }
            if obeys { return try g.clone() }
        }
        if leafDense && g.sizes == leaf.sizes { return try g.copy(withStrides: leaf.strides) }
        return try g.contiguousCopy()
    }

    /// Sums gradients meeting at one input of a node.
    @inline(__always)
    static func add(_ old: Tensor?, _ new: Tensor) throws(TensorError) -> Tensor {
        guard let old else { return new }
        return try Differentiable.add(old, new)
    }
}
