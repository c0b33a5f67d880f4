import Autograd
import Interpreter
import Tensors

/// `x.unsqueeze_(0)`, `x.t_()`, `x.squeeze_()`, `x.transpose_(0, 1)`: the tensor object takes
/// the layout of the view its out-of-place twin returns (same storage), as PyTorch's in-place
/// view ops do. A leaf that requires grad refuses them with PyTorch's error.
extension TorchRuntime {
    func bindInPlaceViews(_ b: Binder) {
        /// `tracked`: the op's own autograd for a non-leaf that is not a view (transpose_'s
        /// TransposeBackward1); the others refuse tensors that require grad.
        func reshapeInPlace(_ name: String, tracked: ((Tensor, Arguments) throws -> Void)? = nil,
                            _ view: @escaping (Tensor, Arguments) throws -> Tensor) {
            b.checkedMethod(name) { _, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
                if let tracked, t.requiresGrad, Differentiable.tracksInPlaceTranspose(t) {
                    try tracked(t, args)
                    return s
                }
                if GradMode.isEnabled && t.requiresGrad {
                    if t.isLeaf { throw PyError.runtimeError("a leaf Variable that requires grad is being used in an in-place operation.") }
                    throw PyError.runtimeError("\(name)(): Gradbook does not track in-place view operations on tensors that require grad; use the out-of-place \(name.dropLast())()")
                }
                let v = try bridged { try view(t, args) }
                t.setData(v)
                t.bumpVersion()
                return s
            }
        }
        let unsqueezeSig = Signature("unsqueeze_", ["dim"], required: 1)
        reshapeInPlace("unsqueeze_") { [unowned self] t, args in
            try Op.unsqueeze(t, try int(try args.bind(unsqueezeSig)[0]!, "unsqueeze_", "dim"))
        }
        let squeezeSig = Signature("squeeze_", ["dim"])
        reshapeInPlace("squeeze_") { [unowned self] t, args in
            guard let d = try args.bind(squeezeSig).given(0) else { return try Op.squeeze(t) }
            return try Op.squeeze(t, dims: try dims(d, "squeeze_") ?? [])
        }
        reshapeInPlace("t_") { t, args in
            try args.expectNone("t_")
            return try Op.t(t)
        }
        for name in ["transpose_", "swapaxes_", "swapdims_"] {
            let names = name == "swapaxes_" ? ["axis0", "axis1"] : ["dim0", "dim1"]
            let sig = Signature(name, names, required: 2)
            let tracked: (Tensor, Arguments) throws -> Void = { [unowned self] t, args in
                let bound = try args.bind(sig)
                let d0 = try int(bound[0]!, name, names[0]), d1 = try int(bound[1]!, name, names[1])
                try bridged { try Differentiable.transposeInPlace(t, d0, d1) }
            }
            reshapeInPlace(name, tracked: tracked) { [unowned self] t, args in
                let bound = try args.bind(sig)
                return try Op.transpose(t, try int(bound[0]!, name, names[0]), try int(bound[1]!, name, names[1]))
            }
        }
    }
}
