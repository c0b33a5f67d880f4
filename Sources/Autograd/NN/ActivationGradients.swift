import Tensors

/// The backward kernels of `tanh` and `sigmoid` as PyTorch's CPU build rounds them:
/// `g·(1 − y²)` with `1 − y²` one fused multiply-add (the compiler contracts ATen's
/// vectorised `one - b * b`), and `(g·(1 − y))·y` in that order. Recurrent layers chain
/// these step after step, so a last-bit difference would show in their gradients.
enum ActivationGradient {
    static func tanh(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        if let out = try fused(g, y, { g, y in g * Float(1).addingProduct(-y, y) }, { g, y in g * Double(1).addingProduct(-y, y) }) {
            return out
        }
        return try Differentiable.mul(g, try Differentiable.rsub(try Differentiable.mul(y, y), .int(1)))
    }

    static func sigmoid(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        if let out = try fused(g, y, { g, y in (g * (1 - y)) * y }, { g, y in (g * (1 - y)) * y }) {
            return out
        }
        return try Differentiable.mul(try Differentiable.mul(g, try Differentiable.rsub(y, .int(1))), y)
    }

    /// The kernel over same-shaped float32/float64 CPU tensors outside grad mode; nil when the
    /// differentiable composite must run instead (create_graph, other dtypes or devices).
    private static func fused(_ g: Tensor, _ y: Tensor, _ f: (Float, Float) -> Float,
                              _ d: (Double, Double) -> Double) throws(TensorError) -> Tensor? {
        guard !GradMode.current.isEnabled, g.dtype == y.dtype, g.sizes == y.sizes,
              g.device == .cpu, y.device == .cpu, g.dtype == .float32 || g.dtype == .float64 else { return nil }
        let out = try Tensor.empty(g.sizes, dtype: g.dtype, device: g.device)
        let n = out.numel
        if g.dtype == .float32 {
            let (gc, pg) = try NNBuffer.read(g, as: Float.self), (yc, py) = try NNBuffer.read(y, as: Float.self)
            let po = NNBuffer.pointer(out, as: Float.self)
            withExtendedLifetime((gc, yc)) { for i in 0..<n { po[i] = f(pg[i], py[i]) } }
        } else {
            let (gc, pg) = try NNBuffer.read(g, as: Double.self), (yc, py) = try NNBuffer.read(y, as: Double.self)
            let po = NNBuffer.pointer(out, as: Double.self)
            withExtendedLifetime((gc, yc)) { for i in 0..<n { po[i] = d(pg[i], py[i]) } }
        }
        return out
    }
}
