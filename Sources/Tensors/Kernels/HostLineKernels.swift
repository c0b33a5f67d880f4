/// Host kernels that walk each line of a tensor along one dim in order, as ATen's scalar
/// CPU loops do: `scatter_reduce`, `cummax`/`cummin`, and Welford's (variance, mean) pair
/// for `var_mean`/`std_mean`. Values travel as Double and are rounded to the dtype after
/// every step where ATen computes in the dtype itself, so results match bit for bit.
extension Tensor {
    /// Rounds an intermediate to what `dtype` arithmetic would have kept.
    @inline(__always)
    static func roundedStep(_ v: Double, _ dtype: DType) -> Double {
        switch dtype {
        case .float32: Double(Float(v))
        case .float64: v
        case .float16, .bfloat16: Double(Float(v))
        default: v.isFinite ? v.rounded(.towardZero) : v
        }
    }

    /// How `scatter_reduce` combines values.
    public enum ScatterReduction: String, Sendable {
        case sum, prod, mean, amax, amin
    }

    /// `scatter_reduce(dim, index, src, reduce, include_self)` out of place.
    public func scatterReduce(_ dim: Int, _ index: Tensor, _ src: Tensor, _ reduction: ScatterReduction, includeSelf: Bool) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: Swift.max(rank, 1))
        if index.dtype != .int64 { throw .runtime("scatter_reduce(): Expected dtype int64 for index") }
        if src.dtype != dtype { throw .runtime("scatter_reduce(): Expected self.dtype to be equal to src.dtype") }
        if Swift.max(index.rank, 1) != Swift.max(rank, 1) || Swift.max(src.rank, 1) != Swift.max(rank, 1) {
            throw .runtime("Index tensor must have the same number of dimensions as self tensor")
        }
        var values = try contiguous().elementsAsDouble()
        let idx = try index.contiguous().elementsAsInt64()
        let srcValues = try src.contiguous().elementsAsDouble()
        let selfSizes = rank == 0 ? [1] : sizes, indexSizes = index.rank == 0 ? [1] : index.sizes
        let srcSizes = src.rank == 0 ? [1] : src.sizes
        let selfStrides = Shape.contiguousStrides(selfSizes), srcStrides = Shape.contiguousStrides(srcSizes)
        var counts = [Double](repeating: includeSelf ? 1 : 0, count: values.count)
        var touched = [Bool](repeating: false, count: values.count)
        let identity: Double
        switch reduction {
        case .sum, .mean: identity = 0
        case .prod: identity = 1
        case .amax: identity = dtype.isFloatingPoint ? -.infinity : -Double.greatestFiniteMagnitude
        case .amin: identity = dtype.isFloatingPoint ? .infinity : Double.greatestFiniteMagnitude
        }
        // Positions in index order; each target line receives its values in increasing order.
        let total = indexSizes.reduce(1, *)
        var coordinate = [Int](repeating: 0, count: indexSizes.count)
        for flat in 0..<total {
            var rem = flat
            for k in Swift.stride(from: indexSizes.count - 1, through: 0, by: -1) { coordinate[k] = rem % indexSizes[k]; rem /= indexSizes[k] }
            let target = idx[flat]
            if target < -Int64(selfSizes[d]) || target >= Int64(selfSizes[d]) {
                throw .index("index \(target) is out of bounds for dimension \(d) with size \(selfSizes[d])")
            }
            var selfOffset = 0, srcOffset = 0
            for k in 0..<coordinate.count {
                selfOffset += (k == d ? Int(target < 0 ? target + Int64(selfSizes[d]) : target) : coordinate[k]) * selfStrides[k]
                srcOffset += coordinate[k] * srcStrides[k]
            }
            if !includeSelf && !touched[selfOffset] { values[selfOffset] = identity }
            touched[selfOffset] = true
            let v = srcValues[srcOffset], current = values[selfOffset]
            switch reduction {
            case .sum, .mean: values[selfOffset] = Self.roundedStep(current + v, dtype)
            case .prod: values[selfOffset] = Self.roundedStep(current * v, dtype)
            case .amax: values[selfOffset] = current.isNaN || v.isNaN ? .nan : Swift.max(current, v)
            case .amin: values[selfOffset] = current.isNaN || v.isNaN ? .nan : Swift.min(current, v)
            }
            counts[selfOffset] += 1
        }
        if reduction == .mean {
            for i in values.indices where touched[i] {
                let c = counts[i] == 0 ? 1 : counts[i]
                values[i] = dtype.isFloatingPoint ? Self.roundedStep(values[i] / c, dtype) : (values[i] / c).rounded(.down)
            }
        }
        return try Tensor(values: values, shape: sizes, dtype: dtype, device: device)
    }

    /// `cummax(dim)` / `cummin(dim)`: the running extreme and where it was last reached
    /// (ties move the index forward; a NaN, once seen, stays).
    public func cumulativeExtreme(dim: Int, isMax: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        if rank == 0 {
            return (try clone(), try Tensor.zeros([], dtype: .int64, device: device))
        }
        let d = try Shape.wrapDim(dim, rank: rank)
        let last = rank - 1
        let moved = try movedim(d, last).contiguous()
        let xs = try moved.elementsAsDouble()
        let n = sizes[d]
        var values = xs, indices = [Int64](repeating: 0, count: xs.count)
        if n > 0 {
            for start in Swift.stride(from: 0, to: xs.count, by: n) {
                var best = xs[start], at: Int64 = 0
                for j in 0..<n {
                    let v = xs[start + j]
                    let better = isMax ? v >= best : v <= best
                    if v.isNaN || (!best.isNaN && better) { best = v; at = Int64(j) }
                    values[start + j] = best
                    indices[start + j] = at
                }
            }
        }
        let v = try Tensor(values: values, shape: moved.sizes, dtype: dtype, device: device).movedim(last, d).contiguous()
        let i = try Tensor(values: indices, shape: moved.sizes, device: device).movedim(last, d).contiguous()
        return (v, i)
    }

    /// `var_mean` / `std_mean`: `WelfordOps` in double per output, the statistic
    /// (`m2 / max(0, n - correction)`, its root for std) and the running mean, each
    /// rounded once to the dtype.
    public func welfordMoments(dims: [Int]?, correction: Double, keepdim: Bool, sqrt: Bool) throws(TensorError) -> (stat: Tensor, mean: Tensor) {
        if !dtype.isFloatingPoint {
            throw .notImplemented("std and var only support floating point and complex dtypes")
        }
        var ds: [Int] = []
        if let dims, !dims.isEmpty {
            for x in dims { let w = try Shape.wrapDim(x, rank: Swift.max(rank, 1)); if rank > 0 && !ds.contains(w) { ds.append(w) } }
        } else {
            ds = Array(0..<rank)
        }
        ds.sort()
        let kept = sizes.indices.filter { !ds.contains($0) }
        if let (stats, means) = try iteratorWelford(ds, correction: correction, sqrt: sqrt) {
            let shape = keepdim ? sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] } : kept.map { sizes[$0] }
            return (try Tensor(values: stats, shape: shape, dtype: dtype, device: device),
                    try Tensor(values: means, shape: shape, dtype: dtype, device: device))
        }
        let rows = try permute(kept + ds).contiguous().elementsAsDouble()
        let count = ds.reduce(1) { $0 * sizes[$1] }
        let outputs = kept.reduce(1) { $0 * sizes[$1] }
        var stats = [Double](repeating: 0, count: outputs), means = [Double](repeating: 0, count: outputs)
        for o in 0..<outputs {
            var mean = 0.0, m2 = 0.0
            for k in 0..<count {
                let v = rows[o * count + k]
                let delta = v - mean
                mean = mean + delta / Double(k + 1)
                m2 = m2 + delta * (v - mean)
            }
            let n = Double(count)
            let variance = count == 0 ? Double.nan : m2 / (n > correction ? n - correction : 0)
            stats[o] = sqrt ? variance.squareRoot() : variance
            means[o] = count == 0 ? .nan : mean
        }
        let shape = keepdim ? sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] } : kept.map { sizes[$0] }
        return (try Tensor(values: stats, shape: shape, dtype: dtype, device: device),
                try Tensor(values: means, shape: shape, dtype: dtype, device: device))
    }
}
