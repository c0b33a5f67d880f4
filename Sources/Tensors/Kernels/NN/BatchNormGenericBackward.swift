/// `batch_norm_backward_cpu_template`'s generic path (Normalization.cpp, built without fused
/// multiply-adds), which ATen takes when the input and the incoming gradient are not both
/// contiguous in the same memory format — for instance a channels-last input with a
/// plain-contiguous gradient, or the expanded gradient of `y.sum()`:
///
/// - the per-channel gradient sum is `at::sum(grad_out, all dims but 1)`;
/// - per channel, `dotp = Σ (x − mean)·dy` with each product in the element type added
///   into a double, in the input's (n, spatial) order;
/// - training: `k = float(dotp)·invstd·invstd / N`, `dx = (dy − sum/N − (x − mean)·k)·invstd·w`;
///   evaluation: `dx = dy·invstd·w`; `grad_weight = dotp·invstd` (in double), `grad_bias = sum`.
extension BatchNormKernel {
    /// Whether ATen's vectorised backward kernel runs: both tensors contiguous in the same
    /// memory format (plain, or both channels last).
    static func backwardTakesKernel(_ input: Tensor, _ gradOutput: Tensor) -> Bool {
        (input.isContiguous && gradOutput.isContiguous) || (isChannelsLast(input) && isChannelsLast(gradOutput))
    }

    static func genericBackward(_ gradOutput: Tensor, _ input: Tensor, weight: Tensor?, mean: [Double], invstd: [Double],
                                training: Bool) throws(TensorError) -> (Tensor, Tensor, Tensor) {
        let c = input.sizes[1], n = input.sizes[0], inner = input.numel / (n * c), count = n * inner
        let sums = try gradOutput.sum(dims: [0] + Array(2..<Swift.max(input.rank, 2))).contiguous()
        let x = try input.contiguous(), dy = try gradOutput.contiguous()
        let gx = try Tensor(empty: input.sizes, dtype: input.dtype)
        let gw = try Tensor(empty: [c], dtype: input.dtype), gb = try Tensor(empty: [c], dtype: input.dtype)
        let w = try weight?.contiguous()
        func run<T: RealElement>(_: T.Type) {
            let px = x.pointer(T.self), pdy = dy.pointer(T.self), pdx = gx.pointer(T.self), ps = sums.pointer(T.self)
            let pw = w?.pointer(T.self), pgw = gw.pointer(T.self), pgb = gb.pointer(T.self)
            for ch in 0..<c {
                let m = T(mean[ch]), inv = T(invstd[ch]), scale = pw?[ch] ?? 1
                var dotp = 0.0
                for b in 0..<n {
                    let base = (b * c + ch) * inner
                    for i in 0..<inner { dotp += Double((px[base + i] - m) * pdy[base + i]) }
                }
                let k = T(dotp) * inv * inv / T(count)
                let gradMean = ps[ch] / T(count)
                for b in 0..<n {
                    let base = (b * c + ch) * inner
                    for i in 0..<inner {
                        let j = base + i
                        pdx[j] = training ? (pdy[j] - gradMean - (px[j] - m) * k) * inv * scale : pdy[j] * inv * scale
                    }
                }
                pgw[ch] = T(dotp * Double(inv))
                pgb[ch] = ps[ch]
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        if isChannelsLast(input) { return (try channelsLastCopy(gx), gw, gb) }
        return (gx, gw, gb)
    }
}
