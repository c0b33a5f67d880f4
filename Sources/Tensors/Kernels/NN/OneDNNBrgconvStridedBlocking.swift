/// How oneDNN's `brgconv_strided` (brgemm_convolution_bwd_strided_t, the strided float32
/// input gradient) blocks a shape, ported from `brgemm_convolution_bwd_utils::init_conf`
/// with the same float arithmetic: it scores every input-column block `iw_block` (a divisor
/// of the width, a multiple of the width's stride) for kernel-row blocks of `kh` and of the
/// height's stride, and input-channel blocks of 1–4 registers, and keeps the best score.
/// The blocks decide the order: each brgemm call sums its own chain, which is then added to
/// the element (OneDNNBrgconvStrided.swift). Checked on every `exec_base` shape of the
/// AVX2 and AVX-512 goldens (the chosen blocks give PyTorch's bits; the channel block is
/// the one ONEDNN_VERBOSE prints, `Bcda24b` for 24). Caches as oneDNN reads this machine:
/// L1 32 KiB, L2 512 KiB per core; PyTorch's 2 threads.
extension OneDNNBrgconvStrided {
    struct Blocking: Equatable {
        /// Input columns per brgemm block (`iw_block`) and kernel rows per call (`kh_block`).
        var iwBlock: Int, khBlock: Int
        /// Input channels per brgemm (`ic_block`, the N dimension; no effect on the order).
        var icBlock: Int
    }

    static let l1Bytes = 32 * 1024, l2Bytes = 512 * 1024, threads = 2

    /// `init_conf`'s blocking for plan `p` (one group of `groups`), or nil where oneDNN finds
    /// none. A 1×1 kernel has one tap per element, so any block gives the same sums.
    static func blocking(_ p: Convolution.Plan, groups: Int = 1, avx512: Bool = OneDNNISA.avx512Core) -> Blocking? {
        if p.kh == 1 && p.kw == 1 { return Blocking(iwBlock: p.w, khBlock: 1, icBlock: avx512 ? 16 : 8) }
        let simd = avx512 ? 16 : 8, regs = avx512 ? 32 : 16
        let (mb, ic, oc, ih, iw, kh, kw) = (p.n, p.c, p.oc, p.h, p.w, p.kh, p.kw)
        let (sh, sw, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let bottom = (p.oh - 1) * sh + kh - (ih + top), right = (p.ow - 1) * sw + kw - (iw + left)
        let ohp = p.oh + max(0, kh - 1 - top) / sh + max(0, kh - 1 - bottom) / sh
        let owp = p.ow + max(0, kw - 1 - left) / sw + max(0, kw - 1 - right) / sw
        // loop_ngcdhw when the output gradient is smaller than one channel's weights.
        let byChannels = p.oh * p.ow * 4 < ic * kh * kw * 4
        var best: Blocking?, bestScore: Float = 0, carried: Float = 0
        for icb in stride(from: min(divUp(ic, simd), 4), through: 1, by: -1) {
            let icBlock = icb * simd, rndIc = roundUp(ic, simd)
            if icBlock == 64 && !(rndIc % 64 == 0 && rndIc * 4 < 192 * 4) { continue }
            if icBlock == 48 && !(rndIc % 48 == 0 && rndIc * 4 <= 384 * 4 && p.oh * p.ow > 81 * sh * sw) { continue }
            let s = Shape(mb: mb, groups: groups, ic: ic, oc: oc, ih: ih, iw: iw, oh: p.oh, ow: p.ow, kh: kh, kw: kw,
                          sh: sh, sw: sw, ohp: ohp, owp: owp, byChannels: byChannels, simd: simd, regs: regs, icBlock: icBlock)
            // calc_blocks starts from the score the previous channel block kept (its best_brgb
            // copies `*this`), so a later block must beat it to count.
            guard let (b, score) = s.calcBlocks(carried: carried) else { continue }
            carried = score
            if score > bestScore { (best, bestScore) = (b, score) }
        }
        return best
    }

    static func divUp(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
    static func roundUp(_ a: Int, _ b: Int) -> Int { divUp(a, b) * b }

    /// `brgemm_blocking_vmm`'s `bd_block` (rows per register block, oneDNN's `ur`) for an
    /// f32 brgemm of `bcast` rows, `load` columns, `reduce` products per element.
    static func registerRows(bcast: Int, load: Int, reduce: Int, simd: Int, regs: Int) -> Int {
        let ldb = load / simd
        // ld_block2 = 4 first; with no virtual padding the first try is kept.
        var ldBlock2 = 4
        let ldb2 = ldb / ldBlock2, ldb2Tail = ldb % ldBlock2
        if ldb2 == 0 { ldBlock2 = max(1, ldb2Tail) }
        let adj = max(1, ldb2 != 0 ? ldBlock2 : ldb2Tail)
        let oneLoad = regs == 16 && adj == 4  // n_bcast_1_load on AVX2's 16 registers
        let micro = (regs - (oneLoad ? 1 : adj) - (oneLoad ? 0 : 1)) / (adj + (oneLoad ? 1 : 0))
        let maxBcast = min(micro, regs / adj)
        var rows = maxBcast, bestEff: Float = 0
        for b in stride(from: maxBcast, through: 1, by: -1) {
            let disb: Float = bcast <= 0 ? 0 : Float(bcast) / Float(roundUp(bcast, b))
            let eff = disb * ((Float(adj) * Float(b)) / Float((adj + b) * maxBcast))
            if Float(4) * Float(b) * Float(reduce) <= Float(l1Bytes) && eff > bestEff { (rows, bestEff) = (b, eff) }
        }
        return rows
    }
}
