/// PyTorch 2.15's float32 depthwise convolution (groups == input channels == output
/// channels, MobileNet's 3×3 layers), which ATen hands to oneDNN whenever groups > 1, even
/// for one image. On AVX2, oneDNN 3.13 runs `jit_dw:avx2` (jit_uni_dw_conv_kernel_f32.cpp,
/// jit_uni_dw_convolution.cpp) for the forward pass, and for the data and weight gradients
/// where that kernel takes the shape (`dataGradientApplies`, `weightGradientApplies`);
/// the other gradients run `gemm:jit` (OneDNNGemmConvolution). Each channel is its own convolution, so eight channels run in the lanes of a
/// `OneDNNConvolution.Lanes`, which is exactly oneDNN's register: every lane keeps its own
/// element's chain of fused multiply-adds.
enum OneDNNDepthwiseConvolution {
    typealias Lanes = OneDNNConvolution.Lanes
    static let block = OneDNNConvolution.block

    /// Depthwise with a channel multiplier of 1, square stride and dilation, symmetric
    /// padding, float32, where PyTorch would use oneDNN (`groups > 1` is enough for ATen's
    /// `use_mkldnn`).
    static func isSelected(_ p: Convolution.Plan, dtype: DType) -> Bool {
        dtype == .float32 && p.g.followsOneDNN && p.g.groups > 1 && p.g.groups == p.c && p.oc == p.c
            && ((p.g.stride.0 == p.g.stride.1 && p.g.dilation.0 == p.g.dilation.1) || OneDNNGroupedConvolution.isOneD(p))
            && p.g.padding.0.0 == p.g.padding.0.1 && p.g.padding.1.0 == p.g.padding.1.1
    }

    /// `jit_uni_dw_conv_fwd_kernel`'s `init_conf` on AVX2 (else `gemm:jit`): the kernel may
    /// not lie wholly in the padding, and the left padding and the right padding of the
    /// columns before the unroll tail fit in the width unroll of 4 columns.
    static func forwardApplies(_ p: Convolution.Plan) -> Bool {
        let (s, l, t) = (p.g.stride.1, p.g.padding.1.0, p.g.padding.0.0)
        let ekw = p.g.dilation.1 * (p.kw - 1) + 1, ekh = p.g.dilation.0 * (p.kh - 1) + 1
        let r = (p.ow - 1) * s + ekw - p.w - l, b = (p.oh - 1) * p.g.stride.0 + ekh - p.h - t
        if ekw <= l || ekw <= r || ekh <= t || ekh <= b { return false }
        let ur = min(4, p.ow), tail = p.ow % ur
        let rNoTail = max(0, (p.ow - tail - 1) * s + ekw - p.w - l)
        return l <= ur && rNoTail <= ur
    }

    /// `jit_uni_dw_conv_bwd_data_kernel`'s `init_conf`: no dilation, and the stride no
    /// wider than the kernel (else `gemm:jit`).
    static func dataGradientApplies(_ p: Convolution.Plan) -> Bool {
        p.g.dilation == (1, 1) && p.g.stride.1 <= p.kw && p.g.stride.0 <= p.kh
    }

    /// `jit_uni_dw_conv_bwd_weights_kernel`'s `init_conf`: no dilation, kernels at most 3
    /// wide, the stride no wider than the kernel, paddings at most half the kernel, the
    /// input at least as tall as the kernel, and a top/bottom padding over 1 only when it
    /// is a multiple of the stride (else `gemm:jit`).
    static func weightGradientApplies(_ p: Convolution.Plan) -> Bool {
        let (s, sh) = (p.g.stride.1, p.g.stride.0)
        let (t, l) = (p.g.padding.0.0, p.g.padding.1.0)
        let b = max(0, (p.oh - 1) * sh + p.kh - p.h - t), r = max(0, (p.ow - 1) * s + p.kw - p.w - l)
        let maxH = p.kh / 2, maxW = p.kw / 2
        let minH = p.kh + ((-t % sh) + sh) % sh
        return p.g.dilation == (1, 1) && p.kw <= 3 && s <= p.kw
            && t <= maxH && b <= maxH && l <= maxW && r <= maxW && p.h >= minH
            && (t <= 1 || t % sh == 0) && (b <= 1 || b % sh == 0)
    }

    /// Forward (`jit_uni_dw_conv_fwd_kernel_f32`): each output starts at its bias, then one
    /// chain over kernel rows and, within a row, kernel columns; taps in the padding are
    /// skipped. Images and channel blocks are shared between threads.
    static func forward(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        let (s, d, top, left) = (p.g.stride.1, p.g.dilation.1, p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.c + block - 1) / block
        let px = OneDNNConvolution.interleave(x, count: p.n, rows: p.c, cols: plane)
        let pw = OneDNNConvolution.interleave(w, count: 1, rows: p.c, cols: taps)
        defer { px.deallocate(); pw.deallocate() }
        var starts = [Lanes](repeating: Lanes(repeating: 0), count: blocks)
        if let bias {
            for o in 0..<p.c { starts[o / block][o % block] = bias[o] }
        }
        let yBox = UncheckedBox(y)
        starts.withUnsafeBufferPointer { starts in
            let sBox = UncheckedBox(starts)
            OneDNNConvolution.parallel(p.n * blocks) { job in
                let (img, cb) = (job / blocks, job % blocks)
                let xi = px + (img * blocks + cb) * plane, wc = pw + cb * taps
                let lanes = min(block, p.c - cb * block)
                let yo = yBox.value + (img * p.c + cb * block) * oplane
                for oy in 0..<p.oh {
                    for ox in 0..<p.ow {
                        var acc = sBox.value[cb]
                        for i in 0..<p.kh {
                            let iy = oy * s - top + i * d
                            if iy < 0 || iy >= p.h { continue }
                            for j in 0..<p.kw {
                                let ix = ox * s - left + j * d
                                if ix < 0 || ix >= p.w { continue }
                                acc = acc.addingProduct(xi[iy * p.w + ix], wc[i * p.kw + j])
                            }
                        }
                        for l in 0..<lanes { yo[l * oplane + oy * p.ow + ox] = acc[l] }
                    }
                }
            }
        }
    }

    /// Input gradient (`jit_uni_dw_conv_bwd_data_kernel_f32`): per input element one chain
    /// from zero over the kernel rows, then columns, that reach an output.
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>) {
        let (s, top, left) = (p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.c + block - 1) / block
        let pg = OneDNNConvolution.interleave(gy, count: p.n, rows: p.c, cols: oplane)
        let pw = OneDNNConvolution.interleave(w, count: 1, rows: p.c, cols: taps)
        defer { pg.deallocate(); pw.deallocate() }
        let xBox = UncheckedBox(gx)
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = pg + (img * blocks + cb) * oplane, wc = pw + cb * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * plane
            for iy in 0..<p.h {
                for ix in 0..<p.w {
                    var acc = Lanes(repeating: 0)
                    for i in 0..<p.kh {
                        let ty = iy + top - i
                        if ty < 0 || ty % s != 0 || ty / s >= p.oh { continue }
                        for j in 0..<p.kw {
                            let tx = ix + left - j
                            if tx < 0 || tx % s != 0 || tx / s >= p.ow { continue }
                            acc = acc.addingProduct(gi[(ty / s) * p.ow + tx / s], wc[i * p.kw + j])
                        }
                    }
                    for l in 0..<lanes { xo[l * plane + iy * p.w + ix] = acc[l] }
                }
            }
        }
    }

    /// The threads sharing the images of the weight and bias gradients: oneDNN's
    /// `balance` for the blocked layout on PyTorch's 2 threads gives each thread channel
    /// blocks when there are two or more, else splits the images in two (`balance211`),
    /// the second thread's sums then added to the first's. Its channel blocks are one
    /// vector register wide: 8 on AVX2, 16 on AVX-512 (`jit_dw:avx512_core`, whose kernel
    /// keeps each channel's chain as on AVX2; only this split differs).
    static func imageRanges(_ p: Convolution.Plan, threads: Int = IntraOpThreads.count, avx512: Bool = OneDNNISA.avx512Core) -> [Range<Int>] {
        let width = avx512 ? 16 : block, blocks = (p.c + width - 1) / width
        let byGroups = min(blocks, threads)
        let byImages = min(max(1, threads / byGroups), p.n)
        return OneDNNConvolution.imageRanges(p.n, parts: byImages)
    }

    /// The output columns in the kernel's width blocks (`calculate_w_unrolling`): one block
    /// up to 30 columns, else blocks of 15 with the remainder (grown by a block where the
    /// right padding would not fit in it) last.
    static func columnBlocks(_ p: Convolution.Plan) -> [Range<Int>] {
        guard p.ow > 30 else { return [0..<p.ow] }
        let s = p.g.stride.1, l = p.g.padding.1.0
        let r = max(0, (p.ow - 1) * s + p.kw - p.w - l)
        var width = 15, trips = p.ow / width, tail = p.ow % width
        if (tail == 0 && r != 0) || (r > 0 && r >= tail) {
            if trips > 1 {
                tail += width
                trips -= 1
            } else {
                tail += width - width / 2
                width /= 2
            }
        }
        var out: [Range<Int>] = []
        for t in 0..<trips { out.append(t * width..<(t + 1) * width) }
        if tail > 0 { out.append(trips * width..<trips * width + tail) }
        return out
    }

    /// Weight gradient (`jit_uni_dw_conv_bwd_weights_kernel_f32`): per thread one chain
    /// from zero over its images, blocks of 15 output rows, width blocks, then the rows and
    /// columns inside them (positions whose tap is padding skipped); the threads' sums are
    /// added in thread order. Channel blocks are shared between our threads.
    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>, avx512: Bool = OneDNNISA.avx512Core) {
        let (s, top, left) = (p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.c + block - 1) / block
        let ranges = imageRanges(p, avx512: avx512), columns = columnBlocks(p)
        let rowBlocks = stride(from: 0, to: p.oh, by: 15).map { $0..<min($0 + 15, p.oh) }
        let pg = OneDNNConvolution.interleave(gy, count: p.n, rows: p.c, cols: oplane)
        let px = OneDNNConvolution.interleave(x, count: p.n, rows: p.c, cols: plane)
        defer { pg.deallocate(); px.deallocate() }
        let wBox = UncheckedBox(gw)
        OneDNNConvolution.parallel(blocks) { cb in
            let lanes = min(block, p.c - cb * block)
            for i in 0..<p.kh {
                for j in 0..<p.kw {
                    var total = Lanes(repeating: 0)
                    for (t, range) in ranges.enumerated() {
                        var acc = Lanes(repeating: 0)
                        for img in range {
                            let g = pg + (img * blocks + cb) * oplane, xi = px + (img * blocks + cb) * plane
                            for rows in rowBlocks {
                                for cols in columns {
                                    for oy in rows {
                                        let iy = oy * s - top + i
                                        if iy < 0 || iy >= p.h { continue }
                                        for ox in cols {
                                            let ix = ox * s - left + j
                                            if ix < 0 || ix >= p.w { continue }
                                            acc = acc.addingProduct(xi[iy * p.w + ix], g[oy * p.ow + ox])
                                        }
                                    }
                                }
                            }
                        }
                        total = t == 0 ? acc : total + acc
                    }
                    for l in 0..<lanes { wBox.value[(cb * block + l) * taps + i * p.kw + j] = total[l] }
                }
            }
        }
    }

    /// Bias gradient (the kernel's `compute_bias`): per thread plain additions from zero
    /// over its images, output rows and columns; the threads' sums added in thread order.
    static func gradBias(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, into gb: UnsafeMutablePointer<Float>,
                         avx512: Bool = OneDNNISA.avx512Core) {
        let oplane = p.oh * p.ow
        let blocks = (p.c + block - 1) / block
        let ranges = imageRanges(p, avx512: avx512)
        let pg = OneDNNConvolution.interleave(gy, count: p.n, rows: p.c, cols: oplane)
        defer { pg.deallocate() }
        for cb in 0..<blocks {
            var total = Lanes(repeating: 0)
            for (t, range) in ranges.enumerated() {
                var acc = Lanes(repeating: 0)
                for img in range {
                    let g = pg + (img * blocks + cb) * oplane
                    for k in 0..<oplane { acc += g[k] }
                }
                total = t == 0 ? acc : total + acc
            }
            for l in 0..<min(block, p.c - cb * block) { gb[cb * block + l] = total[l] }
        }
    }
}

extension Convolution {
    /// The depthwise forward in `jit_dw`'s order (see `OneDNNDepthwiseConvolution`).
    static func depthwiseForward(_ p: Plan, input x: UnsafeMutablePointer<Float>, weight: Tensor, bias: Tensor?,
                                 into out: UnsafeMutablePointer<Float>) throws(TensorError) {
        let wc = try weight.contiguous(), bc = try bias?.contiguous()
        withExtendedLifetime((wc, bc)) {
            OneDNNDepthwiseConvolution.forward(p, x, NNBuffer.pointer(wc, as: Float.self),
                                               bc.map { NNBuffer.pointer($0, as: Float.self) }, into: out)
        }
    }

    /// The depthwise gradients: `jit_dw`'s orders where oneDNN runs that kernel, `gemm:jit`'s
    /// (OneDNNGemmConvolution) where it runs that.
    static func depthwiseBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                  needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let dataOK = OneDNNDepthwiseConvolution.dataGradientApplies(p)
        let weightOK = OneDNNDepthwiseConvolution.weightGradientApplies(p)
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        defer { withExtendedLifetime(gkeep) {} }
        var gx = needInput && !dataOK ? try gemmInputGradient(p, gradOutput, input, weight) : nil
        var gw = needWeight && !weightOK ? try gemmWeightGradient(p, gradOutput, input, weight) : nil
        var gb: Tensor?
        if needInput && dataOK {
            let wc = try weight.contiguous()
            let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
            withExtendedLifetime(wc) {
                OneDNNDepthwiseConvolution.gradInput(p, gy, NNBuffer.pointer(wc, as: Float.self), into: NNBuffer.pointer(t, as: Float.self))
            }
            gx = t
        }
        if needWeight && weightOK {
            let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
            let t = try Tensor(empty: weight.sizes, dtype: weight.dtype, device: weight.device)
            withExtendedLifetime(xkeep) { OneDNNDepthwiseConvolution.gradWeight(p, gy, x, into: NNBuffer.pointer(t, as: Float.self)) }
            gw = t
        }
        if hasBias {
            if weightOK {
                let t = try Tensor(empty: [p.oc], dtype: gradOutput.dtype, device: gradOutput.device)
                OneDNNDepthwiseConvolution.gradBias(p, gy, into: NNBuffer.pointer(t, as: Float.self))
                gb = t
            } else {
                gb = try gemmBiasGradient(p, gradOutput)
            }
        }
        return (gx, gw, gb)
    }
}
