/// Where oneDNN 3.13's `jit:avx2` forward refuses a plain (ungrouped, undilated) float32
/// `Conv3d` that ATen hands it, so the forward runs `x64:gemm:jit` instead (ONEDNN_VERBOSE:
/// a 7-wide kernel over a 3-deep input padded by 5). The limits are
/// `jit_avx2_conv_fwd_kernel_f32::init_conf`'s, as the 2-d `OneDNNDilatedConvolution.forwardApplies`
/// reads them, with the depth's padding checked like the height's.
extension OneDNNConvolution3D {
    /// The kernel never lies wholly in the padding, the left padding fits in the width unroll
    /// (3 columns, widened where the right padding needs it), and kernels over 7 wide need
    /// stride 1 or no padding.
    static func jitAVX2ForwardApplies(_ p: Plan) -> Bool {
        let s = p.stride[2], (f, t, l) = (p.padding[0], p.padding[1], p.padding[2])
        let r = (p.ow - 1) * s + p.kw - p.w - l, b = (p.oh - 1) * p.stride[1] + p.kh - p.h - t
        let back = (p.od - 1) * p.stride[0] + p.kd - p.d - f
        if p.kw <= l || p.kw <= r || p.kh <= t || p.kh <= b || p.kd <= f || p.kd <= back { return false }
        var ur = min(3, p.ow)
        var tail = p.ow % ur
        if l > ur { return false }
        if p.kw > 7 && !((t == 0 && l == 0) || s == 1) { return false }
        var rNoTail = max(0, (p.ow - tail - 1) * s + p.kw - p.w - l)
        if rNoTail > ur * s && p.ow / ur > 1 {
            ur = min(rNoTail / s + tail, min(p.ow, 7))
            tail = p.ow % ur
            rNoTail = max(0, (p.ow - tail - 1) * s + p.kw - p.w - l)
            if ur < max(l, rNoTail) { return false }
        }
        return true
    }

    /// A layer `isSelected` takes whose forward oneDNN runs as `gemm:jit` at this ISA:
    /// `jit:avx2` refuses it and (on AVX-512) `jit:avx512_core` does not take it either,
    /// with every sgemm of the forward one `OneDNNSgemm` reproduces.
    public static func gemmForwardSelected(input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int], groups: Int,
                                           dtype: DType, avx512: Bool = OneDNNISA.avx512Core) -> Bool {
        guard isSelected(input: input, weight: weight, stride: stride, padding: padding, dilation: dilation, groups: groups,
                         dtype: dtype) else { return false }
        let p = plan(input, weight, stride: stride, padding: padding)
        if avx512 && OneDNNConvolution3DAVX512.forwardApplies(p) { return false }
        return !jitAVX2ForwardApplies(p) && gemmIsReproduced(p)
    }
}
