import Interpreter
import Tensors

/// Ops without gradients that count, search or enumerate: `tril_indices`/`triu_indices`,
/// `bincount`, `searchsorted`/`bucketize`, `histc`, `isin`, `unique_consecutive`,
/// `can_cast`, `get_device`. Each works on host copies of the elements (exact for every
/// dtype but int64 values beyond 2^53, which these ops never meet in practice).
extension TorchRuntime {
    func bindCountingAndSearching(_ b: Binder) {
        bindTriangleIndices(b)
        bindBincount(b)
        bindSearchSorted(b)
        bindHistc(b)
        bindIsin(b)
        bindUniqueConsecutive(b)
        b.free("can_cast") { [unowned self] _, args in
            let bound = try args.bind(Signature("can_cast", ["from_", "to"], required: 2))
            guard let from = try dtype(bound[0]), let to = try dtype(bound[1]) else {
                throw PyError.typeError("can_cast(): argument 'from_' (position 1) must be torch.dtype, not NoneType")
            }
            // c10::canCast: no complex -> real, no float -> integral, no non-bool -> bool.
            if from.isComplex && !to.isComplex { return .bool(false) }
            if from.isFloatingPoint && !to.isFloatingOrComplex { return .bool(false) }
            if from != .bool && to == .bool { return .bool(false) }
            return .bool(true)
        }
        b.both("get_device") { _, t, args in
            try args.expectNone("get_device")
            if case .cuda(let index) = t.device { return .int(index) }
            return .int(-1)
        }
    }

    private func bindTriangleIndices(_ b: Binder) {
        for (name, lower) in [("tril_indices", true), ("triu_indices", false)] {
            let sig = Signature(name, ["row", "col", "offset"], keywordOnly: ["dtype", "device", "layout"], required: 2)
            b.free(name) { [unowned self] _, args in
                let bound = try args.bind(sig)
                let rows = try int(bound[0]!, name, "row"), cols = try int(bound[1]!, name, "col")
                let offset = try bound.given(2).map { try int($0, name, "offset") } ?? 0
                let dt = try dtype(bound[3]) ?? .int64
                var r: [Int64] = [], c: [Int64] = []
                for i in 0..<max(rows, 0) {
                    for j in 0..<max(cols, 0) where lower ? j - i <= offset : j - i >= offset {
                        r.append(Int64(i)); c.append(Int64(j))
                    }
                }
                return wrap(try bridged { try Tensor(values: r + c, shape: [2, r.count], dtype: dt, device: try device(bound[4])) })
            }
        }
    }

    private func bindBincount(_ b: Binder) {
        let sig = Signature("bincount", ["weights", "minlength"])
        b.both("bincount") { [unowned self] _, t, args in
            let bound = try args.bind(sig)
            let weights = try bound.given(0).map { try tensor($0, "bincount", "weights") }
            let minlength = try bound.given(1).map { try int($0, "bincount", "minlength") } ?? 0
            if t.dtype.isFloatingPoint || t.dtype == .bool {
                throw PyError.notImplementedError("\"bincount_cpu\" not implemented for '\(t.dtype.scalarTypeName)'")
            }
            if minlength < 0 { throw PyError.runtimeError("minlength should be >= 0") }
            if t.rank != 1 { throw PyError.runtimeError("bincount only supports 1-d non-negative integral inputs.") }
            let values = try bridged { try t.elementsAsInt64() }
            if values.contains(where: { $0 < 0 }) { throw PyError.runtimeError("bincount only supports 1-d non-negative integral inputs.") }
            if let weights, weights.rank != 1 || weights.numel != t.numel {
                throw PyError.runtimeError("weights should be 1-d and have the same length as input")
            }
            let length = max(minlength, Int(values.max().map { $0 + 1 } ?? 0))
            guard let weights else {
                var counts = [Int64](repeating: 0, count: length)
                for v in values { counts[Int(v)] += 1 }
                return wrap(try bridged { try Tensor(values: counts, shape: [length], device: t.device) })
            }
            // Sums in float32 for float32 weights, in double otherwise (as PyTorch does).
            let w = try bridged { try weights.elementsAsDouble() }
            if weights.dtype == .float32 {
                var sums = [Float](repeating: 0, count: length)
                for (v, x) in zip(values, w) { sums[Int(v)] += Float(x) }
                return wrap(try bridged { try Tensor(values: sums.map(Double.init), shape: [length], dtype: .float32, device: t.device) })
            }
            var sums = [Double](repeating: 0, count: length)
            for (v, x) in zip(values, w) { sums[Int(v)] += x }
            return wrap(try bridged { try Tensor(values: sums, shape: [length], dtype: .float64, device: t.device) })
        }
    }

    /// Index of the first boundary `>= v` (`> v` when `right`) in a sorted row.
    private func boundaryIndex(_ row: [Double], _ v: Double, right: Bool) -> Int {
        var lo = 0, hi = row.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if right ? row[mid] <= v : row[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Searches each value in its row of `boundaries` (1-d: one row for all).
    private func searchSorted(_ fn: String, _ boundaries: Tensor, _ values: Tensor, right: Bool, int32: Bool, sorter: Tensor?) throws -> Tensor {
        if boundaries.rank > 1 && (boundaries.rank != values.rank || Array(boundaries.sizes.dropLast()) != Array(values.sizes.dropLast())) {
            throw PyError.runtimeError("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor \(sizeList(boundaries.sizes)) and input value tensor \(sizeList(values.sizes))")
        }
        var bounds = try bridged { try boundaries.elementsAsDouble() }
        let width = boundaries.rank == 0 ? 1 : boundaries.sizes[boundaries.rank - 1]
        if let sorter {
            let order = try bridged { try sorter.elementsAsInt64() }
            bounds = order.indices.map { i in bounds[(i / width) * width + Int(order[i])] }
        }
        let vs = try bridged { try values.elementsAsDouble() }
        let valueWidth = values.rank == 0 ? 1 : values.sizes[values.rank - 1]
        var out = [Int64](repeating: 0, count: vs.count)
        for (i, v) in vs.enumerated() {
            let start = boundaries.rank > 1 ? (i / valueWidth) * width : 0
            out[i] = Int64(boundaryIndex(Array(bounds[start..<start + width]), v, right: right))
        }
        return try bridged { try Tensor(values: out, shape: values.sizes, dtype: int32 ? .int32 : .int64, device: values.device) }
    }


    private func bindSearchSorted(_ b: Binder) {
        let sig = Signature("searchsorted", ["sorted_sequence", "input"], keywordOnly: ["out_int32", "right", "side", "sorter"], required: 2)
        b.free("searchsorted") { [unowned self] _, args in
            let bound = try args.bind(sig)
            let boundaries = try tensor(bound[0]!, "searchsorted", "sorted_sequence", position: 1)
            let values = try tensorOrScalar(bound[1]!, "searchsorted", "input")
            var right = try bound.given(3).map { try bool($0, "searchsorted", "right") } ?? false
            if let side = bound.given(4) {
                guard case .str(let s) = side, s == "left" || s == "right" else {
                    throw PyError.runtimeError("torch.searchsorted(): side can only be 'left' or 'right' but got \(side.asString ?? "")")
                }
                if s == "left" && right {
                    throw PyError.runtimeError("torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True")
                }
                right = s == "right"
            }
            let sorter = try bound.given(5).map { try tensor($0, "searchsorted", "sorter") }
            let int32 = try bound.given(2).map { try bool($0, "searchsorted", "out_int32") } ?? false
            return wrap(try searchSorted("searchsorted", boundaries, values, right: right, int32: int32, sorter: sorter))
        }
        let bucketSig = Signature("bucketize", ["boundaries"], keywordOnly: ["out_int32", "right"], required: 1)
        b.both("bucketize") { [unowned self] _, t, args in
            let bound = try args.bind(bucketSig)
            let boundaries = try tensor(bound[0]!, "bucketize", "boundaries")
            if boundaries.rank != 1 {
                throw PyError.runtimeError("boundaries tensor must be 1 dimension, but got dim(\(boundaries.rank))")
            }
            let right = try bound.given(2).map { try bool($0, "bucketize", "right") } ?? false
            let int32 = try bound.given(1).map { try bool($0, "bucketize", "out_int32") } ?? false
            return wrap(try searchSorted("bucketize", boundaries, t, right: right, int32: int32, sorter: nil))
        }
    }

    private func bindHistc(_ b: Binder) {
        let sig = Signature("histc", ["bins", "min", "max"])
        b.both("histc") { [unowned self] _, t, args in
            let bound = try args.bind(sig)
            let bins = try bound.given(0).map { try int($0, "histc", "bins") } ?? 100
            var lo = try bound.given(1).map { try double($0, "histc", "min") } ?? 0
            var hi = try bound.given(2).map { try double($0, "histc", "max") } ?? 0
            guard t.dtype.isFloatingPoint else {
                // A bool input fails earlier, in the linspace of its bin edges.
                let kernel = t.dtype == .bool ? "linspace_cpu" : "histogram_cpu"
                throw PyError.notImplementedError("\"\(kernel)\" not implemented for '\(t.dtype.scalarTypeName)'")
            }
            if bins <= 0 { throw PyError.runtimeError("torch.histc(): bins must be > 0, but got \(bins) for dimension 0") }
            let xs = try bridged { try t.elementsAsDouble() }
            if lo == hi, !xs.isEmpty { lo = xs.min()!; hi = xs.max()! }
            if lo == hi { lo -= 1; hi += 1 }
            if lo > hi { throw PyError.runtimeError("torch.histc(): max must be larger than min") }
            // Bin edges as linspace(min, max, bins + 1) in the input's dtype; a position by
            // linear interpolation, corrected against the neighbouring edges.
            let edges = try bridged { try Tensor.linspace(.float(lo), .float(hi), steps: bins + 1, dtype: t.dtype).elementsAsDouble() }
            var counts = [Double](repeating: 0, count: bins)
            for x in xs where x >= edges[0] && x <= edges[bins] {
                var pos = Int((x - edges[0]) * Double(bins) / (edges[bins] - edges[0]))
                pos = min(max(pos, 0), bins)
                if pos > 0 && x < edges[pos] { pos -= 1 } else if pos < bins && x >= edges[pos + 1] { pos += 1 }
                counts[min(pos, bins - 1)] += 1
            }
            return wrap(try bridged { try Tensor(values: counts, shape: [bins], dtype: t.dtype, device: t.device) })
        }
    }

    private func bindIsin(_ b: Binder) {
        let sig = Signature("isin", ["elements", "test_elements"], keywordOnly: ["assume_unique", "invert"], required: 2)
        b.free("isin") { [unowned self] _, args in
            let bound = try args.bind(sig)
            let elements = try tensorOrScalar(bound[0]!, "isin", "elements")
            let tests = try tensorOrScalar(bound[1]!, "isin", "test_elements")
            let invert = try bound.given(3).map { try bool($0, "isin", "invert") } ?? false
            let pool = Set(try bridged { try tests.elementsAsDouble() })
            let hits = try bridged { try elements.elementsAsDouble() }.map { pool.contains($0) != invert }
            return wrap(try bridged { try Tensor(values: hits, shape: elements.sizes, device: elements.device) })
        }
    }

    private func bindUniqueConsecutive(_ b: Binder) {
        let sig = Signature("unique_consecutive", ["return_inverse", "return_counts", "dim"])
        b.both("unique_consecutive") { [unowned self] _, t, args in
            let bound = try args.bind(sig)
            let wantInverse = try bound.given(0).map { try bool($0, "unique_consecutive", "return_inverse") } ?? false
            let wantCounts = try bound.given(1).map { try bool($0, "unique_consecutive", "return_counts") } ?? false
            let dim = try bound.given(2).map { try int($0, "unique_consecutive", "dim") }
            // Rows along `dim` (each element when dim is None) compared with their predecessor.
            let source = try bridged { () throws(TensorError) -> Tensor in
                guard let dim else { return try t.reshape([t.numel, 1]) }
                let d = try Shape.wrapDim(dim, rank: t.rank)
                return try t.movedim(d, 0).contiguous().reshape([t.sizes[d], t.numel / max(t.sizes[d], 1)])
            }
            let rowCount = source.sizes[0], width = source.sizes[1]
            let flat = try bridged { try source.elementsAsDouble() }
            var keep: [Int] = [], counts: [Int64] = [], inverse: [Int64] = []
            for r in 0..<rowCount {
                let same = r > 0 && flat[(r - 1) * width..<r * width].elementsEqual(flat[r * width..<(r + 1) * width])
                if same { counts[counts.count - 1] += 1 } else { keep.append(r); counts.append(1) }
                inverse.append(Int64(keep.count - 1))
            }
            let values = try bridged { () throws(TensorError) -> Tensor in
                let index = try Tensor(values: keep.map(Int64.init), shape: [keep.count], device: t.device)
                guard let dim else { return try t.reshape([t.numel]).indexSelect(0, index) }
                return try t.indexSelect(try Shape.wrapDim(dim, rank: t.rank), index)
            }
            if !wantInverse && !wantCounts { return wrap(values) }
            let inverseShape = dim == nil ? t.sizes : [rowCount]
            var out = [wrap(values)]
            if wantInverse { out.append(wrap(try bridged { try Tensor(values: inverse, shape: inverseShape, device: t.device) })) }
            if wantCounts { out.append(wrap(try bridged { try Tensor(values: counts, shape: [counts.count], device: t.device) })) }
            return .tuple(out)
        }
    }
}
