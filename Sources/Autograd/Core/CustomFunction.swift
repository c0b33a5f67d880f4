import Tensors

/// A user-defined `torch.autograd.Function`: its forward ran with grad mode off; this
/// wires the outputs to one node named `<Class>Backward`, as PyTorch's `_wrap_outputs`
/// does, and checks what the user's backward returns as PyTorch's engine checks it.
extension Differentiable {
    /// What `ctx` collected during forward.
    public struct CustomFunctionMarks {
        public var dirty: [Tensor] = []
        public var nonDifferentiable: [Tensor] = []
        public var toSave: [Tensor?] = []
        public var materializeGrads = true
        public init() {}
    }

    /// Records the node of a custom Function applied to `inputs` (its tensor arguments,
    /// in order) that returned `outputs`. `formula` gets one gradient per output (zeros
    /// in place of missing ones when `materializeGrads`) and returns one per input.
    /// Returns the node (nil when grad mode is off or no input requires grad) and the
    /// outputs to hand back: inputs returned unchanged come back as views of themselves.
    public static func applyCustomFunction(name: String, inputs: [Tensor], outputs: [Tensor],
                                           marks: CustomFunctionMarks, owner: AnyObject?,
                                           formula: @escaping BackwardFormula) throws(TensorError) -> (node: Node?, outputs: [Tensor]) {
        func isAmong(_ t: Tensor, _ list: [Tensor]) -> Bool { list.contains { $0 === t } }
        let executable = GradMode.current.isRecording && inputs.contains { $0.requiresGrad }
        guard executable else {
            let wrapped = outputs.map { out -> Tensor in
                isAmong(out, inputs) && !isAmong(out, marks.dirty) ? untrackedView(out, out.alias()) : out
            }
            return (nil, wrapped)
        }
        let inputMetas = inputs.map(TensorMeta.init)
        let outputMetas = outputs.map(TensorMeta.init)
        let outputDevices = outputs.map(\.device)
        let materialize = marks.materializeGrads
        let node = Node(name: name, nextEdges: inputs.map(gradientEdge), numOutputs: outputs.count) { ctx in
            var grads = ctx.grads
            if materialize {
                for i in grads.indices where grads[i] == nil {
                    grads[i] = try Tensor.zeros(outputMetas[i].sizes, dtype: outputMetas[i].dtype, device: outputDevices[i])
                }
            }
            var results = try formula(BackwardContext(grads: grads, node: ctx.node, filtered: ctx.filtered))
            for i in results.indices {
                guard let g = results[i], ctx.node.nextEdges[i].node != nil else { continue }
                results[i] = try validated(g, against: inputMetas[i], index: i, node: name)
            }
            return results
        }
        node.owner = owner
        var wrapped: [Tensor] = []
        for (i, out) in outputs.enumerated() {
            let isInput = isAmong(out, inputs), isModified = isAmong(out, marks.dirty)
            let differentiable = !isAmong(out, marks.nonDifferentiable) && (out.dtype.isFloatingPoint || out.dtype.isComplex)
            if !differentiable {
                if !out.requiresGrad {
                    wrapped.append(isInput && !isModified ? untrackedView(out, out.alias()) : out)
                } else {
                    wrapped.append(out.detach())
                }
            } else if isModified {
                if out.isLeaf && out.requiresGrad {
                    throw .runtime("a leaf Variable that requires grad has been used in an in-place operation.")
                }
                // PyTorch bumps the version once more when it rebases a dirty tensor's history.
                out.bumpVersion()
                let m = out.ensuredMeta
                m.gradFn = node
                m.outputNr = i
                m.viewVersion = out.version
                if m.retainsGrad { node.retainedOutputs.append((i, Weak(m))) }
                wrapped.append(out)
            } else if isInput {
                let v = out.alias()
                v.autogradMeta = AutogradMeta(gradFn: node, outputNr: i)
                markView(v, of: out)
                wrapped.append(v)
            } else {
                let v = out.autogradMeta == nil ? out : out.alias()
                v.autogradMeta = AutogradMeta(gradFn: node, outputNr: i)
                wrapped.append(v)
            }
        }
        for t in marks.toSave {
            guard let t else { try node.save(nil); continue }
            if let j = outputs.firstIndex(where: { $0 === t }) {
                node.saveOutput(wrapped[j], outputNr: j)
            } else {
                try node.save(t)
            }
        }
        return (node, wrapped)
    }

    /// PyTorch's `validate_outputs`: a gradient of another shape is summed down when the
    /// input's shape broadcasts to it, else refused; another dtype is converted.
    static func validated(_ g: Tensor, against meta: TensorMeta, index: Int, node: String) throws(TensorError) -> Tensor {
        var g = g
        if g.sizes != meta.sizes {
            guard Shape.isExpandable(meta.sizes, to: g.sizes) else {
                throw .runtime("Function \(node) returned an invalid gradient at index \(index) - got [\(g.sizes.map(String.init).joined(separator: ", "))] but expected shape compatible with [\(meta.sizes.map(String.init).joined(separator: ", "))]")
            }
            g = try sumToSize(g, meta.sizes)
        }
        if g.dtype != meta.dtype { g = try to(g, meta.dtype) }
        return g
    }
}

extension Shape {
    /// Whether a tensor of `sizes` broadcasts to `target` (PyTorch's `is_expandable_to`).
    static func isExpandable(_ sizes: [Int], to target: [Int]) -> Bool {
        if sizes.count > target.count { return false }
        for k in 1...max(sizes.count, 1) where k <= sizes.count {
            let s = sizes[sizes.count - k], t = target[target.count - k]
            if s != t && s != 1 { return false }
        }
        return true
    }
}
