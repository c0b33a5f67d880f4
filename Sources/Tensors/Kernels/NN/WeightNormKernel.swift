
/// `_weight_norm_interface` for `dim == 0` (the `nn.utils.weight_norm` hook's default), as
/// PyTorch 2.15's CPU kernel (WeightNormKernel.cpp, its AVX2 build at both capabilities)
/// rounds: each row's sum of squares (backward: of `grad_w·v`) in 8-float / 4-double lanes,
/// products rounded before the add (measured: GCC left these unfused), the first vector's
/// products as the lanes' start, a partial last vector adding into its first lanes only, then
/// the lanes combined (`vec_reduce_all`: float pairwise, double in order); a row shorter than
/// a vector sums in order.
public enum WeightNormKernel {
    /// (w, norm) with `w = v·(g/‖v_row‖)`; `norm` has g's shape.
    public static func forward(_ v: Tensor, _ g: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        try requireFloat(v.dtype, op: "weight_norm_kernel")
        let vc = try v.contiguousCopy(), gc = try g.to(v.dtype).contiguousCopy()
        let w = try vc.contiguousCopy(), norm = try gc.contiguousCopy()
        let m = v.sizes.first ?? 1, n = m == 0 ? 0 : v.numel / m
        func run<T: NNFloat>(_: T.Type, width: Int) {
            let pv = NNBuffer.pointer(vc, as: T.self), pg = NNBuffer.pointer(gc, as: T.self)
            let pw = NNBuffer.pointer(w, as: T.self), pn = NNBuffer.pointer(norm, as: T.self)
            withExtendedLifetime((vc, gc, w, norm)) {
                for i in 0..<m {
                    let row = pv + i * n
                    let s = laneSum(n, width) { row[$0] * row[$0] }.squareRoot()
                    pn[i] = s
                    let a = pg[i] / s
                    for j in 0..<n { pw[i * n + j] = row[j] * a }
                }
            }
        }
        if v.dtype == .float32 { run(Float.self, width: 8) } else { run(Double.self, width: 4) }
        return (w, norm)
    }

    /// (grad_v, grad_g): `grad_g = Σ(grad_w·v)/norm`, `grad_v = a·grad_w − b·v` with
    /// `a = g/norm`, `b = a·grad_g/norm`, the `b·v` product fused into the subtraction.
    public static func backward(_ gradW: Tensor, _ v: Tensor, _ g: Tensor, _ norm: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        let gw = try gradW.to(v.dtype).contiguousCopy(), vc = try v.contiguousCopy()
        let gc = try g.to(v.dtype).contiguousCopy(), nc = try norm.contiguousCopy()
        let gv = try vc.contiguousCopy(), gg = try gc.contiguousCopy()
        let m = v.sizes.first ?? 1, n = m == 0 ? 0 : v.numel / m
        func run<T: NNFloat>(_: T.Type, width: Int) {
            let pgw = NNBuffer.pointer(gw, as: T.self), pv = NNBuffer.pointer(vc, as: T.self)
            let pg = NNBuffer.pointer(gc, as: T.self), pn = NNBuffer.pointer(nc, as: T.self)
            let pgv = NNBuffer.pointer(gv, as: T.self), pgg = NNBuffer.pointer(gg, as: T.self)
            withExtendedLifetime((gw, vc, gc, nc, gv, gg)) {
                for i in 0..<m {
                    let o = i * n
                    let sum = laneSum(n, width) { pgw[o + $0] * pv[o + $0] }
                    let gradG = sum / pn[i]
                    pgg[i] = gradG
                    let a = pg[i] / pn[i], b = a * gradG / pn[i]
                    for j in 0..<n { pgv[o + j] = (a * pgw[o + j]).addingProduct(-b, pv[o + j]) }
                }
            }
        }
        if v.dtype == .float32 { run(Float.self, width: 8) } else { run(Double.self, width: 4) }
        return (gv, gg)
    }

    /// `vec::map_reduce_all(term, +)` over `n` terms in `width` lanes.
    static func laneSum<T: NNFloat>(_ n: Int, _ width: Int, _ term: (Int) -> T) -> T {
        if n < width {
            var s = term(0)
            for j in 1..<Swift.max(n, 1) { s = s + term(j) }
            return n == 0 ? 0 : s
        }
        var lanes = (0..<width).map(term)
        var d = width
        while d < n {
            for l in 0..<Swift.min(width, n - d) { lanes[l] = lanes[l] + term(d + l) }
            d += width
        }
        // float's vec_reduce_all halves the lanes pairwise (its AVX2 specialisation);
        // double's is the generic one, adding the lanes in order
        if T.self == Double.self { return lanes.dropFirst().reduce(lanes[0], +) }
        var count = width
        while count > 1 {
            count /= 2
            for l in 0..<count { lanes[l] = lanes[l] + lanes[l + count] }
        }
        return lanes[0]
    }
}
