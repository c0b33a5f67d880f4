import Autograd
import Interpreter
import Tensors

/// The second batch of issue 12's names: `quantile`/`nanquantile` and `cov`/`corrcoef`
/// (composites in the embedded `torch._misc2` source, built from the ops ATen composes,
/// as are `Tensor.fill_diagonal_` and `torch.vander`),
/// `nanmedian`, `mode`, `logcumsumexp`, `histogram` and `kaiser_window`.
extension TorchRuntime {
    static let misc2Module = "torch._misc2"
    static let misc2PythonNames = ["quantile", "nanquantile", "cov", "corrcoef"]

    func bindTensorMisc2(_ b: Binder) {
        bindMisc2Composites(b)
        bindNanMedianAndMode(b)
        let lcseSig = Signature("logcumsumexp", ["dim"], required: 1)
        b.both("logcumsumexp") { [unowned self] _, t, args in
            let bound = try args.bind(lcseSig)
            let dim = try int(bound[0]!, "logcumsumexp", "dim")
            return wrap(try bridged { try Differentiable.logcumsumexp(t, dim: dim) })
        }
        bindHistogram(b)
        bindKaiserWindow(b)
        bindTensorMisc2Geometry(b)
        b.both("angle") { [unowned self] _, t, args in
            try args.expectNone("angle")
            return wrap(try bridged { try Differentiable.angle(t) })
        }
        // `conj_physical_` is bound with the lazy conjugation (LazyConjugation.swift).
    }

    /// Each name calls the function of the same name in `torch._misc2` (registered by
    /// TensorSideSources, loaded at first use), the tensor first.
    private func bindMisc2Composites(_ b: Binder) {
        func target(_ interp: Interpreter, _ name: String) throws -> PyValue {
            let module = try interp.importModule(Self.misc2Module)
            if module["_squeeze_fresh_"] == nil {
                // quantile's closing in-place squeeze (SqueezeBackward4), which the cell
                // language's `squeeze_` refuses on tensors that require grad.
                module.addFunction("_squeeze_fresh_") { [unowned self] _, args in
                    let t = try tensor(args[0], "squeeze_", "self"), dim = try int(args[1], "squeeze_", "dim")
                    return wrap(try bridged { try Differentiable.squeezeFreshInPlace(t, dim: dim) })
                }
            }
            guard let f = module[name] else {
                throw PyError.attributeError("module 'torch' has no attribute '\(name)'")
            }
            return f
        }
        for name in Self.misc2PythonNames + ["fill_diagonal_", "resize", "resize_as"] {
            let body: Binder.Body = { [unowned self] interp, t, args in
                var positional = [wrap(t)]
                positional.append(contentsOf: args.positional)
                let keywords = zip(args.keywordNames, args.keywordValues).map { ($0.0.string, $0.1) }
                return try interp.call(try target(interp, name), Arguments(positional, keywords: keywords))
            }
            if name.hasSuffix("_") || name.hasPrefix("resize") { b.method(name, body) } else { b.both(name, body) }
        }
        for name in ["vander"] {
            b.free(name) { interp, args in try interp.call(try target(interp, name), args) }
        }
    }

    private func bindNanMedianAndMode(_ b: Binder) {
        let nanmedianSig = Signature("nanmedian", ["dim", "keepdim"])
        b.both("nanmedian") { [unowned self] _, t, args in
            let bound = try args.bind(nanmedianSig)
            guard let d = bound.given(0) else { return wrap(try bridged { try Differentiable.nanmedian(t) }) }
            let dim = try int(d, "nanmedian", "dim")
            let keepdim = try bound.given(1).map { try bool($0, "nanmedian", "keepdim") } ?? false
            let r = try bridged { try Differentiable.nanmedian(t, dim: dim, keepdim: keepdim) }
            return returnTuple("nanmedian", r.values, r.indices)
        }
        let modeSig = Signature("mode", ["dim", "keepdim"])
        b.both("mode") { [unowned self] _, t, args in
            let bound = try args.bind(modeSig)
            let dim = try bound.given(0).map { try int($0, "mode", "dim") } ?? -1
            let keepdim = try bound.given(1).map { try bool($0, "mode", "keepdim") } ?? false
            let r = try bridged { try Differentiable.mode(t, dim: dim, keepdim: keepdim) }
            return returnTuple("mode", r.values, r.indices)
        }
    }

    /// `histogram(input, bins, *, range=None, weight=None, density=False)`: ATen's CPU
    /// kernel per element in the input's precision (linear position then a local search
    /// among int bins' linspace edges, a binary search among given edges; the last edge
    /// belongs to the last bin), counts added in input order.
    private func bindHistogram(_ b: Binder) {
        let sig = Signature("histogram", ["bins"], keywordOnly: ["range", "weight", "density"])
        b.both("histogram") { [unowned self] interp, t, args in
            let bound = try args.bind(sig)
            guard t.dtype == .float32 || t.dtype == .float64 else {
                throw PyError.notImplementedError("\"histogramdd\" not implemented for '\(t.dtype.scalarTypeName)'")
            }
            let weight = try bound.given(2).map { try tensor($0, "histogram", "weight") }
            let density = try bound.given(3).map { try bool($0, "histogram", "density") } ?? false
            if let weight, weight.sizes != t.sizes {
                throw PyError.runtimeError("torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape \(sizeList(t.sizes)) and weight with shape \(sizeList(weight.sizes))")
            }
            let xs = try bridged { try t.contiguous().elementsAsDouble() }
            let ws = try weight.map { w in try bridged { try w.contiguous().elementsAsDouble() } }
            var edges: [Double]
            let searchLocally: Bool
            // PyTorch's default is 100 bins.
            let binsArg = bound[0] ?? .int(100)
            if let binsTensor = tensorPayload(binsArg) {
                if binsTensor.dtype != t.dtype {
                    throw PyError.runtimeError("torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input \(t.dtype.scalarTypeName) and bins \(binsTensor.dtype.scalarTypeName)")
                }
                edges = try bridged { try binsTensor.contiguous().elementsAsDouble() }
                searchLocally = false
            } else {
                let bins = try int(binsArg, "histogram", "bins")
                if bins <= 0 { throw PyError.runtimeError("torch.histogramdd(): bins must be > 0, but got \(bins) for dimension 0") }
                var lo = 0.0, hi = 1.0
                if let range = bound.given(1), !range.isNone {
                    let parts = try interp.iterate(range)
                    lo = try double(parts[0], "histogram", "range"); hi = try double(parts[1], "histogram", "range")
                } else if !xs.isEmpty {
                    lo = xs.min()!; hi = xs.max()!
                }
                if !lo.isFinite || !hi.isFinite {
                    throw PyError.runtimeError("torch.histogramdd: dimension 0's range [\(pythonFloat(lo)), \(pythonFloat(hi))] is not finite")
                }
                if lo > hi {
                    throw PyError.runtimeError("torch.histogramdd: min should not exceed max, but got min \(pythonFloat(lo)) max \(pythonFloat(hi)) for dimension 0")
                }
                if lo == hi { lo -= 0.5; hi += 0.5 }
                edges = try bridged { try Tensor.linspace(.float(lo), .float(hi), steps: bins + 1, dtype: t.dtype).elementsAsDouble() }
                searchLocally = true
            }
            // histogramdd's kernel with D = 1 (ATen's histogram is histogramdd of one column).
            var hist = t.dtype == .float32
                ? histogramddCounts(Float.self, xs, xs.count, 1, ws, [edges], searchLocally: searchLocally)
                : histogramddCounts(Double.self, xs, xs.count, 1, ws, [edges], searchLocally: searchLocally)
            if density, !hist.isEmpty {
                // `hist.sum()` is ATen's own reduction (its summation order), then the divisions.
                let total = try bridged { try Tensor(values: hist, shape: [hist.count], dtype: t.dtype).sum().elementsAsDouble()[0] }
                hist = t.dtype == .float32
                    ? histogramddDensity(Float.self, hist, total, [edges])
                    : histogramddDensity(Double.self, hist, total, [edges])
            }
            let out = try bridged { try Tensor(values: hist, shape: [hist.count], dtype: t.dtype, device: t.device) }
            let edgeTensor = try bridged { try Tensor(values: edges, shape: [edges.count], dtype: t.dtype, device: t.device) }
            return returnTuple("histogram", [wrap(out), wrap(edgeTensor)])
        }
    }

    /// Python's repr of a float (`1.0`, `inf`) for error texts.
    private func pythonFloat(_ v: Double) -> String {
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v.isNaN { return "nan" }
        return v == v.rounded() && Swift.abs(v) < 1e16 ? "\(Int64(v))" : "\(v)"
    }

    private func bindKaiserWindow(_ b: Binder) {
        let sig = Signature("kaiser_window", ["window_length", "periodic", "beta"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad"], required: 1)
        b.free("kaiser_window") { [unowned self] _, args in
            let bound = try args.bind(sig)
            var n = try int(bound[0]!, "kaiser_window", "window_length")
            let periodic = try bound.given(1).map { try bool($0, "kaiser_window", "periodic") } ?? true
            let beta = try bound.given(2).map { try double($0, "kaiser_window", "beta") } ?? 12
            let dt = try dtype(bound[3]) ?? .float32
            let dev = try device(bound[5])
            if n < 0 { throw PyError.runtimeError("kaiser_window requires non-negative window_length, got window_length=\(n)") }
            let out: Tensor = try bridged { () throws(TensorError) -> Tensor in
                if n == 0 { return try Tensor.zeros([0], dtype: dt, device: dev) }
                if n == 1 { return try Tensor.full([1], .int(1), dtype: dt, device: dev) }
                if periodic { n += 1 }
                let w = try Tensor.kaiserWindowValues(length: n, beta: beta, dtype: dt, device: dev)
                return periodic ? try w.narrow(0, start: 0, length: n - 1).contiguous() : w
            }
            try applyRequiresGrad(out, bound.given(7))
            return wrap(out)
        }
    }
}
