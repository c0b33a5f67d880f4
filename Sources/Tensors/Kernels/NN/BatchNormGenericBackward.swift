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
        let c = input.sizes[1], count = input.numel / c
        let sums = try gradOutput.sum(dims: [0] + Array(2..<Swift.max(input.rank, 2))).contiguous()
        let gx = try Tensor(empty: input.sizes, dtype: input.dtype)
        let gw = try Tensor(empty: [c], dtype: input.dtype), gb = try Tensor(empty: [c], dtype: input.dtype)
        let w = try weight?.contiguous()
        // One channel's plane of each operand; the dot product walks it in TensorIterator's
        // order (input first), the elementwise passes touch each element once.
        var plane = input.sizes, xs = input.strides, gs = gradOutput.strides, os = gx.strides
        plane.remove(at: 1); xs.remove(at: 1); gs.remove(at: 1); os.remove(at: 1)
        let dotLoop = StridedLoop.iteratorOrdered(shape: plane, xs, gs)
        let outLoop = StridedLoop.iteratorOrdered(shape: plane, os, xs, gs)
        func run<T: RealElement>(_: T.Type) {
            let ps = sums.pointer(T.self), pw = w?.pointer(T.self), pgw = gw.pointer(T.self), pgb = gb.pointer(T.self)
            for ch in 0..<c {
                let px = input.pointer(T.self) + ch * input.strides[1], pdy = gradOutput.pointer(T.self) + ch * gradOutput.strides[1]
                let pdx = gx.pointer(T.self) + ch * gx.strides[1]
                let m = T(mean[ch]), inv = T(invstd[ch]), scale = pw?[ch] ?? 1
                var dotp = 0.0
                dotLoop.forEachRow { ox, og, _, len, sx, sg, _ in
                    for k in 0..<len { dotp += Double((px[ox + k * sx] - m) * pdy[og + k * sg]) }
                }
                let k = T(dotp) * inv * inv / T(count)
                let gradMean = ps[ch] / T(count)
                outLoop.forEachRow { oo, ox, og, len, so, sx, sg in
                    for j in 0..<len {
                        let dy = pdy[og + j * sg]
                        pdx[oo + j * so] = training ? (dy - gradMean - (px[ox + j * sx] - m) * k) * inv * scale : dy * inv * scale
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
