import Tensors

/// `torch._ctc_loss`: the per-item negative log likelihood, recorded as
/// `CtcLossBackward0` (the reductions and `zero_infinity`'s masking are ordinary ops
/// composed by the caller, as ATen's `ctc_loss` composes them).
extension Differentiable {
    public static func ctcLoss(_ logProbs: Tensor, targets: CTCLossKernel.Targets, inputLengths: [Int], targetLengths: [Int],
                               blank: Int, zeroInfinity: Bool) throws(TensorError) -> Tensor {
        let lp = logProbs.detach()
        let saved = try CTCLossKernel.forward(lp, targets: targets, inputLengths: inputLengths, targetLengths: targetLengths, blank: blank)
        guard isRecording(logProbs) else { return saved.nll }
        return record("CtcLossBackward0", [logProbs], saved.nll) { ctx in
            [try CTCLossKernel.backward(ctx.grad.detach(), lp, targets: targets, inputLengths: inputLengths, targetLengths: targetLengths,
                                        blank: blank, zeroInfinity: zeroInfinity, saved: saved)]
        }
    }
}
