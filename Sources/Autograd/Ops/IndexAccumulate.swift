import Tensors

/// `index_add`, `index_copy`, `index_fill` and `scatter_reduce`: writes into slices chosen
/// by an index, with the gradient formulas of PyTorch's derivatives.yaml.
extension Differentiable {
    /// `x` with `dim` moved first (a view), so an index along `dim` is an index on dim 0.
    static func leadingView(_ t: Tensor, _ dim: Int) throws(TensorError) -> Tensor {
        t.rank == 0 ? try t.reshape([1]) : try t.movedim(dim, 0)
    }

    static func checkIndexVector(_ fn: String, _ index: Tensor) throws(TensorError) {
        if index.rank > 1 { throw .index("\(fn)(): Index is supposed to be a vector") }
        if index.dtype != .int64 && index.dtype != .int32 {
            throw .runtime("\(fn)(): Expected dtype int32/int64 for index")
        }
    }

    /// `index_add(dim, index, source, alpha)`: IndexAddBackward0.
    public static func indexAdd(_ x: Tensor, _ dim: Int, _ index: Tensor, _ source: Tensor, alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: Swift.max(x.rank, 1))
        try checkIndexVector("index_add", index)
        if source.dtype != x.dtype {
            throw .runtime("index_add_(): self (\(x.dtype.scalarTypeName)) and source (\(source.dtype.scalarTypeName)) must have the same scalar type")
        }
        let out = try x.clone()
        var values = try leadingView(source, source.rank == 0 ? 0 : d)
        if !alpha.isOne { values = try values.mul(alpha) }
        // ATen's index_add on an empty tensor writes nothing (and checks no index).
        if out.numel > 0 { try leadingView(out, d).indexPut_([try index.reshape([-1]).to(.int64)], values, accumulate: true) }
        guard isRecording(x, source) else { return out }
        let ms = TensorMeta(source)
        return record("IndexAddBackward0", [x, source], out) { ctx in
            let g = ctx.grad
            var gs: Tensor? = nil
            if ctx.needs(1) {
                // maybe_multiply(grad.index_select(dim, index).expand_as(source), alpha).
                gs = try indexSelect(g, d, index)
                gs = ms.sizes.isEmpty ? try view(gs!, []) : try expand(gs!, ms.sizes)
                if !alpha.isOne { gs = try mulScalarOverload(gs!, alpha) }
            }
            return [ctx.needs(0) ? g : nil, gs]
        }
    }

    /// `index_copy(dim, index, source)`: IndexCopyBackward0.
    public static func indexCopy(_ x: Tensor, _ dim: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: Swift.max(x.rank, 1))
        try checkIndexVector("index_copy", index)
        if source.dtype != x.dtype {
            throw .runtime("index_copy_(): self and source expected to have the same dtype, but got (self) \(x.dtype.scalarTypeName) and (source) \(source.dtype.scalarTypeName)")
        }
        let sourceCount = source.rank == 0 ? 1 : source.sizes[Swift.min(d, source.rank - 1)]
        if index.numel != sourceCount {
            throw .index("index_copy_(): Number of indices (\(index.numel)) should be equal to source.size(dim) (\(sourceCount))")
        }
        let out = try x.clone()
        try leadingView(out, d).indexPut_([try index.reshape([-1]).to(.int64)], try leadingView(source, source.rank == 0 ? 0 : d))
        guard isRecording(x, source) else { return out }
        let ms = TensorMeta(source)
        return record("IndexCopyBackward0", [x, source], out) { ctx in
            let g = ctx.grad
            var gx: Tensor? = nil, gs: Tensor? = nil
            if ctx.needs(0) { gx = try indexFilled(g, d, index, .int(0)) }
            if ctx.needs(1) {
                gs = try indexSelect(g, d, index)
                if ms.sizes.isEmpty { gs = try view(gs!, []) }
            }
            return [gx, gs]
        }
    }

    /// `t` with the slices at `index` along `dim` set to `value` (no history).
    static func indexFilled(_ t: Tensor, _ dim: Int, _ index: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        let out = try t.detach().clone()
        try leadingView(out, dim).indexPut_([try index.reshape([-1]).to(.int64)], try Tensor(scalar: value, dtype: t.dtype, device: t.device))
        return out
    }

    /// `index_fill(dim, index, number)`: IndexFillBackward0.
    public static func indexFill(_ x: Tensor, _ dim: Int, _ index: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: Swift.max(x.rank, 1))
        try checkIndexVector("index_fill", index)
        let out = try indexFilled(x, d, index, value)
        guard isRecording(x) else { return out }
        return record("IndexFillBackward0", [x], out) { ctx in [try indexFilled(ctx.grad, d, index, .int(0))] }
    }

    /// `index_fill(dim, index, 0-dim tensor)`: IndexFillBackward1 (the value gets the sum).
    public static func indexFill(_ x: Tensor, _ dim: Int, _ index: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        if value.rank != 0 {
            throw .runtime("index_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.rank) dimension(s).")
        }
        let d = try Shape.wrapDim(dim, rank: Swift.max(x.rank, 1))
        try checkIndexVector("index_fill", index)
        let out = try indexFilled(x, d, index, try value.item())
        guard isRecording(x, value) else { return out }
        let mv = TensorMeta(value)
        return record("IndexFillBackward1", [x, value], out) { ctx in
            let g = ctx.grad
            return [ctx.needs(0) ? try indexFilled(g, d, index, .int(0)) : nil,
                    ctx.needs(1) ? try reduce(try sum(try indexSelect(g, d, index)), to: mv) : nil]
        }
    }

    /// `scatter_reduce(dim, index, src, reduce, include_self)`: ScatterReduceBackward0,
    /// with `scatter_reduce_backward`'s formula for each reduction.
    public static func scatterReduce(_ x: Tensor, _ dim: Int, _ index: Tensor, _ src: Tensor,
                                     _ reduction: Tensor.ScatterReduction, includeSelf: Bool,
                                     nodeName: String = "ScatterReduceBackward0") throws(TensorError) -> Tensor {
        let out = try x.scatterReduce(dim, index, src, reduction, includeSelf: includeSelf)
        guard isRecording(x, src) else { return out }
        let d = try Shape.wrapDim(dim, rank: Swift.max(x.rank, 1))
        return try record(nodeName, [x, src], out, save: [x, src], saveOutput: true) { ctx in
            let g = ctx.grad.detach(), s = try ctx.saved(0).detach(), sv = try ctx.saved(1).detach(), result = try ctx.saved(2).detach()
            var gradSelf: Tensor, gradSrc: Tensor
            switch reduction {
            case .sum:
                gradSelf = g
                gradSrc = try g.gather(d, index)
            case .mean:
                let n = includeSelf ? try g.onesLike() : try Tensor.zeros(g.sizes, dtype: g.dtype, device: g.device)
                let counts = try n.scatterAdd(d, index, try sv.onesLike())
                let safe = try counts.maskedFill(try counts.eq(.int(0)), .int(1))
                gradSelf = try g.div(safe)
                gradSrc = try gradSelf.gather(d, index)
            case .prod:
                let maskedSelf = try s.maskedFill(try s.eq(.int(0)), .int(1))
                let maskedSelfResult = try maskedSelf.scatterReduce(d, index, sv, .prod, includeSelf: includeSelf)
                gradSelf = try g.mul(maskedSelfResult).div(maskedSelf)
                let srcZero = try sv.eq(.int(0))
                let srcZeros = try Tensor.zeros(s.sizes, dtype: s.dtype, device: s.device).scatterAdd(d, index, try srcZero.to(s.dtype)).gather(d, index)
                let singleZero = try srcZero.binary(.logicalAnd, try srcZeros.eq(.int(1)))
                let maskedSrc = try sv.maskedFill(singleZero, .int(1))
                let maskedSrcResult = try s.scatterReduce(d, index, maskedSrc, .prod, includeSelf: includeSelf)
                gradSrc = try Tensor.where(singleZero, try g.mul(maskedSrcResult).gather(d, index),
                                           try g.mul(result).gather(d, index).div(try sv.maskedFill(srcZero, .int(1))))
            case .amax, .amin:
                let value = try result.gather(d, index)
                let selfIsResult = try s.eq(result).to(s.dtype)
                let srcIsResult = try sv.eq(value).to(s.dtype)
                let distributed = try g.div(try selfIsResult.scatterAdd(d, index, srcIsResult))
                gradSelf = try s.eq(result).to(g.dtype).mul(distributed)
                gradSrc = try sv.eq(value).to(g.dtype).mul(try distributed.gather(d, index))
            }
            if !includeSelf { gradSelf = try gradSelf.clone().scatter_(d, index, value: .int(0)) }
            return [ctx.needs(0) ? gradSelf : nil, ctx.needs(1) ? gradSrc : nil]
        }
    }
}

extension Differentiable {
    /// `index_reduce(dim, index, source, reduce, include_self)`: scatter_reduce with the
    /// index spread over the source's other dims; IndexReduceBackward0 (the same formula).
    public static func indexReduce(_ x: Tensor, _ dim: Int, _ index: Tensor, _ source: Tensor,
                                   _ reduction: Tensor.ScatterReduction, includeSelf: Bool) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: Swift.max(x.rank, 1))
        try checkIndexVector("index_reduce", index)
        if source.dtype != x.dtype {
            throw .runtime("index_reduce_(): self (\(x.dtype.scalarTypeName)) and source (\(source.dtype.scalarTypeName)) must have the same scalar type")
        }
        var shape = [Int](repeating: 1, count: Swift.max(source.rank, 1))
        shape[d] = index.numel
        let spread = try index.reshape(shape).to(.int64).expand(source.rank == 0 ? [1] : source.sizes).contiguous()
        return try scatterReduce(x, d, spread, source, reduction, includeSelf: includeSelf, nodeName: "IndexReduceBackward0")
    }

    /// `masked_scatter(mask, source)`: the masked places (in row-major order) take the
    /// source's elements in order; MaskedScatterBackward0.
    public static func maskedScatter(_ x: Tensor, _ mask: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        if mask.dtype != .bool {
            throw .runtime("masked_scatter_ only supports boolean masks, but got mask with dtype \(mask.dtype.scalarTypeName)")
        }
        if source.dtype != x.dtype {
            throw .runtime("masked_scatter_: expected self and source to have same dtypes but got \(x.dtype.scalarTypeName) and \(source.dtype.scalarTypeName)")
        }
        let fullMask = try mask.expand(x.sizes).contiguous()
        let count = try fullMask.elementsAsBool().filter { $0 }.count
        if count > source.numel { throw .runtime("Number of elements of source < number of ones in mask") }
        let out = try x.clone()
        if count > 0 {
            let positions: [Tensor?] = try fullMask.nonzero().unbind(dim: 1).map { part throws(TensorError) in try part.contiguous() }
            try out.indexPut_(x.rank == 0 ? [] : positions, try source.reshape([-1]).narrow(0, start: 0, length: count))
        }
        guard isRecording(x, source) else { return out }
        let mx = TensorMeta(x), ms = TensorMeta(source)
        return record("MaskedScatterBackward0", [x, source], out) { ctx in
            let g = ctx.grad
            var gs: Tensor? = nil
            if ctx.needs(1) {
                var picked = try maskedSelect(g, fullMask)
                let missing = ms.sizes.reduce(1, *) - picked.numel
                if missing > 0 { picked = try cat([picked, try Tensor.zeros([missing], dtype: g.dtype, device: g.device)]) }
                gs = try view(picked, ms.sizes)
            }
            return [ctx.needs(0) ? try reduce(try maskedFill(g, fullMask, .int(0)), to: mx) : nil, gs]
        }
    }

    /// `put(index, source, accumulate)`: flat positions of `x` take (or add) the source's
    /// elements; PutBackward0.
    public static func put(_ x: Tensor, _ index: Tensor, _ source: Tensor, accumulate: Bool) throws(TensorError) -> Tensor {
        if index.dtype != .int64 { throw .runtime("put_(): Expected a long tensor for index, but got \(index.dtype.scalarTypeName)") }
        if source.dtype != x.dtype {
            throw .runtime("put_(): self and source expected to have the same dtype, but got self.dtype = \(x.dtype.scalarTypeName) and source.dtype = \(source.dtype.scalarTypeName)")
        }
        if index.numel != source.numel {
            throw .runtime("put_(): Expected source and index to have the same number of elements, but got source.numel() = \(source.numel), index.numel() = \(index.numel)")
        }
        if x.numel == 0 && index.numel != 0 { throw .index("put_(): Tried to put elements into an empty tensor") }
        let n = x.numel
        let positions = try index.elementsAsInt64().map { i throws(TensorError) -> Int64 in
            if i < -Int64(n) || i >= Int64(n) { throw .index("out of range: tried to access index \(i) on a tensor of \(n) elements.") }
            return i < 0 ? i + Int64(n) : i
        }
        let flat = try Tensor(values: positions, shape: [positions.count], device: x.device)
        let out = try x.contiguous().clone()
        try out.reshape([-1]).indexPut_([flat], try source.reshape([-1]), accumulate: accumulate)
        guard isRecording(x, source) else { return out }
        let ms = TensorMeta(source)
        return record("PutBackward0", [x, source], out) { ctx in
            let g = ctx.grad
            var gx: Tensor? = nil
            if ctx.needs(0) {
                if accumulate { gx = g } else {
                    gx = try g.detach().contiguous().clone()
                    try gx!.reshape([-1]).indexPut_([flat], try Tensor.zeros([], dtype: g.dtype, device: g.device))
                }
            }
            return [gx, ctx.needs(1) ? try view(try indexSelect(try reshape(g, [-1]), 0, flat), ms.sizes) : nil]
        }
    }
}

extension Scalar {
    var isOne: Bool {
        switch self {
        case .int(let i): i == 1
        case .float(let f): f == 1
        case .bool(let b): b
        case .complex(let re, let im): re == 1 && im == 0
        }
    }
}
