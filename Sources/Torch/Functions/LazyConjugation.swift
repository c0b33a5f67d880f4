import Autograd
import Interpreter
import Tensors

/// PyTorch's lazy conjugation (issue 12): `x.conj()` on a complex tensor is a view of the
/// same memory with the conjugate bit set, `resolve_conj()` materialises it, and the
/// negative bit that `.imag` of such a view carries. How ops read these views is
/// MathBitsBoundary's job; these are the names that read or set the bits. Bound last:
/// they replace `mH`/`H`/`adjoint` (bound as plain transposes for real tensors),
/// `contiguous`, and the complex views `.real`/`.imag`/`view_as_real`.
extension TorchRuntime {
    func bindLazyConjugation(_ b: Binder) {
        b.both("conj") { [unowned self] interp, t, args in
            try args.expectNone("conj")
            guard t.dtype.isComplex else { return wrap(t) }
            // Autograd records the view (ConjBackward0); kernels read it resolved, the copy
            // keeping the view's gradient edge (Differentiable.resolvedMathBits).
            return bitView(interp, t, Differentiable.conjView(t))
        }
        b.both("_neg_view") { [unowned self] interp, t, args in
            try args.expectNone("_neg_view")
            return bitView(interp, t, try bridged { try Differentiable.negView(t) })
        }
        for (name, bit) in [("is_conj", \Tensor.isConj), ("is_neg", \Tensor.isNeg)] {
            b.both(name) { _, t, args in
                try args.expectNone(name)
                return .bool(t[keyPath: bit])
            }
        }
        // Both resolve everything (an `empty_like` copy, as PyTorch, carries no bit).
        for (name, bit) in [("resolve_conj", \Tensor.isConj), ("resolve_neg", \Tensor.isNeg)] {
            b.both(name) { [unowned self] _, t, args in
                try args.expectNone(name)
                return t[keyPath: bit] ? wrap(try bridged { try Differentiable.resolvedMathBits(t) }) : wrap(t)
            }
        }
        b.method("conj_physical_") { [unowned self] _, t, args in
            // MathBitsBoundary hands in-place ops resolved values and stores them back.
            try args.expectNone("conj_physical_")
            if t.dtype.isComplex { _ = try bridged { try t.imagPart().unaryInPlace(.neg) } }
            t.bumpVersion()
            return wrap(t)
        }
        b.method("contiguous") { [unowned self] _, t, _ in
            if t.isContiguous { return wrap(t) }
            return wrap(try bridged { try Op.contiguous(try Differentiable.resolvedMathBits(t)) })
        }
        bindConjugateTransposes(b)
        bindMathBitParts(b)
    }

    /// A view that sets bits remembers the tensor it views (`._base`).
    func bitView(_ interp: Interpreter, _ t: Tensor, _ view: Tensor) -> PyValue {
        if view.hasMathBits { installMathBitsMethodWrappers(interp) }
        view.plainViewBase = t.plainViewBase ?? t
        return wrap(view)
    }

    /// `mH`, `H` and `adjoint()`: the transpose with the conjugate bit flipped (complex).
    /// A real tensor without bits gets the plain transpose view, which autograd records
    /// (TransposeBackward0, as PyTorch's `adjoint()` of a real tensor): the bit-less alias
    /// below has no autograd history, so `X - X.mH` would lose the second path's gradient.
    private func bindConjugateTransposes(_ b: Binder) {
        func conjugateTranspose(_ interp: Interpreter, _ t: Tensor, _ transpose: (Tensor) throws(TensorError) -> Tensor) throws -> Tensor {
            if !t.dtype.isComplex && !t.hasMathBits { return try bridged { try transpose(t) } }
            let transposed = try bridged { try transpose(t.withoutMathBits()) }
            transposed.isConj = t.dtype.isComplex ? !t.isConj : false
            transposed.isNeg = t.isNeg
            if transposed.hasMathBits { installMathBitsMethodWrappers(interp) }
            return transposed
        }
        b.property("mH") { [unowned self] interp, t in
            guard t.rank >= 2 else {
                throw PyError.runtimeError("tensor.mH is only supported on matrices or batches of matrices. Got \(t.rank)-D tensor.")
            }
            return wrap(try conjugateTranspose(interp, t) { x throws(TensorError) in try Op.matrixTranspose(x) })
        }
        b.both("adjoint") { [unowned self] interp, t, args in
            try args.expectNone("adjoint")
            guard t.rank >= 2 else {
                throw PyError.runtimeError("tensor.adjoint() is only supported on matrices or batches of matrices. Got \(t.rank)-D tensor.")
            }
            return wrap(try conjugateTranspose(interp, t) { x throws(TensorError) in try Op.matrixTranspose(x) })
        }
        b.property("H") { [unowned self] interp, t in
            guard t.rank == 2 || t.rank == 0 else { // PyTorch only warns on 0-D (deprecated)
                throw PyError.runtimeError("tensor.H is only supported on matrices (2-D tensors). Got \(t.rank)-D tensor.\(t.rank > 2 ? " For batches of matrices, consider using tensor.mH" : "")")
            }
            return wrap(try conjugateTranspose(interp, t) { x throws(TensorError) in try Op.t(x) })
        }
    }

    /// `.real`, `.imag` and `view_as_real` of a tensor with bits: views of the raw memory.
    /// The real part of a conjugate is the real part; its imaginary part is the negated one
    /// (PyTorch's `imag` returns a negative view there).
    private func bindMathBitParts(_ b: Binder) {
        func part(_ t: Tensor, imaginary: Bool) throws -> PyValue {
            if t.dtype.isComplex && !t.hasMathBits {
                // Differentiable: select(view_as_real(t), -1, i), as ATen composes `.real`/`.imag`.
                let view = try bridged { imaginary ? try Differentiable.imag(t) : try Differentiable.real(t) }
                if view.autogradMeta == nil { view.plainViewBase = t.plainViewBase ?? t }
                return wrap(view)
            }
            if let recorded = try bridged({ try Differentiable.partOfConjView(t, imaginary: imaginary) }) {
                return wrap(recorded)
            }
            let raw = t.withoutMathBits()
            let view = try bridged { imaginary ? try raw.imagPart() : try raw.realPart() }
            guard t.dtype.isComplex else { return wrap(t) }
            view.isNeg = t.isNeg != (imaginary && t.isConj)
            if view.autogradMeta == nil { view.plainViewBase = t.plainViewBase ?? t }
            return wrap(view)
        }
        b.property("real", get: { _, t in try part(t, imaginary: false) }, set: { [unowned self] _, t, v in
            let view = try bridged { try t.withoutMathBits().realPart() }
            view.isNeg = t.isNeg
            try bridged { try view.storeReading(try tensorOrScalar(v, "real", "value")) }
        })
        b.property("imag", get: { _, t in try part(t, imaginary: true) }, set: { [unowned self] _, t, v in
            let view = try bridged { try t.withoutMathBits().imagPart() }
            view.isNeg = t.isNeg != t.isConj
            try bridged { try view.storeReading(try tensorOrScalar(v, "imag", "value")) }
        })
        b.function("real") { _, t, args in
            try args.expectNone("real")
            return try part(t, imaginary: false)
        }
        b.function("imag") { _, t, args in
            try args.expectNone("imag")
            return try part(t, imaginary: true)
        }
        b.function("view_as_real") { [unowned self] _, t, args in
            try args.expectNone("view_as_real")
            if t.isConj {
                throw PyError.runtimeError("view_as_real doesn't work on unresolved conjugated tensors.  To resolve the conjugate tensor so you can view it as real, use self.resolve_conj(); however, be warned that the resulting tensor will NOT alias the original.")
            }
            let view = try bridged { t.hasMathBits ? try t.withoutMathBits().viewAsReal() : try Differentiable.viewAsReal(t) }
            view.isNeg = t.isNeg
            if view.autogradMeta == nil { view.plainViewBase = t.plainViewBase ?? t }
            return wrap(view)
        }
    }
}
