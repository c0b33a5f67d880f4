/// `_weight_norm_interface` for the last dim (what `torch._weight_norm` runs when `dim` is
/// `v.dim() - 1`), as PyTorch 2.15's CPU kernel (WeightNormKernel.cpp's last-dim variant)
/// rounds. The norms are column sums: `at::parallel_for(0, M, 1)` gives each intra-op thread
/// a block of rows, which it adds into its own zeroed buffer row (`out + v·v`, which GCC
/// fused into one multiply-add: measured on 80 random float32/float64 shapes, every norm
/// matched fused and most differed unfused); the buffer rows are then added in thread order
/// from 0. So the thread count is part of the result, as it is in PyTorch.
extension WeightNormKernel {
    /// (w, norm) with `w = v·(g/‖v_column‖)`; `norm` has g's shape (1, …, 1, N).
    public static func forwardLastDim(_ v: Tensor, _ g: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        try requireFloat(v.dtype, op: "weight_norm_kernel")
        let vc = try v.contiguousCopy(), gc = try g.to(v.dtype).contiguousCopy()
        let w = try vc.contiguousCopy(), norm = try gc.contiguousCopy()
        let n = v.sizes.last ?? 1, m = n == 0 ? 0 : v.numel / n
        func run<T: NNFloat>(_: T.Type) {
            let pv = NNBuffer.pointer(vc, as: T.self), pg = NNBuffer.pointer(gc, as: T.self)
            let pw = NNBuffer.pointer(w, as: T.self), pn = NNBuffer.pointer(norm, as: T.self)
            withExtendedLifetime((vc, gc, w, norm)) {
                let sums: [T] = columnSums(rows: m, columns: n) { (i: Int, j: Int, acc: T) -> T in
                    acc.addingProduct(pv[i * n + j], pv[i * n + j])
                }
                for j in 0..<n { pn[j] = sums[j].squareRoot() }
                for j in 0..<n {
                    let a = pg[j] / pn[j]
                    for i in 0..<m { pw[i * n + j] = pv[i * n + j] * a }
                }
            }
        }
        if v.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (w, norm)
    }

    /// (grad_v, grad_g): column sums of `grad_w·v` as the forward's norms, then per column
    /// `grad_g = sum/norm`, `a = g/norm`, `b = a·grad_g/norm`, `grad_v = a·grad_w − b·v`
    /// with the `b·v` product fused into the subtraction, as in the first-dim kernel.
    public static func backwardLastDim(_ gradW: Tensor, _ v: Tensor, _ g: Tensor, _ norm: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        let gw = try gradW.to(v.dtype).contiguousCopy(), vc = try v.contiguousCopy()
        let gc = try g.to(v.dtype).contiguousCopy(), nc = try norm.contiguousCopy()
        let gv = try vc.contiguousCopy(), gg = try gc.contiguousCopy()
        let n = v.sizes.last ?? 1, m = n == 0 ? 0 : v.numel / n
        func run<T: NNFloat>(_: T.Type) {
            let pgw = NNBuffer.pointer(gw, as: T.self), pv = NNBuffer.pointer(vc, as: T.self)
            let pg = NNBuffer.pointer(gc, as: T.self), pn = NNBuffer.pointer(nc, as: T.self)
            let pgv = NNBuffer.pointer(gv, as: T.self), pgg = NNBuffer.pointer(gg, as: T.self)
            withExtendedLifetime((gw, vc, gc, nc, gv, gg)) {
                let sums: [T] = columnSums(rows: m, columns: n) { (i: Int, j: Int, acc: T) -> T in
                    acc.addingProduct(pgw[i * n + j], pv[i * n + j])
                }
                for j in 0..<n {
                    let gradG = sums[j] / pn[j]
                    pgg[j] = gradG
                    let a = pg[j] / pn[j], b = a * gradG / pn[j]
                    for i in 0..<m {
                        let o = i * n + j
                        pgv[o] = (a * pgw[o]).addingProduct(-b, pv[o])
                    }
                }
            }
        }
        if v.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (gv, gg)
    }

    /// The kernel's vertical reduction: one zeroed buffer row per intra-op thread, each
    /// thread's block of rows accumulated into it by `step`, then the rows added from 0.
    static func columnSums<T: NNFloat>(rows: Int, columns: Int,
                                       _ step: (_ row: Int, _ column: Int, _ acc: T) -> T) -> [T] {
        let threads = max(1, IntraOpThreads.count)
        var buffer = [[T]](repeating: [T](repeating: 0, count: columns), count: threads)
        for (tid, block) in BatchNormKernel.threadChunks(rows).enumerated() {
            for i in block { for j in 0..<columns { buffer[tid][j] = step(i, j, buffer[tid][j]) } }
        }
        return (0..<columns).map { j in
            var sum: T = 0
            for t in 0..<threads { sum = sum + buffer[t][j] }
            return sum
        }
    }
}
