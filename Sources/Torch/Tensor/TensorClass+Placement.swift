import Autograd
import Interpreter
import Tensors

/// `diag_embed`, `diagflat`, `rot90`, `block_diag`, `cartesian_prod`, `combinations`,
/// `split_with_sizes`, `trapezoid`/`trapz`/`cumulative_trapezoid`, `dist`,
/// `sum_to_size`, the `*_scatter` family and `unravel_index`. Where PyTorch composes an op
/// from others (cartesian_prod, trapezoid), the same ops run in the same order, so values
/// and grad_fn names match.
extension TorchRuntime {
    func bindPlacement(_ b: Binder) {
        let embedSig = Signature("diag_embed", ["offset", "dim1", "dim2"])
        b.both("diag_embed") { [unowned self] _, t, args in
            let bound = try args.bind(embedSig)
            return wrap(try bridged {
                try Differentiable.diagEmbed(t, offset: try bound.given(0).map { try int($0, "diag_embed", "offset") } ?? 0,
                                             dim1: try bound.given(1).map { try int($0, "diag_embed", "dim1") } ?? -2,
                                             dim2: try bound.given(2).map { try int($0, "diag_embed", "dim2") } ?? -1)
            })
        }
        let flatSig = Signature("diagflat", ["offset"])
        b.both("diagflat") { [unowned self] _, t, args in
            let offset = try args.bind(flatSig).given(0).map { try int($0, "diagflat", "offset") } ?? 0
            return wrap(try bridged { try Differentiable.diagEmbed(try Op.reshape(t, [-1]), offset: offset, dim1: 0, dim2: 1) })
        }
        let rotSig = Signature("rot90", ["k", "dims"])
        b.both("rot90") { [unowned self] _, t, args in
            let bound = try args.bind(rotSig)
            let k = try bound.given(0).map { try int($0, "rot90", "k") } ?? 1
            let dims = try bound.given(1).map { try intList($0, "rot90", "dims") } ?? [0, 1]
            return wrap(try bridged { try Differentiable.rot90(t, k: k, dims: dims) })
        }
        b.free("block_diag") { [unowned self] _, args in
            let ts = try args.positional.map { try tensor($0, "block_diag", "tensors") }
            return wrap(try bridged { try Differentiable.blockDiag(ts) })
        }
        b.free("cartesian_prod") { [unowned self] _, args in
            let ts = try args.positional.map { try tensor($0, "cartesian_prod", "tensors") }
            for t in ts where t.rank != 1 {
                throw PyError.runtimeError("Expect a 1D vector, but got shape \(sizeList(t.sizes))")
            }
            if ts.count == 1 { return args.positional[0] }
            let sizes = ts.map { $0.numel }
            return wrap(try bridged {
                let grids = try ts.enumerated().map { i, t throws(TensorError) -> Tensor in
                    var shape = [Int](repeating: 1, count: ts.count)
                    shape[i] = t.numel
                    return try Op.flatten(try Op.expand(try Op.reshape(t, shape), sizes))
                }
                return try Op.stack(grids, dim: 1)
            })
        }
        let combSig = Signature("combinations", ["r", "with_replacement"])
        b.function("combinations") { [unowned self] _, t, args in
            let bound = try args.bind(combSig)
            let r = try bound.given(0).map { try int($0, "combinations", "r") } ?? 2
            let replace = try bound.given(1).map { try bool($0, "combinations", "with_replacement") } ?? false
            if t.rank != 1 { throw PyError.runtimeError("Expect a 1D vector, but got shape \(sizeList(t.sizes))") }
            if r < 0 { throw PyError.runtimeError("Expect a non-negative number, but got \(r)") }
            if r == 0 { return wrap(try bridged { try Tensor.zeros([0], dtype: t.dtype, device: t.device) }) }
            let n = t.sizes[0]
            var rows: [[Int64]] = []
            var current: [Int64] = []
            func extend(_ from: Int) {
                if current.count == r { rows.append(current); return }
                guard from < n else { return }
                for i in from..<n {
                    current.append(Int64(i))
                    extend(replace ? i : i + 1)
                    current.removeLast()
                }
            }
            extend(0)
            let index = try bridged { try Tensor(values: rows.flatMap { $0 }, shape: [rows.count, r], device: t.device) }
            return wrap(try bridged { try Differentiable.index(t, [index]) })
        }
        let splitSig = Signature("split_with_sizes", ["split_sizes", "dim"], required: 1)
        b.both("split_with_sizes") { [unowned self] _, t, args in
            let bound = try args.bind(splitSig)
            let sizes = try intList(bound[0]!, "split_with_sizes", "split_sizes")
            let dim = try bound.given(1).map { try int($0, "split_with_sizes", "dim") } ?? 0
            let d = try bridged { try Shape.wrapDim(dim, rank: Swift.max(t.rank, 1)) }
            if t.rank > 0, sizes.reduce(0, +) != t.sizes[d] {
                throw PyError.runtimeError("split_with_sizes expects split_sizes to sum exactly to \(t.sizes[d]) (input tensor's size at dimension \(dim)), but got split_sizes=\(sizeList(sizes))")
            }
            return .tuple(try bridged { try Op.split(t, sizes: sizes, dim: d) }.map(wrap))
        }
        bindTrapezoid(b)
        let distSig = Signature("dist", ["other", "p"], required: 1)
        b.both("dist") { [unowned self] _, t, args in
            let bound = try args.bind(distSig)
            let other = try tensor(bound[0]!, "dist", "other", position: 1)
            let p = try bound.given(1).map { try double($0, "dist", "p") } ?? 2
            return wrap(try bridged { try Differentiable.dist(t, other, p: p) })
        }
        b.method("sum_to_size") { [unowned self] _, t, args in
            let size = args.count == 1 && args[0].asTuple != nil || args.count == 1 && args[0].asList != nil
                ? try intList(args[0], "sum_to_size", "size") : try sizes(args.positional[...], "sum_to_size")
            // is_expandable_to(size, self.sizes)
            var expandable = size.count <= t.rank
            if expandable {
                for i in 0..<size.count {
                    let s = size[size.count - 1 - i], target = t.sizes[t.rank - 1 - i]
                    if s != target && s != 1 { expandable = false }
                }
            }
            if !expandable {
                throw PyError.runtimeError("size {\(sizeList(size))} is not expandable to size {\(sizeList(t.sizes))}.")
            }
            if size == t.sizes { return wrap(t) }
            return wrap(try bridged { try Differentiable.sumToSize(t, size) })
        }
        bindPartScatters(b)
        let unravelSig = Signature("unravel_index", ["indices", "shape"], required: 2)
        b.free("unravel_index") { [unowned self] _, args in
            let bound = try args.bind(unravelSig)
            let indices = try tensor(bound[0]!, "unravel_index", "indices")
            if indices.dtype.isFloatingPoint || indices.dtype == .bool {
                throw PyError.typeError("expected 'indices' to be integer dtype, but got \(indices.dtype.name)")
            }
            let shape: [Int] = if case .int(let n) = bound[1]! { [n] } else { try intList(bound[1]!, "unravel_index", "shape") }
            if shape.contains(where: { $0 < 0 }) { throw PyError.valueError("'shape' cannot have negative values, but got \(tupleText(shape))") }
            let flat = try bridged { try indices.elementsAsInt64() }
            var outputs = [[Int64]](repeating: [], count: shape.count)
            for v in flat {
                var rest = v
                for k in stride(from: shape.count - 1, through: 0, by: -1) {
                    let s = Int64(shape[k])
                    var q = rest / s, m = rest % s
                    if m < 0 { m += s; q -= 1 }
                    outputs[k].append(m)
                    rest = q
                }
            }
            return .tuple(try outputs.map { column in wrap(try bridged { try Tensor(values: column, shape: indices.sizes, device: indices.device) }) })
        }
    }

    private func tupleText(_ xs: [Int]) -> String { xs.count == 1 ? "(\(xs[0]),)" : "(" + xs.map(String.init).joined(separator: ", ") + ")" }

    func sizeList(_ sizes: [Int]) -> String { "[" + sizes.map(String.init).joined(separator: ", ") + "]" }

    /// ATen's `trapezoid` and `cumulative_trapezoid`, op for op.
    private func bindTrapezoid(_ b: Binder) {
        let sig = Signature("trapezoid", ["x"], keywordOnly: ["dx", "dim"])
        func spacing(_ y: Tensor, _ x: Tensor, _ d: Int) throws(TensorError) -> Tensor {
            var dx = try Op.sub(try Op.narrow(x, x.rank == 1 ? 0 : d, start: 1, length: x.sizes[x.rank == 1 ? 0 : d] - 1),
                                try Op.narrow(x, x.rank == 1 ? 0 : d, start: 0, length: x.sizes[x.rank == 1 ? 0 : d] - 1))
            if x.rank == 1 {
                var shape = [Int](repeating: 1, count: y.rank)
                shape[d] = dx.numel
                dx = try Op.view(dx, shape)
            }
            return dx
        }
        func pairSum(_ y: Tensor, _ d: Int) throws(TensorError) -> Tensor {
            let n = y.sizes[d]
            return try Op.add(try Op.narrow(y, d, start: 1, length: n - 1), try Op.narrow(y, d, start: 0, length: n - 1))
        }
        for name in ["trapezoid", "trapz"] {
            b.function(name) { [unowned self] _, y, args in
                let bound = try args.bind(sig)
                let dim = try bound.given(2).map { try int($0, name, "dim") } ?? -1
                let d = try bridged { try Shape.wrapDim(dim, rank: Swift.max(y.rank, 1)) }
                if let xv = bound.given(0), let x = tensorPayload(xv) {
                    return wrap(try bridged {
                        if y.sizes[d] == 0 { return try Op.sum(try Op.mul(y, .int(0)), dims: [d]) }
                        return try Differentiable.divScalarOverload(try Op.sum(try Op.mul(try spacing(y, x, d), try pairSum(y, d)), dims: [d]), .float(2))
                    })
                }
                let dx = try bound.given(1).map { try double($0, name, "dx") } ?? (try bound.given(0).map { try double($0, name, "dx") } ?? 1)
                return wrap(try bridged {
                    if y.sizes[d] == 0 { return try Op.sum(try Op.mul(y, .int(0)), dims: [d]) }
                    let ends = try Differentiable.mulScalarOverload(try Op.add(try Op.select(y, d, 0), try Op.select(y, d, y.sizes[d] - 1)), .float(0.5))
                    return try Differentiable.mulScalarOverload(try Op.sub(try Op.sum(y, dims: [d]), ends), .float(dx))
                })
            }
        }
        b.function("cumulative_trapezoid") { [unowned self] _, y, args in
            let bound = try args.bind(sig)
            let dim = try bound.given(2).map { try int($0, "cumulative_trapezoid", "dim") } ?? -1
            let d = try bridged { try Shape.wrapDim(dim, rank: Swift.max(y.rank, 1)) }
            if let xv = bound.given(0), let x = tensorPayload(xv) {
                return wrap(try bridged {
                    try Differentiable.divScalarOverload(try Op.cumsum(try Op.mul(try spacing(y, x, d), try pairSum(y, d)), dim: d), .float(2))
                })
            }
            let dx = try bound.given(1).map { try double($0, "cumulative_trapezoid", "dx") } ?? 1
            return wrap(try bridged { try Op.cumsum(try Differentiable.mulScalarOverload(try pairSum(y, d), .float(dx / 2)), dim: d) })
        }
    }

    private func bindPartScatters(_ b: Binder) {
        let selectSig = Signature("select_scatter", ["src", "dim", "index"], required: 3)
        b.both("select_scatter") { [unowned self] _, t, args in
            let bound = try args.bind(selectSig)
            let src = try tensor(bound[0]!, "select_scatter", "src")
            let dim = try int(bound[1]!, "select_scatter", "dim"), index = try int(bound[2]!, "select_scatter", "index")
            return wrap(try bridged {
                try Differentiable.partScatter("SelectScatterBackward0", t, src) { x throws(TensorError) in try Op.select(x, dim, index) }
            })
        }
        let sliceSig = Signature("slice_scatter", ["src", "dim", "start", "end", "step"], required: 1)
        b.both("slice_scatter") { [unowned self] _, t, args in
            let bound = try args.bind(sliceSig)
            let src = try tensor(bound[0]!, "slice_scatter", "src")
            let dim = try bound.given(1).map { try int($0, "slice_scatter", "dim") } ?? 0
            let start = try bound.given(2).map { try int($0, "slice_scatter", "start") }
            let end = try bound.given(3).map { try int($0, "slice_scatter", "end") }
            let step = try bound.given(4).map { try int($0, "slice_scatter", "step") } ?? 1
            return wrap(try bridged {
                try Differentiable.partScatter("SliceScatterBackward0", t, src) { x throws(TensorError) in
                    let d = try Shape.wrapDim(dim, rank: x.rank)
                    let n = x.sizes[d]
                    func clampBound(_ v: Int?, _ fallback: Int) -> Int {
                        guard var v else { return fallback }
                        if v < 0 { v += n }
                        return Swift.min(Swift.max(v, 0), n)
                    }
                    return try Differentiable.slice(x, d, start: clampBound(start, 0), end: clampBound(end, n), step: step)
                }
            })
        }
        let diagSig = Signature("diagonal_scatter", ["src", "offset", "dim1", "dim2"], required: 1)
        b.both("diagonal_scatter") { [unowned self] _, t, args in
            let bound = try args.bind(diagSig)
            let src = try tensor(bound[0]!, "diagonal_scatter", "src")
            let offset = try bound.given(1).map { try int($0, "diagonal_scatter", "offset") } ?? 0
            let dim1 = try bound.given(2).map { try int($0, "diagonal_scatter", "dim1") } ?? 0
            let dim2 = try bound.given(3).map { try int($0, "diagonal_scatter", "dim2") } ?? 1
            return wrap(try bridged {
                try Differentiable.partScatter("DiagonalScatterBackward0", t, src) { x throws(TensorError) in
                    try Op.diagonal(x, offset: offset, dim1: dim1, dim2: dim2)
                }
            })
        }
    }
}

/// `Tensor.unfold(dimension, size, step)` and `torch.fill(input, value)`.
extension TorchRuntime {
    func bindUnfoldAndFill(_ b: Binder) {
        let unfoldSig = Signature("unfold", ["dimension", "size", "step"], required: 3)
        b.method("unfold") { [unowned self] _, t, args in
            let bound = try args.bind(unfoldSig)
            return wrap(try bridged {
                try Differentiable.unfold(t, dim: try int(bound[0]!, "unfold", "dimension"), size: try int(bound[1]!, "unfold", "size"),
                                          step: try int(bound[2]!, "unfold", "step"))
            })
        }
        let fillSig = Signature("fill", ["value"], required: 1)
        b.function("fill") { [unowned self] _, t, args in
            let bound = try args.bind(fillSig)
            if let v = tensorPayload(bound[0]!) { return wrap(try bridged { try Differentiable.fill(t, v) }) }
            let value = try scalarOrItem(bound[0]!, "fill", "value")
            return wrap(try bridged { try Differentiable.fill(t, value) })
        }
    }
}
