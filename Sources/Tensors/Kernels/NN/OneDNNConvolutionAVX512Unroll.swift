/// The width unroll `ur_w` that `jit_avx512_common_conv_fwd_kernel::init_conf` picks for a
/// float32 forward without groups on `avx512_core`. The unroll only tiles the output row
/// (every output keeps its own chain), but `init_conf` refuses a left padding, or a right
/// padding of the untailed outputs, wider than it, so it decides whether `jit:avx512_core`
/// runs at all: the embedded-broadcast kernel unrolls up to 28 columns (10 for small pairs
/// of output blocks), the explicit-broadcast one `31 / (blocks + 1)` for the output-channel
/// blocking (at most 5 blocks) whose thread balance scores best. Restated with oneDNN's
/// integer and float arithmetic; caches as OneDNNBrgconvStrided reads this machine's
/// (L1 32 KiB, L2 512 KiB), PyTorch's 2 threads.
enum OneDNNAVX512ForwardUnroll {
    static let registers = 28

    static func divUp(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
    static func roundUp(_ a: Int, _ b: Int) -> Int { divUp(a, b) * b }

    /// `ur_w` for plan `p`, or nil where `init_conf` refuses the shape (a padding wider than
    /// the unroll, or a kernel too large for its code-size bound). With `groupBlock`, `p` is
    /// one group of a grouped layer (its own channels, no padding to 16, never a "first
    /// convolution") blocked by that many channels (`simd_w`: 16, 8 or 4).
    static func unroll(_ p: Convolution.Plan, groupBlock: Int? = nil, l1Bytes: Int = OneDNNBrgconvStrided.l1Bytes,
                       l2Bytes: Int = OneDNNBrgconvStrided.l2Bytes, threads: Int = OneDNNBrgconvStrided.threads) -> Int? {
        let firstConv = groupBlock == nil && p.c < 16, simd = groupBlock ?? 16
        let ic = firstConv || groupBlock != nil ? p.c : roundUp(p.c, 16), oc = groupBlock != nil ? p.oc : roundUp(p.oc, 16)
        let icBlock = firstConv ? ic : simd, nbOc = oc / simd
        let (sh, sw) = p.g.stride, left = p.g.padding.1.0
        let ekw = (p.kw - 1) * p.g.dilation.1 + 1
        let (ow, w, mb) = (p.ow, p.w, p.n)
        func endPadding(_ out: Int) -> Int { OneDNNPlainGemm.endPadding(left, out: out, size: w, stride: sw, kernel: ekw) }

        var ur = min(ow, registers)
        if ow > 150 && ur < registers / 2 { ur = registers }
        var nOi = ow / ur
        let rPad = endPadding(ur * nOi)
        if left > 0 && rPad > 0 { nOi -= 1 }
        if ur != ow && left > 0 && rPad > 0 && nOi > 1 {  // the KNX code-size heuristic
            let mult = 1 + 1 + 1, ops = 6 + icBlock * p.kw
            for u in stride(from: ur, to: registers / 2, by: -1) where Double(u * mult * ops) * 9.0 < 24 * 1024 {
                ur = u
                break
            }
        }

        func efficiency(_ blocks: Int, _ owBlock: Int, _ nthr: Int) -> Float {
            let work = mb * p.oh * divUp(nbOc, blocks) * divUp(ow, owBlock)
            let disbalance = Float(ow) / Float(roundUp(ow, owBlock))
            return disbalance * Float(work) / Float(roundUp(work, nthr))
        }
        func owBlock(_ blocks: Int, _ u: Int, _ nthr: Int) -> Int {
            if firstConv { return ow }
            let l2Part = (l2Bytes * 7 / 8) / 4
            let src = icBlock * u * p.kh, dst = simd * blocks * u, wei = simd * blocks * icBlock * p.kw * p.kh
            var best = u * max(2, (l2Part - 2 * wei) / (2 * dst + 2 * src))
            var eff = efficiency(blocks, best, nthr)
            let last = divUp(ow, 2 * u)
            var nbOw = divUp(ow, best)
            while nbOw <= last {
                defer { nbOw += 1 }
                let b = min(roundUp(divUp(ow, nbOw), u), ow)
                if b < blocks * simd && eff > 0.9 { break }
                if divUp(ow, b) != nbOw { continue }
                let e = efficiency(blocks, b, nthr)
                if b >= 2 * u && e > eff { (best, eff) = (b, e) }
                if eff > 0.98 { break }
            }
            return min(ow, max(2 * u, best))
        }

        let inBytes = 4 * divUp(w, sw) * icBlock * p.kh, outBytes = 4 * ow * simd * 2
        let weiBytes = 4 * p.kh * p.kw * icBlock * simd * 2, total = inBytes + outBytes + weiBytes
        let base = p.kw == 3 && ow <= 28 && total < l1Bytes && !(p.kw == 3 && ow == 13 && ic >= 192)
            && !(p.kw == 3 && ow == 28 && ic >= 512)
        let explicitOnly = groupBlock == nil && mb == 1 && sh == 1 && ow == 1 && sw == 1 && w == p.kw && nbOc > 1 && left == 0
            && endPadding(ow) == 0 && p.g.dilation.1 == 1 && p.oh >= 60 && p.kh >= 3
        let embedded = !explicitOnly && (p.kw > 3 || (sw == 1 && sh == 1 && base)
            || ((sw != 1 || sh != 1) && mb <= 16 && (oc <= 192 || p.oh <= 10) && base)
            || (mb == 1 && (ur >= ow || firstConv || (ow <= 147 && oc <= 96))))
        var blocking = 1
        if embedded {
            ur = min(ow, registers)
            if total < l1Bytes && ow <= 8 && p.kh <= 3 && p.kw <= 3 && nbOc % 2 == 0 && (!firstConv || mb == 1)
                && (mb != 1 || ur < ow) {
                blocking = 2
                ur = min(ow, 31 / 3)
            }
        } else if !firstConv || mb > 1 || explicitOnly {
            var bestEff: Float = 0
            for i in stride(from: min(nbOc, 5), through: 1, by: -1) where nbOc % i == 0 {
                if explicitOnly { blocking = i; break }
                let u = min(ow, 31 / (i + 1))
                let e = efficiency(i, owBlock(i, u, threads), threads)
                if e > 1.05 * bestEff { (blocking, bestEff) = (i, e) }
            }
            ur = min(ow, 31 / (blocking + 1))
        }
        let tail = ow % ur
        if left > ur || max(0, endPadding(ow - tail)) > ur { return nil }
        let mult = 1 + (left > 0 ? 1 : 0) + (rPad > 0 ? 1 : 0)
        if Float(mult) * Float(p.kw * icBlock * blocking * ur) * 15 > 256 * 1024 { return nil }
        return ur
    }
}
