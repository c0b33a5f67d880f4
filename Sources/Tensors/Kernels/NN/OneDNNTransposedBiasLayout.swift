/// Which of `ref_deconvolution`'s bias-gradient loops oneDNN runs for a float32 transposed
/// convolution: it follows the layout the weight-gradient convolution picked for the output
/// gradient (that convolution's source). `gemm:jit` keeps it in plain `nchw`, and so does
/// `jit:avx2` for 3 channels (its "flat" source); then `compute_bwd_bias_ncdhw` sums per
/// image from 0 and adds each image's sum to the channel's total. Otherwise the blocked
/// `compute_bwd_bias_nCdhwXc`: one chain over images, then positions. Found with
/// ONEDNN_VERBOSE (`dst:...:abcd` on the deconvolution's `backward_weights` line) and
/// checked on OneDNNTransposedGemmConvGoldens.json.
extension TransposedConvolution {
    /// Whether the bias gradient is summed per image: `p` is the weight-gradient
    /// convolution (the transposed convolution's output gradient as its input).
    static func biasSumsPerImage(_ p: Convolution.Plan, dtype: DType) -> Bool {
        if OneDNNDepthwiseConvolution.isSelected(p, dtype: dtype) {
            // jit_dw's weight gradient keeps it blocked; where jit_dw refuses the weight
            // gradient (a dilation, a stride wider than the kernel, ...) it is gemm:jit's, plain.
            return !OneDNNDepthwiseConvolution.weightGradientApplies(p)
        }
        if OneDNNGroupedConvolution.isSelected(p, dtype: dtype) { return false }  // grouped jit:avx2: blocked
        // Dilated and other grouped layers: the weight gradient is gemm:jit.
        if OneDNNDilatedConvolution.isSelected(p, dtype: dtype) || p.g.groups > 1 { return true }
        if OneDNNPlainGemm.applies(p, dtype: dtype) && OneDNNPlainGemm.weightGradientRunsGemm(p) { return true }
        return p.c == 3
    }
}
