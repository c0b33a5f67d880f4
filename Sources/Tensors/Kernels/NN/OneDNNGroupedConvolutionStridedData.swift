/// The strided input gradient of grouped float32 convolutions whose groups have input
/// channels that are not whole 8-channel blocks but whole blocks of more than 8 output
/// channels: oneDNN 3.13 runs it as `brgconv_strided:avx2` (found with ONEDNN_VERBOSE;
/// groups of 8 output channels run `gemm:jit`), its other passes `gemm:jit`. On AVX-512
/// machines too, where `jit:avx512_core` does not take the groups (those of 4·k channels
/// it does take are `OneDNNGroupedConvolutionAVX512`'s, judged first). Each group is `OneDNNConvolution.gradInput`'s strided order on its own
/// channels, as for groups of whole blocks (`OneDNNGroupedConvolution.gradInput`).
extension OneDNNGroupedConvolution {
    /// Whether the input gradient runs `brgconv_strided` per group (see above).
    static func stridedDataApplies(_ p: Convolution.Plan, dtype: DType) -> Bool {
        dtype == .float32 && p.g.followsOneDNN && p.g.groups > 1
            && p.cg % block != 0 && p.ocg % block == 0 && stridedByBRGEMM(p) && p.g.dilation == (1, 1)
            && (p.g.stride.0 == p.g.stride.1 || isOneD(p))
            && p.g.padding.0.0 == p.g.padding.0.1 && p.g.padding.1.0 == p.g.padding.1.1
    }
}

extension Convolution {
    /// The grouped gradients with the input's in `brgconv_strided`'s order and the others in `gemm:jit`'s.
    static func stridedGroupedBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                       needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let gx = needInput ? try groupedGradInput(p, gradOutput: gradOutput, input: input, weight: weight) : nil
        return (gx, needWeight ? try gemmWeightGradient(p, gradOutput, input, weight) : nil,
                hasBias ? try gemmBiasGradient(p, gradOutput) : nil)
    }

    /// The float32 input gradient of a grouped layer in the jit kernels' group-by-group
    /// order (`OneDNNGroupedConvolution.gradInput`), shared by the dilated and strided paths.
    static func groupedGradInput(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor) throws(TensorError) -> Tensor {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
        let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
        withExtendedLifetime((gkeep, wkeep)) {
            OneDNNGroupedConvolution.gradInput(p, gy, w, into: NNBuffer.pointer(t, as: Float.self))
        }
        return t
    }
}
