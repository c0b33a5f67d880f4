/// PyTorch 2.15's float32 convolutions on machines where oneDNN 3.13 dispatches its
/// `avx512_core` kernels (`OneDNNISA.avx512Core`): channels go by blocks of 16, one
/// AVX-512 register of floats, and the kernels add their partial sums in other places than
/// the AVX2 ones (OneDNNConvolution.swift), so the last bits differ between the two
/// machines. The orders below were read from oneDNN's `jit_avx512_common_conv_fwd_kernel`
/// and its driver (`jit_avx512_common_convolution_fwd_t::execute_forward_2d`) and checked
/// bit for bit against PyTorch on an AVX-512 machine (OneDNNConvAVX512Goldens.json).
/// Plain Swift arithmetic: these kernels give the same bits on any CPU.
enum OneDNNConvolutionAVX512 {
    /// oneDNN blocks channels by 16 on AVX-512.
    static let block = 16

    /// Sixteen channels side by side, one per lane: oneDNN's zmm register. `addingProduct`
    /// is one fused multiply-add per lane, so a vector step is sixteen scalar steps.
    typealias Lanes = SIMD16<Float>

    /// Whether `jit:avx512_core` runs the forward of a plan that OneDNNConvolution's
    /// generic kernel takes (no groups, no dilation, symmetric padding; 1×1 kernels that
    /// oneDNN's `jit_1x1` takes excluded): oneDNN's
    /// `init_conf` refuses a padding as large as the kernel (then `gemm:jit` runs) and a
    /// left or right padding wider than its unroll `ur_w` (`OneDNNAVX512ForwardUnroll`, up
    /// to 28 columns with the embedded broadcast; at least the output width or 5). Paddings
    /// over 5 columns keep this same order (checked on a 7×7 and a 9×9 kernel with padding
    /// 6, conv-dilated-groups k7p6 and k9p6o32, which AVX2 runs as `gemm:jit`).
    static func forwardApplies(_ p: Convolution.Plan) -> Bool {
        if OneDNNConvolution.runs1x1(p) || OneDNNPlainGemm.kernelOutside(p) { return false }  // 1×1: jit_1x1
        let left = p.g.padding.1.0
        let right = max(0, OneDNNPlainGemm.endPadding(left, out: p.ow, size: p.w, stride: p.g.stride.1, kernel: p.kw))
        let unroll = min(p.ow, 5)
        if left <= unroll && right <= unroll { return true }
        return OneDNNAVX512ForwardUnroll.unroll(p) != nil
    }

    /// Input channels per kernel call: all of them below 16 (oneDNN's "first convolution",
    /// which reads the plain layout), else blocks of 16, the last one padded with zeros
    /// (whose products add nothing: a chain started at +0 never holds −0).
    static func inputBlock(_ c: Int) -> Int { c < block ? c : block }

    /// Forward (`jit:avx512_core`): one kernel call per block of input channels, each a
    /// chain of fused multiply-adds from zero over kernel row, kernel column, channel,
    /// skipping the taps that fall in the padding. The first block's chain then gets the
    /// bias added (where there is one); each later block's chain is added to the output so
    /// far. Sixteen output channels run in the lanes, four output columns side by side
    /// where none of their taps is padding; images and channel blocks are shared between
    /// threads (oneDNN shares out images, channel blocks and rows, never input channels,
    /// so no order depends on the split).
    static func forward(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        let (sh, s, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let icBlock = inputBlock(p.c)
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
        let (xBox, yBox) = (UncheckedBox(x), UncheckedBox(y))
        biases.withUnsafeBufferPointer { biases in
            let bBox = UncheckedBox(biases)
            OneDNNConvolution.parallel(p.n * blocks) { job in
                let (img, ob) = (job / blocks, job % blocks)
                let xi = xBox.value + img * p.c * plane
                let wb = pw + ob * p.c * taps
                let start = bBox.value[ob]
                let lanes = min(block, p.oc - ob * block)
                let yo = yBox.value + (img * p.oc + ob * block) * oplane
                func store(_ v: Lanes, _ at: Int) {
                    for l in 0..<lanes { yo[l * oplane + at] = v[l] }
                }
                /// The bias, or the output so far, added to a block's chain.
                func combine(_ chain: Lanes, _ sum: Lanes, first: Bool) -> Lanes {
                    first ? (hasBias ? chain + start : chain) : chain + sum
                }
                // Output columns whose taps all lie inside the input's width.
                let full0 = min(p.ow, (left + s - 1) / s)
                let full1 = max(full0, min(p.ow, p.w + left - p.kw < 0 ? 0 : (p.w + left - p.kw) / s + 1))
                for oy in 0..<p.oh {
                    let i0 = max(0, top - oy * sh), i1 = min(p.kh, p.h + top - oy * sh)
                    var ox = 0
                    while ox < p.ow {
                        if ox >= full0 && ox + 4 <= full1 {
                            var y0 = Lanes(), y1 = Lanes(), y2 = Lanes(), y3 = Lanes()
                            var c0 = 0
                            while c0 < p.c {
                                let c1 = min(c0 + icBlock, p.c)
                                var a0 = Lanes(), a1 = Lanes(), a2 = Lanes(), a3 = Lanes()
                                for i in i0..<max(i0, i1) {
                                    let row = xi + (oy * sh - top + i) * p.w + ox * s - left
                                    for j in 0..<p.kw {
                                        for c in c0..<c1 {
                                            let xr = row + c * plane + j
                                            let wv = wb[c * taps + i * p.kw + j]
                                            a0 = a0.addingProduct(Lanes(repeating: xr[0]), wv)
                                            a1 = a1.addingProduct(Lanes(repeating: xr[s]), wv)
                                            a2 = a2.addingProduct(Lanes(repeating: xr[2 * s]), wv)
                                            a3 = a3.addingProduct(Lanes(repeating: xr[3 * s]), wv)
                                        }
                                    }
                                }
                                let first = c0 == 0
                                y0 = combine(a0, y0, first: first); y1 = combine(a1, y1, first: first)
                                y2 = combine(a2, y2, first: first); y3 = combine(a3, y3, first: first)
                                c0 = c1
                            }
                            let at = oy * p.ow + ox
                            store(y0, at); store(y1, at + 1); store(y2, at + 2); store(y3, at + 3)
                            ox += 4
                            continue
                        }
                        let j0 = max(0, left - ox * s), j1 = min(p.kw, p.w + left - ox * s)
                        var sum = Lanes()
                        var c0 = 0
                        while c0 < p.c {
                            let c1 = min(c0 + icBlock, p.c)
                            var acc = Lanes()
                            for i in i0..<max(i0, i1) {
                                let row = (oy * sh - top + i) * p.w + ox * s - left
                                for j in j0..<max(j0, j1) {
                                    for c in c0..<c1 {
                                        acc = acc.addingProduct(Lanes(repeating: xi[c * plane + row + j]), wb[c * taps + i * p.kw + j])
                                    }
                                }
                            }
                            sum = combine(acc, sum, first: c0 == 0)
                            c0 = c1
                        }
                        store(sum, oy * p.ow + ox)
                        ox += 1
                    }
                }
            }
        }
    }

    /// Whether `jit:avx512_core` runs the input gradient: unit strides (larger ones run
    /// `brgconv_strided:avx512_core`, OneDNNBrgconvStrided.swift) and the shapes its
    /// data-gradient `init_conf` takes (the dilated one's checks, which hold at dilation 1:
    /// wide paddings too).
    static func dataApplies(_ p: Convolution.Plan) -> Bool {
        p.g.stride == (1, 1) && !OneDNNConvolution.runs1x1(p) && !OneDNNPlainGemm.kernelOutside(p)
            && OneDNNDilatedConvolutionAVX512.dataApplies(p)
    }

    /// Input gradient at unit stride (`jit:avx512_core` backward data): one kernel call per
    /// block of 16 output channels, each a chain of fused multiply-adds from zero over
    /// kernel row, kernel column, channel (taps outside the output skipped); the first
    /// block's chain is stored, each later one added to the sum so far. oneDNN's AVX2
    /// kernel instead chains up to four blocks at once. Sixteen input channels run in the
    /// lanes; images and channel blocks are shared between threads.
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>) {
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.c + block - 1) / block
        // Weights as [oc][c / 16][kh][kw] × 16 lanes.
        let pw = OneDNNConvolution.interleave(w, count: p.oc, rows: p.c, cols: taps, as: Lanes.self)
        defer { pw.deallocate() }
        let (gBox, xBox) = (UncheckedBox(gy), UncheckedBox(gx))
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.oc * oplane
            let wc = pw + cb * taps
            let wStride = blocks * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * plane
            for iy in 0..<p.h {
                let i0 = max(0, iy + top - (p.oh - 1)), i1 = min(p.kh, iy + top + 1)
                for ix in 0..<p.w {
                    let j0 = max(0, ix + left - (p.ow - 1)), j1 = min(p.kw, ix + left + 1)
                    var total = Lanes()
                    var o0 = 0
                    while o0 < p.oc {
                        let o1 = min(o0 + block, p.oc)
                        var acc = Lanes()
                        for i in i0..<max(i0, i1) {
                            for j in j0..<max(j0, j1) {
                                let g = gi + (iy + top - i) * p.ow + ix + left - j, wt = wc + i * p.kw + j
                                for o in o0..<o1 {
                                    acc = acc.addingProduct(Lanes(repeating: g[o * oplane]), wt[o * wStride])
                                }
                            }
                        }
                        total = o0 == 0 ? acc : acc + total
                        o0 = o1
                    }
                    let at = iy * p.w + ix
                    for l in 0..<lanes { xo[l * plane + at] = total[l] }
                }
            }
        }
    }
}
