/// Grouped float32 convolutions of fewer than 8 input channels in all, with whole
/// 8-channel blocks of output channels a group: oneDNN 3.13 runs their forward as
/// `jit:avx2` (on AVX-512 machines too: `jit:avx512_core` takes no such groups), the
/// plain `nchw` source read "flat" (`jit_avx2_conv_fwd_kernel_f32::init_conf`: `flat = ic
/// < 8`, `nonblk_group_off`). Its default source format is flat only where the layer's
/// whole input has fewer than 8 channels: 8 or more in all (groups of 2 or 4 channels)
/// ask for 8-channel blocks, which the groups cannot fill, and run `gemm:jit`. Found with
/// ONEDNN_VERBOSE on such layers and on the grouped transposed ones whose input gradient
/// is this forward (conv-fuzz2d's c12, c44). A group's channels are one block, so each
/// output is one chain from its bias over kernel row, kernel column, channel:
/// `OneDNNGroupedConvolution.forward`'s kernels, group by group.
extension OneDNNGroupedConvolution {
    /// Whether `jit:avx2` runs the forward with a flat source: 1 to 7 input channels in
    /// all, 8·k output channels a group, on oneDNN's path, a square stride (or a 1-d
    /// layer), symmetric padding, and a group shape `init_conf` takes (the same checks as
    /// the blocked layout: `OneDNNDilatedConvolution.forwardApplies`, dilated or not).
    static func flatForwardApplies(_ p: Convolution.Plan, dtype: DType) -> Bool {
        dtype == .float32 && p.g.followsOneDNN && p.g.groups > 1 && p.c < block && p.ocg % block == 0
            && (p.g.stride.0 == p.g.stride.1 || isOneD(p))
            && p.g.padding.0.0 == p.g.padding.0.1 && p.g.padding.1.0 == p.g.padding.1.1
            && OneDNNDilatedConvolution.forwardApplies(groupPlan(p))
    }
}
