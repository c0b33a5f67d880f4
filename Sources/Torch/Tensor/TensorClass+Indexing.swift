import Interpreter
import Tensors

/// `x[key]` and `x[key] = value`, plus gather/scatter/masked ops and `where`.
extension TorchRuntime {
    /// A Python subscript as Tensors index items: a tuple spreads over dimensions;
    /// lists become int64 or bool index tensors.
    func tensorIndices(_ key: PyValue) throws -> [TensorIndex] {
        if let t = key.asTuple { return try t.items.map(tensorIndex) }
        if let items = sequenceAsTuple(key) { return try items.map(tensorIndex) }
        return [try tensorIndex(key)]
    }

    /// `treatSequenceAsTuple` of python_variable_indexing.cpp (NumPy's heuristic, still in
    /// PyTorch 2.15 behind a deprecation warning): a list or range shorter than 32 whose items
    /// include a tensor, a sequence, a slice, `...` or None spreads over dims like a tuple.
    private func sequenceAsTuple(_ key: PyValue) -> [PyValue]? {
        guard case .object(let o) = key, let list = o as? PyList, list.items.count < 32 else { return nil }
        let spreads = list.items.contains { item in
            switch item {
            case .none: return true
            case .object(let i): return i is PyList || i is PyTuple || i is PyRange || i is PySlice || item.isEllipsis || tensorPayload(item) != nil
            default: return false
            }
        }
        return spreads ? list.items : nil
    }

    private func tensorIndex(_ v: PyValue) throws -> TensorIndex {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .none: return .newAxis
        // PyTorch tries a str key as a sequence to turn into an index tensor.
        case .str: throw PyError.typeError("new(): invalid data type 'str'")
        case .object(let o):
            if let t = tensorPayload(v) { return .tensor(t) }
            if let s = o as? PySlice {
                return .slice(start: try sliceBound(s.start), stop: try sliceBound(s.stop), step: try sliceBound(s.step))
            }
            if v.isEllipsis { return .ellipsis }
            if o is PyList || o is PyTuple || o is PyRange {
                return .tensor(try TensorData(v, rt: self).makeIndex())
            }
        default: break
        }
        throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(typeNameForError(v)))")
    }

    private func sliceBound(_ v: PyValue) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if let t = tensorPayload(v), t.numel == 1, !t.dtype.isFloatingPoint { return Int(try bridged { try t.item() }.int64Value) }
            throw PyError.typeError("slice indices must be integers or None or have an __index__ method")
        }
    }

    private var zeroDimSliceMessage: String { "slice() cannot be applied to a 0-dim tensor." }
    private var zeroDimIntegerMessage: String {
        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number"
    }

    func bindIndexing(_ b: Binder) {
        b.checkedMethod("__getitem__") { [unowned self] _, s, args in
            guard let t = rawTensorPayload(s) else { return .notImplemented }
            return try acrossMathBits("__getitem__", t, receiver: s) { t in
                let key = args[0]
                // Fast path for x[i].
                if case .int(let i) = key {
                    if t.rank == 0 { throw PyError.indexError(zeroDimIntegerMessage) }
                    return wrap(try bridged { try Op.getItem(t, [.int(i)]) })
            }
            var single = false
            if case .object(let o) = key, o is PySlice { single = true }
            if single && t.rank == 0 { throw PyError.indexError(zeroDimSliceMessage) }
            return wrap(try bridged { try Op.getItem(t, try tensorIndices(key), singleSlice: single) })
            }
        }
        b.checkedMethod("__setitem__") { [unowned self] _, s, args in
            guard let t = rawTensorPayload(s) else { return .notImplemented }
            // THPVariable_setitem returns at once for a lone `False` (nothing is written).
            if case .bool(false) = args[0] { return .none }
            return try acrossMathBits("__setitem__", t, receiver: s) { t in
                if t.rank == 0 {
                    // PyTorch checks a lone int or slice key before the general indexing rules.
                    if case .int = args[0] { throw PyError.indexError(zeroDimIntegerMessage) }
                    if case .object(let o) = args[0], o is PySlice { throw PyError.indexError(zeroDimSliceMessage) }
            }
            let value = args[1]
            let indices = try tensorIndices(args[0])
            try bridged {
                if let v = tensorPayload(value) {
                    try Op.setItem(t, indices, v)
                } else if var sc = scalar(value) {
                    // A complex number written into a bool tensor is true when either part is.
                    if t.dtype == .bool, sc.isComplex { sc = .bool(sc.boolValue) }
                    try Op.setItem(t, indices, sc)
                } else {
                    throw PyError.typeError("can't assign a \(typeNameForError(value)) to a \(t.dtype.legacyTypeName)")
                }
            }
            return .none
            }
        }

        let gatherSig = Signature("gather", ["dim", "index"], required: 2)
        b.both("gather") { [unowned self] _, t, args in
            let bound = try args.bind(gatherSig)
            return wrap(try bridged { try Op.gather(t, try int(bound[0]!, "gather", "dim"), try tensor(bound[1]!, "gather", "index")) })
        }
        let scatterSig = Signature("scatter", ["dim", "index", "src"], keywordOnly: ["value", "reduce"], required: 2)
        for (name, inPlace, add) in [("scatter", false, false), ("scatter_", true, false), ("scatter_add", false, true), ("scatter_add_", true, true)] {
            let body: Binder.Body = { [unowned self] _, t, args in
                let bound = try args.bind(scatterSig)
                let dim = try int(bound[0]!, name, "dim")
                let index = try tensor(bound[1]!, name, "index")
                let src = bound.given(2) ?? bound.given(3) ?? .none
                if let st = tensorPayload(src) {
                    let f: (Tensor) throws(TensorError) -> Tensor = { x throws(TensorError) in
                        try add ? Op.scatterAdd(x, dim, index, st) : Op.scatter(x, dim, index, st)
                    }
                    return wrap(try bridged { try inPlace ? Op.inPlace(t, others: [st], f) : f(t) })
                }
                let value = try scalarOrItem(src, name, "value")
                let f: (Tensor) throws(TensorError) -> Tensor = { x throws(TensorError) in try Op.scatter(x, dim, index, value: value) }
                return wrap(try bridged { try inPlace ? Op.inPlace(t, f) : f(t) })
            }
            if inPlace {
                b.checkedMethod(name) { interp, s, args in
                    guard let t = tensorPayload(s) else { return .notImplemented }
                    _ = try body(interp, t, args)
                    return s
                }
            } else {
                b.both(name, body)
            }
        }
        let indexSelectSig = Signature("index_select", ["dim", "index"], required: 2)
        b.both("index_select") { [unowned self] _, t, args in
            let bound = try args.bind(indexSelectSig)
            return wrap(try bridged { try Op.indexSelect(t, try int(bound[0]!, "index_select", "dim"), try tensor(bound[1]!, "index_select", "index")) })
        }
        let maskedFillSig = Signature("masked_fill", ["mask", "value"], required: 2)
        b.both("masked_fill") { [unowned self] _, t, args in
            let bound = try args.bind(maskedFillSig)
            let mask = try tensor(bound[0]!, "masked_fill", "mask")
            if let v = tensorPayload(bound[1]!) { return wrap(try Op.maskedFill(t, mask, v)) }
            let value = try scalarOrItem(bound[1]!, "masked_fill", "value")
            try bridged { try value.checkFits(t.dtype) }
            return wrap(try Op.maskedFill(t, mask, value))
        }
        b.checkedMethod("masked_fill_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { return .notImplemented }
            let bound = try args.bind(maskedFillSig)
            let mask = try tensor(bound[0]!, "masked_fill_", "mask")
            _ = try bridged {
                if let v = tensorPayload(bound[1]!) { return try Op.inPlace(t, others: [v]) { x throws(TensorError) in try Op.maskedFill(x, mask, v) } }
                let value = try scalarOrItem(bound[1]!, "masked_fill_", "value")
                try value.checkFits(t.dtype)
                return try Op.maskedFill_(t, mask, value)
            }
            return s
        }
        b.both("masked_select") { [unowned self] _, t, args in wrap(try Op.maskedSelect(t, try tensor(args[0], "masked_select", "mask"))) }
        let nonzeroSig = Signature("nonzero", [], keywordOnly: ["as_tuple"])
        b.both("nonzero") { [unowned self] _, t, args in
            let asTuple = try args.bind(nonzeroSig).given(0).map { truthy($0) } ?? false
            let nz = try bridged { try t.nonzero() }
            if !asTuple { return wrap(try bridged { try Self.columnMajorCoordinates(nz) }) }
            return wrap(try bridged { try nz.unbind(dim: 1) })
        }
        b.both("argwhere") { [unowned self] _, t, _ in wrap(try bridged { try Self.columnMajorCoordinates(try t.nonzero()) }) }

        // torch.where(cond, x, y) and x.where(cond, y).
        b.free("where") { [unowned self] _, args in
            let bound = try args.bind(Signature("where", ["condition", "input", "other"], required: 1))
            let cond = try tensor(bound[0]!, "where", "condition")
            guard let x = bound[1], let y = bound[2] else {
                return wrap(try bridged { try cond.nonzero().unbind(dim: 1) })
            }
            return wrap(try whereOp(cond, x, y))
        }
        b.method("where") { [unowned self] _, t, args in
            let bound = try args.bind(Signature("where", ["condition", "other"], required: 2))
            return wrap(try whereOp(try tensor(bound[0]!, "where", "condition"), .object(PyInstance(cls: tensorClass, payload: t)), bound[1]!))
        }
    }

    /// ATen's CPU nonzero fills an `[n, rank]` result with strides `(1, n)` (one row of
    /// coordinates per dimension), which `stride()` and `is_contiguous()` show.
    static func columnMajorCoordinates(_ nz: Tensor) throws(TensorError) -> Tensor {
        let n = nz.sizes[0], rank = nz.sizes[1]
        let storage = try Tensor.empty([n * rank], dtype: nz.dtype, device: nz.device)
        let out = try storage.asStrided([n, rank], [1, n])
        _ = try out.copy_(nz)
        return out
    }

    private func whereOp(_ cond: Tensor, _ x: PyValue, _ y: PyValue) throws -> Tensor {
        switch (tensorPayload(x), tensorPayload(y)) {
        case let (a?, b?): return try bridged { try Op.where(cond, a, b) }
        case let (a?, nil): return try bridged { try Op.where(cond, a, try scalarOrItem(y, "where", "other")) }
        case let (nil, b?): return try bridged { try Op.where(cond, try scalarOrItem(x, "where", "input"), b) }
        default:
            return try bridged { try Tensor.where(cond, try scalarOrItem(x, "where", "input"), try scalarOrItem(y, "where", "other")) }
        }
    }
}
