import Interpreter
import Tensors

/// `unique`, `median` and `diff`: order statistics composed from Tensors primitives.
extension TorchRuntime {
    func bindStatistics(_ b: Binder) {
        let uniqueSig = Signature("unique", ["sorted", "return_inverse", "return_counts", "dim"])
        b.both("unique") { [unowned self] _, t, args in
            let bound = try args.bind(uniqueSig)
            if bound.given(3) != nil { throw PyError.notImplementedError("unique(dim=...) is not supported") }
            let wantInverse = bound.given(1).map { truthy($0) } ?? false
            let wantCounts = bound.given(2).map { truthy($0) } ?? false
            // ATen's unique_cpu_sorted_template: the flattened input through torch.sort's own
            // (unstable) order, then a new value wherever a key differs from the previous one
            // (NaN != NaN, so each NaN stands alone; -0.0 == +0.0 keeps whichever sorts first).
            if t.dtype != .bool && t.numel > 0 {
                let (sortedValues, perm) = try t.contiguous().reshape([-1]).sort(dim: 0)
                let keys = try sortedValues.elementsAsDouble(), order = try perm.elementsAsInt64()
                var firsts: [Int64] = [], counts: [Int64] = []
                var inverse = [Int64](repeating: 0, count: keys.count)
                for i in 0..<keys.count {
                    if i == 0 || keys[i] != keys[i - 1] { firsts.append(Int64(i)); counts.append(0) }
                    counts[counts.count - 1] += 1
                    inverse[Int(order[i])] = Int64(firsts.count - 1)
                }
                let at = try Tensor(values: firsts, shape: [firsts.count], device: t.device)
                let values = try sortedValues.gather(0, at)
                if !wantInverse && !wantCounts { return wrap(values) }
                var out = [wrap(values)]
                if wantInverse { out.append(wrap(try Tensor(values: inverse, shape: t.sizes, device: t.device))) }
                if wantCounts { out.append(wrap(try Tensor(values: counts, shape: [counts.count], device: t.device))) }
                return .tuple(out)
            }
            // bool (unique_cpu_bool_template: false before true) and empty inputs.
            let scalars = try t.scalars()
            let keys = scalars.map { $0.doubleValue }
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            var uniqueIndex: [Int] = []
            var inverse = [Int64](repeating: 0, count: keys.count)
            var counts: [Int64] = []
            for i in order {
                if let last = uniqueIndex.last, keys[last] == keys[i] {
                    counts[counts.count - 1] += 1
                } else {
                    uniqueIndex.append(i)
                    counts.append(1)
                }
                inverse[i] = Int64(uniqueIndex.count - 1)
            }
            let values = try Tensor(values: uniqueIndex.map { keys[$0] }, shape: [uniqueIndex.count], dtype: t.dtype, device: t.device)
            if !wantInverse && !wantCounts { return wrap(values) }
            var out = [wrap(values)]
            if wantInverse { out.append(wrap(try Tensor(values: inverse, shape: t.sizes, device: t.device))) }
            if wantCounts { out.append(wrap(try Tensor(values: counts, shape: [counts.count], device: t.device))) }
            return .tuple(out)
        }
        let medianSig = Signature("median", ["dim", "keepdim"])
        b.both("median") { [unowned self] _, t, args in
            let bound = try args.bind(medianSig)
            guard let d = bound.given(0) else { return wrap(try Op.median(t)) }
            let dim = try int(d, "median", "dim")
            let r = try Op.median(t, dim: dim, keepdim: bound.given(1).map { truthy($0) } ?? false)
            return returnTuple("median", r.values, r.indices)
        }
        let diffSig = Signature("diff", ["n", "dim"])
        b.both("diff") { [unowned self] _, t, args in
            let bound = try args.bind(diffSig)
            let n = try bound.given(0).map { try int($0, "diff", "n") } ?? 1
            let dim = try bound.given(1).map { try int($0, "diff", "dim") } ?? -1
            // ATen's diff_check, before any dimension is read (a 0-d input has none).
            if t.rank == 0 { throw PyError.runtimeError("diff expects input to be at least one-dimensional") }
            if n < 0 { throw PyError.runtimeError("order must be non-negative but got \(n)") }
            var x = t
            for _ in 0..<n {
                let len = try x.size(dim)
                if len == 0 { break }
                let hi = try Op.narrow(x, dim, start: 1, length: len - 1), lo = try Op.narrow(x, dim, start: 0, length: len - 1)
                x = x.dtype == .bool ? try hi.binary(.logicalXor, lo) : try Op.sub(hi, lo)
            }
            return wrap(x)
        }
        b.free("meshgrid") { [unowned self] _, args in
            let ts = args.count == 1 && tensorPayload(args[0]) == nil
                ? try tensorList(args[0], "meshgrid") : try args.positional.map { try tensor($0, "meshgrid", "tensors") }
            var indexing = "ij"
            if let v = args.keyword("indexing") {
                guard case .str(let s) = v, s == "ij" || s == "xy" else {
                    throw PyError.valueError("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: \(args.keyword("indexing")?.asString ?? "")")
                }
                indexing = s
            }
            var sizes = ts.map { $0.numel }
            let swap = indexing == "xy" && ts.count >= 2
            if swap { sizes.swapAt(0, 1) }
            return .tuple(try ts.enumerated().map { i, t in
                var position = i
                if swap && i < 2 { position = 1 - i }
                var shape = [Int](repeating: 1, count: ts.count)
                shape[position] = t.numel
                return wrap(try Op.expand(try Op.reshape(t, shape), sizes))
            })
        }

        // Legacy constructors: torch.FloatTensor([1, 2]) (data) or torch.FloatTensor(2, 3) (shape).
        let legacy: [(String, DType)] = [("FloatTensor", .float32), ("DoubleTensor", .float64), ("HalfTensor", .float16),
                                         ("BFloat16Tensor", .bfloat16), ("LongTensor", .int64), ("IntTensor", .int32),
                                         ("ShortTensor", .int16), ("CharTensor", .int8), ("ByteTensor", .uint8), ("BoolTensor", .bool)]
        for (name, dt) in legacy {
            b.free(name) { [unowned self] _, args in
                if args.count == 1, case .object(let o) = args[0], o is PyList || o is PyTuple {
                    return wrap(try TensorData(args[0], rt: self).make(dtype: dt, device: .cpu))
                }
                if args.count == 1, let t = tensorPayload(args[0]) { return wrap(try Op.to(t, dt)) }
                return wrap(try Tensor.zeros(try sizes(args.positional[...], name), dtype: dt))
            }
        }
    }
}
