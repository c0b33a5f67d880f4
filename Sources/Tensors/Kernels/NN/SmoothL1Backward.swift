/// A pointwise loss backward as `cpu_kernel_vec` runs it over (input, target, grad_output):
/// `lane` is the vector lambda, `tail` the scalar one.
protocol LossBackwardFunction {
    associatedtype T: RealElement
    func lane(_ input: T, _ target: T, _ grad: T) -> T
    func tail(_ input: T, _ target: T, _ grad: T) -> T
}

/// The input gradient of smooth L1 as ATen's `smooth_l1_backward_cpu_kernel` computes it,
/// with `norm` = 1/numel for a mean, as the element type: the vector lanes clamp
/// `x = input − target` to ±1 where |x| ≥ β (β as the element type), else x/β, then
/// `(norm · that) · grad`; the scalar tail compares x with the double β and returns
/// `−norm · grad`, `norm · grad` or `((norm · x) · grad) / β` divided in double (β is the
/// kernel's `double` argument there). Registered with `REGISTER_DISPATCH`: AVX2's lanes on
/// an AVX-512 CPU too.
struct SmoothL1BackwardElements<T: RealElement>: LossBackwardFunction {
    let norm: T, beta: Double

    @inline(__always) func lane(_ input: T, _ target: T, _ grad: T) -> T {
        let x = input - target
        let sign: T = x > 0 ? 1 : -1
        let output = Swift.abs(x) >= T(beta) ? sign : x / T(beta)
        return norm * output * grad
    }

    @inline(__always) func tail(_ input: T, _ target: T, _ grad: T) -> T {
        let x = input - target
        if Double(x) <= -beta { return -norm * grad }
        if Double(x) >= beta { return norm * grad }
        return T(Double(norm * x * grad) / beta)
    }
}

/// The input gradient of Huber loss as `huber_backward_cpu_kernel` computes it: the lanes
/// pick x, or ±δ (δ as the element type) where |x| ≥ δ, then `(norm · that) · grad`; the
/// scalar tail compares with the double δ and returns `(∓norm · grad) · δ` (one rounding:
/// a product of two floats is exact in double) or `(norm · x) · grad`. `REGISTER_DISPATCH`.
struct HuberBackwardElements<T: RealElement>: LossBackwardFunction {
    let norm: T, delta: Double

    @inline(__always) func lane(_ input: T, _ target: T, _ grad: T) -> T {
        let x = input - target
        let sign: T = x > 0 ? 1 : -1
        let output = Swift.abs(x) >= T(delta) ? sign * T(delta) : x
        return norm * output * grad
    }

    @inline(__always) func tail(_ input: T, _ target: T, _ grad: T) -> T {
        let x = input - target
        if Double(x) <= -delta { return T(Double(-norm * grad) * delta) }
        if Double(x) >= delta { return T(Double(norm * grad) * delta) }
        return norm * x * grad
    }
}

extension Tensor {
    /// d smooth_l1 / d input for float32/float64 CPU operands of one dtype: input and
    /// target broadcast together, the gradient broadcast to them; nil otherwise.
    public static func smoothL1BackwardValues(_ grad: Tensor, _ input: Tensor, _ target: Tensor,
                                              beta: Double, scale: Double) throws(TensorError) -> Tensor? {
        try lossBackwardValues(grad, input, target) { (t: Float.Type) in
            SmoothL1BackwardElements<Float>(norm: Float(scale), beta: beta)
        } double: { _ in SmoothL1BackwardElements<Double>(norm: scale, beta: beta) }
    }

    /// d huber / d input, as `smoothL1BackwardValues`.
    public static func huberBackwardValues(_ grad: Tensor, _ input: Tensor, _ target: Tensor,
                                           delta: Double, scale: Double) throws(TensorError) -> Tensor? {
        try lossBackwardValues(grad, input, target) { (t: Float.Type) in
            HuberBackwardElements<Float>(norm: Float(scale), delta: delta)
        } double: { _ in HuberBackwardElements<Double>(norm: scale, delta: delta) }
    }

    /// Runs a loss backward in `cpu_kernel_vec`'s order (`TernaryLossRows`): a row segment
    /// runs whole two-vector blocks (AVX2 widths) in lanes when every operand is contiguous
    /// in it, or one input is a broadcast scalar (stride 0) and the rest contiguous; the
    /// rest of it, and strided segments, take the scalar tail.
    static func lossBackwardValues<F: LossBackwardFunction, D: LossBackwardFunction>(
        _ grad: Tensor, _ input: Tensor, _ target: Tensor,
        float: (Float.Type) -> F, double: (Double.Type) -> D) throws(TensorError) -> Tensor? where F.T == Float, D.T == Double {
        guard PointwiseLossKernels.isHostFloat(input), target.dtype == input.dtype, grad.dtype == input.dtype,
              target.device == .cpu, grad.device == .cpu,
              let shape = broadcastSizes(input.sizes, target.sizes), let full = broadcastSizes(shape, grad.sizes),
              full == shape else { return nil }
        let x = try input.expand(shape), t = try target.expand(shape), g = try grad.expand(shape)
        let out = try Tensor(empty: shape, dtype: input.dtype)
        let rows = TernaryLossRows(shape: shape, [out.strides, x.strides, t.strides, g.strides])
        func run<G: LossBackwardFunction>(_ f: G) {
            typealias T = G.T
            let po = Operand(out).typed(T.self), px = Operand(x).typed(T.self)
            let pt = Operand(t).typed(T.self), pg = Operand(g).typed(T.self)
            let block = 2 * CPUCapability.lanes(T.self, .avx2)
            rows.forEachSegment(grain: VectorizedLoops.grain) { o, n, s in
                let inputs = [s[1], s[2], s[3]]
                let vector = s[0] == 1 && (inputs.allSatisfy { $0 == 1 }
                    || (inputs.filter { $0 == 0 }.count == 1 && inputs.filter { $0 == 1 }.count == 2))
                var i = 0
                if vector {
                    while i + block <= n {
                        for j in i..<(i + block) { po[o[0] + j] = f.lane(px[o[1] + j * s[1]], pt[o[2] + j * s[2]], pg[o[3] + j * s[3]]) }
                        i += block
                    }
                }
                while i < n {
                    po[o[0] + i * s[0]] = f.tail(px[o[1] + i * s[1]], pt[o[2] + i * s[2]], pg[o[3] + i * s[3]])
                    i += 1
                }
            }
        }
        if input.dtype == .float32 { run(float(Float.self)) } else { run(double(Double.self)) }
        return out
    }

    /// NumPy broadcasting of two shapes; nil when they do not broadcast.
    private static func broadcastSizes(_ a: [Int], _ b: [Int]) -> [Int]? {
        let n = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)], y = i < n - b.count ? 1 : b[i - (n - b.count)]
            if x != y && x != 1 && y != 1 { return nil }
            out[i] = x == 1 ? y : x
        }
        return out
    }
}
