import Tensors

/// The backward kernels of `tanh` and `sigmoid` as PyTorch's CPU build rounds them:
/// `g·(1 − y²)` with `1 − y²` one fused multiply-add (the compiler contracts ATen's
/// vectorised `one - b * b`), and `(g·(1 − y))·y` in that order. Recurrent layers chain
/// these step after step, so a last-bit difference would show in their gradients.
enum ActivationGradient {
    static func tanh(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        if fusable(g, y) { return try NNOps.tanhBackward(g, y) }
        return try Differentiable.mul(g, try Differentiable.rsub(try Differentiable.mul(y, y), .int(1)))
    }

    static func sigmoid(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        if fusable(g, y) { return try NNOps.sigmoidBackward(g, y) }
        return try Differentiable.mul(try Differentiable.mul(g, try Differentiable.rsub(y, .int(1))), y)
    }

    /// Whether the one-kernel backward applies: same-shaped float32/float64 tensors outside
    /// grad mode; otherwise the differentiable composite runs (create_graph, other dtypes).
    private static func fusable(_ g: Tensor, _ y: Tensor) -> Bool {
        !GradMode.current.isEnabled && g.dtype == y.dtype && g.sizes == y.sizes
            && (g.dtype == .float32 || g.dtype == .float64)
    }
}
