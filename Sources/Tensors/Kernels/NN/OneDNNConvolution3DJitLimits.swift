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
        // the dilated kernel's extents (`calculate_extended_filter_size`)
        let (ekd, ekh, ekw) = ((p.kd - 1) * p.dilation[0] + 1, (p.kh - 1) * p.dilation[1] + 1, (p.kw - 1) * p.dilation[2] + 1)
        let r = (p.ow - 1) * s + ekw - p.w - l, b = (p.oh - 1) * p.stride[1] + ekh - p.h - t
        let back = (p.od - 1) * p.stride[0] + ekd - p.d - f
        if ekw <= l || ekw <= r || ekh <= t || ekh <= b || ekd <= f || ekd <= back { return false }
        var ur = min(3, p.ow)
        var tail = p.ow % ur
        if l > ur { return false }
        if p.kw > 7 && !((t == 0 && l == 0) || (s == 1 && p.stride[1] == 1)) { return false }
        var rNoTail = max(0, (p.ow - tail - 1) * s + ekw - p.w - l)
        if rNoTail > ur * s && p.ow / ur > 1 {
            ur = min(rNoTail / s + tail, min(p.ow, 7))
            tail = p.ow % ur
            rNoTail = max(0, (p.ow - tail - 1) * s + ekw - p.w - l)
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

extension OneDNNConvolution3D {
    /// An ungrouped dilated layer whose forward a jit kernel takes (`jit:avx512_core` on
    /// AVX-512, `jit:avx2` on AVX2; both step the taps `dilation` apart, ONEDNN_VERBOSE), so
    /// `forward` follows it; elsewhere the dilated forward is `gemm:jit`'s. Both kernels
    /// refuse a dilated kernel that lies wholly in a padding (`kernel_outside_src`, depth
    /// included: the AVX-512 check reads only a depth slice).
    static func dilatedJitForward(_ p: Plan, avx512: Bool = OneDNNISA.avx512Core) -> Bool {
        guard p.groups == 1, p.dilation != [1, 1, 1] else { return false }
        let ekd = (p.kd - 1) * p.dilation[0] + 1
        let back = (p.od - 1) * p.stride[0] + ekd - p.d - p.padding[0]
        if ekd <= p.padding[0] || ekd <= back { return false }
        return (avx512 && OneDNNConvolution3DAVX512.forwardApplies(p)) || jitAVX2ForwardApplies(p)
    }

    /// An ungrouped dilated layer whose input gradient a jit kernel takes: on AVX-512
    /// `jit:avx512_core` where its `init_conf` does (strides along undilated dimensions
    /// too, `OneDNNConvolution3DAVX512.dataApplies`); else `jit:avx2` at unit stride
    /// (strided dilated data gradients run `gemm:jit` there), the dilated kernel not wholly
    /// in the depth padding, and the 2-d width and height checks for a depth slice.
    static func dilatedJitData(_ p: Plan, avx512: Bool = OneDNNISA.avx512Core) -> Bool {
        guard p.groups == 1, p.dilation != [1, 1, 1] else { return false }
        if avx512 && OneDNNConvolution3DAVX512.dataApplies(p) { return true }
        guard p.stride == [1, 1, 1] else { return false }
        let ekd = (p.kd - 1) * p.dilation[0] + 1
        let back = (p.od - 1) + ekd - p.d - p.padding[0]
        if ekd <= p.padding[0] || ekd <= back { return false }
        let slice = OneDNNConvolution3DAVX512.slice(p)
        return OneDNNDilatedConvolution.dataGradientApplies(slice)
    }

    /// The forward of an ungrouped float32 dilated layer ATen hands oneDNN that its jit
    /// kernels take (`dilatedJitForward`).
    public static func dilatedJitForwardSelected(input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int],
                                                 groups: Int, dtype: DType) -> Bool {
        guard dilation.count == 3, dilation != [1, 1, 1], dilation.allSatisfy({ $0 >= 1 }), dtype == .float32,
              input.count == 5, weight.count == 5, groups == 1, weight[1] == input[1], stride.count == 3, padding.count == 3,
              atenTakesOneDNN(input: input, weight: weight, groups: groups) else { return false }
        return dilatedJitForward(plan(input, weight, stride: stride, padding: padding, dilation: dilation))
    }

    /// The input gradient of such a layer on a jit kernel (`dilatedJitData`).
    public static func dilatedJitDataSelected(input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int],
                                              groups: Int, dtype: DType) -> Bool {
        guard dilation.count == 3, dilation != [1, 1, 1], dtype == .float32, groups == 1, input.count == 5, weight.count == 5,
              stride.count == 3, padding.count == 3 else { return false }
        return dilatedJitData(plan(input, weight, stride: stride, padding: padding, dilation: dilation))
    }
}
