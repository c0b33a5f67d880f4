/// `logit_backward` (BinaryOpsKernel.cpp), what LogitBackward0 runs outside grad mode. Its
/// vector lanes blend `dy / (x·(1 − x))` with the fill (NaN without eps, 0 with it) on
/// `lo ≤ x ≤ hi`, so a NaN x gets the fill; its scalar loop tests `x < lo || x > hi`, so a
/// NaN x gets NaN there, and x = 0 or 1 gets `dy·inf` (+inf for x = −0 where the lanes
/// divide by −0). Which elements take which path is cpu_kernel_vec's split.
struct LogitBackwardFunction<T: RealElement>: VectorizedBinaryFunction {
    let lo: T, hi: T, fill: T

    @inline(__always) func lane(_ dy: T, _ x: T) -> T {
        (x >= lo && x <= hi) ? dy / (x * (1 - x)) : fill
    }

    @inline(__always) func tail(_ dy: T, _ x: T) -> T {
        if x < lo || x > hi { return fill }
        return (x == 0 || x == 1) ? dy * .infinity : dy / (x * (1 - x))
    }
}

extension Tensor {
    /// The gradient of `logit(x, eps)` for float32/float64 CPU tensors of x's shape; nil
    /// otherwise (the caller composes it). `lo`/`hi` are already in the element type.
    public static func logitBackwardKernel(_ grad: Tensor, _ x: Tensor, eps: Double?, lo: Double, hi: Double) throws(TensorError) -> Tensor? {
        guard x.device == .cpu, grad.device == .cpu, x.dtype == .float32 || x.dtype == .float64,
              grad.dtype == x.dtype, grad.sizes == x.sizes else { return nil }
        let out = try Tensor.iteratorOutput(x.sizes, dtype: x.dtype, device: .cpu, inputs: [grad, x])
        if x.dtype == .float32 {
            let f = LogitBackwardFunction<Float>(lo: Float(lo), hi: Float(hi), fill: eps == nil ? .nan : 0)
            VectorizedLoops.map2(f, x.sizes, Operand(out), Operand(grad), Operand(x))
        } else {
            let f = LogitBackwardFunction<Double>(lo: lo, hi: hi, fill: eps == nil ? .nan : 0)
            VectorizedLoops.map2(f, x.sizes, Operand(out), Operand(grad), Operand(x))
        }
        return out
    }
}
