/// `x[...]` and `x[...] = v` with PyTorch's semantics: basic indices give views, tensor
/// indices (advanced indexing) give copies, and assignment writes through.
extension Tensor {
    /// `x[indices]`.
    public func getItem(_ indices: [TensorIndex]) throws(TensorError) -> Tensor {
        let plan = try IndexPlan.make(indices, sizes: sizes, device: device)
        let v = try applying(plan.steps)
        if let adv = plan.advanced { return try v.index(adv) }
        return v
    }

    /// Replays basic-indexing steps (all views).
    public func applying(_ steps: [IndexStep]) throws(TensorError) -> Tensor {
        var v = self
        for step in steps {
            switch step {
            case let .select(dim, index): v = try v.select(dim, index, forIndexing: true)
            case let .slice(dim, start, end, step): v = try v.slice(dim, start: start, end: end, step: step)
            case let .unsqueeze(dim): v = try v.unsqueeze(dim)
            case .alias: v = v.alias()
            }
        }
        return v
    }

    /// `x[indices] = value` (value broadcast to the indexed shape, converted to this dtype).
    /// `matchingDtype`: index_put_'s check that value and self have one dtype (the Python
    /// binding skips it where ATen dispatches to masked_fill_).
    public func setItem(_ indices: [TensorIndex], _ value: Tensor, matchingDtype: Bool = false) throws(TensorError) {
        let plan = try IndexPlan.make(indices, sizes: sizes, device: device)
        let v = try applying(plan.steps.filter { $0 != .alias })
        if let adv = plan.advanced {
            try v.indexPut_(adv, value, matchingDtype: matchingDtype)
        } else {
            try v.copy_(try value.expand(to: v.sizes, forCopyInto: false))
        }
    }

    /// `x[indices] = number`.
    public func setItem(_ indices: [TensorIndex], _ value: Scalar) throws(TensorError) {
        let plan = try IndexPlan.make(indices, sizes: sizes, device: device)
        let v = try applying(plan.steps.filter { $0 != .alias })
        if let adv = plan.advanced {
            try v.indexPut_(adv, try Tensor(scalar: value, dtype: dtype, device: device))
        } else {
            try v.fill_(value)
        }
    }

    /// Layout of an advanced index: broadcast index shape, per-element source offsets and
    /// where the result's dims come from.
    struct AdvancedIndexLayout {
        var broadcastShape: [Int]
        var offsets: [Int]
        var restSizes: [Int]
        var restStrides: [Int]
        /// Non-indexed dims before the first indexed one, when indexed dims are adjacent
        /// (the broadcast dims then go in their place); 0 when they go first.
        var leadingRest: Int
    }

    func advancedLayout(_ indices: [Tensor?]) throws(TensorError) -> AdvancedIndexLayout {
        // ATen's `make_info` check (index_put_ reaches it with user-given index tuples).
        guard indices.count <= rank else {
            throw .index("too many indices for tensor of dimension \(rank) (got \(indices.count))")
        }
        var dims: [Int] = []
        var tensors: [Tensor] = []
        for (d, t) in indices.enumerated() {
            guard let t else { continue }
            // checkIndexTensorTypes: int8 and int16 are integral but not index types.
            guard [.int64, .int32, .uint8, .bool].contains(t.dtype) else {
                throw .index("tensors used as indices must be long, int, byte or bool tensors")
            }
            dims.append(d); tensors.append(t)
        }
        var shape: [Int] = tensors[0].sizes
        for t in tensors.dropFirst() {
            guard let s = try? Shape.broadcast(shape, t.sizes) else {
                throw .index("shape mismatch: indexing tensors could not be broadcast together with shapes " + tensors.map { Shape.describe($0.sizes) }.joined(separator: ", "))
            }
            shape = s
        }
        // AdvancedIndex's early check: an indexed dim of size 0 with a non-empty index.
        if dims.contains(where: { sizes[$0] == 0 }) && !shape.contains(0) {
            throw .index("index is out of bounds for dimension with size 0")
        }
        let count = shape.reduce(1, *)
        var offsets = [Int](repeating: offset, count: count)
        for (k, t) in tensors.enumerated() {
            let d = dims[k]
            let values = try t.expand(to: shape, forCopyInto: false).elementsAsInt64()
            let size = sizes[d], stride = strides[d]
            for i in 0..<count {
                var v = Int(values[i])
                if v < -size || v >= size { throw .indexOutOfBounds(index: v, dim: d, size: size) }
                if v < 0 { v += size }
                offsets[i] += v * stride
            }
        }
        let adjacent = dims.last! - dims.first! + 1 == dims.count
        var restSizes: [Int] = [], restStrides: [Int] = []
        var leading = 0
        for d in 0..<rank where !dims.contains(d) {
            restSizes.append(sizes[d]); restStrides.append(strides[d])
            if adjacent && d < dims.first! { leading += 1 }
        }
        return AdvancedIndexLayout(broadcastShape: shape, offsets: offsets, restSizes: restSizes,
                                   restStrides: restStrides, leadingRest: leading)
    }

    /// `index(indices)`: advanced indexing with one optional int64 tensor per leading dim.
    public func index(_ indices: [Tensor?]) throws(TensorError) -> Tensor {
        let layout = try advancedLayout(indices)
        let gatherShape = layout.broadcastShape + layout.restSizes
        let out = try backend.index(.advancedGather(restSizes: layout.restSizes, restStrides: layout.restStrides,
                                                    offsets: layout.offsets, outSizes: gatherShape), [self])[0]!
        var result = out
        if layout.leadingRest > 0 {
            let b = layout.broadcastShape.count
            let order = Array(b..<(b + layout.leadingRest)) + Array(0..<b) + Array((b + layout.leadingRest)..<gatherShape.count)
            // A fresh row-major result, as ATen allocates it: `contiguous()` would keep the
            // permuted strides of size-1 dims.
            let permuted = try out.permute(order)
            result = try Tensor.empty(permuted.sizes, dtype: dtype, device: device)
            _ = try result.copy_(permuted)
        }
        return result
    }

    /// `index_put_(indices, values, accumulate)`: writes values (broadcast to the indexed
    /// shape) at the indexed positions; with `accumulate`, adds instead (duplicates sum).
    @discardableResult
    public func indexPut_(_ indices: [Tensor?], _ values: Tensor, accumulate: Bool = false, matchingDtype: Bool = false) throws(TensorError) -> Tensor {
        let layout = try advancedLayout(indices)
        var resultShape = layout.broadcastShape + layout.restSizes
        let b = layout.broadcastShape.count
        var order = Array(0..<resultShape.count)
        if layout.leadingRest > 0 {
            // The indexed result's shape puts the broadcast dims after the leading rest dims.
            let lead = Array(layout.restSizes[..<layout.leadingRest])
            resultShape = lead + layout.broadcastShape + Array(layout.restSizes[layout.leadingRest...])
            order = Array(layout.leadingRest..<(layout.leadingRest + b)) + Array(0..<layout.leadingRest)
                + Array((layout.leadingRest + b)..<resultShape.count)
        }
        _ = try Tensor.commonDevice([self, values], method: "index_put_", names: ["self", "values"])
        var v = try values.to(dtype)
        if v.storage === storage { v = try v.clone() }
        guard let expanded = try? v.expand(to: resultShape, forCopyInto: false) else {
            throw .runtime("shape mismatch: value tensor of shape \(Shape.describe(v.sizes)) cannot be broadcast to indexing result of shape \(Shape.describe(resultShape))")
        }
        if matchingDtype && values.dtype != dtype {
            throw .runtime("Index put requires the source and destination dtypes match, got \(dtype.scalarTypeName) for the destination and \(values.dtype.scalarTypeName) for the source.")
        }
        v = expanded
        if layout.leadingRest > 0 { v = try v.permute(order) }   // now B + rest
        let vStrides = v.strides
        let bStrides = Array(vStrides[..<b]), restV = Array(vStrides[b...])
        var valueOffsets = [Int](repeating: v.offset, count: layout.offsets.count)
        if b > 0 {
            var idx = [Int](repeating: 0, count: b)
            var off = v.offset
            for i in 0..<layout.offsets.count {
                valueOffsets[i] = off
                var d = b - 1
                while d >= 0 {
                    idx[d] += 1
                    off += bStrides[d]
                    if idx[d] < layout.broadcastShape[d] { break }
                    off -= bStrides[d] * layout.broadcastShape[d]
                    idx[d] = 0
                    d -= 1
                }
            }
        }
        _ = try backend.index(.advancedPut(restSizes: layout.restSizes, restStrides: layout.restStrides, offsets: layout.offsets,
                                           valueOffsets: valueOffsets, valueRestStrides: restV, accumulate: accumulate), [self, v])
        bumpVersion()
        return self
    }

    /// `nonzero()`: an [n, rank] int64 tensor of coordinates in row-major order.
    public func nonzero() throws(TensorError) -> Tensor {
        try backend.index(.nonzero, [self])[0]!
    }

    /// `masked_select(mask)`: the elements where mask is true, as a 1-D copy.
    public func maskedSelect(_ mask: Tensor) throws(TensorError) -> Tensor {
        try checkBoolMask(mask, "masked_select")
        let shape = try Shape.broadcast(sizes, mask.sizes)
        let x = try expand(to: shape, forCopyInto: false)
        let m = try mask.expand(to: shape, forCopyInto: false)
        return try x.getItem([.tensor(m)])
    }
}
