/// softmax and log_softmax over the last dimension of a contiguous tensor, and their
/// backward, in the order of PyTorch's `SoftMaxKernel.cpp`: per row, a vector-lane maximum,
/// SLEEF `exp` in every lane (vector lanes and the zero-padded last vector alike), lane-wise
/// sums folded by `vec_reduce_all` (a halving tree for float, in lane order for double),
/// SLEEF `log` of the sums.
enum SoftmaxKernels {
    /// out[row] = log_softmax or softmax of x[row]; both contiguous, `rowLength` > 0.
    static func forward<T: RealElement>(_ sleef: SLEEFLibrary, _ t: T.Type, log: Bool,
                                        _ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, rows: Int, rowLength n: Int) {
        let exp = sleef.exp(T.self), ln = sleef.log(T.self)
        for r in 0..<rows {
            let row = x + r * n, o = out + r * n
            let m = reduceMax(row, n)
            if log {
                let sum = reduceSum(n) { exp(row[$0] - m) }
                let logSum = ln(sum)
                for i in 0..<n { o[i] = row[i] - m - logSum }
            } else {
                for i in 0..<n { o[i] = exp(row[i] - m) }
                let inverse = 1 / reduceSum(n) { o[$0] }
                for i in 0..<n { o[i] = o[i] * inverse }
            }
        }
    }

    /// grad_input for `LogSoftmaxBackward0` (g - exp(y)·Σg) or `SoftmaxBackward0`
    /// ((g - Σg·y)·y), row by row; all contiguous.
    static func backward<T: RealElement>(_ sleef: SLEEFLibrary, _ t: T.Type, log: Bool,
                                         grad: UnsafePointer<T>, output: UnsafePointer<T>, into gi: UnsafeMutablePointer<T>,
                                         rows: Int, rowLength n: Int) {
        let exp = sleef.exp(T.self)
        let fusedTail = T.self == Float.self && (rows == 1 || IntraOpThreads.count == 1)
        for r in 0..<rows {
            let g = grad + r * n, y = output + r * n, o = gi + r * n
            if log {
                let sum = reduceSum(n) { g[$0] }
                // GCC fused `x - exp(y) * sum` into one negated multiply-add.
                for i in 0..<n { o[i] = g[i].addingProduct(-exp(y[i]), sum) }
            } else {
                let sum = reduceSum(n, fusedTail: fusedTail, g, y) { g[$0] * y[$0] }
                for i in 0..<n { o[i] = (g[i] - sum) * y[i] }
            }
        }
    }

    /// `vec_reduce_all(+)` of one vector: a halving tree for float (the AVX2/AVX-512
    /// specialisation's shuffles), lane order for double.
    private static func foldLanes<T: RealElement>(_ lanes: [T]) -> T {
        var acc = lanes
        if T.self == Float.self {
            var h = acc.count / 2
            while h >= 1 {
                for l in 0..<h { acc[l] = acc[l] + acc[l + h] }
                h /= 2
            }
            return acc[0]
        }
        var s = acc[0]
        for l in 1..<acc.count { s = s + acc[l] }
        return s
    }

    /// `reduce_all(maximum)`: the order does not change a maximum; NaN wins as in `maximum`.
    private static func reduceMax<T: RealElement>(_ p: UnsafePointer<T>, _ n: Int) -> T {
        var m = p[0]
        for i in 1..<n {
            let v = p[i]
            if v.isNaN || m.isNaN { m = .nan } else if v > m { m = v }
        }
        return m
    }

    /// `map_reduce_all(f, +)`: lane l accumulates f(l), f(l + L), ... over full vectors, the
    /// last partial vector adds into its first lanes only, then `vec_reduce_all` folds the
    /// lanes. A row shorter than one vector is summed in order.
    ///
    /// `fusedTail` (softmax's backward, float): the last partial vector's `acc + g·y` is one
    /// multiply-add. ATen runs that kernel with grain size 0, so `parallel_for` calls its
    /// lambda inline only at one thread or for a single row, and GCC compiled that inline
    /// copy with the multiply-add fused, the copy `invoke_parallel` runs without (measured
    /// against PyTorch 2.15: float32 rows with a partial last vector differ between
    /// `set_num_threads(1)` and 2 exactly by this; float64 does not).
    private static func reduceSum<T: RealElement>(_ n: Int, fusedTail: Bool = false, _ a: UnsafePointer<T>? = nil,
                                                  _ b: UnsafePointer<T>? = nil, _ f: (Int) -> T) -> T {
        let lanes = CPUCapability.lanes(T.self, .avx512)
        if n < lanes {
            var s = f(0)
            for i in 1..<n { s = s + f(i) }
            return s
        }
        var acc = [T](repeating: 0, count: lanes)
        for l in 0..<lanes { acc[l] = f(l) }
        var d = lanes
        while d + lanes <= n {
            for l in 0..<lanes { acc[l] = acc[l] + f(d + l) }
            d += lanes
        }
        if fusedTail, let a, let b {
            for l in 0..<(n - d) { acc[l] = acc[l].addingProduct(a[d + l], b[d + l]) }
        } else {
            for l in 0..<(n - d) { acc[l] = acc[l] + f(d + l) }
        }
        return foldLanes(acc)
    }
}
