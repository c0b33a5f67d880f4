import Interpreter
import Tensors

/// Reductions with PyTorch's `dim` (int or tuple) / `keepdim` / `dtype` handling, and the
/// named-tuple results of `max(dim)`, `sort`, `topk`.
extension TorchRuntime {
    func bindReductions(_ b: Binder) {
        let sumSig = Signature("sum", ["dim", "keepdim"], keywordOnly: ["dtype"])
        b.both("sum") { [unowned self] _, t, args in
            let bound = try args.bind(sumSig)
            let dt = try dtype(bound[2])
            guard let dims = try dims(bound[0], "sum") else { return wrap(try Op.sum(t, dtype: dt)) }
            return wrap(try Op.sum(t, dims: dims, keepdim: try bound.given(1).map { try bool($0, "sum", "keepdim") } ?? false, dtype: dt))
        }
        let meanSig = Signature("mean", ["dim", "keepdim"], keywordOnly: ["dtype"])
        b.both("mean") { [unowned self] _, t, args in
            let bound = try args.bind(meanSig)
            let dt = try dtype(bound[2])
            guard let dims = try dims(bound[0], "mean") else { return wrap(try Op.mean(t, dtype: dt)) }
            return wrap(try Op.mean(t, dims: dims, keepdim: try bound.given(1).map { try bool($0, "mean", "keepdim") } ?? false, dtype: dt))
        }
        let nanSig = Signature("nansum", ["dim", "keepdim"], keywordOnly: ["dtype"])
        b.both("nansum") { [unowned self] _, t, args in
            let bound = try args.bind(nanSig)
            return wrap(try Op.nansum(t, dims: try dims(bound[0], "nansum"), keepdim: bound.given(1).map { truthy($0) } ?? false,
                                      dtype: try dtype(bound[2])))
        }
        let prodSig = Signature("prod", ["dim", "keepdim"], keywordOnly: ["dtype"])
        b.both("prod") { [unowned self] _, t, args in
            let bound = try args.bind(prodSig)
            let dim = try bound.given(0).map { try int($0, "prod", "dim") }
            return wrap(try Op.prod(t, dim: dim, keepdim: bound.given(1).map { truthy($0) } ?? false, dtype: try dtype(bound[2])))
        }

        for name in ["max", "min"] {
            let sig = Signature(name, ["dim", "keepdim"])
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(sig)
                guard let d = bound.given(0) else {
                    if bound.given(1) != nil { throw PyError.typeError("\(name)() received an invalid combination of arguments - got (keepdim=bool), but expected one of:\n * ()\n * (Tensor other)\n * (int dim, bool keepdim = False)") }
                    return wrap(try name == "max" ? Op.max(t) : Op.min(t))
                }
                if let other = tensorPayload(d) {
                    return wrap(try name == "max" ? Op.maximum(t, other) : Op.minimum(t, other))
                }
                let dim = try int(d, name, "dim")
                let keep = bound.given(1).map { truthy($0) } ?? false
                let r = try name == "max" ? Op.max(t, dim: dim, keepdim: keep) : Op.min(t, dim: dim, keepdim: keep)
                return returnTuple(name, r.values, r.indices)
            }
        }
        for name in ["amax", "amin"] {
            let sig = Signature(name, ["dim", "keepdim"])
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(sig)
                let dims = try dims(bound[0], name)
                let keep = bound.given(1).map { truthy($0) } ?? false
                return wrap(try name == "amax" ? Op.amax(t, dims: dims, keepdim: keep) : Op.amin(t, dims: dims, keepdim: keep))
            }
        }
        for name in ["argmax", "argmin"] {
            let sig = Signature(name, ["dim", "keepdim"])
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(sig)
                let dim = try bound.given(0).map { try int($0, name, "dim") }
                let keep = bound.given(1).map { truthy($0) } ?? false
                return wrap(try bridged { try name == "argmax" ? t.argmax(dim: dim, keepdim: keep) : t.argmin(dim: dim, keepdim: keep) })
            }
        }
        for name in ["all", "any"] {
            let sig = Signature(name, ["dim", "keepdim"])
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(sig)
                let dims = try dims(bound[0], name)
                let keep = bound.given(1).map { truthy($0) } ?? false
                return wrap(try bridged { try name == "all" ? t.all(dims: dims, keepdim: keep) : t.any(dims: dims, keepdim: keep) })
            }
        }
        b.both("count_nonzero") { [unowned self] _, t, args in
            let bound = try args.bind(Signature("count_nonzero", ["dim"]))
            return wrap(try bridged { try t.countNonzero(dims: try dims(bound[0], "count_nonzero")) })
        }

        for name in ["std", "var"] {
            let sig = Signature(name, ["dim", "unbiased", "keepdim"], keywordOnly: ["correction"])
            b.both(name) { [unowned self] _, t, args in
                var bound = try args.bind(sig)
                // std(True) is std(unbiased=True).
                if case .bool? = bound[0] { bound.values[1] = bound[0]; bound.values[0] = nil }
                let dims = try dims(bound[0], name)
                var correction = 1.0
                if let u = bound.given(1) { correction = truthy(u) ? 1 : 0 }
                if let c = bound.given(3) { correction = try double(c, name, "correction") }
                let keep = bound.given(2).map { truthy($0) } ?? false
                return wrap(try name == "std" ? Op.std(t, dims: dims, correction: correction, keepdim: keep)
                                              : Op.variance(t, dims: dims, correction: correction, keepdim: keep))
            }
        }
        let normSig = Signature("norm", ["p", "dim", "keepdim"], keywordOnly: ["dtype"])
        b.both("norm") { [unowned self] _, t, args in
            let bound = try args.bind(normSig)
            var p = 2.0
            // The node shows p as the Python number given (`x.norm()`: the int 2).
            var ord: Scalar? = nil
            if let pv = bound.given(0) {
                if case .str(let s) = pv {
                    guard s == "fro" else { throw PyError.runtimeError("norm(): unsupported norm type '\(s)'") }
                } else {
                    p = try double(pv, "norm", "p")
                    if case .float = pv { ord = .float(p) }
                }
            }
            var x = t
            if let dt = try dtype(bound[3]) { x = try Op.to(t, dt) }
            return wrap(try Op.norm(x, p: p, dims: try dims(bound[1], "norm"), keepdim: bound.given(2).map { truthy($0) } ?? false, ord: ord))
        }
        let lseSig = Signature("logsumexp", ["dim", "keepdim"], required: 1)
        b.both("logsumexp") { [unowned self] _, t, args in
            let bound = try args.bind(lseSig)
            return wrap(try Op.logsumexp(t, dims: try dims(bound[0], "logsumexp") ?? [], keepdim: bound.given(1).map { truthy($0) } ?? false))
        }
        for name in ["cumsum", "cumprod"] {
            let sig = Signature(name, ["dim"], keywordOnly: ["dtype"], required: 1)
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(sig)
                let dim = try int(bound[0]!, name, "dim")
                let dt = try dtype(bound[1])
                return wrap(try name == "cumsum" ? Op.cumsum(t, dim: dim, dtype: dt) : Op.cumprod(t, dim: dim, dtype: dt))
            }
        }

        let sortSig = Signature("sort", ["dim", "descending"], keywordOnly: ["stable"])
        b.both("sort") { [unowned self] _, t, args in
            let bound = try args.bind(sortSig)
            let dim = try bound.given(0).map { try int($0, "sort", "dim") } ?? -1
            let stable = bound.given(2).map { truthy($0) } ?? false
            let r = try bridged { try Op.sort(t, dim: dim, descending: bound.given(1).map { truthy($0) } ?? false, stable: stable) }
            return returnTuple("sort", r.values, r.indices)
        }
        let argsortSig = Signature("argsort", ["dim", "descending"], keywordOnly: ["stable"])
        b.both("argsort") { [unowned self] _, t, args in
            let bound = try args.bind(argsortSig)
            let dim = try bound.given(0).map { try int($0, "argsort", "dim") } ?? -1
            let stable = bound.given(2).map { truthy($0) } ?? false
            return wrap(try bridged { try t.argsort(dim: dim, descending: bound.given(1).map { truthy($0) } ?? false, stable: stable) })
        }
        let topkSig = Signature("topk", ["k", "dim", "largest", "sorted"], required: 1)
        b.both("topk") { [unowned self] _, t, args in
            let bound = try args.bind(topkSig)
            let k = try int(bound[0]!, "topk", "k")
            let dim = try bound.given(1).map { try int($0, "topk", "dim") } ?? -1
            let r = try bridged { try Op.topk(t, k, dim: dim, largest: bound.given(2).map { truthy($0) } ?? true,
                                                  sorted: bound.given(3).map { truthy($0) } ?? true) }
            return returnTuple("topk", r.values, r.indices)
        }
        let kthSig = Signature("kthvalue", ["k", "dim", "keepdim"], required: 1)
        b.both("kthvalue") { [unowned self] _, t, args in
            let bound = try args.bind(kthSig)
            let k = try int(bound[0]!, "kthvalue", "k")
            let dim = try bound.given(1).map { try int($0, "kthvalue", "dim") } ?? -1
            let r = try bridged { try Op.kthvalue(t, k, dim: dim, keepdim: bound.given(2).map { truthy($0) } ?? false) }
            return returnTuple("kthvalue", r.values, r.indices)
        }
    }

    /// Python truthiness of a plain flag argument.
    func truthy(_ v: PyValue) -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        default: return true
        }
    }
}
