/// The pointwise kernels of `F.softshrink`, `F.smooth_l1_loss` and `F.binary_cross_entropy`
/// as ATen's CPU kernels compute them, in the element type, into the output layout ATen
/// gives them (so a `mean` afterwards adds in ATen's order):
///
/// - softshrink (`softshrink_kernel`, `cpu_kernel_vec`, registered with `REGISTER_DISPATCH`, so
///   AVX2 lanes on an AVX-512 CPU too): the vector lanes return +0 between
///   −λ and λ, the scalar tail `x·0` (−0 for a negative x);
/// - smooth L1 (`smooth_l1_kernel`): ½·z·z/β below β, z − ½β above, z = |x − t|, one formula
///   in lanes and tail, into `TensorIterator::binary_op`'s output;
/// - binary cross-entropy (`binary_cross_entropy_out_cpu`, `cpu_kernel`): (t − 1)·max(log1p(−x),
///   −100) − t·max(log x, −100) with the C library's log1p and log, into `empty_like(input)`.
enum PointwiseLossKernels {
    static func isHostFloat(_ t: Tensor) -> Bool { t.device == .cpu && (t.dtype == .float32 || t.dtype == .float64) }
}

/// softshrink(x, λ) as `softshrink_kernel`'s two loops compute it.
struct SoftshrinkFunction<T: RealElement>: VectorizedFunction {
    let lambda: T
    @inline(__always) func lane(_ x: T) -> T {
        if x.isNaN { return x }
        return x > lambda ? x - lambda : (x < -lambda ? x + lambda : 0)
    }
    @inline(__always) func tail(_ x: T) -> T { x > lambda ? x - lambda : (x < -lambda ? x + lambda : x * 0) }
}

/// smooth L1 of (input, target) with β in the element type.
struct SmoothL1Function<T: RealElement>: VectorizedBinaryFunction {
    let beta: T
    @inline(__always) func lane(_ a: T, _ b: T) -> T {
        let z = Swift.abs(a - b)
        return z < beta ? T(0.5) * z * z / beta : z - T(0.5) * beta
    }
    @inline(__always) func tail(_ a: T, _ b: T) -> T { lane(a, b) }
}

/// One element of binary cross-entropy (`std::max(v, −100)` keeps a NaN v).
@inline(__always) func binaryCrossEntropyElement<T: RealElement>(_ x: T, _ t: T) -> T {
    let log1mx = T.m_log1p(-x), logx = T.m_log(x)
    let a = log1mx < -100 ? T(-100) : log1mx
    let b = logx < -100 ? T(-100) : logx
    return (t - 1) * a - t * b
}

extension Tensor {
    /// `F.softshrink(self, lambd)` for float32/float64 on the CPU; nil otherwise.
    public func softshrinkValues(lambda: Double) throws(TensorError) -> Tensor? {
        guard PointwiseLossKernels.isHostFloat(self) else { return nil }
        let out = try Tensor.iteratorOutput(sizes, dtype: dtype, device: device, inputs: [self])
        if dtype == .float32 {
            VectorizedLoops.map(SoftshrinkFunction<Float>(lambda: Float(lambda)), sizes, Operand(out), Operand(self), build: .avx2)
        } else {
            VectorizedLoops.map(SoftshrinkFunction<Double>(lambda: lambda), sizes, Operand(out), Operand(self), build: .avx2)
        }
        return out
    }

    /// Unreduced smooth L1 loss of float32/float64 CPU tensors of one dtype, broadcast;
    /// nil otherwise.
    public static func smoothL1Values(_ input: Tensor, _ target: Tensor, beta: Double) throws(TensorError) -> Tensor? {
        guard PointwiseLossKernels.isHostFloat(input), target.dtype == input.dtype, target.device == .cpu else { return nil }
        let (a, b) = try ElementwiseLoss.broadcastPair(input, target)
        let out = try Tensor.iteratorOutput(a.sizes, dtype: a.dtype, device: .cpu, inputs: [input, target])
        if a.dtype == .float32 {
            VectorizedLoops.map2(SmoothL1Function<Float>(beta: Float(beta)), a.sizes, Operand(out), Operand(a), Operand(b))
        } else {
            VectorizedLoops.map2(SmoothL1Function<Double>(beta: beta), a.sizes, Operand(out), Operand(a), Operand(b))
        }
        return out
    }

    /// Unreduced binary cross-entropy of same-shaped float32/float64 CPU tensors, in
    /// `empty_like(input)`'s layout; nil otherwise. The caller has checked 0 ≤ x ≤ 1.
    public static func binaryCrossEntropyValues(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor? {
        guard PointwiseLossKernels.isHostFloat(input), target.dtype == input.dtype, target.device == .cpu,
              target.sizes == input.sizes else { return nil }
        let out = try input.emptyPreservingLayout()
        let loop = StridedLoop.iteratorOrdered(shape: input.sizes, out.strides, input.strides, target.strides)
        func run<T: RealElement>(_ t: T.Type) {
            let po = Operand(out).typed(T.self), px = Operand(input).typed(T.self), pt = Operand(target).typed(T.self)
            VectorizedLoops.segments(loop, grain: VectorizedLoops.grain) { oo, ox, ot, n, io, ix, it in
                for i in 0..<n { po[oo + i * io] = binaryCrossEntropyElement(px[ox + i * ix], pt[ot + i * it]) }
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }
}
