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
    static func isSelected(_ p: Convolution.Plan, dtype: DType) -> Bool {
        let oneD = p.h == 1 && p.kh == 1 && p.g.padding.0 == (0, 0)
        guard dtype == .float32, p.g.followsOneDNN, p.g.groups == 1, p.g.dilation == (1, 1),
              p.g.padding.0.0 == p.g.padding.0.1, p.g.padding.1.0 == p.g.padding.1.1,
              p.g.stride.0 == p.g.stride.1 || oneD else { return false }
        return p.n > 1 || (p.kh > 3 && p.kw > 3) || p.n * p.c * p.h * p.w > 20480
    }

    /// oneDNN blocks channels by 8 (one AVX2 register of floats).
    static let block = 8

    /// Forward (`jit_avx2_conv_fwd_kernel_f32`): each output starts at its bias, then
    /// input channels go by blocks of 8 (all of them at once below 8 channels, the
    /// "flat" layout), and within a block the order is kernel row, kernel column,
    /// channel. Taps that fall in the padding are skipped.
    static func forward(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
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
    /// (`brgconv_strided`): one chain from zero over kernel row, kernel column, channel;
    /// but where the input width is a multiple of the stride and the left padding is
    /// under kernel width − 1, one chain per kernel column (over kernel row, channel),
    /// the columns' sums added left to right (found against PyTorch for stride 2).
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>) {
        let (s, top, left) = (p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let oplane = p.oh * p.ow, taps = p.kh * p.kw
        let chunk = s == 1 ? (p.ow < 15 ? 4 : p.ow < 40 ? 2 : 1) * block : p.oc
        if s > 1 && p.w % s == 0 && left < p.kw - 1 {
            gradInputByColumns(p, gy, w, into: gx)
            return
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

    /// The strided input gradient one kernel column at a time (see `gradInput`).
    static func gradInputByColumns(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                                   into gx: UnsafeMutablePointer<Float>) {
        let (s, top, left) = (p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let oplane = p.oh * p.ow, taps = p.kh * p.kw
        var out = gx
        for img in 0..<p.n {
            let gi = gy + img * p.oc * oplane
            for c in 0..<p.c {
                let wc = w + c * taps
                for iy in 0..<p.h {
                    for ix in 0..<p.w {
                        var total: Float = 0, first = true
                        for j in 0..<p.kw {
                            let tx = ix + left - j
                            if tx < 0 || tx % s != 0 || tx / s >= p.ow { continue }
                            var acc: Float = 0, any = false
                            for i in 0..<p.kh {
                                let ty = iy + top - i
                                if ty < 0 || ty % s != 0 || ty / s >= p.oh { continue }
                                any = true
                                let at = (ty / s) * p.ow + tx / s, tap = i * p.kw + j
                                for o in 0..<p.oc { acc = acc.addingProduct(gi[o * oplane + at], wc[o * p.c * taps + tap]) }
                            }
                            if !any { continue }
                            total = first ? acc : total + acc
                            first = false
                        }
                        out.pointee = total
                        out += 1
                    }
                }
            }
        }
    }

    /// How many threads share one job's images: oneDNN's `reduce_balancer_t::balance`
    /// (cpu_reducer.cpp) for PyTorch's 2 threads and the reducer's 2 MiB buffer. One job
    /// is one block of output channels (and for the weights one block of input channels);
    /// the reduction runs over the images. With a single job both threads take half the
    /// images; with a few jobs on many images splitting can still be cheaper.
    static func parts(jobs: Int, jobSize: Int, images: Int, threads: Int = 2) -> Int {
        let maxBuffer = 1 << 21
        let minJobsPerGroup = max(1, jobs / threads)
        let maxJobsPerGroup = max(1, maxBuffer / (threads * jobSize))
        let groups = min(jobs / minJobsPerGroup, threads)
        var perGroup = min(threads / groups, images)
        var best = jobs * jobSize * images
        for jobsPerGroup in stride(from: minJobsPerGroup, to: jobs, by: 1) {
            let g = min(jobs / jobsPerGroup, threads)
            let p = min(threads / g, images)
            let groupJobs = (jobs + g - 1) / g
            if p > 1 && groupJobs > maxJobsPerGroup { continue }
            let cost = jobSize * groupJobs * ((images + p - 1) / p + (p != 1 ? 1 : 0))
            if cost < best {
                perGroup = p
                best = cost
            }
        }
        return perGroup
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
    /// added in thread order.
    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>) {
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

extension Convolution {
    /// The three gradients in oneDNN's orders (see `OneDNNConvolution`), each only when asked for.
    static func oneDNNBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                               needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        defer { withExtendedLifetime(gkeep) {} }
        var gx: Tensor?, gw: Tensor?, gb: Tensor?
        if needInput {
            let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
            let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
            withExtendedLifetime(wkeep) { OneDNNConvolution.gradInput(p, gy, w, into: NNBuffer.pointer(t, as: Float.self)) }
            gx = t
        }
        if needWeight {
            let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
            let t = try Tensor(empty: weight.sizes, dtype: weight.dtype, device: weight.device)
            withExtendedLifetime(xkeep) { OneDNNConvolution.gradWeight(p, gy, x, into: NNBuffer.pointer(t, as: Float.self)) }
            gw = t
        }
        if hasBias {
            let t = try Tensor(empty: [p.oc], dtype: gradOutput.dtype, device: gradOutput.device)
            OneDNNConvolution.gradBias(p, gy, into: NNBuffer.pointer(t, as: Float.self))
            gb = t
        }
        return (gx, gw, gb)
    }
}
