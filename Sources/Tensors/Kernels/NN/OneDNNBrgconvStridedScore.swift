/// `brg_blocking_t`'s scoring for `brgconv_strided` (jit_brgemm_conv_bwd_utils.cpp):
/// `calc_blocks` / `iterate_ker_block` try each kernel-row block and each input-column
/// block, and `est_eff` scores one by its register use, thread balance and an estimate of
/// cache traffic over the loop nest. Ported with oneDNN's float and integer steps in its
/// order, because the winner can turn on the last bit of a score.
extension OneDNNBrgconvStrided {
    /// One channel-block candidate of one shape (no depth: 2-d and 1-d convolutions).
    struct Shape {
        let mb, groups, ic, oc, ih, iw, oh, ow, kh, kw, sh, sw, ohp, owp: Int
        let byChannels: Bool
        let simd, regs, icBlock: Int

        var nbIc: Int { divUp(ic, icBlock) }

        /// `calc_blocks`: the best (blocking, score) that beats `carried`, if any.
        func calcBlocks(carried: Float) -> (Blocking, Float)? {
            let work = Float(mb * groups * nbIc * ih * iw) / (Float(0.9) * Float(threads))
            let maxIwThr = max(1, min(iw, Int(work.rounded(.up))))
            var best: Blocking?, bestScore = carried
            for khBlock in kh != 1 ? [kh, sh] : [kh] {
                let ihBlock = rowBlock()
                let startIw = min(maxIwThr, iw)
                var previous = 0
                for ns in 1...iw {
                    let spb = divUp(iw, ns)
                    if spb == previous || spb > startIw || spb % sw != 0 || iw % spb != 0 { continue }
                    previous = spb
                    let score = estEff(iwBlock: spb, khBlock: khBlock, ihBlock: ihBlock)
                    if (score > bestScore || bestScore == 0) && score >= 0.00001 {
                        (best, bestScore) = (Blocking(iwBlock: spb, khBlock: khBlock, icBlock: icBlock), score)
                    }
                }
            }
            return best.map { ($0, bestScore) }
        }

        /// `iterate_ker_block`'s `ih_block`: what fits half the L2, then a multiple of the
        /// height's stride that divides the height.
        func rowBlock() -> Int {
            let wBlockSize = 2 * 4 * oc * owp + 4 * iw * icBlock
            let otherSize = 4 * kh * kw * oc * icBlock + 4 * 2 * 16 * icBlock
            let l2Available = min(divUp(l2Bytes, 2), otherSize > l2Bytes ? 0 : l2Bytes - otherSize)
            var ihBlock = ih
            if ohp * wBlockSize > l2Available { ihBlock = max(1, min(ih, l2Available / wBlockSize)) }
            let thrIcBlock = divUp(threads, mb * divUp((ic > 32 ? groups : 1) * ic, icBlock))
            ihBlock = min(ihBlock, divUp(ih, thrIcBlock))
            while (ihBlock % sh != 0 || (ih % sh == 0 && ih % ihBlock != 0)) && ihBlock < ih { ihBlock += 1 }
            return ihBlock
        }

        func inputWidth(_ outW: Int, _ kerW: Int) -> Int { min(ow, (outW - 1) * min(kerW, sw) + kerW) }
        func roundedInput(_ outW: Int, _ kerW: Int, _ voc: Int) -> Int {
            let vsp = inputWidth(outW, kerW)
            return sw == 1 && voc >= oc ? roundUp(vsp * voc, simd) : vsp * roundUp(voc, simd)
        }

        /// The share of the threads' work the busiest thread does, where there are fewer jobs
        /// than threads. One position (n, g, icb, id, ih, spb) is stepped by both iterator
        /// orders, as est_eff's shared variables are.
        func jobBalance(work: Int, nbSp: Int, spBlock: Int) -> Float {
            var jobs = [Int](repeating: 0, count: threads)
            // Index into (n, g, icb, id, ih, spb), outermost first, for each loop order.
            let spatialFirst = [0, 3, 4, 5, 1, 2], channelsFirst = [0, 1, 2, 3, 4, 5]
            let sizes = [mb, groups, nbIc, 1, ih, nbSp]
            func start(_ order: [Int], _ at: Int) -> [Int] {
                var r = [0, 0, 0, 0, 0, 0], v = at
                for k in order.reversed() { r[k] = v % sizes[k]; v /= sizes[k] }
                return r
            }
            func step(_ pos: inout [Int], _ order: [Int]) {
                for k in order.reversed() {
                    pos[k] += 1
                    if pos[k] < sizes[k] { return }
                    pos[k] = 0
                }
            }
            for t in 0..<threads where t < work {
                let n1 = divUp(work, threads), t1 = work - (n1 - 1) * threads
                let first = t <= t1 ? t * n1 : t1 * n1 + (t - t1) * (n1 - 1)
                let count = t < t1 ? n1 : n1 - 1
                let order = byChannels ? channelsFirst : spatialFirst
                var pos = start(order, first)
                for _ in 0..<count {
                    jobs[t] += min(iw - pos[5] * spBlock, spBlock) * min(ic - pos[2] * icBlock, icBlock)
                    // est_eff steps the spatial-first iterator once more whatever the loop order.
                    step(&pos, spatialFirst)
                    step(&pos, order)
                }
            }
            let most = jobs.max() ?? 0
            return most == 0 ? 1 : Float(jobs.reduce(0, +)) / Float(most * threads)
        }
    }
}
