import Dispatch

/// PyTorch 2.15's float32 CPU convolution where ATen hands it to oneDNN (mkldnn), redone
/// in oneDNN's accumulation order so that the last digits agree: batches of more than one
/// image, kernels larger than 3×3 in both directions, or inputs of more than 20,480
/// elements. On AVX2, oneDNN 3.13 runs `jit:avx2` (forward, stride-1 data gradient,
/// weight gradient) and `brgconv_strided:avx2` (strided data gradient); the orders below
/// were read from those kernels and checked bit for bit against PyTorch on 300 shapes
/// (docs/nn-layers.md). Each sum is one chain of fused multiply-adds, except where
/// oneDNN adds partial sums, which is said at each function.
enum OneDNNConvolution {
    /// ATen's `ConvParams::use_mkldnn` for a float32 input on a machine with more than
    /// one thread (the goldens' machine), narrowed to what the kernels below reproduce:
    /// no groups, no dilation, symmetric padding and a square stride (a 1-d convolution,
    /// of height 1, has only its width's). The kernels below read the width's stride.
    /// Padding that differs before and after is ATen's padded copy, judged by the copy
    /// (OneDNNConvolutionPadded.swift).
    static func isSelected(_ p: Convolution.Plan, dtype: DType) -> Bool {
        guard let p = isAsymmetric(p) ? symmetricPlan(p) : p else { return false }
        guard dtype == .float32, p.g.followsOneDNN, p.g.groups == 1, p.g.dilation == (1, 1),
              p.g.padding.0.0 == p.g.padding.0.1, p.g.padding.1.0 == p.g.padding.1.1 else { return false }
        return p.g.chosenForOneDNN || p.n > 1 || (p.kh > 3 && p.kw > 3) || p.n * p.c * p.h * p.w > 20480
    }

    /// oneDNN blocks channels by 8 (one AVX2 register of floats).
    static let block = 8

    /// Eight channels side by side, one per lane: oneDNN's AVX2 register. Every lane runs
    /// its own element's chain, and `addingProduct` is one fused multiply-add per lane
    /// (`vfmadd231ps` where the target has FMA, else `fmaf` lane by lane), so a vector
    /// step is exactly eight scalar steps and no element's order changes.
    typealias Lanes = SIMD8<Float>

    /// Runs `body(0..<count)` on the intra-op threads. Each index owns whole output
    /// elements, so how the indices are shared out never touches a summation order.
    static func parallel(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 || IntraOpThreads.count < 2 {
            for k in 0..<count { body(k) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }

    /// `count` matrices of `rows × cols` floats (`rows` channels), as vectors of 8 rows
    /// side by side: `[matrix][rows / 8][cols]`, lanes past `rows` zero.
    static func interleave(_ src: UnsafeMutablePointer<Float>, count: Int, rows: Int, cols: Int) -> UnsafeMutablePointer<Lanes> {
        interleave(src, count: count, rows: rows, cols: cols, as: Lanes.self)
    }

    /// The same for any register width `V` (8 floats on AVX2, 16 on AVX-512): vectors of
    /// `V.scalarCount` rows side by side, `[matrix][rows / width][cols]`, lanes past `rows` zero.
    static func interleave<V: SIMD>(_ src: UnsafeMutablePointer<Float>, count: Int, rows: Int, cols: Int,
                                    as: V.Type) -> UnsafeMutablePointer<V> where V.Scalar == Float {
        let width = V.scalarCount
        let blocks = (rows + width - 1) / width
        let out = UnsafeMutablePointer<V>.allocate(capacity: max(1, count * blocks * cols))
        for m in 0..<count {
            for b in 0..<blocks {
                let dst = out + (m * blocks + b) * cols
                for k in 0..<cols { dst[k] = V() }
                for lane in 0..<min(width, rows - b * width) {
                    let s = src + (m * rows + b * width + lane) * cols
                    for k in 0..<cols { dst[k][lane] = s[k] }
                }
            }
        }
        return out
    }

    /// Forward (`jit_avx2_conv_fwd_kernel_f32`): each output starts at its bias, then
    /// input channels go by blocks of 8 (all of them at once below 8 channels, the
    /// "flat" layout), and within a block the order is kernel row, kernel column,
    /// channel. Taps that fall in the padding are skipped. Eight output channels run in
    /// the lanes, four output columns side by side where none of their taps is padding;
    /// images and channel blocks are shared between threads.
    static func forward(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>, grouped: Bool = false) {
        // One group of a grouped convolution (OneDNNGroupedConvolution) keeps jit:avx2's order:
        // oneDNN's 1×1 kernel takes no groups.
        if !grouped, let q = symmetricPlan(p), isAsymmetric(p) { return forwardPadded(p, q, x, w, bias, into: y) }  // OneDNNConvolutionPadded.swift
        if !grouped && runs1x1(p) {  // OneDNNConvolution1x1.swift; jit_1x1:avx512_core chunks differently
            let chunk = OneDNNISA.avx512Core ? OneDNNConvolutionAVX512.reduceChunk1x1(p, forward: true) ?? 128 : 128
            return forward1x1(p, x, w, bias, into: y, chunk: chunk)
        }
        // On AVX-512 machines oneDNN runs jit:avx512_core, whose order differs (OneDNNConvolutionAVX512.swift).
        if !grouped && OneDNNISA.avx512Core && OneDNNConvolutionAVX512.forwardApplies(p) {
            return OneDNNConvolutionAVX512.forward(p, x, w, bias, into: y)
        }
        let (sh, s, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let icBlock = p.c < block ? p.c : block
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let blocks = (p.oc + block - 1) / block
        // Weights as [oc / 8][c][kh][kw] × 8 lanes (one "matrix" of oc rows).
        let pw = interleave(w, count: 1, rows: p.oc, cols: p.c * taps)
        defer { pw.deallocate() }
        var starts = [Lanes](repeating: Lanes(repeating: 0), count: blocks)
        if let bias {
            for o in 0..<p.oc { starts[o / block][o % block] = bias[o] }
        }
        let (xBox, yBox) = (UncheckedBox(x), UncheckedBox(y))
        starts.withUnsafeBufferPointer { starts in
            let sBox = UncheckedBox(starts)
            parallel(p.n * blocks) { job in
                let (img, ob) = (job / blocks, job % blocks)
                let xi = xBox.value + img * p.c * plane
                let wb = pw + ob * p.c * taps
                let start = sBox.value[ob]
                let lanes = min(block, p.oc - ob * block)
                let yo = yBox.value + (img * p.oc + ob * block) * oplane
                func store(_ v: Lanes, _ at: Int) {
                    for l in 0..<lanes { yo[l * oplane + at] = v[l] }
                }
                for oy in 0..<p.oh {
                    let i0 = max(0, top - oy * sh), i1 = min(p.kh, p.h + top - oy * sh)
                    // Output columns whose taps all lie inside the input's width.
                    let full0 = min(p.ow, (left + s - 1) / s)
                    let full1 = max(full0, min(p.ow, p.w + left - p.kw < 0 ? 0 : (p.w + left - p.kw) / s + 1))
                    var ox = 0
                    while ox < p.ow {
                        if ox >= full0 && ox + 4 <= full1 && i0 < i1 {
                            var a0 = start, a1 = start, a2 = start, a3 = start
                            var c0 = 0
                            while c0 < p.c {
                                let c1 = min(c0 + icBlock, p.c)
                                for i in i0..<i1 {
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
                                c0 = c1
                            }
                            let at = oy * p.ow + ox
                            store(a0, at); store(a1, at + 1); store(a2, at + 2); store(a3, at + 3)
                            ox += 4
                            continue
                        }
                        let j0 = max(0, left - ox * s), j1 = min(p.kw, p.w + left - ox * s)
                        var acc = start
                        if i0 < i1 && j0 < j1 {
                            var c0 = 0
                            while c0 < p.c {
                                let c1 = min(c0 + icBlock, p.c)
                                for i in i0..<i1 {
                                    let row = (oy * sh - top + i) * p.w + ox * s - left
                                    for j in j0..<j1 {
                                        for c in c0..<c1 {
                                            acc = acc.addingProduct(Lanes(repeating: xi[c * plane + row + j]), wb[c * taps + i * p.kw + j])
                                        }
                                    }
                                }
                                c0 = c1
                            }
                        }
                        store(acc, oy * p.ow + ox)
                        ox += 1
                    }
                }
            }
        }
    }

    /// Input gradient. Stride 1 (`jit_avx2_conv_bwd_data_kernel_f32`): output channels
    /// go by groups of `chunk` blocks of 8 (4 when the output is narrower than 15, 2 below
    /// 40, else 1); each group is a chain from zero over block, kernel row, kernel column,
    /// channel, and is then added to the sum of the groups before it. Larger strides
    /// (`brgconv_strided`): where the width is a multiple of its stride, oneDNN's brgemm
    /// calls (OneDNNBrgconvStrided.swift, blocked as for `groups` groups); else one chain
    /// from zero over kernel row, kernel column, channel (its padded-copy `exec_trans`).
    /// Eight input channels run in the lanes (the taps depend on the position only);
    /// images and channel blocks are shared between threads.
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>, grouped: Bool = false, groups: Int = 1) {
        if !grouped, let q = symmetricPlan(p), isAsymmetric(p) { return gradInputPadded(p, q, gy, w, into: gx) }  // OneDNNConvolutionPadded.swift
        if !grouped && runs1x1(p) && p.g.stride == (1, 1) {  // OneDNNConvolution1x1.swift
            let chunk = OneDNNISA.avx512Core ? OneDNNConvolutionAVX512.reduceChunk1x1(p, forward: false) ?? 64 : 64
            return gradInput1x1(p, gy, w, into: gx, chunk: chunk)
        }
        // On AVX-512 machines oneDNN runs jit:avx512_core at unit stride (OneDNNConvolutionAVX512.swift).
        if !grouped && OneDNNISA.avx512Core && OneDNNConvolutionAVX512.dataApplies(p) {
            return OneDNNConvolutionAVX512.gradInput(p, gy, w, into: gx)
        }
        if OneDNNBrgconvStrided.runsBase(p), let b = OneDNNBrgconvStrided.blocking(p, groups: groups) {
            return OneDNNBrgconvStrided.gradInput(p, b, gy, w, into: gx)
        }
        let (sh, s, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let unit = sh == 1 && s == 1
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let chunk = unit ? (p.ow < 15 ? 4 : p.ow < 40 ? 2 : 1) * block : p.oc
        // Within a stride-1 group the blocks are outermost; a strided chain has one block of all channels.
        let step = unit ? block : p.oc
        let blocks = (p.c + block - 1) / block
        // Weights as [oc][c / 8][kh][kw] × 8 lanes (oc matrices of c rows).
        let pw = interleave(w, count: p.oc, rows: p.c, cols: taps)
        defer { pw.deallocate() }
        let (gBox, xBox) = (UncheckedBox(gy), UncheckedBox(gx))
        parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.oc * oplane
            let wc = pw + cb * taps
            let wStride = blocks * taps
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
                            let b1 = min(b0 + step, o1)
                            for i in 0..<p.kh {
                                let ty = iy + top - i
                                if ty < 0 || ty % sh != 0 || ty / sh >= p.oh { continue }
                                for j in 0..<p.kw {
                                    let tx = ix + left - j
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
                    let at = iy * p.w + ix
                    for l in 0..<lanes { xo[l * plane + at] = total[l] }
                }
            }
        }
    }

    /// Whether `brgconv_strided` splits the strided input gradient into calls by kernel
    /// columns (`exec_base`, OneDNNBrgconvStrided) rather than one chain; test messages print it.
    static func byKernelColumns(_ p: Convolution.Plan) -> Bool {
        OneDNNBrgconvStrided.runsBase(p)
    }

    /// How many threads share one job's images: oneDNN's `reduce_balancer_t::balance`
    /// (cpu_reducer.cpp) for PyTorch's 2 threads and the reducer's 2 MiB buffer. One job
    /// is one block of output channels (and for the weights one block of input channels);
    /// the reduction runs over the images. With a single job both threads take half the
    /// images; with a few jobs on many images splitting can still be cheaper.
    static func parts(jobs: Int, jobSize: Int, images: Int, threads: Int = IntraOpThreads.count) -> Int {
        reducerThreads(jobs: jobs, jobSize: jobSize, reduction: images, maxBuffer: 1 << 21, threads: threads)
    }

    /// The image ranges of `parts` threads (oneDNN's `balance211`: the first ones take
    /// one image more).
    static func imageRanges(_ n: Int, parts: Int) -> [Range<Int>] {
        let big = (n + parts - 1) / parts, small = big - 1, bigCount = n - small * parts
        var ranges: [Range<Int>] = [], start = 0
        for t in 0..<parts {
            let count = t < bigCount ? big : small
            ranges.append(start..<start + count)
            start += count
        }
        return ranges.filter { !$0.isEmpty }
    }

    /// Weight gradient (`jit_avx2_conv_bwd_weights_kernel_f32`): per thread a chain from
    /// zero over its images, output rows, output columns; the threads' sums are then
    /// added in thread order. Eight output channels run in the lanes (the output gradient
    /// interleaved by 8 channels first), four input channels side by side; channel blocks
    /// are shared between threads (the image split above is oneDNN's, whatever ours is).
    /// `groups` is the convolution's group count where `p` is one group of it
    /// (OneDNNGroupedConvolution): oneDNN's reducer balances the jobs of all groups.
    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>, groups: Int = 1) {
        if groups == 1, let q = symmetricPlan(p), isAsymmetric(p) { return gradWeightPadded(p, q, gy, x, into: gw) }  // OneDNNConvolutionPadded.swift
        if groups == 1 && runs1x1(p) {  // OneDNNConvolution1x1.swift; oneDNN's 1×1 kernel takes no groups
            if OneDNNISA.avx512Core { return OneDNNConvolutionAVX512.gradWeight1x1(p, gy, x, into: gw) }  // OneDNNConvolutionAVX512OneByOne.swift
            return gradWeight1x1(p, gy, x, into: gw)
        }
        // On AVX-512 machines oneDNN runs jit:avx512_core where it takes the shape (OneDNNConvolutionAVX512Weights.swift).
        if groups == 1 && OneDNNISA.avx512Core && OneDNNConvolutionAVX512.weightApplies(p) {
            return OneDNNConvolutionAVX512.gradWeight(p, gy, x, into: gw)
        }
        let (sh, s, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let icBlock = p.c == 3 ? 3 : block, icBlocks = (p.c + icBlock - 1) / icBlock
        let ranges = imageRanges(p.n, parts: parts(jobs: groups * ((p.oc + block - 1) / block) * icBlocks,
                                                   jobSize: p.kh * p.kw * icBlock * block, images: p.n))
        let blocks = (p.oc + block - 1) / block
        let gp = interleave(gy, count: p.n, rows: p.oc, cols: oplane)
        defer { gp.deallocate() }
        let quads = (p.c + 3) / 4
        let (xBox, wBox) = (UncheckedBox(x), UncheckedBox(gw))
        parallel(blocks * quads) { job in
            let (ob, q) = (job / quads, job % quads)
            let lanes = min(block, p.oc - ob * block)
            let c0 = q * 4, cn = min(4, p.c - q * 4)
            let xv = xBox.value
            for i in 0..<p.kh {
                let oy0 = max(0, (top - i + sh - 1) / sh), oy1 = min(p.oh, (p.h + top - i + sh - 1) / sh)
                for j in 0..<p.kw {
                    let ox0 = max(0, (left - j + s - 1) / s), ox1 = min(p.ow, (p.w + left - j + s - 1) / s)
                    let zero = Lanes(repeating: 0)
                    var t0 = zero, t1 = zero, t2 = zero, t3 = zero
                    for (t, range) in ranges.enumerated() {
                        var a0 = zero, a1 = zero, a2 = zero, a3 = zero
                        if oy0 < oy1 && ox0 < ox1 {
                            for img in range {
                                let g = gp + (img * blocks + ob) * oplane
                                // Channels past the last read channel c0 (their sums are dropped).
                                let xc = xv + (img * p.c + c0) * plane
                                let p1 = cn > 1 ? plane : 0, p2 = cn > 2 ? 2 * plane : 0, p3 = cn > 3 ? 3 * plane : 0
                                for oy in oy0..<oy1 {
                                    let xrow = xc + (oy * sh - top + i) * p.w - left + j
                                    let grow = g + oy * p.ow
                                    for ox in ox0..<ox1 {
                                        let gv = grow[ox], xr = xrow + ox * s
                                        a0 = a0.addingProduct(gv, Lanes(repeating: xr[0]))
                                        a1 = a1.addingProduct(gv, Lanes(repeating: xr[p1]))
                                        a2 = a2.addingProduct(gv, Lanes(repeating: xr[p2]))
                                        a3 = a3.addingProduct(gv, Lanes(repeating: xr[p3]))
                                    }
                                }
                            }
                        }
                        if t == 0 {
                            (t0, t1, t2, t3) = (a0, a1, a2, a3)
                        } else {
                            t0 = t0 + a0; t1 = t1 + a1; t2 = t2 + a2; t3 = t3 + a3
                        }
                    }
                    let sums = [t0, t1, t2, t3]
                    for k in 0..<cn {
                        let out = wBox.value + ((ob * block) * p.c + c0 + k) * taps + i * p.kw + j
                        for l in 0..<lanes { out[l * p.c * taps] = sums[k][l] }
                    }
                }
            }
        }
    }

    /// Bias gradient (the `ker_bias` loop beside the weight kernel): per thread plain
    /// additions from zero over its images and output positions; the threads' sums are
    /// then added in thread order. Eight output channels run in the lanes.
    static func gradBias(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, into gb: UnsafeMutablePointer<Float>, groups: Int = 1) {
        if groups == 1, let q = symmetricPlan(p), isAsymmetric(p) { return gradBias(q, gy, into: gb) }  // OneDNNConvolutionPadded.swift
        if groups == 1 && runs1x1(p) {  // OneDNNConvolution1x1.swift
            if OneDNNISA.avx512Core { return OneDNNConvolutionAVX512.gradBias1x1(p, gy, into: gb) }
            return gradBias1x1(p, gy, into: gb)
        }
        if groups == 1 && OneDNNISA.avx512Core && OneDNNConvolutionAVX512.weightApplies(p) {
            return OneDNNConvolutionAVX512.gradBias(p, gy, into: gb)
        }
        let oplane = p.oh * p.ow
        let ranges = imageRanges(p.n, parts: parts(jobs: groups * ((p.oc + block - 1) / block), jobSize: block, images: p.n))
        let blocks = (p.oc + block - 1) / block
        let gp = interleave(gy, count: p.n, rows: p.oc, cols: oplane)
        defer { gp.deallocate() }
        for ob in 0..<blocks {
            var total = Lanes(repeating: 0)
            for (t, range) in ranges.enumerated() {
                var acc = Lanes(repeating: 0)
                for img in range {
                    let g = gp + (img * blocks + ob) * oplane
                    for k in 0..<oplane { acc += g[k] }
                }
                total = t == 0 ? acc : total + acc
            }
            for l in 0..<min(block, p.oc - ob * block) { gb[ob * block + l] = total[l] }
        }
    }
}

extension Convolution {
    /// The three gradients in oneDNN's orders (see `OneDNNConvolution`), each only when asked for.
    static func oneDNNBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                               needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        try floatGradients(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                           needInput: needInput, needWeight: needWeight,
                           gradInput: { OneDNNConvolution.gradInput(p, $0, $1, into: $2) },
                           gradWeight: { OneDNNConvolution.gradWeight(p, $0, $1, into: $2) },
                           gradBias: { OneDNNConvolution.gradBias(p, $0, into: $1) })
    }

    /// Runs float32 gradient kernels over a convolution's buffers: the input gradient from
    /// (grad output, weight), the weight gradient from (grad output, input), the bias
    /// gradient from the grad output, each only when asked for.
    static func floatGradients(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                               needInput: Bool, needWeight: Bool,
                               gradInput: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void,
                               gradWeight: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void,
                               gradBias: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void)
        throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        defer { withExtendedLifetime(gkeep) {} }
        var gx: Tensor?, gw: Tensor?, gb: Tensor?
        if needInput {
            let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
            let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
            withExtendedLifetime(wkeep) { gradInput(gy, w, NNBuffer.pointer(t, as: Float.self)) }
            gx = t
        }
        if needWeight {
            let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
            let t = try Tensor(empty: weight.sizes, dtype: weight.dtype, device: weight.device)
            withExtendedLifetime(xkeep) { gradWeight(gy, x, NNBuffer.pointer(t, as: Float.self)) }
            gw = t
        }
        if hasBias {
            let t = try Tensor(empty: [p.oc], dtype: gradOutput.dtype, device: gradOutput.device)
            gradBias(gy, NNBuffer.pointer(t, as: Float.self))
            gb = t
        }
        return (gx, gw, gb)
    }
}
