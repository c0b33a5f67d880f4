import Tensors

/// Complex autograd as PyTorch's: every gradient is the conjugate Wirtinger derivative
/// (`grad` of `L` w.r.t. `z` is `dL/dz*`), so formulas multiply by conjugates, and a real
/// input that met a complex op keeps the real part of its gradient (FunctionsManual.cpp's
/// `handle_r_to_c`). The views between complex and real (`view_as_real`, `view_as_complex`)
/// and the conjugate are recorded here; `.real`/`.imag` are selects of `view_as_real`, as
/// ATen composes them (SelectBackward0 over ViewAsRealBackward0).
extension Differentiable {
    /// `handle_r_to_c(self_st, g)`: the real part when a real input got a complex gradient.
    static func handleRToC(_ dtype: DType, _ g: Tensor) throws(TensorError) -> Tensor {
        guard !dtype.isComplex && g.dtype.isComplex else { return g }
        return try real(g)
    }

    /// `t.conj()` inside a formula: the conjugate of a complex tensor (materialised, as the
    /// kernels that read it would), the tensor itself otherwise.
    static func conjugated(_ t: Tensor) throws(TensorError) -> Tensor {
        t.dtype.isComplex ? try conj(t) : t
    }

    /// `conj()` of a complex tensor that takes part in autograd: ConjBackward0, whose
    /// gradient is the conjugate of the incoming one. Gradbook materialises the conjugate
    /// (an `empty_like` copy, as `resolve_conj` lays it out) rather than setting a bit, so
    /// the graph never meets a bit that a later kernel would resolve away from it.
    public static func conj(_ x: Tensor) throws(TensorError) -> Tensor {
        guard x.dtype.isComplex else { return x }
        let out = try x.fftConjugate()
        guard isRecording(x) else { return out }
        return record("ConjBackward0", [x], out) { ctx in [try conj(ctx.grad)] }
    }

    /// `torch.view_as_real`: ViewAsRealBackward0 (`view_as_complex(grad.contiguous())`).
    public static func viewAsReal(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.viewAsReal()
        guard isRecording(x) else { return untrackedView(x, out) }
        return recordView("ViewAsRealBackward0", x, out) { ctx in
            [try viewAsComplex(try contiguous(ctx.grad))]
        }
    }

    /// `torch.view_as_complex`: ViewAsComplexBackward0 (`view_as_real(grad.contiguous())`).
    public static func viewAsComplex(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.viewAsComplex()
        guard isRecording(x) else { return untrackedView(x, out) }
        return recordView("ViewAsComplexBackward0", x, out) { ctx in
            [try viewAsReal(try contiguous(ctx.grad))]
        }
    }

    /// `.real`: ATen's `select(view_as_real(self), -1, 0)`; a real tensor is its own real part.
    public static func real(_ x: Tensor) throws(TensorError) -> Tensor {
        guard x.dtype.isComplex else { return x }
        return try select(try viewAsReal(x), -1, 0)
    }

    /// `.imag`: `select(view_as_real(self), -1, 1)`.
    public static func imag(_ x: Tensor) throws(TensorError) -> Tensor {
        guard x.dtype.isComplex else { return try x.imagPart() }
        return try select(try viewAsReal(x), -1, 1)
    }

    /// `torch.complex(real, imag)`: ComplexBackward0 (`real(grad)`, `imag(grad)`).
    public static func complex(real re: Tensor, imag im: Tensor) throws(TensorError) -> Tensor {
        let out = try Tensor.complex(real: re, imag: im)
        guard isRecording(re, im) else { return out }
        let mr = TensorMeta(re), mi = TensorMeta(im)
        return record("ComplexBackward0", [re, im], out) { ctx in
            [ctx.needs(0) ? try reduce(try real(ctx.grad), to: mr) : nil,
             ctx.needs(1) ? try reduce(try imag(ctx.grad), to: mi) : nil]
        }
    }

    /// `torch.polar(abs, angle)`: PolarBackward0, FunctionsManual's polar_backward —
    /// `real(grad.conj() * result.sgn())` and `real(grad.conj() * (result * 1j))`.
    public static func polar(abs r: Tensor, angle theta: Tensor) throws(TensorError) -> Tensor {
        let out = try Tensor.polar(abs: r, angle: theta)
        guard isRecording(r, theta) else { return out }
        let mr = TensorMeta(r), mt = TensorMeta(theta)
        return record("PolarBackward0", [r, theta], out, saveOutput: true) { ctx in
            let result = try ctx.saved(0)
            let gc = try conj(ctx.grad)
            let gAbs = ctx.needs(0) ? try reduce(try real(try mul(gc, try sgn(result))), to: mr) : nil
            let gAngle = ctx.needs(1)
                ? try reduce(try real(try mul(gc, try mul(result, Scalar.complex(0, 1)))), to: mt) : nil
            return [gAbs, gAngle]
        }
    }

    /// `sgn` of a complex tensor: SgnBackward0, FunctionsManual's sgn_backward —
    /// `((grad - (sgn * sgn) * grad.conj()) / (2 * abs)).masked_fill_(abs == 0, 0)`.
    static func complexSgn(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.complexSgn()
        guard isRecording(x) else { return out }
        return try record("SgnBackward0", [x], out, save: [x], saveOutput: true) { ctx in
            let z = try ctx.saved(0), s = try ctx.saved(1), g = ctx.grad
            let a = try abs(z)
            let num = try sub(g, try mul(try mul(s, s), try conj(g)))
            let q = try div(num, try mulScalarOverload(a, .float(2)))
            return [try maskedFill(q, try a.eq(.float(0)), .float(0))]
        }
    }

    /// `angle` of a complex tensor: AngleBackward0, FunctionsManual's angle_backward —
    /// `where(self == 0, 0, grad * self / self.abs().pow(2) * 1j)`.
    static func complexAngle(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.complexAngle()
        guard isRecording(x) else { return out }
        return try record("AngleBackward0", [x], out, save: [x]) { ctx in
            let z = try ctx.saved(0)
            let q = try div(try mul(ctx.grad, z), try pow(try abs(z), .int(2)))
            let v = try mul(q, Scalar.complex(0, 1))
            return [try `where`(try z.ne(.float(0)), v, Scalar.int(0))]
        }
    }
}

/// PyTorch's lazy conjugate (`z.conj()` sets a bit) meets autograd: the bit view records
/// ConjBackward0, and the copy a kernel reads it through (the binding resolves bits before
/// any kernel) flows its gradient along the view's edge, as PyTorch's kernels read the
/// view itself.
extension Differentiable {
    /// `conj()` as a view with the conjugate bit flipped, recorded when `x` takes part in
    /// autograd (ConjBackward0; `_conj`'s formula `grad.conj()`).
    public static func conjView(_ x: Tensor) -> Tensor {
        let view = x.withMathBits(conj: !x.isConj, neg: x.isNeg)
        guard x.dtype.isComplex, isRecording(x) else { return view }
        return recordView("ConjBackward0", x, view) { ctx in [try conj(ctx.grad)] }
    }

    /// `_neg_view()` recorded (NegViewBackward0: `grad.neg()`).
    public static func negView(_ x: Tensor) throws(TensorError) -> Tensor {
        let view = x.withMathBits(conj: x.isConj, neg: !x.isNeg)
        guard isRecording(x) else { return view }
        return recordView("NegViewBackward0", x, view) { ctx in [try neg(ctx.grad)] }
    }

    /// The values a tensor with math bits reads as, materialised; the copy's gradient
    /// flows to the bit view's grad_fn (none for a view that autograd did not record).
    public static func resolvedMathBits(_ t: Tensor) throws(TensorError) -> Tensor {
        let out = try t.resolvedMathBits()
        if out !== t, let m = t.meta, let fn = m.gradFn, GradMode.current.isRecording {
            out.autogradMeta = AutogradMeta(gradFn: fn, outputNr: m.outputNr)
        }
        return out
    }

    /// `.real` / `.imag` of a conjugate view that autograd records, as ATen's `real`/`imag`
    /// compose them: `view_as_real(self._conj())` (ConjBackward0 again), then for `imag`
    /// a negative view (NegViewBackward0), then the select. Nil when `t` has other bits or
    /// takes no part in autograd.
    public static func partOfConjView(_ t: Tensor, imaginary: Bool) throws(TensorError) -> Tensor? {
        guard t.isConj, !t.isNeg, isRecording(t) else { return nil }
        var pairs = try viewAsReal(conjView(t))
        if imaginary { pairs = try negView(pairs) }
        let neg = pairs.isNeg
        let part = try select(pairs, -1, imaginary ? 1 : 0)
        part.isNeg = neg
        return part
    }
}
