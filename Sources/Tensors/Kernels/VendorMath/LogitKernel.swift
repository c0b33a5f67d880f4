/// `torch.logit` of an input whose innermost stride is neither 1 nor 0 (a sliced tensor):
/// `logit_kernel`'s `cpu_kernel_vec` takes its scalar loop for every element there, libm's
/// `log(x / (1 − x))` after clamping x to [eps, 1 − eps] in the element type. (Measured
/// against PyTorch 2.15: such inputs match glibc's logf in every element, where the
/// composed `log` of the contiguous quotient, MKL's, differs in a few; contiguous inputs
/// match the composed ops, so they keep them.)
struct LogitFunction<T: RealElement>: VectorizedFunction {
    let log: (T) -> T
    let lo: T?, hi: T?

    @inline(__always) func clamped(_ x: T) -> T {
        guard let lo, let hi else { return x }
        return x < lo ? lo : (x > hi ? hi : x)
    }

    @inline(__always) func lane(_ x: T) -> T {
        let z = clamped(x)
        return log(z / (1 - z))
    }

    @inline(__always) func tail(_ x: T) -> T {
        let z = clamped(x)
        return z == 1 ? .infinity : T.m_log(z / (1 - z))
    }
}

extension Tensor {
    /// nil off the CPU, for other dtypes, without SLEEF, or when the innermost stride is 0 or
    /// 1 (the caller composes it).
    public static func logitKernel(_ x: Tensor, eps: Double?) throws(TensorError) -> Tensor? {
        guard let sleef = SLEEFLibrary.shared, x.device == .cpu, x.dtype == .float32 || x.dtype == .float64,
              let inner = StridedLoop.iteratorOrdered(shape: x.sizes, x.strides).s0.last, inner != 0 && inner != 1 else { return nil }
        let out = try Tensor.iteratorOutput(x.sizes, dtype: x.dtype, device: .cpu, inputs: [x])
        func run<T: RealElement>(_: T.Type) {
            let f = LogitFunction<T>(log: sleef.log(T.self), lo: eps.map { T($0) }, hi: eps.map { T(1) - T($0) })
            VectorizedLoops.map(f, x.sizes, Operand(out), Operand(x))
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }
}
