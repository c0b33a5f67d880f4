/// What Gradbook reproduces of oneDNN 3.13's `gemm:jit` convolution (gemm_convolution.cpp),
/// which PyTorch 2.15 runs for float32 grouped convolutions whose groups are not whole
/// 8-channel blocks, for dilated weight gradients and for the depthwise passes `jit_dw`
/// does not take. Its matrix products (oneDNN's own sgemm) are not reproduced yet and stay
/// on the slow path's order; its bias gradient is a plain loop, reproduced here.
enum OneDNNGemmConvolution {
    /// Bias gradient (`execute_backward_weights_ncsp`): per output channel, each output
    /// row is summed from zero, left to right (the row's `omp simd` reduction starts a
    /// private sum at 0), and the rows' sums are added in order over images and rows.
    static func gradBias(n: Int, channels: Int, rows: Int, cols: Int, _ gy: UnsafeMutablePointer<Float>,
                         into gb: UnsafeMutablePointer<Float>) {
        for o in 0..<channels {
            var total: Float = 0
            for img in 0..<n {
                let plane = gy + (img * channels + o) * rows * cols
                for r in 0..<rows {
                    var row: Float = 0
                    for k in 0..<cols { row += plane[r * cols + k] }
                    total += row
                }
            }
            gb[o] = total
        }
    }
}

extension Convolution {
    /// The bias gradient in `gemm:jit`'s order (see `OneDNNGemmConvolution`).
    static func gemmBiasGradient(_ p: Plan, _ gradOutput: Tensor) throws(TensorError) -> Tensor {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let t = try Tensor(empty: [p.oc], dtype: gradOutput.dtype, device: gradOutput.device)
        withExtendedLifetime(gkeep) {
            OneDNNGemmConvolution.gradBias(n: p.n, channels: p.oc, rows: p.oh, cols: p.ow, gy, into: NNBuffer.pointer(t, as: Float.self))
        }
        return t
    }

    /// Groups that are not whole 8-channel blocks (and depthwise layers with a channel
    /// multiplier): oneDNN's `gemm:jit` for every pass; only the bias gradient's order is
    /// reproduced, the rest is the slow path's.
    static func gemmGroupedBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                    needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let slow = try backward(p, gradOutput, input, weight, needInput, needWeight, Float.self)
        return (slow.0, slow.1, hasBias ? try gemmBiasGradient(p, gradOutput) : nil)
    }
}
