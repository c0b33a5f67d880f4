/// `Conv3d`'s weight and bias gradients where oneDNN 3.13 runs `jit:avx512_core`
/// (`jit_avx512_common_convolution_bwd_weights_t` with its 3-d harness,
/// `compute_diff_weights_3d`): each weight is, per thread, one chain of fused multiply-adds
/// from zero over the thread's (image, output depth) pairs in order, then output rows and
/// columns (padding taps skipped), the threads' sums added in thread order
/// (`reduce_diff_weights_3d`). The bias is summed by the same kernel over the same pairs,
/// plain additions from zero, the threads' sums added in order (`reduce_diff_bias`).
/// `balance` picks how many threads split the pairs (`nthr_mb`): the 2-d memory and
/// compute costs with the depths folded in and at most `n·od` threads. Taps `dilation`
/// apart in height and width (the kernel steps its rows and columns by it).
extension OneDNNConvolution3DAVX512 {
    /// Whether `jit:avx512_core` takes the weight gradient (else the AVX2 choice,
    /// `OneDNNConvolution3D.weightPass`): no groups, not 1×1×1 (`jit_1x1`), 1 to 3 input
    /// channels or at least 16 (4 to 15 run `jit:avx2` or `gemm:jit`, seen with
    /// ONEDNN_VERBOSE), and `init_conf`'s checks on the dilated kernel's extents: no
    /// dilation in depth ("does not support dilation_d"), dilation in height only at unit
    /// stride there with the dilated kernel within the input, and `boundaries_ok`: left and
    /// right padding under the kernel width and at most 28, top and bottom at most half the
    /// kernel height, front and back under the kernel depth, and a padded depth wider than
    /// the kernel.
    static func weightApplies(_ p: Plan) -> Bool {
        guard p.groups == 1, p.taps > 1, p.c <= 3 || p.c >= block, p.kw < 14, p.dilation[0] == 1 else { return false }
        let (s, pad, dl) = (p.stride, p.padding, p.dilation)
        let ekh = (p.kh - 1) * dl[1] + 1, ekw = (p.kw - 1) * dl[2] + 1
        if dl[1] != 1 && (s[1] != 1 || ekh > p.h) { return false }
        func end(_ k: Int) -> Int {
            let sizes = [(p.od, p.d, p.kd), (p.oh, p.h, ekh), (p.ow, p.w, ekw)][k]
            return max(0, OneDNNPlainGemm.endPadding(pad[k], out: sizes.0, size: sizes.1, stride: s[k], kernel: sizes.2))
        }
        let (back, bottom, right) = (end(0), end(1), end(2))
        return pad[2] < ekw && right < ekw && pad[2] <= 28 && right <= 28
            && pad[1] <= ekh / 2 && bottom <= ekh / 2
            && pad[0] < p.kd && back < p.kd && (pad[0] == 0 || p.kd < p.d + pad[0])
    }

    /// oneDNN's `balance` for the 3-d harness: (`nthr_mb`, all the primitive's threads).
    static func weightBalance(_ p: Plan, threads: Int = IntraOpThreads.count) -> (mb: Int, total: Int) {
        func divUp(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
        let first = p.c <= 3
        let icBlock = first ? p.c : block
        let nbIc = first ? 1 : divUp(p.c, block), nbOc = divUp(p.o, block)
        let s = p.stride
        func memory(_ mb: Int, _ ocb: Int, _ icb: Int) -> Int {
            let src = divUp(p.n, mb) * divUp(nbIc, icb) * icBlock * p.h * p.w * p.d / s[0] / s[1] / s[2]
            let dst = divUp(p.n, mb) * divUp(nbOc, ocb) * block * p.oh * p.ow * p.od
            let wei = 8 * divUp(nbOc, ocb) * divUp(nbIc, icb) * p.kh * p.kw * p.kd * icBlock * block
            return src + dst + wei
        }
        func compute(_ mb: Int, _ ocb: Int, _ icb: Int) -> Int { divUp(p.n, mb) * divUp(nbOc, ocb) * divUp(nbIc, icb) }
        var splits: [(Int, Int, Int)] = []
        for mb in stride(from: 1, through: min(threads, p.n * p.od), by: 1) {
            let par = threads / mb
            for ocb in stride(from: 1, through: min(par, nbOc), by: 1) { splits.append((mb, ocb, min(par / ocb, nbIc))) }
        }
        var best = (mb: 1, ocb: 1, icb: 1)
        var lowest = memory(1, 1, 1)
        for (mb, ocb, icb) in splits where memory(mb, ocb, icb) <= lowest {
            lowest = memory(mb, ocb, icb)
            best = (mb, ocb, icb)
        }
        var bestCompute = compute(best.mb, best.ocb, best.icb)
        for (mb, ocb, icb) in splits {
            let cost = compute(mb, ocb, icb)
            if (cost <= bestCompute && Double(memory(mb, ocb, icb)) < 1.1 * Double(lowest)) || 4 * cost <= 3 * bestCompute {
                bestCompute = cost
                best = (mb, ocb, icb)
            }
        }
        if best.mb > threads / 2 && best.mb < threads { best.mb = min(p.n * p.od, threads) }
        return (best.mb, best.mb * best.ocb * best.icb)
    }

    /// The threads' shares of the (image, output depth) pairs, numbered image by image.
    static func weightRanges(_ p: Plan) -> [Range<Int>] {
        OneDNNConvolution.imageRanges(p.n * p.od, parts: weightBalance(p).mb)
    }

    /// `ranges`: the threads' shares of the (image, output depth) pairs where `p` is one
    /// group of a grouped layer (`OneDNNConvolution3D.groupedWeightRanges`).
    static func gradWeight(_ p: Plan, _ gy: UnsafePointer<Float>, _ x: UnsafePointer<Float>, ranges: [Range<Int>]? = nil,
                           into gw: UnsafeMutablePointer<Float>) {
        let ranges = ranges ?? weightRanges(p)
        let (s, pad, dl) = (p.stride, p.padding, p.dilation)
        let (gBox, xBox, wBox) = (UncheckedBox(gy), UncheckedBox(x), UncheckedBox(gw))
        OneDNNConvolution.parallel(p.o * p.c) { job in
            let (oc, c) = (job / p.c, job % p.c)
            func range(_ k: Int, _ pd: Int, _ st: Int, _ size: Int, _ osize: Int) -> Range<Int> {
                let lo = max(0, (pd - k + st - 1) / st), hi = min(osize, (size + pd - k + st - 1) / st)
                return lo..<max(lo, hi)
            }
            for a in 0..<p.kd {
                let zr = range(a, pad[0], s[0], p.d, p.od)
                for i in 0..<p.kh {
                    let yr = range(i * dl[1], pad[1], s[1], p.h, p.oh)
                    for j in 0..<p.kw {
                        let xr = range(j * dl[2], pad[2], s[2], p.w, p.ow)
                        var total: Float = 0
                        for (t, units) in ranges.enumerated() {
                            var acc: Float = 0
                            for unit in units {
                                let (img, z) = (unit / p.od, unit % p.od)
                                guard zr.contains(z) else { continue }
                                let g = gBox.value + ((img * p.o + oc) * p.od + z) * p.oh * p.ow
                                let xc = xBox.value + (img * p.c + c) * p.volume
                                for y in yr {
                                    let grow = g + y * p.ow
                                    let xrow = xc + ((z * s[0] - pad[0] + a) * p.h + y * s[1] - pad[1] + i * dl[1]) * p.w - pad[2] + j * dl[2]
                                    for xx in xr { acc = acc.addingProduct(grow[xx], xrow[xx * s[2]]) }
                                }
                            }
                            total = t == 0 ? acc : total + acc
                        }
                        wBox.value[((oc * p.c + c) * p.kd + a) * p.kh * p.kw + i * p.kw + j] = total
                    }
                }
            }
        }
    }

    /// `imageStride`: the floats from one image's output gradient to the next (a grouped
    /// layer's group reads its own channels of each image).
    static func gradBias(_ p: Plan, _ gy: UnsafePointer<Float>, imageStride: Int? = nil, ranges: [Range<Int>]? = nil,
                         into gb: UnsafeMutablePointer<Float>) {
        let ranges = ranges ?? weightRanges(p), plane = p.oh * p.ow, stride = imageStride ?? p.o * p.ovolume
        for ch in 0..<p.o {
            var total: Float = 0
            for (t, units) in ranges.enumerated() {
                var acc: Float = 0
                for unit in units {
                    let g = gy + (unit / p.od) * stride + (ch * p.od + unit % p.od) * plane
                    for k in 0..<plane { acc += g[k] }
                }
                total = t == 0 ? acc : total + acc
            }
            gb[ch] = total
        }
    }
}
