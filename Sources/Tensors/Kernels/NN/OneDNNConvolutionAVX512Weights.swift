/// The weight and bias gradients of `jit:avx512_core` (oneDNN 3.13's
/// `jit_avx512_common_convolution_bwd_weights_t`): each weight is, per thread, one chain of
/// fused multiply-adds from zero over the thread's share of the work in order (image,
/// output row, output column; padding taps skipped), the threads' sums then added in
/// thread order, as on AVX2. What differs is how the work is shared: oneDNN's `balance`
/// over 16-channel blocks picks how many threads split the reduction, and with more than 9
/// output rows (the "2d" harness) they split (image, output row) pairs rather than images.
extension OneDNNConvolutionAVX512 {
    /// Whether `jit:avx512_core` takes the weight gradient: 1 to 3 input channels (its
    /// first-convolution layout) or at least 16 (the blocked one; oneDNN's AVX2 kernel takes
    /// 4 to 15), and its `boundaries_ok`: left and right padding under the (dilated)
    /// kernel width and at most `max_ur_w` (28), top and bottom at most half the (dilated)
    /// kernel height, kernels narrower than 14; a dilation in height only at unit stride
    /// there and with the dilated kernel no taller than the input.
    static func weightApplies(_ p: Convolution.Plan) -> Bool {
        guard !OneDNNConvolution.runs1x1(p), p.c <= 3 || p.c >= block, p.kw < 14 else { return false }  // 1×1: jit_1x1
        let (top, left) = (p.g.padding.0.0, p.g.padding.1.0)
        let ekh = (p.kh - 1) * p.g.dilation.0 + 1, ekw = (p.kw - 1) * p.g.dilation.1 + 1
        // Dilated in height: only at unit stride there, the dilated kernel within the input.
        if p.g.dilation.0 != 1 && (p.g.stride.0 != 1 || ekh > p.h) { return false }
        let right = max(0, OneDNNPlainGemm.endPadding(left, out: p.ow, size: p.w, stride: p.g.stride.1, kernel: ekw))
        let bottom = max(0, OneDNNPlainGemm.endPadding(top, out: p.oh, size: p.h, stride: p.g.stride.0, kernel: ekh))
        return left < ekw && right < ekw && left <= 28 && right <= 28 && top <= ekh / 2 && bottom <= ekh / 2
    }

    /// The 2d harness (more than 9 output rows, no dilation in height) shares (image,
    /// output row) pairs out.
    static func sharesRows(_ p: Convolution.Plan) -> Bool { p.oh > 9 && p.g.dilation.0 == 1 }

    /// How many threads split the reduction (`nthr_mb`): see `balance`.
    static func reductionThreads(_ p: Convolution.Plan, threads: Int = IntraOpThreads.count) -> Int { balance(p, threads: threads).mb }

    /// oneDNN's `balance` for PyTorch's 2 threads, which weighs memory traffic (input,
    /// output gradient, and eight times the weights) and then the work per thread, over
    /// image, output-channel-block and input-channel-block splits: the threads splitting
    /// the reduction (`nthr_mb`) and all the threads the primitive runs (`nthr`).
    static func balance(_ p: Convolution.Plan, threads: Int = IntraOpThreads.count) -> (mb: Int, total: Int) {
        func divUp(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
        let first = p.c <= 3
        let icBlock = first ? p.c : block
        let nbIc = first ? 1 : divUp(p.c, block), nbOc = divUp(p.oc, block)
        let rows = sharesRows(p)
        let (ihReduce, ohReduce) = rows ? (p.h, p.oh) : (1, 1)
        let (ihKeep, ohKeep) = rows ? (1, 1) : (p.h, p.oh)
        let ohThreads = max(1, ohReduce / 9)
        func memory(_ mb: Int, _ ocb: Int, _ icb: Int) -> Int {
            let src = divUp(p.n * ihReduce, mb) * divUp(nbIc, icb) * icBlock * ihKeep * p.w / p.g.stride.0 / p.g.stride.1
            let dst = divUp(p.n * ohReduce, mb) * divUp(nbOc, ocb) * block * ohKeep * p.ow
            let wei = 8 * divUp(nbOc, ocb) * divUp(nbIc, icb) * p.kh * p.kw * icBlock * block
            return src + dst + wei
        }
        func compute(_ mb: Int, _ ocb: Int, _ icb: Int) -> Int {
            divUp(p.n * ohReduce, mb) * divUp(nbOc, ocb) * divUp(nbIc, icb)
        }
        var best = (mb: 1, ocb: 1, icb: 1)
        let bestMemory = memory(1, 1, 1)
        var lowest = bestMemory
        let mbMax = min(threads, p.n * ohThreads)
        var splits: [(Int, Int, Int)] = []
        for mb in stride(from: 1, through: mbMax, by: 1) {
            let par = threads / mb
            for ocb in stride(from: 1, through: min(par, nbOc), by: 1) {
                splits.append((mb, ocb, min(par / ocb, nbIc)))
            }
        }
        for (mb, ocb, icb) in splits where memory(mb, ocb, icb) <= lowest {
            lowest = memory(mb, ocb, icb)
            best = (mb, ocb, icb)
        }
        var bestCompute = compute(best.mb, best.ocb, best.icb)
        for (mb, ocb, icb) in splits {
            let cost = compute(mb, ocb, icb)
            let cheaper = cost <= bestCompute && Double(memory(mb, ocb, icb)) < 1.1 * Double(lowest)
            if cheaper || 4 * cost <= 3 * bestCompute {
                bestCompute = cost
                best = (mb, ocb, icb)
            }
        }
        if best.mb > threads / 2 && best.mb < threads { best.mb = min(p.n * ohThreads, threads) }
        return (best.mb, best.mb * best.ocb * best.icb)
    }

    /// The reduction's work ranges, one per thread in order: images, or (image, output row)
    /// pairs numbered image by image.
    static func reductionRanges(_ p: Convolution.Plan) -> [Range<Int>] {
        OneDNNConvolution.imageRanges(p.n * (sharesRows(p) ? p.oh : 1), parts: reductionThreads(p))
    }

    /// Weight gradient: per thread a chain from zero over its (image, output row) pairs in
    /// order and the output columns, the threads' sums added in thread order. Sixteen
    /// output channels run in the lanes; (channel block, input channel) jobs are shared
    /// between our threads.
    /// `ranges` overrides the threads' shares (a grouped layer's: one thread a group,
    /// OneDNNGroupedConvolutionAVX512Weights.swift). Taps `dilation` apart.
    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>, ranges shares: [Range<Int>]? = nil) {
        let (sh, s, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let (dh, dw) = p.g.dilation
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw
        let rows = sharesRows(p) ? p.oh : 1
        let ranges = shares ?? reductionRanges(p)
        let blocks = (p.oc + block - 1) / block
        let gp = OneDNNConvolution.interleave(gy, count: p.n, rows: p.oc, cols: oplane, as: Lanes.self)
        defer { gp.deallocate() }
        let (xBox, wBox) = (UncheckedBox(x), UncheckedBox(gw))
        OneDNNConvolution.parallel(blocks * p.c) { job in
            let (ob, c) = (job / p.c, job % p.c)
            let lanes = min(block, p.oc - ob * block)
            for i in 0..<p.kh {
                let oy0 = max(0, (top - i * dh + sh - 1) / sh), oy1 = min(p.oh, (p.h + top - i * dh + sh - 1) / sh)
                for j in 0..<p.kw {
                    let ox0 = max(0, (left - j * dw + s - 1) / s), ox1 = min(p.ow, (p.w + left - j * dw + s - 1) / s)
                    var total = Lanes()
                    for (t, range) in ranges.enumerated() {
                        var acc = Lanes()
                        for unit in range {
                            let (img, r) = (unit / rows, unit % rows)
                            let (ra, rb) = rows == 1 ? (oy0, oy1) : (max(oy0, r), min(oy1, r + 1))
                            let g = gp + (img * blocks + ob) * oplane
                            let xc = xBox.value + (img * p.c + c) * plane
                            for oy in ra..<max(ra, rb) {
                                let xrow = xc + (oy * sh - top + i * dh) * p.w - left + j * dw
                                let grow = g + oy * p.ow
                                for ox in ox0..<max(ox0, ox1) {
                                    acc = acc.addingProduct(grow[ox], Lanes(repeating: xrow[ox * s]))
                                }
                            }
                        }
                        total = t == 0 ? acc : total + acc
                    }
                    let out = wBox.value + ((ob * block) * p.c + c) * taps + i * p.kw + j
                    for l in 0..<lanes { out[l * p.c * taps] = total[l] }
                }
            }
        }
    }

    /// Bias gradient: plain additions from zero per thread, the threads' sums added in
    /// thread order. With the 2d harness the kernel adds it beside the weights, over the
    /// same (image, output row) shares; otherwise oneDNN's reducer shares out images
    /// (`reduce_balancer_t` over the primitive's threads, jobs of 16 channels, a buffer of
    /// 19,200 floats per thread).
    /// A grouped layer's group (`groups` > 1) passes its one-thread `ranges` and has the
    /// reducer balance all groups' jobs over the primitive's 2 threads.
    static func gradBias(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, into gb: UnsafeMutablePointer<Float>,
                         ranges shares: [Range<Int>]? = nil, groups: Int = 1) {
        let oplane = p.oh * p.ow
        let blocks = (p.oc + block - 1) / block
        let rows = sharesRows(p) ? p.oh : 1
        let threads = groups > 1 ? 2 : balance(p).total
        let ranges = rows > 1 ? shares ?? reductionRanges(p)
            : OneDNNConvolution.imageRanges(p.n, parts: biasReducerThreads(p, jobs: groups * blocks, threads: threads))
        let positions = oplane / rows
        let gp = OneDNNConvolution.interleave(gy, count: p.n, rows: p.oc, cols: oplane, as: Lanes.self)
        defer { gp.deallocate() }
        for ob in 0..<blocks {
            var total = Lanes()
            for (t, range) in ranges.enumerated() {
                var acc = Lanes()
                for unit in range {
                    let g = gp + ((unit / rows) * blocks + ob) * oplane + (unit % rows) * positions
                    for k in 0..<positions { acc += g[k] }
                }
                total = t == 0 ? acc : total + acc
            }
            for l in 0..<min(block, p.oc - ob * block) { gb[ob * block + l] = total[l] }
        }
    }

    /// Threads sharing one bias job's images: oneDNN's reducer as the AVX-512 weight
    /// primitives configure it (`max_buffer_size = nthr * 3 * 5 * 5 * 16 * 16`).
    static func biasReducerThreads(_ p: Convolution.Plan, jobs: Int, threads: Int) -> Int {
        threads < 2 ? 1 : OneDNNConvolution.reducerThreads(jobs: jobs, jobSize: block, reduction: p.n,
                                                             maxBuffer: threads * 3 * 5 * 5 * 16 * 16, threads: threads)
    }
}
