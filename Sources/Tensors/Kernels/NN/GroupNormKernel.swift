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

    /// Gradients for input, weight and bias: per channel ds = Σ dy·x and db = Σ dy, then
    /// dx = c1·dy + c2·x + c3 per group (ATen's formula, computed in Double).
    public static func backward(_ gradOutput: Tensor, _ input: Tensor, groups: Int, weight: Tensor?, stats: Statistics) throws(TensorError)
        -> (input: Tensor, weight: Tensor, bias: Tensor) {
        let n = input.sizes[0], c = input.sizes[1]
        let hxw = n * c == 0 ? 0 : input.numel / (n * c), d = c / groups
        let x = try input.contiguous().elementsAsDouble(), dy = try gradOutput.contiguous().elementsAsDouble()
        let w = try weight?.contiguous().elementsAsDouble()
        var ds = [Double](repeating: 0, count: n * c), db = ds
        for i in 0..<(n * c) {
            for k in 0..<hxw { ds[i] += dy[i * hxw + k] * x[i * hxw + k]; db[i] += dy[i * hxw + k] }
        }
        var dx = [Double](repeating: 0, count: x.count)
        var dw = [Double](repeating: 0, count: c), dbias = dw
        let s = 1 / Double(d * hxw)
        for i in 0..<n {
            for g in 0..<groups {
                let ng = i * groups + g, mean = stats.mean[ng], rstd = stats.rstd[ng]
                var dsSum = 0.0, dbSum = 0.0
                for j in 0..<d {
                    let ch = g * d + j, gamma = w?[ch] ?? 1
                    dsSum += ds[i * c + ch] * gamma
                    dbSum += db[i * c + ch] * gamma
                }
                let c2 = (dbSum * mean - dsSum) * rstd * rstd * rstd * s
                let c3 = -c2 * mean - dbSum * rstd * s
                for j in 0..<d {
                    let ch = g * d + j, c1 = rstd * (w?[ch] ?? 1)
                    for k in 0..<hxw {
                        let at = (i * c + ch) * hxw + k
                        dx[at] = c1 * dy[at] + c2 * x[at] + c3
                    }
                    dw[ch] += (ds[i * c + ch] - db[i * c + ch] * mean) * rstd
                    dbias[ch] += db[i * c + ch]
                }
            }
        }
        let dt = input.dtype
        return (try Tensor(values: dx, shape: input.sizes, dtype: dt, device: input.device),
                try Tensor(values: dw, shape: [c], dtype: dt, device: input.device),
                try Tensor(values: dbias, shape: [c], dtype: dt, device: input.device))
    }
}
