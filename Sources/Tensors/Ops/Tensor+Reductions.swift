#if canImport(Glibc)
import Glibc
#endif

/// Reductions over dims (`None`, an int, or a tuple) with `keepdim`.
extension Tensor {
    /// Wrapped, de-duplicated dims to reduce; nil or empty means all.
    func reductionDims(_ dims: [Int]?) throws(TensorError) -> [Int] {
        guard let dims, !dims.isEmpty else { return Array(0..<rank) }
        var seen = [Bool](repeating: false, count: Swift.max(rank, 1))
        var out: [Int] = []
        for d in dims {
            let w = try Shape.wrapDim(d, rank: rank)
            if seen[w] { throw .runtime("dim \(w) appears multiple times in the list of dims") }
            seen[w] = true
            if rank > 0 { out.append(w) }
        }
        return out.sorted()
    }

    /// Runs `op` over `dims`, converting the input to `inputType` first.
    func reduce(_ op: ReduceOp, dims: [Int]?, keepdim: Bool, inputType: DType, outType: DType) throws(TensorError) -> Tensor {
        let ds = try reductionDims(dims)
        var keepShape = sizes
        for d in ds { keepShape[d] = 1 }
        let out = try Tensor(empty: keepShape, dtype: outType, device: device)
        try backend.reduce(op, try to(inputType), dims: ds, into: out)
        return keepdim ? out : out.removingDims(ds)
    }

    /// A view without the given (size-1) dims.
    func removingDims(_ ds: [Int]) -> Tensor {
        if ds.isEmpty { return self }
        var sz = [Int](), st = [Int]()
        var j = 0
        for d in 0..<rank {
            if j < ds.count && ds[j] == d { j += 1; continue }
            sz.append(sizes[d]); st.append(strides[d])
        }
        return view(sizes: sz, strides: st, offset: offset)
    }

    /// PyTorch refuses max/min/amax/... over a zero-size dim.
    func checkNonEmptyReduction(_ name: String, dims: [Int]?) throws(TensorError) {
        if numel != 0 { return }
        if dims == nil {
            if name == "argmax" || name == "argmin" {
                throw .index("\(name)(): Expected reduction dim to be specified for input.numel() == 0.")
            }
            throw .runtime("\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        for d in try reductionDims(dims) where sizes[d] == 0 {
            throw .index("\(name)(): Expected reduction dim \(d) to have non-zero size.")
        }
    }

    /// `sum(dim, keepdim, dtype)`: integer and bool inputs sum to int64.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let t = dtype ?? (self.dtype.isFloatingOrComplex ? self.dtype : .int64)
        return try reduce(.sum, dims: dims, keepdim: keepdim, inputType: t, outType: t)
    }

    /// `mean(dim, keepdim, dtype)`: floating point only.
    public func mean(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let t = dtype ?? self.dtype
        if !t.isFloatingOrComplex {
            throw .notImplemented("mean(): could not infer output dtype. \(dtype == nil ? "Input" : "Optional") dtype must be either a floating point or complex dtype. Got: \(t.scalarTypeName)")
        }
        return try reduce(.mean, dims: dims, keepdim: keepdim, inputType: t, outType: t)
    }

    public func prod(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let t = dtype ?? (self.dtype.isFloatingOrComplex ? self.dtype : .int64)
        if t == self.dtype, let viewed = try inMemoryOrder(dims: dims, keepdim: keepdim, { v, ds throws(TensorError) in try v.prod(dims: ds, keepdim: true) }) {
            return viewed
        }
        if t == self.dtype, let all = try productOfAll(dims: dims, keepdim: keepdim) { return all }
        if t == self.dtype, let along = try productAlongDim(dims: dims, keepdim: keepdim) { return along }
        return try reduce(.prod, dims: dims, keepdim: keepdim, inputType: t, outType: t)
    }

    /// ATen's TensorIterator walks a permuted tensor (a transposed matrix) in memory order.
    /// For such a tensor this runs `reduce` on the contiguous view with its dims sorted by
    /// stride (keeping dims) and puts the result's dims back; nil for contiguous tensors
    /// and for layouts no permutation makes contiguous.
    private func inMemoryOrder(dims: [Int]?, keepdim: Bool,
                               _ reduce: (Tensor, [Int]) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor? {
        guard !isContiguous, device == .cpu, dtype == .float32 || dtype == .float64, numel > 1 else { return nil }
        let order = sizes.indices.sorted { a, b in strides[a] != strides[b] ? strides[a] > strides[b] : a < b }
        let viewed = try permute(order)
        guard viewed.isContiguous else { return nil }
        let ds = try reductionDims(dims)
        let mapped = ds.map { d in order.firstIndex(of: d)! }
        let reduced = try reduce(viewed, dims == nil || dims!.isEmpty ? Array(0..<rank) : mapped)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, d) in order.enumerated() { inverse[d] = i }
        let back = try reduced.permute(inverse).contiguous()
        return keepdim ? back : back.removingDims(ds.sorted())
    }

    /// The product of every element of a float tensor (below 32,768 elements, one thread)
    /// in the order of ATen's `vectorized_reduction`: blocks of four vectors multiplied
    /// lane-wise into four accumulators, those combined as (a0·a1)·(a2·a3), the lanes in
    /// order, then the elements left over one by one.
    private func productOfAll(dims: [Int]?, keepdim: Bool) throws(TensorError) -> Tensor? {
        guard dtype == .float32 || dtype == .float64, device == .cpu, numel > 0, numel < 32768 else { return nil }
        let ds = try reductionDims(dims)
        guard sizes.indices.allSatisfy({ ds.contains($0) || sizes[$0] == 1 }) else { return nil }
        let x = try contiguous()
        func product<T: RealElement>(_ p: UnsafePointer<T>) -> T { Tensor.vectorizedProduct(p, count: x.numel) }
        let value = dtype == .float32 ? Double(product(UnsafePointer(x.pointer(Float.self)))) : product(UnsafePointer(x.pointer(Double.self)))
        let shape = keepdim ? sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] } : sizes.indices.filter { !ds.contains($0) }.map { sizes[$0] }
        return try Tensor(values: [value], shape: shape, dtype: dtype, device: device)
    }

    /// ATen's `vectorized_inner_reduction` for a product over `count` contiguous elements:
    /// blocks of four vectors multiplied lane-wise into four accumulators, those combined
    /// as (a0·a1)·(a2·a3), the lanes in order, then the elements left over one by one.
    static func vectorizedProduct<T: RealElement>(_ p: UnsafePointer<T>, count n: Int) -> T {
            let lanes = CPUCapability.lanes(T.self, .avx2), blocks = n / (4 * lanes)
            var result: T = 1
            if blocks > 0 {
                var acc = (0..<(4 * lanes)).map { p[$0] }
                for i in 1..<blocks {
                    for k in 0..<(4 * lanes) { acc[k] = acc[k] * p[i * 4 * lanes + k] }
                }
                var lane = (0..<lanes).map { (acc[$0] * acc[lanes + $0]) * (acc[2 * lanes + $0] * acc[3 * lanes + $0]) }
                for j in 1..<lanes { lane[0] = lane[0] * lane[j] }
                result = result * lane[0]
            }
            for i in (blocks * 4 * lanes)..<n { result = result * p[i] }
            return result
    }

    /// A float product over one dim as ATen's `binary_kernel_reduce_vec` runs it: over the
    /// last dim each row is an inner (vectorized) reduction; over any other dim the outer
    /// reduction multiplies each output's elements one by one, in order. Above 32,768
    /// elements `parallel_dim_reduction` gives each thread whole rows or whole columns,
    /// which changes no output, so only a one-element result keeps the serial bound.
    private func productAlongDim(dims: [Int]?, keepdim: Bool) throws(TensorError) -> Tensor? {
        guard dtype == .float32 || dtype == .float64, device == .cpu, numel > 0,
              let dims, dims.count == 1 else { return nil }
        let ds = try reductionDims(dims)
        let d = ds[0], n = sizes[d]
        guard numel < 32768 || numel / Swift.max(n, 1) > 1 else { return nil }
        let x = try contiguous()
        let inner = sizes[(d + 1)...].reduce(1, *), outer = numel / Swift.max(n * inner, 1)
        func run<T: RealElement>(_ p: UnsafePointer<T>) -> [Double] {
            var out = [Double](repeating: 1, count: outer * inner)
            for o in 0..<outer {
                if inner == 1 {
                    out[o] = Double(Tensor.vectorizedProduct(p + o * n, count: n))
                    continue
                }
                for i in 0..<inner {
                    var acc: T = 1
                    for k in 0..<n { acc = acc * p[(o * n + k) * inner + i] }
                    out[o * inner + i] = Double(acc)
                }
            }
            return out
        }
        let values = dtype == .float32 ? run(UnsafePointer(x.pointer(Float.self))) : run(UnsafePointer(x.pointer(Double.self)))
        let shape = keepdim ? sizes.indices.map { $0 == d ? 1 : sizes[$0] } : sizes.indices.filter { $0 != d }.map { sizes[$0] }
        return try Tensor(values: values, shape: shape, dtype: dtype, device: device)
    }

    /// `Swift.max()` over everything: a 0-dim tensor.
    public func max() throws(TensorError) -> Tensor {
        try checkNonEmptyReduction("max", dims: nil)
        return try reduce(.max, dims: nil, keepdim: false, inputType: dtype, outType: dtype)
    }

    public func min() throws(TensorError) -> Tensor {
        try checkNonEmptyReduction("min", dims: nil)
        return try reduce(.min, dims: nil, keepdim: false, inputType: dtype, outType: dtype)
    }

    /// `amax(dim, keepdim)`.
    public func amax(dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try checkNonEmptyReduction("amax", dims: dims)
        return try reduce(.max, dims: dims, keepdim: keepdim, inputType: dtype, outType: dtype)
    }

    public func amin(dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try checkNonEmptyReduction("amin", dims: dims)
        return try reduce(.min, dims: dims, keepdim: keepdim, inputType: dtype, outType: dtype)
    }

    /// `Swift.max(dim, keepdim)`: (values, indices) with the first maximal index.
    public func max(dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try argExtreme(dim: dim, keepdim: keepdim, isMax: true, name: "max")
    }

    public func min(dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try argExtreme(dim: dim, keepdim: keepdim, isMax: false, name: "min")
    }

    /// `argmax(dim=None, keepdim)`: over the flattened tensor when dim is nil.
    public func argmax(dim: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try argIndex(dim: dim, keepdim: keepdim, isMax: true)
    }

    public func argmin(dim: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try argIndex(dim: dim, keepdim: keepdim, isMax: false)
    }

    private func argIndex(dim: Int?, keepdim: Bool, isMax: Bool) throws(TensorError) -> Tensor {
        let name = isMax ? "argmax" : "argmin"
        // ATen's argmax/argmin check, before any shape check.
        if dtype == .bool { throw .notImplemented("\(name)(): does not support bool input") }
        guard let dim else {
            try checkNonEmptyReduction(name, dims: nil)
            let flat = try reshape([-1])
            let r = try flat.argExtreme(dim: 0, keepdim: false, isMax: isMax, name: name, valuesWanted: false).indices
            return keepdim ? try r.reshape([Int](repeating: 1, count: rank)) : r
        }
        return try argExtreme(dim: dim, keepdim: keepdim, isMax: isMax, name: name, valuesWanted: false).indices
    }

    func argExtreme(dim: Int, keepdim: Bool, isMax: Bool, name: String, valuesWanted: Bool = true) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        if rank == 0 {
            return (self.alias(), try Tensor.zeros([], dtype: .int64, device: device))
        }
        if sizes[d] == 0 {
            throw .index("\(name)(): Expected reduction dim \(d) to have non-zero size.")
        }
        let r = try backend.line(.argExtreme(dim: d, isMax: isMax, wantValues: valuesWanted), [self])
        let v = r[0]!, i = r[valuesWanted ? 1 : 0]!
        return keepdim ? (v, i) : (v.removingDims([d]), i.removingDims([d]))
    }

    public func all(dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try reduce(.all, dims: dims, keepdim: keepdim, inputType: dtype, outType: dtype == .uint8 ? .uint8 : .bool)
    }

    public func any(dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try reduce(.any, dims: dims, keepdim: keepdim, inputType: dtype, outType: dtype == .uint8 ? .uint8 : .bool)
    }

    public func countNonzero(dims: [Int]? = nil) throws(TensorError) -> Tensor {
        try reduce(.countNonzero, dims: dims, keepdim: false, inputType: dtype, outType: .int64)
    }

    /// `var(dim, correction=1, keepdim)`: computed in float64, rounded once to the dtype.
    public func variance(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        if !dtype.isFloatingPoint {
            throw .notImplemented("std and var only support floating point and complex dtypes")
        }
        let ds = try reductionDims(dims)
        let count = ds.reduce(1) { $0 * sizes[$1] }
        if let all = try varianceOfAll(ds, correction: correction, keepdim: keepdim, sqrt: false) { return all }
        if let welford = try welfordVariance(ds, correction: correction, keepdim: keepdim, sqrt: false) { return welford }
        let x = try to(.float64)
        let centered = try x.sub(try x.mean(dims: ds, keepdim: true))
        let ss = try centered.mul(centered).sum(dims: ds, keepdim: keepdim)
        let v = try ss.div(.float(Swift.max(0, Double(count) - correction)))
        return try v.to(dtype)
    }

    /// `std(dim, correction=1, keepdim)`.
    public func std(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        if !dtype.isFloatingPoint { return try variance(dims: dims, correction: correction, keepdim: keepdim) }
        let ds = try reductionDims(dims)
        if let all = try varianceOfAll(ds, correction: correction, keepdim: keepdim, sqrt: true) { return all }
        if let welford = try welfordVariance(ds, correction: correction, keepdim: keepdim, sqrt: true) { return welford }
        // The square root of the float64 variance, rounded once to the dtype (WelfordOps
        // accumulates in double and takes the root before the cast).
        let v = try to(.float64).variance(dims: dims, correction: correction, keepdim: keepdim)
        return try v.sqrt().to(dtype)
    }

    /// `WelfordOps` as `binary_kernel_reduce` runs it on one thread (below 32,768
    /// elements): per output, Welford's update in double over the reduced elements in
    /// order, m2 / max(0, n − correction), the root in double, one rounding to the dtype.
    private func welfordVariance(_ ds: [Int], correction: Double, keepdim: Bool, sqrt: Bool) throws(TensorError) -> Tensor? {
        guard let (stats, _) = try iteratorWelford(ds, correction: correction, sqrt: sqrt) else { return nil }
        let kept = sizes.indices.filter { !ds.contains($0) }
        let shape = keepdim ? sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] } : kept.map { sizes[$0] }
        return try Tensor(values: stats, shape: shape, dtype: dtype, device: device)
    }

    /// `IteratorMoments.welford` over `ds` for a float CPU tensor: the statistic and the
    /// mean of every output element in the output's row-major order; nil for empty
    /// tensors and negative strides.
    func iteratorWelford(_ ds: [Int], correction: Double, sqrt: Bool) throws(TensorError) -> (stats: [Double], means: [Double])? {
        guard dtype == .float32 || dtype == .float64, device == .cpu, numel > 0, fitsIteratorKernels else { return nil }
        let outSizes = sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] }
        var outStrides = Shape.contiguousStrides(outSizes)
        for d in ds { outStrides[d] = 0 }
        let outputs = outSizes.reduce(1, *)
        var stats = [Double](repeating: 0, count: outputs), means = [Double](repeating: 0, count: outputs)
        let accs: [(offset: Int, acc: IteratorMoments.Welford)]
        if dtype == .float32 {
            let p = pointer(Float.self)
            accs = IteratorMoments.welford(sizes: sizes, inStrides: strides, outStrides: outStrides, threads: IntraOpThreads.count) { Double(p[$0]) }
        } else {
            let p = pointer(Double.self)
            accs = IteratorMoments.welford(sizes: sizes, inStrides: strides, outStrides: outStrides, threads: IntraOpThreads.count) { p[$0] }
        }
        for (offset, acc) in accs {
            stats[offset] = acc.statistic(correction: correction, sqrt: sqrt)
            means[offset] = acc.mean
        }
        return (stats, means)
    }

    /// `std_var_all_cpu`, PyTorch's path when the result has one element: the mean in the
    /// tensor's own dtype (as `mean()` rounds it), then Σ(x − mean)² in double over
    /// `parallel_reduce`'s pieces, divided by max(0, n − correction), the root in double.
    private func varianceOfAll(_ ds: [Int], correction: Double, keepdim: Bool, sqrt: Bool) throws(TensorError) -> Tensor? {
        guard dtype == .float32 || dtype == .float64, numel > 0,
              sizes.indices.allSatisfy({ ds.contains($0) || sizes[$0] == 1 }) else { return nil }
        let mean = try self.mean().elementsAsDouble()[0]
        let total: Double
        if device == .cpu, fitsIteratorKernels {
            if dtype == .float32 {
                let p = pointer(Float.self)
                total = IteratorMoments.sumOfSquaredDeviations(sizes: sizes, strides: strides, mean: mean, threads: IntraOpThreads.count) { Double(p[$0]) }
            } else {
                let p = pointer(Double.self)
                total = IteratorMoments.sumOfSquaredDeviations(sizes: sizes, strides: strides, mean: mean, threads: IntraOpThreads.count) { p[$0] }
            }
        } else {
            let x = try contiguous().elementsAsDouble()
            var sum = 0.0
            for (start, end) in VectorizedLoops.pieces(x.count) {
                var partial = 0.0
                for i in start..<end { let d = x[i] - mean; partial = partial + d * d }
                sum = sum + partial
            }
            total = sum
        }
        let variance = total / Swift.max(0, Double(numel) - correction)
        let value = sqrt ? variance.squareRoot() : variance
        let shape = keepdim ? sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] } : sizes.indices.filter { !ds.contains($0) }.map { sizes[$0] }
        return try Tensor(values: [value], shape: shape, dtype: dtype, device: device)
    }

    /// `norm(p, dim, keepdim)`: p may be any real, ±infinity; "fro" is 2.
    public func norm(p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        if !dtype.isFloatingPoint {
            throw .notImplemented("linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        if p == .infinity { return try reduce(.absMax, dims: dims, keepdim: keepdim, inputType: dtype, outType: dtype) }
        if p == -.infinity { return try reduce(.absMin, dims: dims, keepdim: keepdim, inputType: dtype, outType: dtype) }
        if p.isFinite, let exact = try iteratorNorm(p: p, dims: dims, keepdim: keepdim) { return exact }
        if p.isFinite, let viewed = try inMemoryOrder(dims: dims, keepdim: keepdim, { v, ds throws(TensorError) in try v.norm(p: p, dims: ds, keepdim: true) }) {
            return viewed
        }
        if p == 2, let fast = try float32TrailingNorm(dims: dims, keepdim: keepdim) { return fast }
        if let ordered = try sequentialNorm(p: p, dims: dims, keepdim: keepdim) { return ordered }
        let powered = try reduce(.normPower(p), dims: dims, keepdim: keepdim, inputType: dtype, outType: dtype)
        if p == 1 || p == 0 { return powered }
        if p == 2 { return try powered.sqrt() }
        return try powered.pow(.float(1 / p))
    }

    /// Whether the TensorIterator-order kernels (IteratorNorm, IteratorMoments) take this
    /// layout: non-negative strides, and an expanded (stride-0) tensor no larger than
    /// `IteratorSum.expandedLimit` (those loops do not poll the cell's deadline; a larger
    /// broadcast view, far bigger than memory, keeps the strided loops, which do).
    var fitsIteratorKernels: Bool {
        guard strides.allSatisfy({ $0 >= 0 }) else { return false }
        return numel <= IteratorSum.expandedLimit || !sizes.indices.contains(where: { sizes[$0] > 1 && strides[$0] == 0 })
    }

    /// A finite p-norm of a float tensor on the CPU in PyTorch's order for any layout
    /// (`IteratorNorm`); where every reduced dim has size 1, |x| as ATen returns it; nil
    /// for negative strides.
    private func iteratorNorm(p: Double, dims: [Int]?, keepdim: Bool) throws(TensorError) -> Tensor? {
        guard dtype == .float32 || dtype == .float64 || dtype == .float16 || dtype == .bfloat16, device == .cpu, numel > 0,
              fitsIteratorKernels else { return nil }
        let ds = try reductionDims(dims)
        if !ds.contains(where: { sizes[$0] > 1 }) {
            // `is_reduce_over_1D_vector`: |x| (x ≠ 0 for p = 0), no power and root.
            let r = p == 0 ? try ne(.int(0)).to(dtype) : try abs()
            let shaped = try r.contiguous()
            return keepdim ? shaped : shaped.removingDims(ds)
        }
        if dtype == .float16 || dtype == .bfloat16 {
            // norm_kernel_cpu_impl<Half/BFloat16, float>: binary_kernel_reduce with float
            // accumulators and float Ops, the result rounded once to the half type. The float
            // copy keeps the input's strides where they fit its size, so the iterator walks
            // the same order. A bfloat16 2-norm over one unit-stride innermost dim takes
            // ATen's vectorised row kernel instead (BFloat16NormTwoRow).
            var bfloat16Row = false
            if dtype == .bfloat16 && p == 2 {
                var outStrides = Shape.contiguousStrides(sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] })
                for d in ds { outStrides[d] = 0 }
                let plan = IteratorSum.plan(sizes: sizes, inStrides: strides, outStrides: outStrides)
                bfloat16Row = plan.outStrides.prefix(while: { $0 == 0 }).count == 1 && plan.inStrides[0] == 1
            }
            let maxOffset = zip(sizes, strides).reduce(0) { $0 + ($1.0 - 1) * $1.1 }
            let wide = maxOffset < numel ? try Tensor(empty: sizes, strides: strides, dtype: .float32)
                : try Tensor(empty: sizes, dtype: .float32)
            try backend.copyCast(from: self, into: wide)
            let row: ((UnsafePointer<Float>, Int) -> Float)? = bfloat16Row ? { BFloat16NormTwoRow.norm($0, count: $1) } : nil
            let out = try wide.iteratorNormValues(p: p, ds: ds, rowKernel: bfloat16Row, rowNorm: row).to(dtype)
            return keepdim ? out : out.removingDims(ds)
        }
        let out = try iteratorNormValues(p: p, ds: ds, rowKernel: true)
        return keepdim ? out : out.removingDims(ds)
    }

    /// IteratorNorm over the reduced dims `ds` of a float32/float64 tensor, keeping them as
    /// size-1 dims; `rowKernel` lets a 2-norm over one unit-stride innermost dim take the
    /// vectorised row kernel.
    private func iteratorNormValues(p: Double, ds: [Int], rowKernel: Bool,
                                    rowNorm: ((UnsafePointer<Float>, Int) -> Float)? = nil) throws(TensorError) -> Tensor {
        let outSizes = sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] }
        let out = try Tensor(empty: outSizes, dtype: dtype)
        var outStrides = Shape.contiguousStrides(outSizes)
        for d in ds { outStrides[d] = 0 }
        let threads = IntraOpThreads.count
        func ops<T: RealElement>(_ power: @escaping (T, T) -> T) -> IteratorNorm.Ops<T> {
            let pt = T(p), inverse = T(1) / T(p)
            if p == 0 { return .init(term: { $0 != 0 ? 1 : 0 }, project: { $0 }) }
            if p == 1 { return .init(term: { $0 < 0 ? -$0 : $0 }, project: { $0 }) }
            if p == 2 { return .init(term: { $0 * $0 }, project: { $0.squareRoot() }) }
            return .init(term: { power($0 < 0 ? -$0 : $0, pt) }, project: { power($0, inverse) })
        }
        if dtype == .float32 {
            IteratorNorm.run(Float.self, p: p, ops: ops { Glibc.powf($0, $1) }, rowNorm: rowNorm ?? { NormTwoKernel.rowNorm($0, count: $1) },
                             sizes: sizes, input: UnsafePointer(pointer(Float.self)), inStrides: strides,
                             output: out.pointer(Float.self), outStrides: outStrides, threads: threads, rowKernel: rowKernel)
        } else {
            IteratorNorm.run(Double.self, p: p, ops: ops { Glibc.pow($0, $1) }, rowNorm: { NormTwoKernel.rowNorm($0, count: $1) },
                             sizes: sizes, input: UnsafePointer(pointer(Double.self)), inStrides: strides,
                             output: out.pointer(Double.self), outStrides: outStrides, threads: threads, rowKernel: rowKernel)
        }
        return out
    }

    /// `norm_kernel_tensor_iterator_impl` off its vectorized 2-norm path (below 32,768
    /// elements, one thread): `binary_kernel_reduce` with NormOneOps / NormTwoOps / NormOps,
    /// each output's elements accumulated one by one, in order, in the dtype (|x|, x·x or
    /// pow(|x|, p)), then sqrt or pow(acc, 1/p) with 1/p in the dtype.
    private func sequentialNorm(p: Double, dims: [Int]?, keepdim: Bool) throws(TensorError) -> Tensor? {
        guard dtype == .float32 || dtype == .float64, device == .cpu, numel > 0, numel < 32768,
              p.isFinite, p != 0 else { return nil }
        let ds = try reductionDims(dims)
        // float64 2-norms over the last dim take ATen's vectorized path instead.
        if p == 2 && ds.contains(rank - 1) { return nil }
        let kept = sizes.indices.filter { !ds.contains($0) }
        let rows = try permute(kept + ds).contiguous()
        let count = ds.reduce(1) { $0 * sizes[$1] }, outputs = numel / Swift.max(count, 1)
        func run<T: RealElement>(_ ptr: UnsafePointer<T>, _ power: (T, T) -> T, _ root: (T) -> T) -> [Double] {
            let pt = T(p), inverse = T(1) / T(p)
            var out = [Double](repeating: 0, count: outputs)
            for o in 0..<outputs {
                var acc: T = 0
                for k in 0..<count {
                    let v = ptr[o * count + k], a = v < 0 ? -v : v
                    if p == 1 { acc = acc + a } else if p == 2 { acc = acc + v * v } else { acc = acc + power(a, pt) }
                }
                out[o] = Double(p == 1 ? acc : p == 2 ? root(acc) : power(acc, inverse))
            }
            return out
        }
        let values = dtype == .float32
            ? run(UnsafePointer(rows.pointer(Float.self)), { Glibc.powf($0, $1) }, { $0.squareRoot() })
            : run(UnsafePointer(rows.pointer(Double.self)), { Glibc.pow($0, $1) }, { $0.squareRoot() })
        let shape = keepdim ? sizes.indices.map { ds.contains($0) ? 1 : sizes[$0] } : kept.map { sizes[$0] }
        return try Tensor(values: values, shape: shape, dtype: dtype, device: device)
    }

    /// The 2-norm of a contiguous float32 tensor over its trailing dims (all of them, or a
    /// last few), with PyTorch's rounding (`NormTwoKernel`); nil for any other case.
    private func float32TrailingNorm(dims: [Int]?, keepdim: Bool) throws(TensorError) -> Tensor? {
        guard dtype == .float32 || dtype == .float64, numel > 0, device == .cpu else { return nil }
        let ds = try reductionDims(dims)
        guard ds == Array((rank - ds.count)..<rank) else { return nil }
        if !isContiguous {
            // Rows with unit stride still take PyTorch's row kernel; copying keeps the values.
            guard ds == [rank - 1], strides[rank - 1] == 1 else { return nil }
            return try contiguous().float32TrailingNorm(dims: dims, keepdim: keepdim)
        }
        let inner = ds.reduce(1) { $0 * sizes[$1] }
        let rows = numel / Swift.max(inner, 1)
        var outSizes: [Int] = []
        for d in 0..<rank where !ds.contains(d) || keepdim { outSizes.append(ds.contains(d) ? 1 : sizes[d]) }
        var values = [Double](repeating: 0, count: rows)
        if dtype == .float32 {
            let input = pointer(Float.self)
            for r in 0..<rows { values[r] = Double(NormTwoKernel.rowNorm(input + r * inner, count: inner)) }
        } else {
            let input = pointer(Double.self)
            for r in 0..<rows { values[r] = NormTwoKernel.rowNorm(input + r * inner, count: inner) }
        }
        let out = try Tensor(empty: outSizes, dtype: dtype)
        try out.copyFromHostValues(values)
        return out
    }

    /// `logsumexp(dim, keepdim)`, stable against overflow.
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        let x = dtype.isFloatingPoint ? self : try to(.float32)
        let ds = try x.reductionDims(dims)
        if x.numel == 0 { return try x.exp().sum(dims: ds, keepdim: keepdim).log() }
        var m = try x.amax(dims: ds, keepdim: true)
        m = try m.masked(where: try m.unary(.isinf), fill: .float(0))
        let s = try x.sub(m).exp().sum(dims: ds, keepdim: true).log().add(m)
        return keepdim ? s : s.removingDims(ds)
    }

    /// Copy with `fill` wherever `mask` is true (internal helper for stable formulas).
    func masked(where mask: Tensor, fill: Scalar) throws(TensorError) -> Tensor {
        let c = try clone()
        try c.maskedFill_(mask, fill)
        return c
    }

    /// ATen's softmax_cpu picks the last-dim kernel for the last dim (a 0-dim input viewed as
    /// 1-d) and the general one otherwise; each names itself in its dtype error.
    static func softmaxDTypeError(_ name: String, _ dtype: DType, lastDim: Bool) -> TensorError {
        .notImplemented("\"\(name)\(lastDim ? "_lastdim" : "")_kernel_impl\" not implemented for '\(dtype.scalarTypeName)'")
    }

    /// `softmax(dim, dtype)`.
    public func softmax(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let x = try to(dtype ?? self.dtype)
        let d = try Shape.wrapDim(dim, rank: rank)
        if !x.dtype.isFloatingPoint { throw Self.softmaxDTypeError("softmax", x.dtype, lastDim: d == Swift.max(rank, 1) - 1) }
        if x.numel == 0 { return try x.clone() }
        if d == rank - 1, let fused = try x.backend.softmaxLastDim(x, log: false) { return fused }
        if d < rank - 1, let cpu = try x.backend as? CPUBackend, let fused = try cpu.softmaxInnerDim(x, dim: d, log: false) { return fused }
        let e = try x.sub(try x.amax(dims: [d], keepdim: true)).exp()
        return try e.div(try e.sum(dims: [d], keepdim: true))
    }

    /// `log_softmax(dim, dtype)`.
    public func logSoftmax(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let x = try to(dtype ?? self.dtype)
        let d = try Shape.wrapDim(dim, rank: rank)
        if !x.dtype.isFloatingPoint { throw Self.softmaxDTypeError("log_softmax", x.dtype, lastDim: d == Swift.max(rank, 1) - 1) }
        if x.numel == 0 { return try x.clone() }
        if d == rank - 1, let fused = try x.backend.softmaxLastDim(x, log: true) { return fused }
        if d < rank - 1, let cpu = try x.backend as? CPUBackend, let fused = try cpu.softmaxInnerDim(x, dim: d, log: true) { return fused }
        let shifted = try x.sub(try x.amax(dims: [d], keepdim: true))
        return try shifted.sub(try shifted.exp().sum(dims: [d], keepdim: true).log())
    }

    /// The gradient of `softmax`/`log_softmax` over the last dimension as one kernel, as
    /// PyTorch's `_softmax_backward_data` computes it; nil where the backend composes it.
    public static func softmaxBackwardLastDim(grad: Tensor, output: Tensor, log: Bool) throws(TensorError) -> Tensor? {
        try output.backend.softmaxBackwardLastDim(grad: grad, output: output, log: log)
    }

    /// The same over a dimension other than the last (PyTorch's `_vec_softmax_backward`).
    public static func softmaxBackwardInnerDim(grad: Tensor, output: Tensor, dim: Int, log: Bool) throws(TensorError) -> Tensor? {
        guard let cpu = try output.backend as? CPUBackend else { return nil }
        return try cpu.softmaxBackwardInnerDim(grad: grad, output: output, dim: dim, log: log)
    }

    /// `cumsum(dim, dtype)`: integer inputs accumulate to int64.
    public func cumsum(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try cumulative(dim: dim, dtype: dtype, product: false)
    }

    public func cumprod(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try cumulative(dim: dim, dtype: dtype, product: true)
    }

    private func cumulative(dim: Int, dtype: DType?, product: Bool) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        let t = dtype ?? (self.dtype.isFloatingOrComplex ? self.dtype : .int64)
        let input = try to(t)
        if rank == 0 { return try input.clone() }
        return try backend.line(.cumulative(dim: d, product: product), [input])[0]!
    }
}
