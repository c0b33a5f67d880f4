import Autograd
import Interpreter
import Tensors

/// `cummax`/`cummin`, `aminmax`, `var_mean`/`std_mean`, `nanmean`, `repeat_interleave`
/// and `addmm_`.
extension TorchRuntime {
    func bindPairedReductions(_ b: Binder) {
        for (name, isMax) in [("cummax", true), ("cummin", false)] {
            let sig = Signature(name, ["dim"], required: 1)
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(sig)
                let r = try bridged { try Differentiable.cumulativeExtreme(t, dim: try int(bound[0]!, name, "dim"), isMax: isMax) }
                return returnTuple(name, r.values, r.indices)
            }
        }
        let aminmaxSig = Signature("aminmax", [], keywordOnly: ["dim", "keepdim"])
        b.both("aminmax") { [unowned self] _, t, args in
            let bound = try args.bind(aminmaxSig)
            let dim = try bound.given(0).map { try int($0, "aminmax", "dim") }
            let keepdim = try bound.given(1).map { try bool($0, "aminmax", "keepdim") } ?? false
            if t.numel == 0 && dim == nil {
                throw PyError.runtimeError("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.")
            }
            let r = try bridged { try Differentiable.aminmax(t, dim: dim, keepdim: keepdim) }
            return returnTuple("aminmax", r.min, r.max)
        }
        for (name, sqrt) in [("var_mean", false), ("std_mean", true)] {
            let sig = Signature(name, ["dim", "unbiased", "keepdim"], keywordOnly: ["correction"])
            b.function(name) { [unowned self] _, t, args in
                let bound = try args.bind(sig)
                var dims = try self.dims(bound.given(0), name)
                var correction = 1.0
                var keepdim = try bound.given(2).map { try bool($0, name, "keepdim") } ?? false
                // `var_mean(x, True)`: a lone bool in the dim slot is `unbiased`.
                if let v = bound.given(0), v.isBoolValue { dims = nil; correction = truthy(v) ? 1 : 0 }
                if let u = bound.given(1) {
                    if case .bool = u { correction = truthy(u) ? 1 : 0 } else { keepdim = try bool(u, name, "keepdim") }
                }
                if let c = bound.given(3) { correction = try double(c, name, "correction") }
                let r = try bridged { try Differentiable.moments(t, dims: dims, correction: correction, keepdim: keepdim, sqrt: sqrt) }
                return .tuple([wrap(r.stat), wrap(r.mean)])
            }
        }
        let nanmeanSig = Signature("nanmean", ["dim", "keepdim"], keywordOnly: ["dtype"])
        b.both("nanmean") { [unowned self] _, t, args in
            let bound = try args.bind(nanmeanSig)
            if !t.dtype.isFloatingPoint {
                throw PyError.notImplementedError("nanmean(): expected input to have floating point or complex dtype but got \(t.dtype.scalarTypeName)")
            }
            let dims = try self.dims(bound.given(0), "nanmean")
            let keepdim = try bound.given(1).map { try bool($0, "nanmean", "keepdim") } ?? false
            let dt = try dtype(bound[2])
            return wrap(try bridged {
                let kept = try t.unary(.isnan).negatedMaskForNanmean()
                let count = dims.map { !$0.isEmpty } ?? false ? try kept.sum(dims: dims!, keepdim: keepdim) : try kept.sum()
                return try Op.div(try Op.nansum(t, dims: dims, keepdim: keepdim, dtype: dt), count)
            })
        }
        bindRepeatInterleave(b)
        let addmmSig = Signature("addmm_", ["mat1", "mat2"], keywordOnly: ["beta", "alpha"], required: 2)
        b.cls.addMethod("addmm_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'addmm_' requires a 'torch._C.TensorBase' object") }
            let bound = try args.bind(addmmSig)
            let m1 = try tensor(bound[0]!, "addmm_", "mat1"), m2 = try tensor(bound[1]!, "addmm_", "mat2")
            let beta = try bound.given(2).map { try scalarOrItem($0, "addmm_", "beta") } ?? .int(1)
            let alpha = try bound.given(3).map { try scalarOrItem($0, "addmm_", "alpha") } ?? .int(1)
            _ = try bridged { try Op.inPlace(t, others: [m1, m2]) { x throws(TensorError) in try Op.addmm(x, m1, m2, beta: beta, alpha: alpha) } }
            return s
        }
    }

    /// `repeat_interleave(repeats, dim=None, *, output_size=None)`: an int repeats through
    /// unsqueeze/expand/clone/flatten (ViewBackward0), a tensor through index_select.
    private func bindRepeatInterleave(_ b: Binder) {
        let sig = Signature("repeat_interleave", ["repeats", "dim"], keywordOnly: ["output_size"])
        /// The index each output position takes: `i` repeated `repeats[i]` times.
        func expandedIndex(_ repeats: Tensor) throws -> Tensor {
            if repeats.rank != 1 { throw PyError.runtimeError("repeat_interleave only accept 1D vector as repeat") }
            if repeats.dtype != .int64 && repeats.dtype != .int32 {
                throw PyError.runtimeError("repeats has to be Long or Int tensor")
            }
            let counts = try bridged { try repeats.elementsAsInt64() }
            if counts.contains(where: { $0 < 0 }) { throw PyError.runtimeError("repeats can not be negative") }
            var index: [Int64] = []
            for (i, c) in counts.enumerated() { index.append(contentsOf: repeatElement(Int64(i), count: Int(c))) }
            return try bridged { try Tensor(values: index, shape: [index.count], dtype: repeats.dtype, device: repeats.device) }
        }
        let body: Binder.Body = { [unowned self] _, t, args in
            let bound = try args.bind(sig)
            guard let r = bound.given(0) else {
                throw PyError.typeError("repeat_interleave() missing 1 required positional arguments: \"repeats\"")
            }
            let dimArg = try bound.given(1).map { try int($0, "repeat_interleave", "dim") }
            let input = dimArg == nil ? try bridged { try Op.flatten(t) } : t
            let dim = try bridged { try Shape.wrapDim(dimArg ?? 0, rank: Swift.max(input.rank, 1)) }
            if let repeatsTensor = tensorPayload(r) {
                var repeats = repeatsTensor
                if repeats.rank == 0 || (repeats.rank == 1 && repeats.sizes[0] == 1) {
                    repeats = try bridged { try repeats.reshape([1]).expand([input.sizes[dim]]) }
                } else if repeats.rank == 1 && repeats.sizes[0] != input.sizes[dim] {
                    throw PyError.runtimeError("repeats must have the same size as input along dim, but got repeats.size(0) = \(repeats.sizes[0]) and input.size(\(dim)) = \(input.sizes[dim])")
                }
                let index = try expandedIndex(try bridged { try repeats.contiguous() })
                return wrap(try bridged { try Op.indexSelect(input, dim, try index.to(.int64)) })
            }
            let n = try int(r, "repeat_interleave", "repeats")
            if n < 0 { throw PyError.runtimeError("Repeats must be non-negative") }
            return wrap(try bridged {
                var sizes = input.sizes
                sizes.insert(n, at: dim + 1)
                let spread = try Op.expand(try Op.unsqueeze(input, dim + 1), sizes)
                return try Op.flatten(try Op.contiguous(try Op.clone(spread)), start: dim, end: dim + 1)
            })
        }
        b.method("repeat_interleave", body)
        b.module.addFunction("repeat_interleave", keywordChecked(function: "repeat_interleave") { [unowned self] interp, args in
            // torch.repeat_interleave(repeats): the indices alone.
            if args.count == 1 && !args.hasKeywords, let repeats = tensorPayload(args[0]) {
                return wrap(try expandedIndex(repeats))
            }
            guard let first = args.positional.first, let t = tensorPayload(first) else {
                throw PyError.typeError("repeat_interleave(): argument 'input' (position 1) must be Tensor")
            }
            var rest = args
            rest.positional.removeFirst()
            return try body(interp, t, rest)
        })
    }
}

extension Tensor {
    /// 1 where the element is not NaN (as float), for counting in `nanmean`.
    func negatedMaskForNanmean() throws(TensorError) -> Tensor { try unary(.logicalNot).to(.int64) }
}
