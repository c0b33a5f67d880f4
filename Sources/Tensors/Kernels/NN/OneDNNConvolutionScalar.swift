/// The scalar form of `OneDNNConvolution`'s kernels: one output element at a time, in the
/// order its doc comments give. Kept as the reference the vectorised kernels are tested
/// against bit for bit (OneDNNConvolutionVectorTests); nothing else calls it.
enum OneDNNConvolutionScalar {
    static let block = OneDNNConvolution.block
    static func parts(jobs: Int, jobSize: Int, images: Int) -> Int {
        OneDNNConvolution.parts(jobs: jobs, jobSize: jobSize, images: images)
    }
    static func imageRanges(_ n: Int, parts: Int) -> [Range<Int>] { OneDNNConvolution.imageRanges(n, parts: parts) }

    /// Forward (`jit_avx2_conv_fwd_kernel_f32`): each output starts at its bias, then
    /// input channels go by blocks of 8 (all of them at once below 8 channels, the
    /// "flat" layout), and within a block the order is kernel row, kernel column,
    /// channel. Taps that fall in the padding are skipped.
    static func forward(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        if OneDNNConvolution.runs1x1(p) { return forward1x1(p, x, w, bias, into: y) }
        let (s, top, left) = (p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let icBlock = p.c < block ? p.c : block
        let plane = p.h * p.w, taps = p.kh * p.kw
        var out = y
        for img in 0..<p.n {
            let xi = x + img * p.c * plane
            for o in 0..<p.oc {
                let wo = w + o * p.c * taps
                let start = bias?[o] ?? 0
                for oy in 0..<p.oh {
                    let i0 = max(0, top - oy * s), i1 = min(p.kh, p.h + top - oy * s)
                    for ox in 0..<p.ow {
                        let j0 = max(0, left - ox * s), j1 = min(p.kw, p.w + left - ox * s)
                        var acc = start
                        var c0 = 0
                        while c0 < p.c {
                            let c1 = min(c0 + icBlock, p.c)
                            if i0 < i1 && j0 < j1 {
                                for i in i0..<i1 {
                                    let row = (oy * s - top + i) * p.w + ox * s - left
                                    for j in j0..<j1 {
                                        for c in c0..<c1 {
                                            acc = acc.addingProduct(xi[c * plane + row + j], wo[c * taps + i * p.kw + j])
                                        }
                                    }
                                }
                            }
                            c0 = c1
                        }
                        out.pointee = acc
                        out += 1
                    }
                }
            }
        }
    }

    /// Input gradient. Stride 1 (`jit_avx2_conv_bwd_data_kernel_f32`): output channels
    /// go by groups of `chunk` blocks of 8 (4 when the output is narrower than 15, 2 below
    /// 40, else 1); each group is a chain from zero over block, kernel row, kernel column,
    /// channel, and is then added to the sum of the groups before it. Larger strides
    /// (`brgconv_strided`): where the width is a multiple of the stride, the brgemm calls
    /// of `gradInputBrgemm`; else one chain from zero over kernel row, kernel column, channel.
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>) {
        if OneDNNConvolution.runs1x1(p) && p.g.stride == (1, 1) { return gradInput1x1(p, gy, w, into: gx) }
        let (s, top, left) = (p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let oplane = p.oh * p.ow, taps = p.kh * p.kw
        let chunk = s == 1 ? (p.ow < 15 ? 4 : p.ow < 40 ? 2 : 1) * block : p.oc
        if OneDNNBrgconvStrided.runsBase(p), let b = OneDNNBrgconvStrided.blocking(p) {
            return gradInputBrgemm(p, b, gy, w, into: gx)
        }
        var out = gx
        for img in 0..<p.n {
            let gi = gy + img * p.oc * oplane
            for c in 0..<p.c {
                let wc = w + c * taps
                for iy in 0..<p.h {
                    for ix in 0..<p.w {
                        var total: Float = 0
                        var o0 = 0
                        while o0 < p.oc {
                            let o1 = min(o0 + chunk, p.oc)
                            var acc: Float = 0
                            // Within a stride-1 group the blocks are outermost; a strided
                            // chain has one block of all channels.
                            let step = s == 1 ? block : p.oc
                            var b0 = o0
                            while b0 < o1 {
                                let b1 = min(b0 + step, o1)
                                for i in 0..<p.kh {
                                    let ty = iy + top - i
                                    if ty < 0 || ty % s != 0 || ty / s >= p.oh { continue }
                                    for j in 0..<p.kw {
                                        let tx = ix + left - j
                                        if tx < 0 || tx % s != 0 || tx / s >= p.ow { continue }
                                        let at = (ty / s) * p.ow + tx / s, tap = i * p.kw + j
                                        for o in b0..<b1 {
                                            acc = acc.addingProduct(gi[o * oplane + at], wc[o * p.c * taps + tap])
                                        }
                                    }
                                }
                                b0 = b1
                            }
                            total = o0 == 0 ? acc : acc + total
                            o0 += chunk
                        }
                        out.pointee = total
                        out += 1
                    }
                }
            }
        }
    }

    /// The strided input gradient as `brgconv_strided`'s brgemm calls (OneDNNBrgconvStrided):
    /// per input channel and position, each call's chain from zero over kernel row, kernel
    /// column, output channel; the first call's sum stored, later ones added to it.
    static func gradInputBrgemm(_ p: Convolution.Plan, _ b: OneDNNBrgconvStrided.Blocking, _ gy: UnsafeMutablePointer<Float>,
                                _ w: UnsafeMutablePointer<Float>, into gx: UnsafeMutablePointer<Float>) {
        let (sh, sw, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let oplane = p.oh * p.ow, taps = p.kh * p.kw, plane = p.h * p.w
        for img in 0..<p.n {
            let gi = gy + img * p.oc * oplane
            for c in 0..<p.c {
                let wc = w + c * taps, xc = gx + (img * p.c + c) * plane
                for ih in 0..<p.h {
                    for iw0 in 0..<p.w {
                        // Each column's phase start in its block, and the calls there.
                        let start = iw0 - iw0 % b.iwBlock, iw = start + (iw0 - start) % sw
                        var total: Float = 0
                        for (n, call) in OneDNNBrgconvStrided.calls(p, b, ih: ih, iw: iw).enumerated() {
                            let d = iw0 - call.first
                            guard d >= 0 && d % sw == 0 && d / sw < call.count else { continue }
                            var acc: Float = 0
                            for kh in call.rows {
                                for kw in call.columns {
                                    let at = ((ih - kh + top) / sh) * p.ow + (iw0 - kw + left) / sw
                                    for o in 0..<p.oc { acc = acc.addingProduct(gi[o * oplane + at], wc[o * p.c * taps + kh * p.kw + kw]) }
                                }
                            }
                            total = n == 0 ? acc : acc + total
                        }
                        xc[ih * p.w + iw0] = total
                    }
                }
            }
        }
    }

    /// Weight gradient (`jit_avx2_conv_bwd_weights_kernel_f32`): per thread a chain from
    /// zero over its images, output rows, output columns; the threads' sums are then
    /// added in thread order.
    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>) {
        if OneDNNConvolution.runs1x1(p) { return gradWeight1x1(p, gy, x, into: gw) }
        let (s, top, left) = (p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow
        let icBlock = p.c == 3 ? 3 : block, icBlocks = (p.c + icBlock - 1) / icBlock
        let ranges = imageRanges(p.n, parts: parts(jobs: (p.oc + block - 1) / block * icBlocks,
                                                   jobSize: p.kh * p.kw * icBlock * block, images: p.n))
        var out = gw
        for o in 0..<p.oc {
            for c in 0..<p.c {
                for i in 0..<p.kh {
                    let oy0 = max(0, (top - i + s - 1) / s), oy1 = min(p.oh, (p.h + top - i + s - 1) / s)
                    for j in 0..<p.kw {
                        let ox0 = max(0, (left - j + s - 1) / s), ox1 = min(p.ow, (p.w + left - j + s - 1) / s)
                        var total: Float = 0
                        for (t, range) in ranges.enumerated() {
                            var acc: Float = 0
                            if oy0 < oy1 && ox0 < ox1 {
                                for img in range {
                                    let g = gy + (img * p.oc + o) * oplane
                                    let xc = x + (img * p.c + c) * plane
                                    for oy in oy0..<oy1 {
                                        let xrow = xc + (oy * s - top + i) * p.w - left + j
                                        let grow = g + oy * p.ow
                                        for ox in ox0..<ox1 { acc = acc.addingProduct(grow[ox], xrow[ox * s]) }
                                    }
                                }
                            }
                            total = t == 0 ? acc : total + acc
                        }
                        out.pointee = total
                        out += 1
                    }
                }
            }
        }
    }

    /// Bias gradient (the `ker_bias` loop beside the weight kernel): per thread plain
    /// additions from zero over its images and output positions; the threads' sums are
    /// then added in thread order.
    static func gradBias(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, into gb: UnsafeMutablePointer<Float>) {
        if OneDNNConvolution.runs1x1(p) { return OneDNNConvolution.gradBias1x1(p, gy, into: gb) }
        let oplane = p.oh * p.ow
        let ranges = imageRanges(p.n, parts: parts(jobs: (p.oc + block - 1) / block, jobSize: block, images: p.n))
        for o in 0..<p.oc {
            var total: Float = 0
            for (t, range) in ranges.enumerated() {
                var acc: Float = 0
                for img in range {
                    let g = gy + (img * p.oc + o) * oplane
                    for k in 0..<oplane { acc += g[k] }
                }
                total = t == 0 ? acc : total + acc
            }
            gb[o] = total
        }
    }
}
