/// One item of a Python subscript `x[...]`, as the binding converts it. Python lists of
/// ints or bools arrive as int64 or bool tensors (PyTorch treats them the same way).
public enum TensorIndex {
    case int(Int)
    /// `start:stop:step`; nil parts are Python's defaults.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `None` / `np.newaxis`: inserts a dimension of size 1.
    case newAxis
    case ellipsis
    /// `x[True]` / `x[False]`.
    case bool(Bool)
    /// An integer tensor (advanced indexing) or a bool/uint8 mask tensor.
    case tensor(Tensor)
}

/// A basic-indexing step; replaying the steps yields a view of the indexed tensor.
/// Autograd replays them through its own differentiable ops (SelectBackward0, ...).
public enum IndexStep: Equatable {
    case select(dim: Int, index: Int)
    /// Already clamped Python slice: `start..<end` by `step` (end ≥ start).
    case slice(dim: Int, start: Int, end: Int, step: Int)
    case unsqueeze(dim: Int)
    /// `x[...]`, `x[:]`: PyTorch returns an alias rather than the tensor itself.
    case alias
}

/// How `x[indices]` is computed: basic steps giving a view, then — when any index was a
/// tensor — one advanced `index` with an optional int64 index tensor per dim of that view.
public struct IndexPlan {
    public var steps: [IndexStep] = []
    /// By step position: a select's index ([i]) or a slice's start and stop ([start, stop],
    /// 0 and INT64_MAX when omitted) as the subscript gave them, before wrapping and
    /// clamping: what PyTorch's SelectBackward0/SliceBackward0 show.
    public var shown: [Int: [Int]] = [:]
    /// Per dim of the view after `steps`; nil when there is no advanced indexing.
    public var advanced: [Tensor?]? = nil
}

extension IndexPlan {
    /// Plans `x[indices]` for a tensor of `sizes`, raising PyTorch's IndexErrors.
    public static func make(_ indices: [TensorIndex], sizes: [Int], device: Device = .cpu) throws(TensorError) -> IndexPlan {
        var consumed = 0
        for idx in indices {
            switch idx {
            case .int, .slice: consumed += 1
            case .tensor(let t):
                consumed += (t.dtype == .bool || t.dtype == .uint8) ? t.rank : 1
            case .newAxis, .bool, .ellipsis: break
            }
        }
        if consumed > sizes.count {
            throw .index("too many indices for tensor of dimension \(sizes.count)")
        }
        var plan = IndexPlan()
        var shape = sizes          // shape of the view built so far
        var dim = 0
        var advanced: [Int: Tensor] = [:]
        func record(_ t: Tensor, at d: Int) { advanced[d] = t }

        // applySelect reports `real_dim`, the item's position in the subscript tuple.
        for (position, idx) in indices.enumerated() {
            // Several `...` each skip the unspecified dims (PyTorch does not reject them), so
            // later items can run past the last dim.
            var needed = 0
            switch idx {
            case .int, .slice: needed = 1
            case .tensor(let t): needed = (t.dtype == .bool || t.dtype == .uint8) ? t.rank : 1
            default: break
            }
            if dim + needed > shape.count { throw .index("too many indices for tensor of dimension \(sizes.count)") }
            switch idx {
            case .int(let i):
                let size = shape[dim]
                if i < -size || i >= size {
                    throw .indexOutOfBounds(index: i, dim: position, size: size)
                }
                plan.shown[plan.steps.count] = [i]
                plan.steps.append(.select(dim: dim, index: i < 0 ? i + size : i))
                shape.remove(at: dim)
                // Advanced indices recorded at later dims shift down.
                advanced = Dictionary(uniqueKeysWithValues: advanced.map { ($0.key > dim ? $0.key - 1 : $0.key, $0.value) })
            case let .slice(start, stop, step):
                let st = step ?? 1
                if st == 0 { throw .value("slice step cannot be zero") }
                if st < 0 { throw .value("step must be greater than zero") }
                let size = shape[dim]
                func clamp(_ v: Int?, _ dflt: Int) -> Int {
                    guard var v else { return dflt }
                    if v < 0 { v += size }
                    return Swift.min(Swift.max(v, 0), size)
                }
                let s = clamp(start, 0)
                let e = Swift.max(clamp(stop, size), s)
                // applySlice's optimization looks at the slice as written: start 0 (not -n),
                // stop at or past the end, step 1; anything else slices (SliceBackward0).
                let skipped = (start ?? 0) == 0 && (stop.map { $0 >= size } ?? true) && st == 1
                if !skipped {
                    plan.shown[plan.steps.count] = [start ?? 0, stop ?? Int.max]
                    plan.steps.append(.slice(dim: dim, start: s, end: e, step: st))
                    shape[dim] = (e - s + st - 1) / st
                }
                dim += 1
            case .newAxis:
                plan.steps.append(.unsqueeze(dim: dim))
                shape.insert(1, at: dim)
                advanced = Dictionary(uniqueKeysWithValues: advanced.map { ($0.key >= dim ? $0.key + 1 : $0.key, $0.value) })
                dim += 1
            case .ellipsis:
                dim += sizes.count - consumed
            case .bool(let b):
                plan.steps.append(.unsqueeze(dim: dim))
                shape.insert(1, at: dim)
                advanced = Dictionary(uniqueKeysWithValues: advanced.map { ($0.key >= dim ? $0.key + 1 : $0.key, $0.value) })
                record(try Tensor.zeros([b ? 1 : 0], dtype: .int64, device: device), at: dim)
                dim += 1
            case .tensor(let t):
                if t.rank == 0 && t.dtype.isIntegral && t.dtype != .uint8 {
                    let i = Int(try t.item().int64Value)
                    let size = shape[dim]
                    if i < -size || i >= size { throw .indexOutOfBounds(index: i, dim: position, size: size) }
                    plan.shown[plan.steps.count] = [i]
                    plan.steps.append(.select(dim: dim, index: i < 0 ? i + size : i))
                    shape.remove(at: dim)
                    advanced = Dictionary(uniqueKeysWithValues: advanced.map { ($0.key > dim ? $0.key - 1 : $0.key, $0.value) })
                } else if t.dtype == .bool || t.dtype == .uint8 {
                    if t.rank == 0 {
                        plan.steps.append(.unsqueeze(dim: dim))
                        shape.insert(1, at: dim)
                        advanced = Dictionary(uniqueKeysWithValues: advanced.map { ($0.key >= dim ? $0.key + 1 : $0.key, $0.value) })
                        let on = try t.item().boolValue
                        record(try Tensor.zeros([on ? 1 : 0], dtype: .int64, device: device), at: dim)
                        dim += 1
                        continue
                    }
                    for k in 0..<t.rank where t.sizes[k] != shape[dim + k] {
                        throw .index("The shape of the mask \(Shape.describe(t.sizes)) at index \(k) does not match the shape of the indexed tensor \(Shape.describe(shape)) at index \(dim + k)")
                    }
                    let nz = try t.nonzero()
                    for k in 0..<t.rank { record(try nz.select(1, k), at: dim + k) }
                    dim += t.rank
                } else if t.dtype.isIntegral {
                    record(t, at: dim)
                    dim += 1
                } else {
                    throw .index("tensors used as indices must be long, int, byte or bool tensors")
                }
            }
        }
        if !advanced.isEmpty {
            var list = [Tensor?](repeating: nil, count: shape.count)
            for (d, t) in advanced { list[d] = t }
            plan.advanced = list
        } else if plan.steps.isEmpty {
            plan.steps.append(.alias)
        }
        return plan
    }
}
