import Tensors

extension Differentiable {
    /// `digamma`: DigammaBackward0, whose gradient is `trigamma` (`polygamma(1, x)`), both
    /// computed as ATen's CPU kernels compute them.
    public static func digamma(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.digammaValues()
        guard isRecording(x) else { return out }
        return unaryOp("DigammaBackward0", x, out) { g, x in try mul(g, try x.trigammaValues()) }
    }
}
