/// The input gradient of smooth L1 as ATen's `smooth_l1_backward_cpu_kernel` computes it
/// (`cpu_kernel_vec` over input, target and grad_output, with `norm` = 1/numel for a mean,
/// as the element type): the vector lanes clamp `x = input − target` to ±1 where |x| ≥ β,
/// else x/β, then `(norm · that) · grad`; the scalar tail returns `−norm · grad`,
/// `norm · grad` or `((norm · x) · grad) / β`. Its stub is registered with
/// `REGISTER_DISPATCH`, so the lanes are AVX2's on an AVX-512 CPU too.
struct SmoothL1BackwardElements<T: RealElement> {
    let norm: T, beta: T

    @inline(__always) func lane(_ input: T, _ target: T, _ grad: T) -> T {
        let x = input - target
        let sign: T = x > 0 ? 1 : -1
        let output = Swift.abs(x) >= beta ? sign : x / beta
        return norm * output * grad
    }

    @inline(__always) func tail(_ input: T, _ target: T, _ grad: T) -> T {
        let x = input - target
        if x <= -beta { return -norm * grad }
        if x >= beta { return norm * grad }
        return norm * x * grad / beta
    }
}

extension Tensor {
    /// d smooth_l1 / d input for contiguous float32/float64 CPU input and target of one
    /// shape, and a gradient of that shape (contiguous) or of one element (a reduced loss's);
    /// nil otherwise. TensorIterator coalesces such operands to one dimension, split between
    /// threads as `parallel_for` splits it; each piece runs whole two-vector blocks in lanes.
    public static func smoothL1BackwardValues(_ grad: Tensor, _ input: Tensor, _ target: Tensor,
                                              beta: Double, scale: Double) throws(TensorError) -> Tensor? {
        guard PointwiseLossKernels.isHostFloat(input), target.dtype == input.dtype, grad.dtype == input.dtype,
              target.device == .cpu, grad.device == .cpu, target.sizes == input.sizes,
              input.isContiguous, target.isContiguous,
              grad.numel == 1 || (grad.sizes == input.sizes && grad.isContiguous) else { return nil }
        let out = try Tensor(empty: input.sizes, dtype: input.dtype)
        let count = input.numel, gradStride = grad.numel == 1 ? 0 : 1
        func run<T: RealElement>(_ t: T.Type) {
            let f = SmoothL1BackwardElements<T>(norm: T(scale), beta: T(beta))
            let po = Operand(out).typed(T.self), px = Operand(input).typed(T.self)
            let pt = Operand(target).typed(T.self), pg = Operand(grad).typed(T.self)
            let block = 2 * CPUCapability.lanes(T.self, .avx2)
            for (begin, end) in VectorizedLoops.pieces(count) {
                let vectorEnd = begin + (end - begin) / block * block
                for i in begin..<vectorEnd { po[i] = f.lane(px[i], pt[i], pg[i * gradStride]) }
                for i in vectorEnd..<end { po[i] = f.tail(px[i], pt[i], pg[i * gradStride]) }
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }
}
