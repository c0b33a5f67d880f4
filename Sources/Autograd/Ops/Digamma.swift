import Tensors

extension Differentiable {
    /// `digamma`: DigammaBackward0, whose gradient is `trigamma` (`polygamma(1, x)`), both
    /// computed as ATen's CPU kernels compute them.
    public static func digamma(_ x: Tensor) throws(TensorError) -> Tensor {
        let out = try x.digammaValues()
        guard isRecording(x) else { return out }
        return try unaryOp("DigammaBackward0", x, out) { g, x in try mul(g, try x.trigammaValues()) }
    }
}

extension Differentiable {
    /// `torch._standard_gamma`: StandardGammaBackward0, whose gradient is
    /// `grad * _standard_gamma_grad(alpha, result)`.
    public static func standardGamma(_ alpha: Tensor, generator: CPUGenerator) throws(TensorError) -> Tensor {
        let out = try alpha.standardGamma(generator: generator)
        guard isRecording(alpha) else { return out }
        let sample = out.detach()
        return try unaryOp("StandardGammaBackward0", alpha, out) { g, a in
            try mul(g, try Tensor.standardGammaGrad(alpha: a, sample: sample))
        }
    }
}
