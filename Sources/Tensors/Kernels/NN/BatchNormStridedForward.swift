/// Normalization.cpp's batch norm for an input that is neither contiguous nor channels last
/// (a transposed, sliced or expanded tensor), which ATen keeps out of its vectorised kernel:
///
/// - training: the mean is `at::mean` over every dim but 1; per channel, the squared
///   deviations from it (in double, the CPU accumulation type) are summed serially in
///   TensorIterator's order over that channel's plane; invstd = 1/sqrt(var_sum/n + eps) in
///   double, stored in the element type; running stats updated in double;
/// - evaluation: invstd = 1/sqrt(running_var + eps) as element-type tensor ops (MKL's sqrt);
/// - output `((x − mean)·invstd)·w + b` per element in the element type, unfused (the
///   file is built for the baseline ISA), into a contiguous tensor.
extension BatchNormKernel {
    static func stridedForward(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
                               training: Bool, momentum: Double, eps: Double) throws(TensorError) -> (Tensor, [Double], [Double]) {
        let c = input.sizes[1], n = input.numel / c
        let out = try Tensor(empty: input.sizes, dtype: input.dtype)
        let batchMean = training ? try input.mean(dims: [0] + Array(2..<input.rank)).contiguous() : nil
        // Evaluation: `1 / at::sqrt(running_var + eps)`, ATen's (MKL VML) sqrt, not libm's.
        let runningStd = training ? nil : try runningVar!.add(.float(eps)).sqrt().contiguous()
        var planeSizes = input.sizes, inPlane = input.strides, outPlane = out.strides
        planeSizes.remove(at: 1); inPlane.remove(at: 1); outPlane.remove(at: 1)
        let serial = StridedLoop.iteratorOrdered(shape: planeSizes, inPlane)
        let pairs = StridedLoop.iteratorOrdered(shape: planeSizes, outPlane, inPlane)
        var savedMean = [Double](repeating: 0, count: c), savedInvstd = [Double](repeating: 0, count: c)
        func run<T: RealElement>(_: T.Type) {
            let px = input.pointer(T.self), po = out.pointer(T.self)
            let pw = weight?.pointer(T.self), pb = bias?.pointer(T.self)
            let rm = runningMean?.pointer(T.self), rv = runningVar?.pointer(T.self)
            for ch in 0..<c {
                let plane = px + ch * input.strides[1]
                var mean: T, invstd: T
                if let batchMean {
                    mean = batchMean.pointer(T.self)[ch]
                    let m = Double(mean)
                    var varSum = 0.0
                    serial.forEachRow { o, _, _, len, step, _, _ in
                        for k in 0..<len { let d = Double(plane[o + k * step]) - m; varSum += d * d }
                    }
                    let v = varSum / Double(n)
                    invstd = T(v != 0 || eps != 0 ? 1 / (v + eps).squareRoot() : 0)
                    if let rm { rm[ch] = T(momentum * m + (1 - momentum) * Double(rm[ch])) }
                    if let rv { rv[ch] = T(momentum * (varSum / Double(n - 1)) + (1 - momentum) * Double(rv[ch])) }
                    savedInvstd[ch] = Double(invstd)
                } else {
                    mean = rm![ch]
                    invstd = 1 / runningStd!.pointer(T.self)[ch]
                    // The backward recomputes it with eps as a double.
                    savedInvstd[ch] = Double(T(1 / (Double(rv![ch]) + eps).squareRoot()))
                }
                savedMean[ch] = Double(mean)
                let w = pw?[ch] ?? 1, b = pb?[ch] ?? 0
                let target = po + ch * out.strides[1]
                pairs.forEachRow { oo, oi, _, len, so, si, _ in
                    for k in 0..<len {
                        let centered = plane[oi + k * si] - mean
                        let scaled = centered * invstd
                        let weighted = scaled * w
                        target[oo + k * so] = weighted + b
                    }
                }
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (out, savedMean, savedInvstd)
    }
}
