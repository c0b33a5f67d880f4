import Autograd
import Interpreter
import Tensors

/// `x.unsqueeze_(0)`, `x.t_()`, `x.squeeze_()`, `x.transpose_(0, 1)`: the tensor object takes
/// the layout of the view its out-of-place twin returns (same storage), as PyTorch's in-place
/// view ops do. A leaf that requires grad refuses them with PyTorch's error; a tensor with
/// history records PyTorch's node (`UnsqueezeBackward1`, `SqueezeBackward4`, `TBackward1`).
extension TorchRuntime {
    func bindInPlaceViews(_ b: Binder) {
        /// `gradName` names the node PyTorch records for a tensor with history; the backward
        /// reshapes the gradient back (`selfInverse: false`) or applies the same transpose.
        func reshapeInPlace(_ name: String, selfInverse: Bool = false, gradName: @escaping (Arguments) -> String,
                            _ view: @escaping (Tensor, Arguments) throws -> Tensor) {
            b.checkedMethod(name) { _, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
                if GradMode.isEnabled && t.requiresGrad {
                    if t.isLeaf { throw PyError.runtimeError("a leaf Variable that requires grad is being used in an in-place operation.") }
                    guard Differentiable.canRecordInPlaceView(t) else {
                        throw PyError.runtimeError("\(name)(): Gradbook does not track in-place view operations on views of tensors that require grad; use the out-of-place \(name.dropLast())()")
                    }
                }
                let oldSizes = t.sizes
                let v = try bridged { try view(t.alias(), args) }
                // The gradient's own transpose, computed eagerly here would need `args` again:
                // transposes are their own inverse, so the backward re-applies the view.
                let transposed: ((Tensor) throws -> Tensor)? = selfInverse ? { g in try view(g, args) } : nil
                try bridged {
                    try Differentiable.inPlaceView(t, to: v, name: gradName(args)) { g throws(TensorError) in
                        guard let transposed else { return try g.reshape(oldSizes) }
                        do { return try transposed(g) } catch let e as TensorError { throw e } catch {
                            throw TensorError.runtime("\(error)")
                        }
                    }
                }
                return s
            }
        }
        let unsqueezeSig = Signature("unsqueeze_", ["dim"], required: 1)
        reshapeInPlace("unsqueeze_", gradName: { _ in "UnsqueezeBackward1" }) { [unowned self] t, args in
            try Op.unsqueeze(t, try int(try args.bind(unsqueezeSig)[0]!, "unsqueeze_", "dim"))
        }
        let squeezeSig = Signature("squeeze_", ["dim"])
        reshapeInPlace("squeeze_", gradName: { args in
            guard let d = (try? args.bind(squeezeSig))?.given(0) else { return "SqueezeBackward3" }
            return d.asInt != nil ? "SqueezeBackward4" : "SqueezeBackward5"
        }) { [unowned self] t, args in
            guard let d = try args.bind(squeezeSig).given(0) else { return try Op.squeeze(t) }
            return try Op.squeeze(t, dims: try dims(d, "squeeze_") ?? [])
        }
        reshapeInPlace("t_", selfInverse: true, gradName: { _ in "TBackward1" }) { t, args in
            try args.expectNone("t_")
            return try Op.t(t)
        }
        for name in ["transpose_", "swapaxes_", "swapdims_"] {
            let names = name == "swapaxes_" ? ["axis0", "axis1"] : ["dim0", "dim1"]
            let sig = Signature(name, names, required: 2)
            reshapeInPlace(name, selfInverse: true, gradName: { _ in "TransposeBackward1" }) { [unowned self] t, args in
                let bound = try args.bind(sig)
                return try Op.transpose(t, try int(bound[0]!, name, names[0]), try int(bound[1]!, name, names[1]))
            }
        }
    }
}
