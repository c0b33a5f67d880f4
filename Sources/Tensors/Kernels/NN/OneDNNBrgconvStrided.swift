/// oneDNN's `brgconv_strided` input gradient where the width is a multiple of its stride
/// (`exec_base` in jit_brgemm_conv_bwd_strided.cpp, `ker_base`). For each input row and
/// each block of `iwBlock` input columns, the columns of one stride phase (`iw`, `iw + sw`,
/// ...) are one brgemm's rows; the kernel taps are split into calls: first each kernel
/// column that reaches the block only in part (`kw_s..kw_full_s`), then the columns every
/// position of the block reaches, together (`kw_full_s..kw_full_f`), then the partial ones
/// on the right, each per block of `khBlock` kernel rows. A call is one fused multiply-add
/// chain from zero over kernel row, kernel column, output channel (all of them: `oc_block`
/// is `oc`); the first call stores its sums (beta 0, the block's other positions +0) and
/// each later one adds its chain to them. The blocks are oneDNN's
/// (OneDNNBrgconvStridedBlocking.swift); the same on AVX2 and AVX-512, where only the
/// blocking's register counts differ. Where the width is not a multiple of the stride,
/// oneDNN copies the output gradient into a padded buffer (`exec_trans`) and sums one chain
/// (OneDNNConvolution.gradInput).
enum OneDNNBrgconvStrided {
    /// One brgemm call for one stride phase of one input-column block: the kernel rows and
    /// columns it sums, and the `count` input columns `first`, `first + sw`, ... it covers.
    struct Call {
        var rows: [Int], columns: [Int], first: Int, count: Int
    }

    /// Whether oneDNN runs `exec_base`: a strided gradient whose width its stride divides.
    static func runsBase(_ p: Convolution.Plan) -> Bool {
        p.g.stride != (1, 1) && p.w % p.g.stride.1 == 0
    }

    /// `get_iw_range`: the first input column of phase start `iw` whose output column for
    /// kernel column `kw` exists, and how many of the block's `m` columns have one.
    static func columnRange(_ p: Convolution.Plan, iw: Int, kw: Int, m: Int) -> (first: Int, count: Int) {
        let (sw, left) = (p.g.stride.1, p.g.padding.1.0)
        var ow = (iw - kw + left) / sw  // C's division, toward zero
        let over = ow + (m - 1) - p.ow + 1
        var first = iw, skipped = 0
        if ow < 0 { skipped += -ow; first += skipped }
        if over > 0 { skipped += over }
        var last = first + (m - skipped)
        first = min(first, iw + m)
        last = min(max(last, first), iw + m)
        let count = last - first
        first = iw
        ow = (first - kw + left) / sw
        while ow < 0 && first + sw < p.w { first += sw; ow = (first - kw + left) / sw }
        return (first, count)
    }

    /// `ker_base`'s calls, in order, for input row `ih` and the phase starting at column `iw`
    /// of a block of `b.iwBlock` columns.
    static func calls(_ p: Convolution.Plan, _ b: Blocking, ih: Int, iw: Int) -> [Call] {
        let (sh, sw, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let m = b.iwBlock / sw
        // get_kw_range: the kernel columns reaching some / every column of the phase.
        var kwS = -1, kwFullS = -1, kwFullF = -1, kwF = -1
        for kw in 0..<p.kw {
            let r = columnRange(p, iw: iw, kw: kw, m: m)
            guard r.count > 0 else { continue }
            if kwS == -1 { kwS = kw }
            kwF = kw + 1
            if r.count == m {
                if kwFullS == -1 { kwFullS = kw }
                kwFullF = kw + 1
            }
        }
        if kwF == -1 { (kwS, kwF) = (0, 0) }
        if kwFullF == -1 { (kwFullS, kwFullF) = (kwF, kwF) }
        var phase = 0
        while (iw + left - phase) % sw != 0 { phase += 1 }
        while kwS % sw != phase { kwS += 1 }
        while kwFullS % sw != phase { kwFullS += 1 }
        // set_k_range: the kernel rows whose output row exists, from the first of the row's phase.
        var rowPhase = 0
        while (ih + top - rowPhase) % sh != 0 { rowPhase += 1 }
        let khF = min(p.kh, ih + top + 1)
        var khS = max(0, ih + top - p.oh * sh + 1)
        while khS % sh != rowPhase { khS += 1 }
        guard khF > khS && kwF > kwS && kwS < p.kw else { return [] }

        var out: [Call] = []
        func call(_ khB: Int, _ kwB: Int, _ kwE: Int) {
            guard kwE > kwB && kwB < p.kw else { return }
            let rows = (khB..<min(khF, khB + b.khBlock)).filter { (ih - $0 + top) % sh == 0 }
            let r = columnRange(p, iw: iw, kw: kwB, m: m)
            out.append(Call(rows: rows, columns: Array(stride(from: kwB, to: kwE, by: sw)), first: r.first, count: max(0, r.count)))
        }
        let rowBlocks = Array(stride(from: khS, to: khF, by: b.khBlock))
        for khB in rowBlocks { for kw in stride(from: kwS, to: kwFullS, by: sw) { call(khB, kw, kw + 1) } }
        if kwFullS < kwFullF {
            for khB in rowBlocks { for kwB in stride(from: kwFullS, to: kwFullF, by: p.kw) { call(khB, kwB, min(kwFullF, kwB + p.kw)) } }
        }
        if kwFullF < kwF {
            for khB in rowBlocks { for kw in stride(from: kwFullF, to: kwF, by: sw) { call(khB, kw, kw + 1) } }
        }
        return out
    }

    /// The calls of every (input row, block, phase): `[ih][block * sw + phase]`.
    static func callTable(_ p: Convolution.Plan, _ b: Blocking) -> [[[Call]]] {
        let sw = p.g.stride.1
        return (0..<p.h).map { ih in
            (0..<(p.w / b.iwBlock) * sw).map { k in calls(p, b, ih: ih, iw: (k / sw) * b.iwBlock + k % sw) }
        }
    }

    /// The input gradient in that order. Eight input channels run in the lanes (the calls
    /// depend on the position only); images and channel blocks are shared between threads.
    static func gradInput(_ p: Convolution.Plan, _ b: Blocking, _ gy: UnsafeMutablePointer<Float>,
                          _ w: UnsafeMutablePointer<Float>, into gx: UnsafeMutablePointer<Float>) {
        typealias Lanes = OneDNNConvolution.Lanes
        let block = OneDNNConvolution.block
        let (sh, sw, top, left) = (p.g.stride.0, p.g.stride.1, p.g.padding.0.0, p.g.padding.1.0)
        let plane = p.h * p.w, oplane = p.oh * p.ow, taps = p.kh * p.kw, m = b.iwBlock / sw
        let blocks = (p.c + block - 1) / block
        let table = callTable(p, b)
        // Weights as [oc][c / 8][kh][kw] × 8 lanes (oc matrices of c rows).
        let pw = OneDNNConvolution.interleave(w, count: p.oc, rows: p.c, cols: taps)
        defer { pw.deallocate() }
        let (gBox, xBox) = (UncheckedBox(gy), UncheckedBox(gx))
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.oc * oplane
            let wc = pw + cb * taps, wStride = blocks * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * plane
            var sums = [Lanes](repeating: Lanes(repeating: 0), count: m)
            for ih in 0..<p.h {
                for (k, calls) in table[ih].enumerated() {
                    let iw = (k / sw) * b.iwBlock + k % sw
                    for i in 0..<m { sums[i] = Lanes(repeating: 0) }
                    for (n, c) in calls.enumerated() {
                        for j in 0..<c.count {
                            let x = c.first + j * sw
                            var acc = Lanes(repeating: 0)
                            for kh in c.rows {
                                let grow = gi + ((ih - kh + top) / sh) * p.ow
                                for kw in c.columns {
                                    let g = grow + (x - kw + left) / sw, wt = wc + kh * p.kw + kw
                                    for o in 0..<p.oc {
                                        acc = acc.addingProduct(Lanes(repeating: g[o * oplane]), wt[o * wStride])
                                    }
                                }
                            }
                            let at = (x - iw) / sw
                            sums[at] = n == 0 ? acc : acc + sums[at]
                        }
                    }
                    for i in 0..<m {
                        let at = ih * p.w + iw + i * sw
                        for l in 0..<lanes { xo[l * plane + at] = sums[i][l] }
                    }
                }
            }
        }
    }
}
