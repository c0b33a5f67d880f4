/// Dilated float32 convolutions on machines where oneDNN 3.13 runs its `avx512_core`
/// kernels (`OneDNNISA.avx512Core`), and the `jit:avx512_core` data gradient at any stride
/// and output-channel block (which the grouped layers use, OneDNNGroupedConvolutionAVX512).
/// oneDNN's `jit_avx512_common_conv_fwd_kernel` and `..._bwd_data_kernel_f32` take dilation
/// in their loops without changing their order: the kernel-row loop steps the input (or
/// output gradient) `dilate_h + 1` rows, the kernel-column loop reads columns `dilate_w + 1`
/// apart, and taps that fall in the padding are left out of the chain (the driver's
/// `kh_padding`, the kernel's `get_ow_start`/`get_iw_start`). So each output is the plain
/// AVX-512 order (OneDNNConvolutionAVX512.swift) over the dilated taps. The AVX2 machine's
/// dilated order (OneDNNDilatedConvolution.swift) starts the chain at the bias and blocks
/// by 8; here each input-channel block's chain starts at zero and is then added to the
/// bias or the output so far. Checked against PyTorch on an AVX-512 machine
/// (OneDNNDilatedConvAVX512Goldens.json).
enum OneDNNDilatedConvolutionAVX512 {
    typealias Lanes = OneDNNConvolutionAVX512.Lanes
    static let block = OneDNNConvolutionAVX512.block

    /// The register unroll `ur_w` is at least the output width or 5, whichever is smaller
    /// (`init_conf`'s `expl_bcast` picks `31 / (nb_oc_blocking + 1)` with at most 5 blocks).
    static func minimumUnroll(_ p: Convolution.Plan) -> Int { min(p.ow, 5) }

    /// The extended kernel (`calculate_extended_filter_size`) along height and width.
    static func extent(_ p: Convolution.Plan) -> (h: Int, w: Int) {
        ((p.kh - 1) * p.g.dilation.0 + 1, (p.kw - 1) * p.g.dilation.1 + 1)
    }

    /// `kernel_outside_src` with the extended kernel: a padding at least as large as it.
    static func kernelOutside(_ p: Convolution.Plan) -> Bool {
        let (ekh, ekw) = extent(p)
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let right = OneDNNPlainGemm.endPadding(left, out: p.ow, size: p.w, stride: p.g.stride.1, kernel: ekw)
        let bottom = OneDNNPlainGemm.endPadding(top, out: p.oh, size: p.h, stride: p.g.stride.0, kernel: ekh)
        return ekw <= left || ekw <= right || ekh <= top || ekh <= bottom
    }

    /// Whether `jit:avx512_core` takes the forward (`jit_avx512_common_conv_fwd_kernel::
    /// init_conf`): the kernel not wholly in the padding, and the left padding and the
    /// right one of the untailed outputs within `ur_w`: with `exact`, for a 2-d layer
    /// without groups, the unroll `init_conf` picks (OneDNNConvolutionAVX512Unroll.swift);
    /// else (one group's block plan, a 3-d slice) its least value, so wider paddings are
    /// left to the AVX2 order rather than guessed.
    static func forwardApplies(_ p: Convolution.Plan, exact: Bool = false) -> Bool {
        if kernelOutside(p) { return false }
        if exact { return OneDNNAVX512ForwardUnroll.unroll(p) != nil }
        let left = p.g.padding.1.0
        let right = max(0, OneDNNPlainGemm.endPadding(left, out: p.ow, size: p.w, stride: p.g.stride.1, kernel: extent(p).w))
        return left <= minimumUnroll(p) && right <= minimumUnroll(p)
    }

    /// The L1 data cache per core oneDNN sizes its blocking by (32 KiB on the machines the
    /// goldens come from).
    static let l1Bytes = 32 * 1024

    /// The data gradient's width unroll `ur_w` (`..._bwd_data_kernel_f32::init_conf` on
    /// `avx512_core`), for channel blocks of `channelBlock` (16 on a plain layer, whose
    /// channels are padded to whole blocks): the embedded-broadcast kernel unrolls up to
    /// 28 input columns (10 where it pairs input-channel blocks), the explicit-broadcast
    /// one `31 / (blocks + 1)` for up to 4 input-channel blocks.
    static func dataUnroll(_ p: Convolution.Plan, channelBlock b: Int) -> Int {
        let (iw, kw, kh) = (p.w, p.kw, p.kh)
        let nbIc = (p.c + b - 1) / b
        let inputBytes = 4 * iw * b * 2 * kh, outputBytes = 4 * p.ow * b, weightBytes = 4 * kh * kw * b * b * 2
        let total = inputBytes + outputBytes + weightBytes
        let embedded = !(kw == 1 || (kw == 5 && iw < 8) || (kw < 5 && (iw <= 5 || (iw > 8 && iw <= 13) || total > l1Bytes)))
            || p.g.stride.0 > 1
        if embedded {
            let pairs = !(kw > 3 || (kw == 3 && total < l1Bytes && p.ow > 8)) && p.g.stride.0 == 1 && nbIc % 2 == 0
            return pairs ? min(iw, 31 / 3) : min(iw, 28)
        }
        let blocks = (1...min(4, nbIc)).last { nbIc % $0 == 0 } ?? 1
        return min(iw, 31 / (blocks + 1))
    }

    /// Whether `jit:avx512_core` takes the data gradient (`..._bwd_data_kernel_f32::
    /// init_conf`): dilation only at unit stride, the kernel not wholly in the padding, the
    /// overflows over the left and right edges (`l_overflow`, `r_overflow_no_tail`) times
    /// the stride within `ur_w`, `ur_w` a multiple of the stride, and the right padding
    /// not past the tail.
    static func dataApplies(_ p: Convolution.Plan, channelBlock: Int = block) -> Bool {
        let (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        if (dw != 1 && sw != 1) || (dh != 1 && sh != 1) || kernelOutside(p) { return false }
        let ekw = extent(p).w, left = p.g.padding.1.0
        let right = OneDNNPlainGemm.endPadding(left, out: p.ow, size: p.w, stride: sw, kernel: ekw)
        let unroll = dataUnroll(p, channelBlock: channelBlock), tail = p.w % unroll
        let leftOverflow = max(0, (ekw - 1 - left) / sw)
        let rightOverflow = max(0, (ekw - 1 - max(0, right + tail)) / sw)
        if leftOverflow * sw > unroll || rightOverflow * sw > unroll { return false }
        return !(p.w > unroll && (unroll % sw != 0 || right + tail < 0))
    }

    /// Forward: per output, one chain of fused multiply-adds from zero per block of input
    /// channels (all of them below 16, else 16) over kernel row, kernel column, channel,
    /// taps in the padding skipped; the first block's chain is added to the bias (where
    /// there is one), each later one to the output so far. Sixteen output channels run in
    /// the lanes; images and channel blocks are shared between threads.
    static func forward(_ p: Convolution.Plan, _ x: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        let (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let icBlock = OneDNNConvolutionAVX512.inputBlock(p.c)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.oc + block - 1) / block
        // Weights as [oc / 16][c][kh][kw] × 16 lanes.
        let pw = OneDNNConvolution.interleave(w, count: 1, rows: p.oc, cols: p.c * taps, as: Lanes.self)
        defer { pw.deallocate() }
        var biases = [Lanes](repeating: Lanes(), count: blocks)
        if let bias {
            for o in 0..<p.oc { biases[o / block][o % block] = bias[o] }
        }
        let hasBias = bias != nil
        let (xBox, yBox, wBox) = (UncheckedBox(x), UncheckedBox(y), UncheckedBox(pw))
        biases.withUnsafeBufferPointer { biases in
            let bBox = UncheckedBox(biases)
            OneDNNConvolution.parallel(p.n * blocks) { job in
                let (img, ob) = (job / blocks, job % blocks)
                let xi = xBox.value + img * p.c * plane
                let wb = wBox.value + ob * p.c * taps
                let start = bBox.value[ob]
                let lanes = min(block, p.oc - ob * block)
                let yo = yBox.value + (img * p.oc + ob * block) * oplane
                for oy in 0..<p.oh {
                    for ox in 0..<p.ow {
                        var sum = Lanes()
                        var c0 = 0
                        while c0 < p.c {
                            let c1 = min(c0 + icBlock, p.c)
                            var acc = Lanes()
                            for i in 0..<p.kh {
                                let iy = oy * sh - top + i * dh
                                if iy < 0 || iy >= p.h { continue }
                                for j in 0..<p.kw {
                                    let ix = ox * sw - left + j * dw
                                    if ix < 0 || ix >= p.w { continue }
                                    for c in c0..<c1 {
                                        acc = acc.addingProduct(Lanes(repeating: xi[c * plane + iy * p.w + ix]),
                                                                wb[c * taps + i * p.kw + j])
                                    }
                                }
                            }
                            sum = c0 == 0 ? (hasBias ? acc + start : acc) : acc + sum
                            c0 = c1
                        }
                        for l in 0..<lanes { yo[l * oplane + oy * p.ow + ox] = sum[l] }
                    }
                }
            }
        }
    }

    /// Data gradient at any stride and dilation: per input pixel, one chain from zero per
    /// block of `outputBlock` output channels (16 on a plain layer; a grouped layer's 16, 8
    /// or 4) over kernel row, kernel column, channel, the taps that reach no output
    /// skipped; the first block's chain is stored, each later one added to the sum so far
    /// (the kernel's `store_output` with `channel` nonzero). Sixteen input channels run in
    /// the lanes; images and channel blocks are shared between threads.
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          outputBlock: Int, into gx: UnsafeMutablePointer<Float>) {
        let (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.c + block - 1) / block
        // Weights as [oc][c / 16][kh][kw] × 16 lanes.
        let pw = OneDNNConvolution.interleave(w, count: p.oc, rows: p.c, cols: taps, as: Lanes.self)
        defer { pw.deallocate() }
        let (gBox, xBox, wBox) = (UncheckedBox(gy), UncheckedBox(gx), UncheckedBox(pw))
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.oc * oplane
            let wc = wBox.value + cb * taps, wStride = blocks * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * plane
            for iy in 0..<p.h {
                for ix in 0..<p.w {
                    var total = Lanes()
                    var o0 = 0
                    while o0 < p.oc {
                        let o1 = min(o0 + outputBlock, p.oc)
                        var acc = Lanes()
                        for i in 0..<p.kh {
                            let ty = iy + top - i * dh
                            if ty < 0 || ty % sh != 0 || ty / sh >= p.oh { continue }
                            for j in 0..<p.kw {
                                let tx = ix + left - j * dw
                                if tx < 0 || tx % sw != 0 || tx / sw >= p.ow { continue }
                                let g = gi + (ty / sh) * p.ow + tx / sw, wt = wc + i * p.kw + j
                                for o in o0..<o1 {
                                    acc = acc.addingProduct(Lanes(repeating: g[o * oplane]), wt[o * wStride])
                                }
                            }
                        }
                        total = o0 == 0 ? acc : acc + total
                        o0 = o1
                    }
                    for l in 0..<lanes { xo[l * plane + iy * p.w + ix] = total[l] }
                }
            }
        }
    }
}

extension Convolution {
    /// The dilated forward in `jit:avx512_core`'s order (see `OneDNNDilatedConvolutionAVX512`).
    static func dilatedForwardAVX512(_ p: Plan, input x: UnsafeMutablePointer<Float>, weight: Tensor, bias: Tensor?,
                                     into out: UnsafeMutablePointer<Float>) throws(TensorError) {
        let wc = try weight.contiguous(), bc = try bias?.contiguous()
        withExtendedLifetime((wc, bc)) {
            OneDNNDilatedConvolutionAVX512.forward(p, x, NNBuffer.pointer(wc, as: Float.self),
                                                   bc.map { NNBuffer.pointer($0, as: Float.self) }, into: out)
        }
    }

    /// The dilated data gradient in `jit:avx512_core`'s order (16-channel output blocks).
    static func dilatedGradInputAVX512(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor) throws(TensorError) -> Tensor {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
        let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
        withExtendedLifetime((gkeep, wkeep)) {
            OneDNNDilatedConvolutionAVX512.gradInput(p, gy, w, outputBlock: OneDNNDilatedConvolutionAVX512.block,
                                                     into: NNBuffer.pointer(t, as: Float.self))
        }
        return t
    }
}

extension Convolution {
    /// The dilated weight and bias gradients in `jit:avx512_core`'s order
    /// (`OneDNNConvolutionAVX512.gradWeight`, taps `dilation` apart; with dilation the
    /// kernel never takes the 2d harness, so the threads share images).
    static func dilatedWeightGradientsAVX512(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, needWeight: Bool,
                                             hasBias: Bool) throws(TensorError) -> (weight: Tensor?, bias: Tensor?) {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        var gw: Tensor?, gb: Tensor?
        if needWeight {
            let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
            let t = try Tensor(empty: weight.sizes, dtype: weight.dtype, device: weight.device)
            withExtendedLifetime((gkeep, xkeep)) { OneDNNConvolutionAVX512.gradWeight(p, gy, x, into: NNBuffer.pointer(t, as: Float.self)) }
            gw = t
        }
        if hasBias {
            let t = try Tensor(empty: [p.oc], dtype: weight.dtype, device: weight.device)
            withExtendedLifetime(gkeep) { OneDNNConvolutionAVX512.gradBias(p, gy, into: NNBuffer.pointer(t, as: Float.self)) }
            gb = t
        }
        return (gw, gb)
    }
}
