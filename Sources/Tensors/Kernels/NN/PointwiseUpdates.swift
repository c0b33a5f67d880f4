
/// The fused point-wise updates optimizers use (`lerp_`, `addcmul_`, `addcdiv_`), computed
/// in the tensor's own float type with PyTorch's CPU formulas and operation order, so that
/// optimizer steps round as PyTorch's do. Not differentiable (optimizers run under no_grad).
public enum PointwiseUpdate {
    enum Op {
        /// start + w·(end − start) for |w| < 0.5, else end − (end − start)·(1 − w); PyTorch's
        /// vectorised CPU kernel computes both as one fused multiply-add.
        case lerp(weight: Double)
        /// self + (value·t1)·t2, the last step fused as PyTorch's CPU kernel does
        case addcmul(value: Double)
        /// self + value·t1/t2
        case addcdiv(value: Double)
    }

    /// `start.lerp_(end, weight)` (or `lerp` when not in place).
    public static func lerp(_ start: Tensor, _ end: Tensor, weight: Double, inPlace: Bool) throws(TensorError) -> Tensor {
        try apply(.lerp(weight: weight), start, end, end, inPlace: inPlace)
    }

    public static func addcmul(_ x: Tensor, _ t1: Tensor, _ t2: Tensor, value: Double, inPlace: Bool) throws(TensorError) -> Tensor {
        try apply(.addcmul(value: value), x, t1, t2, inPlace: inPlace)
    }

    public static func addcdiv(_ x: Tensor, _ t1: Tensor, _ t2: Tensor, value: Double, inPlace: Bool) throws(TensorError) -> Tensor {
        try apply(.addcdiv(value: value), x, t1, t2, inPlace: inPlace)
    }

    /// Runs `op` element-wise over `x` and two operands broadcast to x's shape, into x itself
    /// (a recorded in-place write) or into a new tensor.
    static func apply(_ op: Op, _ x: Tensor, _ a: Tensor, _ b: Tensor, inPlace: Bool) throws(TensorError) -> Tensor {
        try requireFloat(x.dtype, op: "addcmul_cpu_out")
        let ea = try a.to(x.dtype).expand(x.sizes).contiguous()
        let eb = try b.to(x.dtype).expand(x.sizes).contiguous()
        let out = try x.contiguousCopy()
        if x.dtype == .float32 {
            run(op, out, ea, eb, Float.self)
        } else {
            run(op, out, ea, eb, Double.self)
        }
        if !inPlace { return out }
        _ = try x.copy_(out)
        return x
    }

    static func run<T: NNFloat>(_ op: Op, _ out: Tensor, _ a: Tensor, _ b: Tensor, _: T.Type) {
        let o = NNBuffer.pointer(out, as: T.self), pa = NNBuffer.pointer(a, as: T.self), pb = NNBuffer.pointer(b, as: T.self)
        let n = out.numel
        withExtendedLifetime((a, b)) {
            switch op {
            case .lerp(let weight):
                let w = T(weight)
                if Swift.abs(w) < 0.5 {
                    for i in 0..<n { o[i] = o[i].addingProduct(w, pa[i] - o[i]) }
                } else {
                    for i in 0..<n { o[i] = pa[i].addingProduct(w - 1, pa[i] - o[i]) }
                }
            case .addcmul(let value):
                let v = T(value)
                for i in 0..<n { o[i] = o[i].addingProduct(v * pa[i], pb[i]) }
            case .addcdiv(let value):
                let v = T(value)
                for i in 0..<n { o[i] = o[i] + v * pa[i] / pb[i] }
            }
        }
    }
}
