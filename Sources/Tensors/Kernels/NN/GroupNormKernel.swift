/// `native_group_norm` on contiguous (N, C, *) input as ATen's CPU kernel computes it:
/// per (sample, group) RowwiseMoments over its C/G·HxW elements, rstd = 1/√(max(var, 0) + eps)
/// (in double),
/// then per channel y = scale·x + bias with scale = rstd·γ and bias = −scale·mean + β
/// (or (x − mean)·rstd with neither γ nor β).
public enum GroupNormKernel {
    public struct Statistics: Sendable {
        public let mean: [Double]
        public let rstd: [Double]
    }

    public static func forward(_ input: Tensor, groups: Int, weight: Tensor?, bias: Tensor?, eps: Double) throws(TensorError)
        -> (output: Tensor, stats: Statistics) {
        try requireFloat(input.dtype, op: "GroupNormKernelImpl")
        if input.device != .cpu { throw .runtime("group_norm: only CPU tensors are supported") }
        let n = input.sizes[0], c = input.sizes[1]
        let hxw = n * c == 0 ? 0 : input.numel / (n * c), d = c / groups
        let x = try input.contiguous()
        let w = try weight?.to(input.dtype).contiguous(), b = try bias?.to(input.dtype).contiguous()
        let out = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
        var means = [Double](repeating: 0, count: n * groups), rstds = means
        func run<T: RealElement>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            let pw = w.map { NNBuffer.pointer($0, as: T.self) }, pb = b.map { NNBuffer.pointer($0, as: T.self) }
            let inner = d * hxw
            for i in 0..<(n * groups) {
                let row = UnsafePointer(px + i * inner)
                var (mean, variance) = inner == 0 ? (T(0), T(0)) : RowwiseMoments.compute(row, inner)
                if inner == 0 { mean = .nan; variance = .nan }
                // eps stays a double in ATen's kernel: the sum, root and quotient are double.
                let rstd = T(1 / (Swift.max(variance, 0).doubleValue + eps).squareRoot())
                if pw == nil && pb == nil {
                    for j in 0..<inner { po[i * inner + j] = (row[j] - mean) * rstd }
                } else {
                    let g = i % groups
                    for j in 0..<d {
                        let ch = g * d + j
                        let scale = rstd * (pw?[ch] ?? 1)
                        // GCC contracts both multiply-adds into FMAs in ATen's AVX2 build.
                        let shift = (pb?[ch] ?? 0).addingProduct(-scale, mean)
                        let src = px + (i * d + j) * hxw, dst = po + (i * d + j) * hxw
                        for k in 0..<hxw { dst[k] = shift.addingProduct(scale, src[k]) }
                    }
                }
                means[i] = mean.doubleValue
                rstds[i] = rstd.doubleValue
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (out, Statistics(mean: means, rstd: rstds))
    }

    /// Gradients for input, weight and bias as ATen's CPU kernel computes them in the
    /// element type: per (sample, channel) ds = Σ dy·x and db = Σ dy as `map2_reduce_all` /
    /// `reduce_all` (lanes, then AVX2's shuffle tree for float); per group the γ-weighted
    /// sums in lanes, their tail as GCC vectorizes it; then dx = c1·dy + c2·x + c3, with the
    /// FMAs GCC forms there.
    public static func backward(_ gradOutput: Tensor, _ input: Tensor, groups: Int, weight: Tensor?, stats: Statistics) throws(TensorError)
        -> (input: Tensor, weight: Tensor, bias: Tensor) {
        let n = input.sizes[0], c = input.sizes[1]
        let hxw = n * c == 0 ? 0 : input.numel / (n * c), d = c / groups
        let x = try input.contiguous(), dy = try gradOutput.to(input.dtype).contiguous()
        let w = try weight?.to(input.dtype).contiguous()
        let dx = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
        let dw = try Tensor(empty: [c], dtype: input.dtype, device: input.device)
        let dbias = try Tensor(empty: [c], dtype: input.dtype, device: input.device)
        func run<T: RealElement>(_: T.Type) {
            let lanes = CPUCapability.lanes(T.self, .avx2)
            let px = NNBuffer.pointer(x, as: T.self), pdy = NNBuffer.pointer(dy, as: T.self)
            let pw = w.map { NNBuffer.pointer($0, as: T.self) }
            let pdx = NNBuffer.pointer(dx, as: T.self), pdw = NNBuffer.pointer(dw, as: T.self), pdb = NNBuffer.pointer(dbias, as: T.self)
            // vec_reduce_all: AVX2's shuffle tree for a full float vector, else lane 0 + lane 1 + ...
            func reduceLanes(_ v: [T], _ size: Int) -> T {
                if T.self == Float.self && size == 8 {
                    var a = (0..<8).map { v[$0] + v[$0 ^ 4] }
                    a = (0..<8).map { a[$0] + a[$0 ^ 2] }
                    return a[0] + a[1]
                }
                var acc = v[0]
                for i in 1..<size { acc = acc + v[i] }
                return acc
            }
            func laneReduce(_ count: Int, _ term: (Int) -> T) -> T {
                if count < lanes { return reduceLanes((0..<count).map(term), count) }
                var acc = (0..<lanes).map(term)
                var at = lanes
                while at < count - count % lanes {
                    for l in 0..<lanes { acc[l] = acc[l] + term(at + l) }
                    at += lanes
                }
                for l in 0..<(count - at) { acc[l] = acc[l] + term(at + l) }
                return reduceLanes(acc, lanes)
            }
            // ds: map2_reduce_all; for double, the partial last vector's x·y is fused
            // into the running sum (seen against PyTorch 2.15's goldens).
            func dotReduce(_ gy: UnsafePointer<T>, _ xx: UnsafePointer<T>, _ count: Int) -> T {
                if T.self == Float.self || count < lanes { return laneReduce(count) { gy[$0] * xx[$0] } }
                var acc = (0..<lanes).map { gy[$0] * xx[$0] }
                var at = lanes
                while at < count - count % lanes {
                    for l in 0..<lanes { acc[l] = acc[l] + gy[at + l] * xx[at + l] }
                    at += lanes
                }
                for l in 0..<(count - at) { acc[l] = acc[l].addingProduct(gy[at + l], xx[at + l]) }
                return reduceLanes(acc, lanes)
            }
            var ds = [T](repeating: 0, count: n * c), db = ds
            for i in 0..<(n * c) {
                let gy = pdy + i * hxw, xx = px + i * hxw
                ds[i] = dotReduce(UnsafePointer(gy), UnsafePointer(xx), hxw)
                db[i] = laneReduce(hxw) { gy[$0] }
            }
            let s = T(1) / T(d * hxw)
            let vectorPart = d / lanes * lanes
            for i in 0..<(n * groups) {
                let g = i % groups
                var dsAcc = [T](repeating: 0, count: lanes), dbAcc = dsAcc
                var j = 0
                while j < vectorPart {
                    for l in 0..<lanes {
                        let gamma = pw?[g * d + j + l] ?? 1
                        dsAcc[l] = dsAcc[l].addingProduct(ds[i * d + j + l], gamma)
                        dbAcc[l] = dbAcc[l].addingProduct(db[i * d + j + l], gamma)
                    }
                    j += lanes
                }
                var dsVal: T = 0, dbVal: T = 0
                for l in 0..<lanes { dsVal = dsVal + dsAcc[l]; dbVal = dbVal + dbAcc[l] }
                // The scalar tail `ds_val += ds[j]·γ[j]` (j ≥ vectorPart): GCC vectorizes its
                // epilogue half a vector wide (4 floats, 2 doubles) as an in-order reduction —
                // the products rounded in a vector multiply, then added to the running sum one
                // lane after another — and finishes the last elements with fused multiply-adds
                // (seen against PyTorch 2.15 on 96 shapes, C/groups 1 to 24, both dtypes).
                let block = lanes / 2
                var k = vectorPart
                while k + block <= d {
                    for l in 0..<block {
                        let gamma = pw?[g * d + k + l] ?? 1
                        dsVal = dsVal + ds[i * d + k + l] * gamma
                        dbVal = dbVal + db[i * d + k + l] * gamma
                    }
                    k += block
                }
                for k in k..<d {
                    let gamma = pw?[g * d + k] ?? 1
                    dsVal = dsVal.addingProduct(ds[i * d + k], gamma)
                    dbVal = dbVal.addingProduct(db[i * d + k], gamma)
                }
                let mean = T(stats.mean[i]), rstd = T(stats.rstd[i])
                let c2 = (-dsVal).addingProduct(dbVal, mean) * rstd * rstd * rstd * s
                let c3 = (-c2 * mean).addingProduct(-(dbVal * rstd), s)
                for k in 0..<d {
                    let ch = g * d + k, c1 = rstd * (pw?[ch] ?? 1)
                    let base = (i * d + k) * hxw
                    for e in 0..<hxw { pdx[base + e] = (c2 * px[base + e]).addingProduct(c1, pdy[base + e]) + c3 }
                }
            }
            // γ: Σ over samples of (ds − db·mean)·rstd; β: Σ db — sequential per channel.
            for ch in 0..<c {
                let g = ch / d
                var accW: T = 0, accB: T = 0
                for b in 0..<n {
                    let mean = T(stats.mean[b * groups + g]), rstd = T(stats.rstd[b * groups + g])
                    accW = accW.addingProduct(ds[b * c + ch].addingProduct(-db[b * c + ch], mean), rstd)
                    accB = accB + db[b * c + ch]
                }
                pdw[ch] = accW
                pdb[ch] = accB
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (dx, dw, dbias)
    }
}
