import Tensors

/// The differentiable operations: each computes its result with the Tensors layer and,
/// when grad mode is on and an input requires grad, records a node whose formula sits
/// right below the forward code. The `torch` binding calls these for every op.
public enum Differentiable {}

/// Shape and dtype of a forward input, kept so gradients can be summed back to the
/// input's shape and converted to its dtype.
public struct TensorMeta: Sendable {
    public let sizes: [Int]
    public let dtype: DType
    @inline(__always)
    public init(_ t: Tensor) {
        sizes = t.sizes
        dtype = t.dtype
    }
}

extension Differentiable {
    /// Whether an op on `a` must record a node.
    @inline(__always)
    static func isRecording(_ a: Tensor) -> Bool {
        guard let m = a.meta, m.requiresGradFlag || m.gradFn != nil else { return false }
        return GradMode.current.isRecording
    }

    @inline(__always)
    static func isRecording(_ a: Tensor, _ b: Tensor) -> Bool {
        let ra = a.meta.map { $0.requiresGradFlag || $0.gradFn != nil } ?? false
        let rb = b.meta.map { $0.requiresGradFlag || $0.gradFn != nil } ?? false
        return (ra || rb) && GradMode.current.isRecording
    }

    static func isRecording(_ ts: [Tensor?]) -> Bool {
        for case let t? in ts where t.requiresGrad { return GradMode.current.isRecording }
        return false
    }

    /// The edge a gradient for `t` flows along: its grad_fn, its leaf accumulator, or none.
    static func gradientEdge(_ t: Tensor?) -> Edge {
        guard let t, let m = t.meta else { return .none }
        if m.gradFn != nil, let fn = t.currentGradFn { return Edge(fn, m.outputNr) }
        if m.requiresGradFlag { return Edge(accumulator(for: t, m), 0) }
        return .none
    }

    /// The leaf's AccumulateGrad node, shared while any graph holds it.
    static func accumulator(for t: Tensor, _ m: AutogradMeta) -> Node {
        if let acc = m.gradAccumulator { return acc }
        let acc = Node(name: "torch::autograd::AccumulateGrad", nextEdges: [], formula: nil, variable: t)
        m.gradAccumulator = acc
        return acc
    }

    /// Records `name` as the grad_fn of `output`, with `inputs` as next edges and
    /// `save` as the formula's saved slots (nil: not needed). `saveOutput` appends the
    /// output as the last slot. Returns the output (a fresh alias if an op handed back
    /// one of its inputs).
    @discardableResult
    static func record(_ name: String, _ inputs: [Tensor?], _ output: Tensor, save: [Tensor?],
                       saveOutput: Bool = false, attributes: [(String, SavedAttribute)] = [],
                       formula: @escaping BackwardFormula) throws(TensorError) -> Tensor {
        let out = output.autogradMeta == nil ? output : output.alias()
        let node = Node(name: name, nextEdges: inputs.map(gradientEdge), formula: formula)
        if attributes.isEmpty {
            for t in save { try node.save(t) }
        } else {
            node.describe(attributes)
            try node.save(save, order: Node.slotOrder(attributes))
        }
        out.autogradMeta = AutogradMeta(gradFn: node, outputNr: 0)
        if saveOutput { node.saveOutput(out, outputNr: 0) }
        if !attributes.isEmpty { node.saveWrappedNumbers() }
        return out
    }

    /// `record` for a node that saves no inputs (it may save its output, never an
    /// inference tensor), so it cannot fail.
    @discardableResult
    static func record(_ name: String, _ inputs: [Tensor?], _ output: Tensor,
                       saveOutput: Bool = false, attributes: [(String, SavedAttribute)] = [],
                       formula: @escaping BackwardFormula) -> Tensor {
        let out = output.autogradMeta == nil ? output : output.alias()
        let node = Node(name: name, nextEdges: inputs.map(gradientEdge), formula: formula)
        if !attributes.isEmpty { node.describe(attributes) }
        out.autogradMeta = AutogradMeta(gradFn: node, outputNr: 0)
        if saveOutput { node.saveOutput(out, outputNr: 0) }
        if !attributes.isEmpty { node.saveWrappedNumbers() }
        return out
    }

    /// Records a node with several outputs (split, unbind); outputs get output numbers 0...
    @discardableResult
    static func recordMulti(_ name: String, _ inputs: [Tensor?], _ outputs: [Tensor], save: [Tensor?],
                            formula: @escaping BackwardFormula) throws(TensorError) -> [Tensor] {
        let node = Node(name: name, nextEdges: inputs.map(gradientEdge), numOutputs: outputs.count, formula: formula)
        for t in save { try node.save(t) }
        return outputs.enumerated().map { i, o in
            let out = o.autogradMeta == nil ? o : o.alias()
            out.autogradMeta = AutogradMeta(gradFn: node, outputNr: i)
            return out
        }
    }

    /// `recordMulti` for a node that saves nothing.
    @discardableResult
    static func recordMulti(_ name: String, _ inputs: [Tensor?], _ outputs: [Tensor], attributes: [(String, SavedAttribute)] = [],
                            formula: @escaping BackwardFormula) -> [Tensor] {
        let node = Node(name: name, nextEdges: inputs.map(gradientEdge), numOutputs: outputs.count, formula: formula)
        if !attributes.isEmpty { node.describe(attributes) }
        return outputs.enumerated().map { i, o in
            let out = o.autogradMeta == nil ? o : o.alias()
            out.autogradMeta = AutogradMeta(gradFn: node, outputNr: i)
            return out
        }
    }

    /// `grad` summed over broadcast dimensions back to `meta.sizes`, in `meta.dtype`.
    static func reduce(_ grad: Tensor, to meta: TensorMeta) throws(TensorError) -> Tensor {
        var g = try sumToSize(try handleRToC(meta.dtype, grad), meta.sizes)
        if g.dtype != meta.dtype { g = try to(g, meta.dtype) }
        return g
    }

    /// Sums `grad` down to `sizes` (the reverse of broadcasting).
    public static func sumToSize(_ grad: Tensor, _ sizes: [Int]) throws(TensorError) -> Tensor {
        if grad.sizes == sizes { return grad }
        // at::sum_to: a 0-dim target is a full `sum()` (SumBackward0).
        if sizes.isEmpty { return try sum(grad) }
        let lead = grad.rank - sizes.count
        var dims: [Int] = Array(0..<lead)
        for i in 0..<sizes.count where sizes[i] == 1 && grad.sizes[lead + i] != 1 { dims.append(lead + i) }
        if dims.isEmpty { return grad }
        var g = try sum(grad, dims: dims, keepdim: true)
        if lead > 0 || g.sizes != sizes { g = try view(g, sizes) }
        return g
    }
}
