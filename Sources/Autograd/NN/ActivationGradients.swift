import Tensors

/// The backward kernels of `tanh` and `sigmoid` as PyTorch's CPU build rounds them:
/// `g·(1 − y²)` with `1 − y²` one fused multiply-add (the compiler contracts ATen's
/// vectorised `one - b * b`), and `(g·(1 − y))·y` in that order. Recurrent layers chain
/// these step after step, so a last-bit difference would show in their gradients.
/// Under create_graph the call is recorded as PyTorch records it (TanhBackwardBackward0,
/// SigmoidBackwardBackward0; see BackwardFunctions.swift).
enum ActivationGradient {
    static func tanh(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try Differentiable.tanhBackward(g, y)
    }

    static func sigmoid(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try Differentiable.sigmoidBackward(g, y)
    }

    /// `tanh_backward`'s value; called with grad mode off.
    static func tanhValue(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        if y.dtype.isComplex {
            // ATen's complex tanh_backward: a * conj(1 - b * b), one kernel when it can be
            if !GradMode.current.isEnabled && g.dtype == y.dtype && g.sizes == y.sizes {
                return try NNOps.tanhBackward(g, y)
            }
            return try Differentiable.mul(g, try Differentiable.conjugated(
                try Differentiable.rsub(try Differentiable.mul(y, y), .int(1))))
        }
        if fusable(g, y) { return try NNOps.tanhBackward(g, y) }
        return try Differentiable.mul(g, try Differentiable.rsub(try Differentiable.mul(y, y), .int(1)))
    }

    /// `sigmoid_backward`'s value; called with grad mode off.
    static func sigmoidValue(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        if fusable(g, y) { return try NNOps.sigmoidBackward(g, y) }
        // bfloat16: ATen's kernel converts both to float, computes `a·(1 − b)·b` there and
        // rounds once (float16's kernel rounds after each op, as the composition does).
        if !GradMode.current.isEnabled && g.dtype == .bfloat16 && y.dtype == .bfloat16 && g.sizes == y.sizes {
            return try NNOps.sigmoidBackward(try g.to(.float32), try y.to(.float32)).to(.bfloat16)
        }
        return try Differentiable.mul(try Differentiable.mul(g, try Differentiable.rsub(y, .int(1))), y)
    }

    /// Whether the one-kernel backward applies: same-shaped float32/float64 tensors outside
    /// grad mode; otherwise the composite runs (other dtypes, broadcast shapes).
    private static func fusable(_ g: Tensor, _ y: Tensor) -> Bool {
        !GradMode.current.isEnabled && g.dtype == y.dtype && g.sizes == y.sizes
            && (g.dtype == .float32 || g.dtype == .float64)
    }
}
