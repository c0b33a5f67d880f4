import Autograd
import Interpreter
import Tensors

/// Complex-number names that are identities on Gradbook's real dtypes, as they are in
/// PyTorch for real tensors (`x.conj() is x`), plus the `atleast_Nd`/stacking spellings.
extension TorchRuntime {
    func bindRealDTypeIdentities(_ b: Binder) {
        // `conj`, `resolve_conj`, `resolve_neg`, `is_conj` and `is_neg` for every dtype are
        // bound by `bindLazyConjugation` (they read the conjugate and negative bits).
        for name in ["conj_physical"] {
            b.both(name) { [unowned self] _, t, args in
                try args.expectNone(name)
                return wrap(t)
            }
        }
        b.function("real") { [unowned self] _, t, args in
            try args.expectNone("real")
            return wrap(t)
        }
        b.property("real") { [unowned self] _, t in wrap(t) }
        b.property("imag") { _, _ in throw PyError.typeError("imag is not implemented for tensors with non-complex dtypes.") }
        b.function("imag") { _, _, _ in throw PyError.typeError("imag is not implemented for tensors with non-complex dtypes.") }
        b.both("isreal") { [unowned self] _, t, args in
            try args.expectNone("isreal")
            return wrap(try bridged { try Tensor.ones(t.sizes, dtype: .bool) })
        }
        b.both("is_signed") { _, t, args in
            try args.expectNone("is_signed")
            return .bool(t.dtype != .uint8 && t.dtype != .bool)
        }
        b.both("is_same_size") { [unowned self] _, t, args in
            let o = try tensor(try args.bind(Signature("is_same_size", ["other"], required: 1))[0]!, "is_same_size", "other", position: 1)
            return .bool(t.sizes == o.sizes)
        }
        b.both("vdot") { [unowned self] _, t, args in
            let o = try tensor(try args.bind(Signature("vdot", ["other"], required: 1))[0]!, "vdot", "other", position: 1)
            return wrap(try bridged { try Op.vdot(t, o) })
        }
        b.both("take") { [unowned self] _, t, args in
            let index = try tensor(try args.bind(Signature("take", ["index"], required: 1))[0]!, "take", "index", position: 1)
            return wrap(try bridged { try Differentiable.take(t, index) })
        }
        bindAtLeast(b)
    }

    /// `torch.atleast_1d(x)`, `atleast_2d(x, y)` (a tuple for several), `row_stack`, `column_stack`, `dstack`.
    private func bindAtLeast(_ b: Binder) {
        func atLeast(_ n: Int, _ t: Tensor) throws(TensorError) -> Tensor {
            switch (n, t.rank) {
            case (_, let r) where r >= n: return t
            case (1, _): return try Op.reshape(t, [1])
            case (2, 0): return try Op.reshape(t, [1, 1])
            case (2, _): return try Op.unsqueeze(t, 0)
            case (3, 0): return try Op.reshape(t, [1, 1, 1])
            case (3, 1): return try Op.unsqueeze(try Op.unsqueeze(t, 0), 2)
            default: return try Op.unsqueeze(t, 2)
            }
        }
        for n in 1...3 {
            let name = "atleast_\(n)d"
            b.free(name) { [unowned self] _, args in
                if args.count == 1, let t = tensorPayload(args[0]) { return wrap(try atLeast(n, t)) }
                let ts = args.count == 1 ? try tensorList(args[0], name) : try args.positional.map { try tensor($0, name, "tensors") }
                return .tuple(try ts.map { t in wrap(try bridged { try atLeast(n, t) }) })
            }
        }
        b.free("row_stack") { [unowned self] _, args in
            let ts = try tensorList(args[0], "row_stack").map { t throws(TensorError) in try atLeast(2, t) }
            return wrap(try bridged { try Op.cat(ts, dim: 0) })
        }
        b.free("column_stack") { [unowned self] _, args in
            let ts = try tensorList(args[0], "column_stack").map { t throws(TensorError) in t.rank <= 1 ? try Op.reshape(t, [t.numel, 1]) : t }
            return wrap(try bridged { try Op.cat(ts, dim: 1) })
        }
        b.free("dstack") { [unowned self] _, args in
            let ts = try tensorList(args[0], "dstack").map { t throws(TensorError) in try atLeast(3, t) }
            return wrap(try bridged { try Op.cat(ts, dim: 2) })
        }
    }
}
