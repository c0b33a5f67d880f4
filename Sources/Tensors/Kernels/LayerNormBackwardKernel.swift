/// ATen's `LayerNormBackwardKernelImplInternal` (layer_norm_kernel.cpp) for float32 and
/// float64, in its order and element type: per row, ds = Σ dy·x·γ and db = Σ dy·γ as vector
/// lane sums folded by `vec_reduce_all`; b = (db·mean − ds)·a³/N and c = −b·mean − db·a/N
/// with the multiply-adds GCC contracts; dx = a·dy·γ + b·x + c. dγ and dβ are accumulated
/// per thread of `at::parallel_for` over the rows (each thread its contiguous chunk of
/// rows) and the thread buffers then summed in thread order, so the thread count matters
/// as in PyTorch.
extension LayerNormKernel {
    /// (dx, dγ, dβ); nil for other dtypes or layouts (the caller falls back).
    public static func backward(_ gradOutput: Tensor, _ input: Tensor, rowLength n: Int, weight: Tensor?,
                                mean: [Double], rstd: [Double]) throws(TensorError) -> (Tensor, Tensor, Tensor)? {
        guard input.dtype == .float32 || input.dtype == .float64, n > 0, input.device == .cpu,
              gradOutput.dtype == input.dtype, weight.map({ $0.dtype == input.dtype && $0.numel == n }) ?? true
        else { return nil }
        let x = try input.contiguous(), dy = try gradOutput.contiguous(), w = try weight?.contiguous()
        let rows = input.numel / n
        let dx = try Tensor(empty: input.sizes, dtype: input.dtype)
        let dgamma = try Tensor(empty: [n], dtype: input.dtype), dbeta = try Tensor(empty: [n], dtype: input.dtype)
        func run<T: RealElement>(_ t: T.Type) {
            let px = x.pointer(T.self), pdy = dy.pointer(T.self), pw = w?.pointer(T.self)
            let pdx = dx.pointer(T.self)
            let threads = IntraOpThreads.count
            let lanes = CPUCapability.lanes(T.self, .avx2)
            // at::parallel_for(0, M, 1): one chunk of ⌈M / used⌉ rows per thread.
            let parallel = rows > 1 && threads > 1
            let used = parallel ? Swift.min(threads, rows) : 1
            let chunk = (rows + used - 1) / used
            var gammaBuffer = [T](repeating: 0, count: threads * n), betaBuffer = [T](repeating: 0, count: threads * n)
            let scale = T(1) / T(n)
            var acc = [T](repeating: 0, count: lanes)
            for i in 0..<rows {
                let tid = parallel ? i / chunk : 0
                let rx = px + i * n, rdy = pdy + i * n
                let a = T(rstd[i]), m = T(mean[i])
                let shift = -a * m
                // GCC contracts these vector multiply-adds as well.
                for j in 0..<n {
                    gammaBuffer[tid * n + j] = gammaBuffer[tid * n + j].addingProduct(rdy[j], shift.addingProduct(a, rx[j]))
                    betaBuffer[tid * n + j] = betaBuffer[tid * n + j] + rdy[j]
                }
                let ds: T, db: T
                if let pw {
                    ds = laneSum(n, lanes, &acc, { rdy[$0] * rx[$0] }, pw)
                    db = laneSum(n, lanes, &acc, { rdy[$0] }, pw)
                } else {
                    ds = laneSum(n, lanes, &acc, { rdy[$0] }, UnsafePointer(rx))
                    db = laneSum(n, lanes, &acc, { rdy[$0] }, nil)
                }
                // GCC contracts db·mean − ds and −b·mean − (db·a·scale) into multiply-adds.
                let b = (-ds).addingProduct(db, m) * a * a * a * scale
                let c = (-(db * a * scale)).addingProduct(-b, m)
                let o = pdx + i * n
                for j in 0..<n {
                    let first = pw.map { a * rdy[j] * $0[j] } ?? a * rdy[j]
                    o[j] = first.addingProduct(b, rx[j]) + c
                }
            }
            let pg = dgamma.pointer(T.self), pb = dbeta.pointer(T.self)
            for j in 0..<n {
                var g: T = 0, s: T = 0
                for t in 0..<threads {
                    g += gammaBuffer[t * n + j]
                    s += betaBuffer[t * n + j]
                }
                pg[j] = g
                pb[j] = s
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (dx, dgamma, dbeta)
    }

    /// `map_reduce_all(u·v, +)` (or `reduce_all(+)` of u when v is nil) as the AVX2 build
    /// computes it: lane sums over full vectors (product and sum rounded apart), the last
    /// partial vector multiply-added into its first lanes (GCC fused that one), then
    /// `vec_reduce_all`'s halving tree; a row shorter than one vector is summed in order.
    private static func laneSum<T: RealElement>(_ n: Int, _ lanes: Int, _ acc: inout [T], _ u: (Int) -> T,
                                                _ v: UnsafePointer<T>?) -> T {
        func term(_ i: Int) -> T { v.map { u(i) * $0[i] } ?? u(i) }
        if n < lanes {
            var s = term(0)
            for i in 1..<n { s = s + term(i) }
            return s
        }
        for l in 0..<lanes { acc[l] = term(l) }
        var d = lanes
        while d + lanes <= n {
            for l in 0..<lanes { acc[l] = acc[l] + term(d + l) }
            d += lanes
        }
        for l in 0..<(n - d) { acc[l] = v.map { acc[l].addingProduct(u(d + l), $0[d + l]) } ?? acc[l] + u(d + l) }
        if T.self == Float.self {
            var h = lanes / 2
            while h >= 1 {
                for l in 0..<h { acc[l] = acc[l] + acc[l + h] }
                h /= 2
            }
            return acc[0]
        }
        var s = acc[0]
        for l in 1..<lanes { s = s + acc[l] }
        return s
    }
}
