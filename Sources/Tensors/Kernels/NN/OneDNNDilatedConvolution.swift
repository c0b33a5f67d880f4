/// PyTorch 2.15's float32 dilated convolution on oneDNN's path (batches of more than one
/// image, or groups): oneDNN 3.13 runs `jit:avx2` for the forward pass and, at stride 1,
/// for the data gradient where that kernel's `init_conf` takes the shape
/// (`forwardApplies`, `dataGradientApplies`); the weight gradient, and the other data
/// gradients, run `gemm:jit` (OneDNNGemmConvolution). The orders
/// are `OneDNNConvolution`'s with the taps `dilation` apart (rows by the height's
/// dilation, columns by the width's: unequal dilations take the same kernels). `gradInput` here is the
/// `jit:avx2` data gradient at any stride, which grouped convolutions also use (oneDNN
/// runs `brgconv_strided` only without groups).
enum OneDNNDilatedConvolution {
    typealias Lanes = OneDNNConvolution.Lanes
    static let block = OneDNNConvolution.block

    /// Dilated (groups == 1; the two dilations may differ: the kernels step rows and
    /// columns by their own), square stride, symmetric padding, float32, on ATen's
    /// oneDNN path.
    static func isSelected(_ p: Convolution.Plan, dtype: DType) -> Bool {
        let oneD = OneDNNGroupedConvolution.isOneD(p)
        guard dtype == .float32, p.g.followsOneDNN, p.g.groups == 1, p.g.dilation != (1, 1),
              p.g.stride.0 == p.g.stride.1 || oneD,
              p.g.padding.0.0 == p.g.padding.0.1, p.g.padding.1.0 == p.g.padding.1.1 else { return false }
        return p.n > 1 || (p.kh > 3 && p.kw > 3) || p.n * p.c * p.h * p.w > 20480
    }

    /// `jit_avx2_conv_fwd_kernel_f32::init_conf` for the blocked layout: the kernel may not
    /// lie wholly in the padding, the left padding fits in the width unroll (3 columns,
    /// widened where the right padding needs it), and kernels over 7 wide need stride 1 or
    /// no padding.
    static func forwardApplies(_ p: Convolution.Plan) -> Bool {
        let (s, l, t) = (p.g.stride.1, p.g.padding.1.0, p.g.padding.0.0)
        let ekw = p.g.dilation.1 * (p.kw - 1) + 1, ekh = p.g.dilation.0 * (p.kh - 1) + 1
        let r = (p.ow - 1) * s + ekw - p.w - l, b = (p.oh - 1) * p.g.stride.0 + ekh - p.h - t
        if ekw <= l || ekw <= r || ekh <= t || ekh <= b { return false }
        var ur = min(3, p.ow)
        var tail = p.ow % ur
        if l > ur { return false }
        if p.kw > 7 && !((t == 0 && l == 0) || s == 1) { return false }
        var rNoTail = max(0, (p.ow - tail - 1) * s + ekw - p.w - l)
        if rNoTail > ur * s && p.ow / ur > 1 {
            ur = min(rNoTail / s + tail, min(p.ow, 7))
            tail = p.ow % ur
            rNoTail = max(0, (p.ow - tail - 1) * s + ekw - p.w - l)
            if ur < max(l, rNoTail) { return false }
        }
        return true
    }

    /// `jit_avx2_conv_bwd_data_kernel_f32::init_conf`: dilation only at stride 1, the
    /// kernel not wholly in the padding, and a width unroll `ur_w` it can find: the one with
    /// the most fused multiply-adds per step for up to 4 input-channel blocks within 15
    /// registers, no block but a single one spanning the whole width overflowing the left
    /// edge by more than `ur_w`, and the right overflow of the untailed columns within it.
    static func dataGradientApplies(_ p: Convolution.Plan) -> Bool {
        let (sh, sw) = p.g.stride
        guard p.g.stride == (1, 1), sh == sw, !(p.c < block && p.kw > 3 && sw > 1) else { return false }
        let ekw = p.g.dilation.1 * (p.kw - 1) + 1, ekh = p.g.dilation.0 * (p.kh - 1) + 1
        let (left, top) = (p.g.padding.1.0, p.g.padding.0.0)
        let right = OneDNNPlainGemm.endPadding(left, out: p.ow, size: p.w, stride: sw, kernel: ekw)
        let bottom = OneDNNPlainGemm.endPadding(top, out: p.oh, size: p.h, stride: sh, kernel: ekh)
        if ekw <= left || ekw <= right || ekh <= top || ekh <= bottom { return false }
        let leftOverflow = max(0, (ekw - 1 - left) / sw), maxRegs = 15
        let nbIc = (p.c + block - 1) / block
        var unroll = 1, best = 0
        for b in 1...4 where nbIc % b == 0 {
            var u = sw
            while u * b + u / sw <= maxRegs && u < p.w + sw {
                defer { u += sw }
                let ur = min(u, p.w)
                if leftOverflow * sw > ur && ur != p.w { continue }
                let fmas = (ur + sw - 1) / sw * b
                if fmas > best || (fmas == best && unroll < ur) { (unroll, best) = (ur, fmas) }
            }
        }
        if best == 0 { return false }
        let tail = p.w % unroll
        let rightOverflow = max(0, (ekw - 1 - right - tail) / sw)
        return !(rightOverflow * sw > unroll || (p.w > unroll && unroll % sw != 0) || (p.w > unroll && right + tail < 0))
    }

    /// Forward (`jit_avx2_conv_fwd_kernel_f32`): each output starts at its bias, then
    /// input channels by blocks of 8 (all at once below 8), and within a block kernel row,
    /// kernel column, channel; taps in the padding skipped. Eight output channels run in
    /// the lanes; images and channel blocks are shared between threads.
    static func forward(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        let (sh, s, dh, d) = (p.g.stride.0, p.g.stride.1, p.g.dilation.0, p.g.dilation.1)
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let icBlock = p.c < block ? p.c : block
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.oc + block - 1) / block
        let pw = OneDNNConvolution.interleave(w, count: 1, rows: p.oc, cols: p.c * taps)
        defer { pw.deallocate() }
        var starts = [Lanes](repeating: Lanes(repeating: 0), count: blocks)
        if let bias {
            for o in 0..<p.oc { starts[o / block][o % block] = bias[o] }
        }
        let (xBox, yBox) = (UncheckedBox(x), UncheckedBox(y))
        starts.withUnsafeBufferPointer { starts in
            let sBox = UncheckedBox(starts)
            OneDNNConvolution.parallel(p.n * blocks) { job in
                let (img, ob) = (job / blocks, job % blocks)
                let xi = xBox.value + img * p.c * plane, wb = pw + ob * p.c * taps
                let lanes = min(block, p.oc - ob * block)
                let yo = yBox.value + (img * p.oc + ob * block) * oplane
                for oy in 0..<p.oh {
                    for ox in 0..<p.ow {
                        var acc = sBox.value[ob]
                        var c0 = 0
                        while c0 < p.c {
                            let c1 = min(c0 + icBlock, p.c)
                            for i in 0..<p.kh {
                                let iy = oy * sh - top + i * dh
                                if iy < 0 || iy >= p.h { continue }
                                for j in 0..<p.kw {
                                    let ix = ox * s - left + j * d
                                    if ix < 0 || ix >= p.w { continue }
                                    for c in c0..<c1 {
                                        acc = acc.addingProduct(Lanes(repeating: xi[c * plane + iy * p.w + ix]), wb[c * taps + i * p.kw + j])
                                    }
                                }
                            }
                            c0 = c1
                        }
                        for l in 0..<lanes { yo[l * oplane + oy * p.ow + ox] = acc[l] }
                    }
                }
            }
        }
    }

    /// Input gradient (`jit_avx2_conv_bwd_data_kernel_f32`): output channels go by groups
    /// of 4 blocks of 8 when the output is narrower than 15, 2 below 40, else 1; each group
    /// is a chain from zero over block, kernel row, kernel column, channel (taps that reach
    /// no output skipped), then added to the sum of the groups before it. Eight input
    /// channels run in the lanes; images and channel blocks are shared between threads.
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>) {
        let (sh, s, dh, d) = (p.g.stride.0, p.g.stride.1, p.g.dilation.0, p.g.dilation.1)
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let chunk = (p.ow < 15 ? 4 : p.ow < 40 ? 2 : 1) * block
        let blocks = (p.c + block - 1) / block
        // Weights as [oc][c / 8][kh][kw] × 8 lanes.
        let pw = OneDNNConvolution.interleave(w, count: p.oc, rows: p.c, cols: taps)
        defer { pw.deallocate() }
        let (gBox, xBox) = (UncheckedBox(gy), UncheckedBox(gx))
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.oc * oplane
            let wc = pw + cb * taps, wStride = blocks * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * plane
            for iy in 0..<p.h {
                for ix in 0..<p.w {
                    var total = Lanes(repeating: 0)
                    var o0 = 0
                    while o0 < p.oc {
                        let o1 = min(o0 + chunk, p.oc)
                        var acc = Lanes(repeating: 0)
                        var b0 = o0
                        while b0 < o1 {
                            let b1 = min(b0 + block, o1)
                            for i in 0..<p.kh {
                                let ty = iy + top - i * dh
                                if ty < 0 || ty % sh != 0 || ty / sh >= p.oh { continue }
                                for j in 0..<p.kw {
                                    let tx = ix + left - j * d
                                    if tx < 0 || tx % s != 0 || tx / s >= p.ow { continue }
                                    let g = gi + (ty / sh) * p.ow + tx / s, wt = wc + i * p.kw + j
                                    for o in b0..<b1 {
                                        acc = acc.addingProduct(Lanes(repeating: g[o * oplane]), wt[o * wStride])
                                    }
                                }
                            }
                            b0 = b1
                        }
                        total = o0 == 0 ? acc : acc + total
                        o0 += chunk
                    }
                    for l in 0..<lanes { xo[l * plane + iy * p.w + ix] = total[l] }
                }
            }
        }
    }
}

extension Convolution {
    /// The dilated forward in `jit:avx2`'s order (see `OneDNNDilatedConvolution`).
    static func dilatedForward(_ p: Plan, input x: UnsafeMutablePointer<Float>, weight: Tensor, bias: Tensor?,
                               into out: UnsafeMutablePointer<Float>) throws(TensorError) {
        let wc = try weight.contiguous(), bc = try bias?.contiguous()
        withExtendedLifetime((wc, bc)) {
            OneDNNDilatedConvolution.forward(p, x, NNBuffer.pointer(wc, as: Float.self),
                                             bc.map { NNBuffer.pointer($0, as: Float.self) }, into: out)
        }
    }

    /// The dilated gradients: the data gradient in `jit:avx2`'s order where oneDNN runs it,
    /// else `gemm:jit`'s, and the weight gradient in `gemm:jit`'s (OneDNNGemmConvolution).
    static func dilatedBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        var gx: Tensor?
        if needInput && OneDNNISA.avx512Core && OneDNNDilatedConvolutionAVX512.dataApplies(p) {
            gx = try dilatedGradInputAVX512(p, gradOutput: gradOutput, input: input, weight: weight)
        } else if needInput && OneDNNDilatedConvolution.dataGradientApplies(p) {
            let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
            let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
            let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
            withExtendedLifetime((gkeep, wkeep)) {
                OneDNNDilatedConvolution.gradInput(p, gy, w, into: NNBuffer.pointer(t, as: Float.self))
            }
            gx = t
        } else if needInput {
            gx = try gemmInputGradient(p, gradOutput, input, weight)
        }
        // On AVX-512 machines jit:avx512_core where it takes the shape (OneDNNDilatedConvolutionAVX512.swift).
        if OneDNNISA.avx512Core && OneDNNConvolutionAVX512.weightApplies(p) {
            let (gw, gb) = try dilatedWeightGradientsAVX512(p, gradOutput: gradOutput, input: input, weight: weight,
                                                            needWeight: needWeight, hasBias: hasBias)
            return (gx, gw, gb)
        }
        let gw = needWeight ? try gemmWeightGradient(p, gradOutput, input, weight) : nil
        let gb = hasBias ? try gemmBiasGradient(p, gradOutput) : nil
        return (gx, gw, gb)
    }
}
