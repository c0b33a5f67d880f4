import Tensors

/// `x[...]`, `x[...] = v`, advanced indexing, `masked_fill`, `where`.
extension Differentiable {
    /// `x[indices]`: basic steps become SelectBackward0/SliceBackward0/... views, tensor
    /// indices an IndexBackward0 copy.
    /// `wholeKey` says the subscript was one slice, not a tuple: PyTorch then always slices
    /// (`x[:]` is SliceBackward0) where inside a tuple a full slice is skipped (`x[:, :]`
    /// is AliasBackward0).
    public static func getItem(_ x: Tensor, _ indices: [TensorIndex], singleSlice: Bool = false) throws(TensorError) -> Tensor {
        if !isRecording(x) {
            let out = try x.getItem(indices)
            return out.sharesStorage(with: x) ? untrackedView(x, out) : out
        }
        let plan = try IndexPlan.make(indices, sizes: x.sizes, device: x.device)
        if singleSlice, plan.steps == [.alias], x.rank > 0 {
            // The node keeps the subscript's bounds (`x[:]`: 0 and INT64_MAX; `x[0:3]`: 0 and 3).
            var shown = [0, Int.max]
            if case let .slice(start, stop, _)? = indices.first { shown = [start ?? 0, stop ?? Int.max] }
            return try slice(x, 0, start: 0, end: x.sizes[0], shown: shown)
        }
        let v = try applying(x, plan.steps, shown: plan.shown)
        if let adv = plan.advanced { return try index(v, adv) }
        return v
    }

    /// Replays basic-indexing steps through the differentiable view ops.
    /// `shown`: the subscript's own values by step (`IndexPlan.shown`), for the nodes.
    public static func applying(_ x: Tensor, _ steps: [IndexStep], shown: [Int: [Int]] = [:]) throws(TensorError) -> Tensor {
        var v = x
        for (k, step) in steps.enumerated() {
            switch step {
            case let .select(dim, i): v = try select(v, dim, i, forIndexing: true, shownIndex: shown[k]?.first)
            case let .slice(dim, start, end, step): v = try slice(v, dim, start: start, end: end, step: step, shown: shown[k])
            case let .unsqueeze(dim): v = try unsqueeze(v, dim)
            case .alias: v = try alias(v)
            }
        }
        return v
    }

    /// Advanced indexing (`index.Tensor`): IndexBackward0.
    public static func index(_ x: Tensor, _ indices: [Tensor?]) throws(TensorError) -> Tensor {
        let out = try x.index(indices)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        // The node saves the index tensors (None entries stay None) after self's sizes.
        var slots: [Int?] = [], kept: [Tensor] = []
        // ATen's index list ends at the last tensor.
        let last = indices.lastIndex { $0 != nil } ?? -1
        for t in indices.prefix(last + 1) {
            if let t { slots.append(kept.count); kept.append(t) } else { slots.append(nil) }
        }
        return try record("IndexBackward0", [x], out, save: kept,
                          attributes: [("indices", .tensorList(slots)), ("self_sym_sizes", .ints(mx.sizes))]) { ctx in
            [try accumulated("IndexPutImplBackward0", ctx.grad, into: mx, indices)]
        }
    }

    /// Zeros of `meta` with `grad` added at `indices` (duplicates sum); differentiable in `grad`.
    static func accumulated(_ name: String, _ grad: Tensor, into meta: TensorMeta, _ indices: [Tensor?]) throws(TensorError) -> Tensor {
        let out = try Tensor.zeros(meta.sizes, dtype: grad.dtype, device: grad.device)
        try out.indexPut_(indices, grad, accumulate: true)
        guard isRecording(grad) else { return out }
        // zeros.index_put_/index_add(..., grad): the zeros are an input without history.
        return record(name, [nil, grad], out) { ctx in [nil, try index(ctx.grad, indices)] }
    }

    /// `index_put(indices, values, accumulate)` out of place: IndexPutBackward0.
    /// The dtypes must match unless ATen sends it to `masked_fill_` (no accumulate, one
    /// bool or uint8 mask, a one-element value).
    public static func indexPut(_ x: Tensor, _ indices: [Tensor?], _ values: Tensor, accumulate: Bool = false) throws(TensorError) -> Tensor {
        let defined = indices.compactMap { $0 }
        let maskFill = !accumulate && values.numel == 1 && defined.count == 1 && (defined[0].dtype == .bool || defined[0].dtype == .uint8)
        // expandTensors: a bool or uint8 mask indexes as many dims as it has, by its nonzero().
        var indices: [Tensor?] = indices
        if defined.contains(where: { $0.dtype == .bool || $0.dtype == .uint8 }) {
            var expanded: [Tensor?] = []
            for index in indices {
                guard let t = index, t.dtype == .bool || t.dtype == .uint8 else { expanded.append(index); continue }
                let nz = try t.nonzero()
                for k in 0..<t.rank { expanded.append(try nz.select(1, k)) }
            }
            indices = expanded
        }
        let out = try x.clone()
        try out.indexPut_(indices, values, accumulate: accumulate, matchingDtype: !maskFill)
        guard isRecording(x, values) else { return out }
        let mv = TensorMeta(values)
        var slots: [Int?] = [], kept: [Tensor] = []
        for t in indices.prefix((indices.lastIndex { $0 != nil } ?? -1) + 1) {
            if let t { slots.append(kept.count); kept.append(t) } else { slots.append(nil) }
        }
        return try record("IndexPutBackward0", [x, values], out, save: kept,
                          attributes: [("accumulate", .bool(accumulate)), ("indices", .tensorList(slots))]) { ctx in
            let g = ctx.grad
            var gx: Tensor? = nil
            if ctx.needs(0) {
                // accumulate ? grad : grad.index_put(indices, zeros_like(values), false), recorded
                // (IndexPutBackward0) under create_graph.
                gx = accumulate ? g : try indexPut(g, indices, try Tensor.zeros(mv.sizes, dtype: g.dtype, device: g.device))
            }
            return [gx, ctx.needs(1) ? try reduce(try index(g, indices), to: mv) : nil]
        }
    }

    /// The index tensors of an in-place write, copied when it is recorded: its backward must
    /// use the positions written then, even when the caller later changes a mask in place
    /// (PyTorch turns the mask into indices as it records; Wishart.rsample rewrites its mask).
    static func snapshot(_ indices: [TensorIndex]) throws(TensorError) -> [TensorIndex] {
        var out: [TensorIndex] = []
        out.reserveCapacity(indices.count)
        for index in indices {
            if case let .tensor(t) = index { out.append(.tensor(try t.clone())) } else { out.append(index) }
        }
        return out
    }

    /// `x[indices] = value` in place, as THPVariable_setitem does it. The write goes to `x`
    /// itself when the basic steps are all skipped (`x[...]`, `x[:]`, `x[:, idx]`: ATen's
    /// slice optimization), else to a view (CopySlices on the base). On `x` itself a plain
    /// write is `copy_` (CopyBackwards) or, for a 0-dim value of another shape, `fill_`
    /// (FillBackward3); an advanced one is `index_put_` (IndexPutBackward0), whose dtypes
    /// must match unless ATen sends it to `masked_fill_` (one mask, a one-element value).
    /// Leading 1-dims of the value are dropped first (`slicePrefix1sSize`).
    public static func setItem(_ x: Tensor, _ indices: [TensorIndex], _ value: Tensor) throws(TensorError) {
        let recording = isRecording(x, value)
        let advanced = !recordedIndexTensors(indices).isEmpty
        let stripped = Array(value.sizes.drop { $0 == 1 })
        // The plan (a mask's nonzero included) is made here only where it decides something;
        // `x.setItem` makes its own.
        let plan = recording || stripped.count != value.rank ? try IndexPlan.make(indices, sizes: x.sizes, device: x.device) : nil
        let writesSelf = plan?.steps.allSatisfy { $0 == .alias } ?? false
        if recording { try checkSetItem(x, writesSelf: writesSelf) } else { try checkInPlace(x) }
        var value = value
        if let plan, stripped.count != value.rank {
            let targetSizes = advanced ? nil : try x.applying(plan.steps.filter { $0 != .alias }).sizes
            // copy_to keeps a same-shaped or 0-dim source as it is.
            if targetSizes != value.sizes { value = try view(value, stripped) }
        }
        if writesSelf && !advanced && recording {
            if value.sizes == x.sizes { try copy_(x, value); return }
            if value.rank == 0 { try fill_(x, value); return }
            try copy_(x, try expand(value, x.sizes))
            return
        }
        let matchingDtype = advanced && !(value.numel == 1 && isSingleMask(indices))
        try x.setItem(indices, value, matchingDtype: matchingDtype)
        guard recording else { return }
        let indices = try snapshot(indices)
        let name = advanced && writesSelf ? "IndexPutBackward0" : "torch::autograd::CopySlices"
        let mv = TensorMeta(value)
        try rebase(x, name, [value]) { ctx in
            let g = ctx.grad
            var gx: Tensor? = nil
            if ctx.needs(0) {
                gx = try g.clone()
                try gx!.setItem(indices, .int(0))
            }
            return [gx, ctx.needs(1) ? try reduce(try getItem(g, indices), to: mv) : nil]
        }
    }

    /// `x[indices] = number` in place: on `x` itself `fill_` (FillBackward2), a lone mask
    /// `masked_fill_` (MaskedFillBackward0), a lone index tensor `index_fill_`
    /// (IndexFillBackward0), several `index_put_`; on a view CopySlices.
    /// The number must fit x's dtype (valueToTensor, after the basic indices were applied).
    public static func setItem(_ x: Tensor, _ indices: [TensorIndex], _ value: Scalar) throws(TensorError) {
        if indices.count == 1, case let .tensor(mask) = indices[0], mask.dtype == .bool, mask.sizes == x.sizes {
            try value.checkFits(x.dtype)
            try maskedFill_(x, mask, value)
            return
        }
        let recording = isRecording(x)
        let fits = value.overflowTypeName(x.dtype) == nil
        // Index errors come before the value's (the plan is made here only when it matters).
        let plan = recording || !fits ? try IndexPlan.make(indices, sizes: x.sizes, device: x.device) : nil
        try value.checkFits(x.dtype)
        guard recording, let plan else {
            try checkInPlace(x)
            try x.setItem(indices, value)
            return
        }
        let writesSelf = plan.steps.allSatisfy { $0 == .alias }
        try checkSetItem(x, writesSelf: writesSelf)
        if writesSelf && plan.advanced == nil { try fill_(x, value); return }
        try x.setItem(indices, value)
        let indices = try snapshot(indices)
        // The op that writes: index_put_ takes the number as a values tensor without history
        // (a second, empty edge); the fills take it as a number.
        let tensors = recordedIndexTensors(indices)
        var inner = "IndexPutBackward0"
        if tensors.isEmpty {
            inner = "FillBackward2"
        } else if tensors.count == 1 {
            inner = tensors[0].dtype == .bool || tensors[0].dtype == .uint8 ? "MaskedFillBackward0" : "IndexFillBackward0"
        }
        let name = writesSelf ? inner : "torch::autograd::CopySlices"
        let putsValues = inner == "IndexPutBackward0"
        try rebase(x, name, putsValues ? [nil] : []) { ctx in
            let gx = try ctx.grad.clone()
            try gx.setItem(indices, .int(0))
            return putsValues ? [gx, nil] : [gx]
        }
    }

    /// The (dtype, rank) of each tensor applySlicing hands to `index_put_`: index tensors
    /// other than 0-dim integers (those select), and an int64 tensor per bool item.
    static func recordedIndexTensors(_ indices: [TensorIndex]) -> [(dtype: DType, rank: Int)] {
        var out: [(dtype: DType, rank: Int)] = []
        for index in indices {
            switch index {
            case .tensor(let t):
                if t.rank == 0 && t.dtype != .bool && t.dtype != .uint8 && t.dtype.isIntegral { continue }
                out.append((t.dtype, t.rank))
            case .bool: out.append((.int64, 1))
            default: continue
            }
        }
        return out
    }

    /// `canDispatchToMaskedFill`: the one recorded index is a bool or uint8 mask (rank ≥ 1).
    static func isSingleMask(_ indices: [TensorIndex]) -> Bool {
        let tensors = recordedIndexTensors(indices)
        guard tensors.count == 1, let t = tensors.first else { return false }
        return t.rank > 0 && (t.dtype == .bool || t.dtype == .uint8)
    }

    /// The in-place checks of a subscript write: through a view of a leaf PyTorch names the view.
    static func checkSetItem(_ x: Tensor, writesSelf: Bool) throws(TensorError) {
        if !writesSelf, GradMode.current.isEnabled, let m = x.meta, m.gradFn == nil, m.requiresGradFlag, m.base == nil {
            throw .runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        try checkInPlace(x)
    }

    /// `fill_(tensor)` with a 0-dim tensor: FillBackward3 (the value gets the summed gradient).
    @discardableResult
    public static func fill_(_ x: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x, value)
        try x.fill_(try value.item())
        guard recording else { return x }
        let mv = TensorMeta(value)
        try rebase(x, "FillBackward3", [value]) { ctx in
            [ctx.needs(0) ? try ctx.grad.zerosLike() : nil, ctx.needs(1) ? try reduce(try sum(ctx.grad), to: mv) : nil]
        }
        return x
    }

    /// `masked_fill(mask, number)`: MaskedFillBackward0.
    public static func maskedFill(_ x: Tensor, _ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        let out = try x.maskedFill(mask, value)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return try record("MaskedFillBackward0", [x], out, save: [mask], attributes: [("mask", .tensor(0))]) { ctx in
            [try reduce(try maskedFill(ctx.grad, mask, .int(0)), to: mx)]
        }
    }

    /// `masked_fill(mask, tensor)`: MaskedFillBackward1 (the 0-dim value gets the masked sum).
    public static func maskedFill(_ x: Tensor, _ mask: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        let out = try x.maskedFill(mask, value)
        guard isRecording(x, value) else { return out }
        let mx = TensorMeta(x), mv = TensorMeta(value)
        return try record("MaskedFillBackward1", [x, value], out, save: [mask], attributes: [("mask", .tensor(0))]) { ctx in
            let g = ctx.grad
            return [ctx.needs(0) ? try reduce(try maskedFill(g, mask, .int(0)), to: mx) : nil,
                    ctx.needs(1) ? try reduce(try sum(try maskedFill(g, try mask.negatedMask(), .int(0))), to: mv) : nil]
        }
    }

    /// `masked_fill_(mask, number)` in place.
    @discardableResult
    public static func maskedFill_(_ x: Tensor, _ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        try x.maskedFill_(mask, value)
        guard recording else { return x }
        try rebase(x, "MaskedFillBackward0", [], save: [mask]) { ctx in [try maskedFill(ctx.grad, mask, .int(0))] }
            .describeUnlessCopySlices([("mask", .tensor(0))])
        return x
    }

    /// `masked_select(mask)`: MaskedSelectBackward0.
    public static func maskedSelect(_ x: Tensor, _ mask: Tensor) throws(TensorError) -> Tensor {
        let out = try x.maskedSelect(mask)
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        let shape = try Shape.broadcast(x.sizes, mask.sizes)
        return record("MaskedSelectBackward0", [x], out) { ctx in
            // zeros_like(input).masked_scatter_(mask, grad): MaskedScatterBackward0 over
            // (nothing, grad) under create_graph, whose source gradient is masked_select.
            let full = try backwardFunction("MaskedScatterBackward0", [nil, ctx.grad], save: [], value: { () throws(TensorError) in
                let full = try Tensor.zeros(shape, dtype: ctx.grad.dtype, device: ctx.grad.device)
                try full.setItem([.tensor(try mask.expand(shape))], ctx.grad.detach())
                return full
            }) { c2 in [nil, c2.needs(1) ? try maskedSelect(c2.grad, mask) : nil] }
            return [try reduce(full, to: mx)]
        }
    }

    /// `torch.where(condition, a, b)`: WhereBackward0 (numbers are inputs without history).
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try Tensor.where(condition, a, b)
        guard isRecording(a, b) else { return out }
        let ma = TensorMeta(a), mb = TensorMeta(b)
        return try record("WhereBackward0", [a, b], out, save: [condition], attributes: [("condition", .tensor(0))]) { ctx in
            // derivatives.yaml: where(condition, grad, 0) and where(condition, 0, grad).
            let g = ctx.grad
            return [ctx.needs(0) ? try reduce(try `where`(condition, g, Scalar.int(0)), to: ma) : nil,
                    ctx.needs(1) ? try reduce(try `where`(condition, Scalar.int(0), g), to: mb) : nil]
        }
    }

    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        let out = try Tensor.where(condition, a, b)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return try record("WhereBackward0", [a, nil], out, save: [condition], attributes: [("condition", .tensor(0))]) { ctx in
            [try reduce(try `where`(condition, ctx.grad, Scalar.int(0)), to: ma), nil]
        }
    }

    public static func `where`(_ condition: Tensor, _ a: Scalar, _ b: Tensor) throws(TensorError) -> Tensor {
        let out = try Tensor.where(condition, a, b)
        guard isRecording(b) else { return out }
        let mb = TensorMeta(b)
        return try record("WhereBackward0", [nil, b], out, save: [condition], attributes: [("condition", .tensor(0))]) { ctx in
            [nil, try reduce(try `where`(condition, Scalar.int(0), ctx.grad), to: mb)]
        }
    }
}
