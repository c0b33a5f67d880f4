import Autograd
import Interpreter
import Tensors

/// The complex-number surface of `torch` (issue 12): making complex tensors from parts
/// (`torch.complex`, `torch.polar`), the storage-sharing views between complex and real
/// (`view_as_real`, `view_as_complex`, `.real`, `.imag`), and the dtype questions
/// (`is_complex`, `dtype.to_real()`). Bound after `bindRealDTypeIdentities`, whose
/// real-only `real`/`imag` these replace.
extension TorchRuntime {
    func bindComplex(_ b: Binder) {
        bindComplexViews(b)
        b.free("complex") { [unowned self] _, args in
            let a = try args.bind(Signature("complex", ["real", "imag"], keywordOnly: ["out"], required: 2))
            let re = try tensor(a[0]!, "complex", "real", position: 1)
            let im = try tensor(a[1]!, "complex", "imag", position: 2)
            return wrap(try bridged { try Differentiable.complex(real: re, imag: im) })
        }
        b.free("polar") { [unowned self] _, args in
            let a = try args.bind(Signature("polar", ["abs", "angle"], keywordOnly: ["out"], required: 2))
            let r = try tensor(a[0]!, "polar", "abs", position: 1)
            let theta = try tensor(a[1]!, "polar", "angle", position: 2)
            return wrap(try bridged { try Differentiable.polar(abs: r, angle: theta) })
        }
        // `conj` itself is the lazy view bound by `bindLazyConjugation`.
        b.both("conj_physical") { [unowned self] _, t, args in
            try args.expectNone("conj_physical")
            return t.dtype.isComplex ? wrap(try bridged { try Differentiable.conjPhysical(t) }) : wrap(t)
        }
        b.both("angle") { [unowned self] _, t, args in
            try args.expectNone("angle")
            return wrap(try bridged { try Differentiable.angle(t) })
        }
        // `x.cfloat()` / `x.cdouble()`, as `float()`/`double()` (`chalf` needs complex32).
        for (name, dt) in [("cfloat", DType.complex64), ("cdouble", .complex128)] {
            b.checkedMethod(name) { [unowned self] _, s, _ in
                guard let t = tensorPayload(s) else { return .notImplemented }
                if t.dtype == dt { return s }
                return wrap(try bridged { try Op.to(t, dt) })
            }
        }
        b.both("sgn") { [unowned self] _, t, args in
            try args.expectNone("sgn")
            return wrap(try bridged { try Op.sgn(t) })
        }
        b.both("is_complex") { _, t, args in
            try args.expectNone("is_complex")
            return .bool(t.dtype.isComplex)
        }
        dtypeClass.addMethod("to_real") { [unowned self] _, s, _ in dtypeValue(s.payload(DTypeBox.self)!.dtype.realCounterpart) }
        dtypeClass.addMethod("to_complex") { [unowned self] _, s, _ in
            let d = s.payload(DTypeBox.self)!.dtype
            if d.isComplex || d == .float32 || d == .float64 { return dtypeValue(d.complexCounterpart) }
            if d == .float16 { throw PyError.notImplementedError("Gradbook does not support torch.complex32") }
            throw PyError.valueError("Unsupported dtype: \(d)")
        }
    }

    /// A view op's result remembers the tensor it views (`._base`), as Autograd's views do.
    private func complexView(_ x: Tensor, _ view: Tensor) -> PyValue {
        if view.autogradMeta == nil { view.plainViewBase = x.plainViewBase ?? x }
        return wrap(view)
    }

    private func bindComplexViews(_ b: Binder) {
        b.function("view_as_real") { [unowned self] _, t, args in
            try args.expectNone("view_as_real")
            return complexView(t, try bridged { try Differentiable.viewAsReal(t) })
        }
        b.function("view_as_complex") { [unowned self] _, t, args in
            try args.expectNone("view_as_complex")
            return complexView(t, try bridged { try Differentiable.viewAsComplex(t) })
        }
        b.property("real", get: { [unowned self] _, t in
            t.dtype.isComplex ? complexView(t, try bridged { try Differentiable.real(t) }) : wrap(t)
        }, set: { [unowned self] _, t, v in
            let part = try bridged { try t.realPart() }
            _ = try bridged { try part.copy_(try tensorOrScalar(v, "real", "value")) }
        })
        b.property("imag", get: { [unowned self] _, t in
            complexView(t, try bridged { try Differentiable.imag(t) })
        }, set: { [unowned self] _, t, v in
            let part = try bridged { try t.imagPart() }
            _ = try bridged { try part.copy_(try tensorOrScalar(v, "imag", "value")) }
        })
        b.function("real") { [unowned self] _, t, args in
            try args.expectNone("real")
            return t.dtype.isComplex ? complexView(t, try bridged { try Differentiable.real(t) }) : wrap(t)
        }
        b.function("imag") { [unowned self] _, t, args in
            try args.expectNone("imag")
            return complexView(t, try bridged { try Differentiable.imag(t) })
        }
    }
}
