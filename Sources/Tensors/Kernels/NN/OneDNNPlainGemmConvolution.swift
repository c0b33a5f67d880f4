/// Plain convolutions (groups = 1, no dilation, symmetric padding) that oneDNN 3.13's
/// `jit:avx2` kernels refuse, pass by pass, so that oneDNN runs them as `x64:gemm:jit`
/// (OneDNNGemmConvolution): mostly padding as large as the kernel (a 1×1 kernel with
/// padding, a 2×1 kernel with padding 2) or a kernel taller than the input. The tests
/// below restate the `init_conf` checks of `jit_avx2_conv_kernel_f32.cpp` for PyTorch's
/// float32 `nchw` tensors (channels padded to blocks of 8), and were confirmed with
/// `ONEDNN_VERBOSE=1` against PyTorch 2.15 (OneDNNGemmConvGoldens.py records the pass
/// each golden ran). Strided data gradients go to `brgconv_strided` first, which is not
/// judged here.
enum OneDNNPlainGemm {
    /// Whether `p` is a plain convolution oneDNN runs (the shapes this file judges).
    static func applies(_ p: Convolution.Plan, dtype: DType) -> Bool {
        OneDNNConvolution.isSelected(p, dtype: dtype) && !OneDNNConvolution.isAsymmetric(p)
            && p.g.groups == 1 && p.g.dilation == (1, 1)
    }

    /// oneDNN's `calculate_end_padding`: how far the last window reaches past the input.
    static func endPadding(_ start: Int, out: Int, size: Int, stride: Int, kernel: Int) -> Int {
        (out - 1) * stride + kernel - (size + start)
    }

    /// `kernel_outside_src` of the forward and data-gradient `init_conf`: a padding at
    /// least as large as the kernel on any side.
    static func kernelOutside(_ p: Convolution.Plan) -> Bool {
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let right = endPadding(left, out: p.ow, size: p.w, stride: p.g.stride.1, kernel: p.kw)
        let bottom = endPadding(top, out: p.oh, size: p.h, stride: p.g.stride.0, kernel: p.kh)
        return p.kw <= left || p.kw <= right || p.kh <= top || p.kh <= bottom
    }

    /// Whether `jit_avx2_conv_fwd_kernel_f32::init_conf` refuses the forward pass: the
    /// kernel outside the input, a left padding over the width unroll (3 outputs, fewer
    /// on narrower outputs), kernels wider than 7 padded at a stride, or a right padding
    /// no unroll of at most 7 covers.
    static func forwardRunsGemm(_ p: Convolution.Plan) -> Bool {
        if kernelOutside(p) { return true }
        let (top, left, sh, sw) = (p.g.padding.0.0, p.g.padding.1.0, p.g.stride.0, p.g.stride.1)
        var unroll = min(3, p.ow), tail = p.ow % unroll
        if left > unroll { return true }
        if p.kw > 7 && !((top == 0 && left == 0) || (sw == 1 && sh == 1)) { return true }
        var rightNoTail = max(0, endPadding(left, out: p.ow - tail, size: p.w, stride: sw, kernel: p.kw))
        if rightNoTail > unroll * sw && p.ow / unroll > 1 {
            unroll = min(rightNoTail / sw + tail, min(p.ow, 15 / 2))
            tail = p.ow % unroll
            rightNoTail = max(0, endPadding(left, out: p.ow - tail, size: p.w, stride: sw, kernel: p.kw))
            if unroll < max(left, rightNoTail) { return true }
        }
        return false
    }

    /// Whether `jit_avx2_conv_bwd_data_kernel_f32::init_conf` refuses a stride-1 data
    /// gradient: the kernel outside the input, or no width unroll (with up to 4 blocks of
    /// 8 input channels in 15 registers) that takes the left and right overflow.
    static func dataGradientRunsGemm(_ p: Convolution.Plan) -> Bool {
        guard p.g.stride == (1, 1) else { return false }  // brgconv_strided, judged elsewhere
        if kernelOutside(p) { return true }
        let left = p.g.padding.1.0, stride = 1, maxRegs = 15
        let right = endPadding(left, out: p.ow, size: p.w, stride: stride, kernel: p.kw)
        let icBlocks = (p.c + 7) / 8
        let leftOverflow = max(0, (p.kw - 1 - left) / stride)
        var best = 0, unroll = 1
        for b in 1...4 where icBlocks % b == 0 {
            var u = stride
            while u * b + u / stride <= maxRegs && u < p.w + stride {
                let ur = min(u, p.w)
                if !(leftOverflow * stride > ur && ur != p.w) {
                    let fmas = (ur + stride - 1) / stride * b
                    if fmas > best || (fmas == best && unroll < ur) { (unroll, best) = (ur, fmas) }
                }
                u += stride
            }
        }
        if best == 0 { return true }
        let tail = p.w % unroll
        let rightOverflow = max(0, (p.kw - 1 - right - tail) / stride)
        return rightOverflow * stride > unroll || (p.w > unroll && unroll % stride != 0)
            || (p.w > unroll && right + tail < 0)
    }

    /// Whether `jit_avx2_conv_bwd_weights_kernel_f32::init_conf` refuses the weight (and
    /// bias) gradient: a padding as large as the kernel on any side, a kernel 14 or more
    /// wide, or one taller than the input.
    static func weightGradientRunsGemm(_ p: Convolution.Plan) -> Bool {
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let right = max(0, endPadding(left, out: p.ow, size: p.w, stride: p.g.stride.1, kernel: p.kw))
        let bottom = max(0, endPadding(top, out: p.oh, size: p.h, stride: p.g.stride.0, kernel: p.kh))
        let boundariesOK = top < p.kh && bottom < p.kh && left < p.kw && right < p.kw
        return !boundariesOK || p.kw >= 14 || p.kh > top + p.h || p.kh > p.h
    }
}

extension Convolution {
    /// A plain convolution's gradients where at least one pass is `gemm:jit`: each pass in
    /// the order of the kernel oneDNN picks for it (the bias gradient goes with the weight
    /// gradient's pass).
    static func plainGemmBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                  needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let dataGemm = OneDNNPlainGemm.dataGradientRunsGemm(p), weightGemm = OneDNNPlainGemm.weightGradientRunsGemm(p)
        let jit = try oneDNNBackward(p, gradOutput: gradOutput, input: input, weight: weight,
                                     hasBias: hasBias && !weightGemm,
                                     needInput: needInput && !dataGemm, needWeight: needWeight && !weightGemm)
        return (needInput && dataGemm ? try gemmInputGradient(p, gradOutput, input, weight) : jit.input,
                needWeight && weightGemm ? try gemmWeightGradient(p, gradOutput, input, weight) : jit.weight,
                hasBias && weightGemm ? try gemmBiasGradient(p, gradOutput) : jit.bias)
    }
}
