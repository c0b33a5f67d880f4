import Interpreter
import Tensors

/// `torch.histogramdd(input, bins, *, range=None, weight=None, density=False)`: ATen's
/// HistogramKernel.cpp for an (..., D) input — per-dimension outer edges (the range given,
/// else each column's min and max, widened by 0.5 when equal), `linspace` edges in the
/// input's dtype for int bins, each row's bin found per dimension (linear position then a
/// local search among linspace edges, a binary search among given edges; the last edge
/// belongs to the last bin; a row outside any dimension's edges is dropped), counts added in
/// row order per thread chunk, chunks summed in order; `density` divides by the total and
/// then by each dimension's bin widths.
extension TorchRuntime {
    func bindHistogramdd(_ b: Binder) {
        let sig = Signature("histogramdd", ["input", "bins"], keywordOnly: ["range", "weight", "density"], required: 1)
        b.free("histogramdd") { [unowned self] interp, args in
            let bound = try args.bind(sig)
            let t = try tensor(bound[0]!, "histogramdd", "input", position: 1)
            if t.rank < 2 {
                throw PyError.runtimeError("torch.histogramdd: input tensor should have at least 2 dimensions")
            }
            let d = t.sizes[t.rank - 1]
            guard t.dtype == .float32 || t.dtype == .float64 else {
                throw PyError.notImplementedError("\"histogramdd\" not implemented for '\(t.dtype.scalarTypeName)'")
            }
            let weight = try bound.given(3).map { try tensor($0, "histogramdd", "weight") }
            let density = try bound.given(4).map { try bool($0, "histogramdd", "density") } ?? false
            let rows = d == 0 ? 0 : t.numel / d
            if let weight {
                if weight.dtype != t.dtype {
                    throw PyError.runtimeError("torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same dtype, but got input(\(t.dtype.cppName)), and weight(\(weight.dtype.cppName))")
                }
                if weight.sizes != Array(t.sizes.dropLast()) {
                    throw PyError.runtimeError("torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape \(sizeList(t.sizes)) and weight with shape \(sizeList(weight.sizes))")
                }
            }
            let xs = try bridged { try t.contiguous().elementsAsDouble() }
            let ws = try weight.map { w in try bridged { try w.contiguous().elementsAsDouble() } }
            let binsArg = bound[1] ?? .int(100)
            var edges: [[Double]] = []
            var searchLocally = true
            if case .int = binsArg {
                let n = try int(binsArg, "histogramdd", "bins")
                edges = try intBinEdges(interp, t, xs, rows, d, Array(repeating: n, count: d), bound.given(2))
            } else if tensorPayload(binsArg) == nil, let items = try? interp.iterate(binsArg), items.allSatisfy({ tensorPayload($0) == nil }) {
                let counts = try items.map { try int($0, "histogramdd", "bins") }
                if counts.count != d {
                    throw PyError.runtimeError("histogramdd: The size of bins must be equal to the innermost dimension of the input.")
                }
                edges = try intBinEdges(interp, t, xs, rows, d, counts, bound.given(2))
            } else {
                if tensorPayload(binsArg) != nil {
                    let got = ["Tensor", "Tensor"] + zip(args.keywordNames, args.keywordValues).reversed().map { "\($0.0.string)=\(tensorPayload($0.1) != nil ? "Tensor" : typeNameForError($0.1))" }
                    throw PyError.typeError("histogramdd() received an invalid combination of arguments - got (\(got.joined(separator: ", "))), but expected one of:\n" + (KeywordTable.shared.functions["histogramdd"]?.listing ?? ""))
                }
                let items = try interp.iterate(binsArg)
                for (k, item) in items.enumerated() where tensorPayload(item) == nil {
                    throw PyError.typeError("expected Tensor as element \(k) in argument 1, but got \(typeNameForError(item))")
                }
                if items.count != d {
                    throw PyError.runtimeError("histogramdd: The size of bins must be equal to the innermost dimension of the input.")
                }
                for (k, item) in items.enumerated() {
                    let e = try tensor(item, "histogramdd", "bins")
                    if e.dtype != t.dtype {
                        throw PyError.runtimeError("torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input \(t.dtype.cppName) and bins \(e.dtype.cppName)")
                    }
                    if e.numel - 1 <= 0 {
                        throw PyError.runtimeError("torch.histogram(): bins must be > 0, but got \(e.numel - 1) for dimension \(k)")
                    }
                    edges.append(try bridged { try e.contiguous().elementsAsDouble() })
                }
                searchLocally = false
            }
            var hist = t.dtype == .float32
                ? histogramddCounts(Float.self, xs, rows, d, ws, edges, searchLocally: searchLocally)
                : histogramddCounts(Double.self, xs, rows, d, ws, edges, searchLocally: searchLocally)
            let shape = edges.map { $0.count - 1 }
            if density {
                // `hist.sum()` is ATen's own reduction (its summation order), then the divisions.
                let total = try bridged { try Tensor(values: hist, shape: [hist.count], dtype: t.dtype).sum().elementsAsDouble()[0] }
                hist = t.dtype == .float32
                    ? histogramddDensity(Float.self, hist, total, edges)
                    : histogramddDensity(Double.self, hist, total, edges)
            }
            let out = try bridged { try Tensor(values: hist, shape: shape, dtype: t.dtype, device: t.device) }
            let edgeTensors = try edges.map { e in wrap(try bridged { try Tensor(values: e, shape: [e.count], dtype: t.dtype, device: t.device) }) }
            return returnTuple("histogramdd", [wrap(out), .tuple(edgeTensors)])
        }
    }

    /// ATen's select_outer_bin_edges, then `linspace` per dimension in the input's dtype.
    private func intBinEdges(_ interp: Interpreter, _ t: Tensor, _ xs: [Double], _ rows: Int, _ d: Int,
                             _ counts: [Int], _ range: PyValue?) throws -> [[Double]] {
        var lo = [Double](repeating: 0, count: d), hi = [Double](repeating: 1, count: d)
        if let range, !range.isNone {
            let parts = try interp.iterate(range)
            if parts.count != 2 * d {
                throw PyError.runtimeError("torch.histogramdd: for a \(d)-dimensional histogram range should have \(2 * d) elements, but got \(parts.count)")
            }
            for k in 0..<d {
                lo[k] = try double(parts[2 * k], "histogramdd", "range")
                hi[k] = try double(parts[2 * k + 1], "histogramdd", "range")
            }
        } else if rows > 0 {
            for k in 0..<d {
                var mn = xs[k], mx = xs[k]
                for r in 0..<rows {
                    let v = xs[r * d + k]
                    if v.isNaN || mn.isNaN { mn = .nan } else if v < mn { mn = v }
                    if v.isNaN || mx.isNaN { mx = .nan } else if v > mx { mx = v }
                }
                lo[k] = mn; hi[k] = mx
            }
        }
        var edges: [[Double]] = []
        for k in 0..<d {
            if !lo[k].isFinite || !hi[k].isFinite {
                throw PyError.runtimeError("torch.histogramdd: dimension \(k)'s range [\(cppDouble(lo[k])), \(cppDouble(hi[k]))] is not finite")
            }
            if lo[k] > hi[k] {
                throw PyError.runtimeError("torch.histogramdd: min should not exceed max, but got min \(cppDouble(lo[k])) max \(cppDouble(hi[k])) for dimension \(k)")
            }
            if lo[k] == hi[k] { lo[k] -= 0.5; hi[k] += 0.5 }
        }
        for k in 0..<d {
            if counts[k] <= 0 {
                throw PyError.runtimeError("torch.histogram(): bins must be > 0, but got \(counts[k]) for dimension \(k)")
            }
            edges.append(try bridged { try Tensor.linspace(.float(lo[k]), .float(hi[k]), steps: counts[k] + 1, dtype: t.dtype).elementsAsDouble() })
        }
        return edges
    }

    func histogramddCounts<T: BinaryFloatingPoint>(_: T.Type, _ xs: [Double], _ rows: Int, _ d: Int, _ ws: [Double]?,
                                                           _ edgeValues: [[Double]], searchLocally: Bool) -> [Double] {
        let edges = edgeValues.map { $0.map { T($0) } }
        let binCounts = edges.map { $0.count - 1 }
        let total = binCounts.reduce(1, *)
        var hist = [T](repeating: 0, count: total)
        guard total > 0 else { return [] }
        var strides = [Int](repeating: 1, count: d)
        for k in stride(from: d - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * binCounts[k + 1] }
        /// Index of the first edge in `lo..<hi` of `e` greater than `v` (std::upper_bound).
        func upperBound(_ e: [T], _ v: T, _ lo: Int, _ hi: Int) -> Int {
            var a = lo, b = hi
            while a < b {
                let mid = (a + b) / 2
                if e[mid] <= v { a = mid + 1 } else { b = mid }
            }
            return a
        }
        // ATen splits the rows over its threads (at::parallel_for, grain 200 / D), each
        // counting into its own histogram, then sums those in thread order.
        let threads = IntraOpThreads.count
        let grain = Swift.max(1, 200 / d)
        let chunks = rows > grain && threads > 1 ? Swift.min(threads, (rows + grain - 1) / grain) : 1
        let chunkSize = (rows + chunks - 1) / Swift.max(chunks, 1)
        var partial = hist
        rowLoop: for r in 0..<rows {
            if chunks > 1 && r > 0 && r % chunkSize == 0 {
                for k in 0..<total { hist[k] += partial[k]; partial[k] = 0 }
            }
            var index = 0
            for k in 0..<d {
                let e = edges[k], n = binCounts[k]
                let v = T(xs[r * d + k])
                let left = e[0], right = e[n]
                if !(v >= left && v <= right) { continue rowLoop }
                var pos: Int
                if searchLocally {
                    pos = Int((v - left) * T(n) / (right - left))
                    let lo = Swift.max(0, pos - 1), hi = Swift.min(pos + 2, e.count)
                    pos = upperBound(e, v, lo, hi) - 1
                } else {
                    pos = upperBound(e, v, 0, e.count) - 1
                }
                if pos == n { pos -= 1 }
                index += pos * strides[k]
            }
            partial[index] += ws.map { T($0[r]) } ?? 1
        }
        for k in 0..<total { hist[k] += partial[k] }
        return hist.map { Double($0) }
    }

    /// `hist.div_(total)`, then per dimension `hist.div_(bin_edges[dim].diff())` broadcast
    /// along that dimension, in the input's precision.
    func histogramddDensity<T: BinaryFloatingPoint>(_: T.Type, _ values: [Double], _ total: Double,
                                                            _ edgeValues: [[Double]]) -> [Double] {
        let edges = edgeValues.map { $0.map { T($0) } }
        let binCounts = edges.map { $0.count - 1 }
        let d = edges.count
        var strides = [Int](repeating: 1, count: d)
        for k in stride(from: d - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * binCounts[k + 1] }
        var hist = values.map { T($0) }
        let sum = T(total)
        for k in hist.indices { hist[k] = hist[k] / sum }
        for dim in 0..<d {
            for k in hist.indices {
                let b = (k / strides[dim]) % binCounts[dim]
                hist[k] = hist[k] / (edges[dim][b + 1] - edges[dim][b])
            }
        }
        return hist.map { Double($0) }
    }

    /// A double as C++'s ostream prints it (`1`, `0.5`, `inf`), for ATen's error texts.
    private func cppDouble(_ v: Double) -> String {
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v.isNaN { return "nan" }
        if v == v.rounded() && Swift.abs(v) < 1e6 { return "\(Int64(v))" }
        return String(format: "%g", v)
    }
}
