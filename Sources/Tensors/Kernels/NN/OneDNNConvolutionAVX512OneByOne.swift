/// oneDNN 3.13's `jit_1x1:avx512_core` forward and unit-stride input gradient: the same
/// orders as `jit_1x1:avx2` (OneDNNConvolution1x1.swift: a chain over each chunk of the
/// reduced channels, the first chunk's from the bias in the forward, later chunks added to
/// the sum so far) with another chunk, the kernel's `reduce_blocking`. The weight and bias
/// gradients follow below.
extension OneDNNConvolutionAVX512 {
    /// `reduce_blocking` of the 1×1 `init_conf` (2 threads, so always its `expl_bcast`
    /// branch), in channels: the reduced channels (input channels forward, output channels
    /// for the input gradient) go by 80 where the other side has at most 256 channels and
    /// the rows number 11 to 27, by 512 above 10 rows, else by 256. Nil where oneDNN would
    /// shrink the chunk further to spare the cache (input planes times chunk over 7 × 16K).
    static func reduceChunk1x1(_ p: Convolution.Plan, forward: Bool) -> Int? {
        func padded(_ n: Int) -> Int { (n + block - 1) / block * block }
        let reduced = padded(forward ? p.c : p.oc), loaded = padded(forward ? p.oc : p.c)
        let rows = forward ? p.oh : p.h
        let chunk = loaded <= 256 && rows > 10 && rows < 28 ? min(reduced, 80)
            : rows > 10 ? min(reduced, 512) : min(reduced, 256)
        return max(p.h * p.w, p.oh * p.ow) * chunk > 7 * 16384 ? nil : chunk
    }
}

/// `jit_1x1:avx512_core` weight and bias gradients (`jit_avx512_common_1x1_convolution_bwd_weights_t`).
/// Positions are cut into blocks of `reduce_block` (a divisor of the plane from 16 down to
/// 7); oneDNN's `balance` picks how many threads share the (image, position block) pairs;
/// each thread runs one chain per piece of its share (at most `reduce_blocking` positions,
/// never across images, the rest whole under 1.5 times that), each added to its sum so far,
/// and the threads' sums are added in thread order. The bias is the reducer's, over images.
/// A strided 1×1 first copies the input at unit stride, so planes are the output's.
extension OneDNNConvolutionAVX512 {
    /// oneDNN's `best_divider`: between `low` and `high` (counting down), the chunk that
    /// wastes the least of `value` when it is rounded up to a multiple; the largest such
    /// (`largest`) or the smallest.
    static func bestDivider(_ value: Int, _ low: Int, _ high: Int, largest: Bool) -> Int {
        let hi = max(1, min(high, value)), lo = max(1, min(low, hi))
        var best = hi, lowest = Float.greatestFiniteMagnitude
        for d in stride(from: hi, through: lo, by: -1) {
            let up = (value + d - 1) / d * d
            let loss = Float(up - value) / Float(up)
            if largest ? loss < lowest : loss <= lowest { (lowest, best) = (loss, d) }
        }
        return best
    }

    /// Floats in one core's L1 data cache as oneDNN counts it (32 KiB on the AVX-512
    /// machine the goldens come from; a 48 KiB L1 would give longer pieces).
    static let l1Floats = 32 * 1024 / 4

    /// The 1×1 weight kernel's blocking: positions per block, blocks per piece, the
    /// longest tail piece in blocks, and the reduction's threads (`nthr_mb`) and all threads.
    struct Blocking1x1 { let block: Int, piece: Int, tail: Int, threads: Int, total: Int }

    static func blocking1x1(_ p: Convolution.Plan, threads: Int = IntraOpThreads.count) -> Blocking1x1 {
        func divUp(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
        let plane = p.oh * p.ow
        var rb = bestDivider(plane, 7, 16, largest: true)
        if plane % rb != 0 { rb = bestDivider(p.ow, 4, p.ow, largest: false) }
        if rb > 256 { rb = 1 }
        let ur = rb <= 19 ? block / 2 : block
        let high = min(l1Floats / ur, plane), low = min(l1Floats / ur, max(p.ow, p.oh))
        let blocking = max(bestDivider(plane, low, high, largest: true) / rb * rb, rb)
        let blockingMax = blocking * 3 / 2 / rb * rb
        let blocks = divUp(plane, rb)
        let nbIc = divUp(p.c, block), nbOc = divUp(p.oc, block)
        func memory(_ mb: Int, _ ocb: Int, _ icb: Int) -> Int {
            divUp(p.n * blocks, mb) * divUp(nbIc, icb) * block * rb
                + divUp(p.n * blocks, mb) * divUp(nbOc, ocb) * block * rb
                + 12 * divUp(nbOc, ocb) * divUp(nbIc, icb) * block * block
        }
        var best = (mb: 1, ocb: 1, icb: 1), lowest = memory(1, 1, 1)
        for mb in stride(from: 1, through: min(threads, p.n * blocks), by: 1) {
            let par = threads / mb
            for ocb in stride(from: 1, through: min(par, nbOc), by: 1) {
                let icb = min(par / ocb, nbIc)
                if memory(mb, ocb, icb) <= lowest { (lowest, best) = (memory(mb, ocb, icb), (mb, ocb, icb)) }
            }
        }
        if best.mb > threads / 2 && best.mb < threads { best.mb = min(p.n, threads) }
        return Blocking1x1(block: rb, piece: divUp(blocking, rb), tail: divUp(blockingMax, rb),
                           threads: best.mb, total: best.mb * best.ocb * best.icb)
    }

    /// Each reducing thread's pieces: (image, positions of the output plane).
    static func pieces1x1(_ p: Convolution.Plan) -> [[OneDNNConvolution.Piece1x1]] {
        let b = blocking1x1(p), plane = p.oh * p.ow
        let blocks = (plane + b.block - 1) / b.block
        return OneDNNConvolution.imageRanges(p.n * blocks, parts: b.threads).map { r in
            var out: [OneDNNConvolution.Piece1x1] = []
            var u = r.lowerBound
            while u < r.upperBound {
                let (img, sb) = (u / blocks, u % blocks)
                let remaining = min(blocks - sb, r.upperBound - u)
                let step = remaining < b.tail ? remaining : b.piece
                out.append(.init(image: img, range: (sb * b.block)..<min(plane, (sb + step) * b.block)))
                u += step
            }
            return out
        }
    }

    /// Weight gradient of `jit_1x1:avx512_core`: see the extension's note. Sixteen output
    /// channels run in the lanes; (channel block, input channel) jobs are shared between
    /// our threads.
    static func gradWeight1x1(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                              into gw: UnsafeMutablePointer<Float>) {
        let plane = p.h * p.w, oplane = p.oh * p.ow
        let blocks = (p.oc + block - 1) / block
        let pieces = pieces1x1(p)
        let at = OneDNNConvolution.positions1x1(p)
        let gp = OneDNNConvolution.interleave(gy, count: p.n, rows: p.oc, cols: oplane, as: Lanes.self)
        defer { gp.deallocate() }
        let (xBox, wBox) = (UncheckedBox(x), UncheckedBox(gw))
        at.withUnsafeBufferPointer { at in
            let aBox = UncheckedBox(at)
            OneDNNConvolution.parallel(blocks * p.c) { job in
                let (ob, c) = (job / p.c, job % p.c)
                let lanes = min(block, p.oc - ob * block)
                var total = Lanes()
                for (t, mine) in pieces.enumerated() {
                    var sum = Lanes()
                    for (i, piece) in mine.enumerated() {
                        let g = gp + (piece.image * blocks + ob) * oplane
                        let xc = xBox.value + (piece.image * p.c + c) * plane
                        var acc = Lanes()
                        for k in piece.range { acc = acc.addingProduct(g[k], Lanes(repeating: xc[aBox.value[k]])) }
                        sum = i == 0 ? acc : acc + sum
                    }
                    total = t == 0 ? sum : total + sum
                }
                let out = wBox.value + (ob * block) * p.c + c
                for l in 0..<lanes { out[l * p.c] = total[l] }
            }
        }
    }

    /// Bias gradient beside the 1×1 weight kernel (`ker_bias`): plain additions over the
    /// images and positions of each reducer thread's share, the shares added in order.
    static func gradBias1x1(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, into gb: UnsafeMutablePointer<Float>) {
        let oplane = p.oh * p.ow
        let blocks = (p.oc + block - 1) / block
        let ranges = OneDNNConvolution.imageRanges(p.n, parts: biasReducerThreads(p, jobs: blocks, threads: blocking1x1(p).total))
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
