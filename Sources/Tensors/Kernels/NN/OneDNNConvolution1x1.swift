/// oneDNN 3.13's `jit_1x1:avx2` kernels (jit_avx2_1x1_convolution.cpp), which it runs
/// instead of `jit:avx2` for a 1×1 kernel without padding, at unit stride or at a stride
/// that divides the input exactly (`rtus_prepare`: the input is then first copied at unit
/// stride, which changes no sum). The 1×1 kernel splits each reduction into fixed chunks
/// whose partial sums it adds, and its weight gradient splits positions rather than images
/// between threads, so its orders differ from the generic kernel's; they are repeated here
/// bit for bit (OneDNNConvolutionShapesGoldenTests). The strided data gradient still runs
/// `brgconv_strided` (`gradInput`).
extension OneDNNConvolution {
    /// Whether oneDNN picks its 1×1 kernels for this convolution.
    static func runs1x1(_ p: Convolution.Plan) -> Bool {
        p.kh == 1 && p.kw == 1 && p.g.padding.0 == (0, 0) && p.g.padding.1 == (0, 0)
            && p.oh * p.g.stride.0 == p.h && p.ow * p.g.stride.1 == p.w
    }

    /// Input offset (within one channel) of each output position: the unit-stride copy.
    static func positions1x1(_ p: Convolution.Plan) -> [Int] {
        (0..<(p.oh * p.ow)).map { k in (k / p.ow) * p.g.stride.0 * p.w + (k % p.ow) * p.g.stride.1 }
    }

    /// Forward: input channels go by chunks of `chunk` (the kernel's `reduce_blocking`: 128
    /// for `jit_1x1:avx2`; `jit_1x1:avx512_core` passes its own); the first chunk's chain
    /// starts at the bias, each later one at zero and is then added to the sum so far. Eight
    /// output channels run in the lanes (the per-element order does not depend on the
    /// register width), four positions side by side; images and channel blocks are shared
    /// between threads.
    static func forward1x1(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                           _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>, chunk: Int = 128) {
        let plane = p.h * p.w, oplane = p.oh * p.ow
        let blocks = (p.oc + block - 1) / block
        let at = positions1x1(p)
        // Weights as [oc / 8][c] × 8 lanes.
        let pw = interleave(w, count: 1, rows: p.oc, cols: p.c)
        defer { pw.deallocate() }
        var starts = [Lanes](repeating: Lanes(repeating: 0), count: blocks)
        if let bias {
            for o in 0..<p.oc { starts[o / block][o % block] = bias[o] }
        }
        let (xBox, yBox) = (UncheckedBox(x), UncheckedBox(y))
        starts.withUnsafeBufferPointer { starts in
            at.withUnsafeBufferPointer { at in
                let (sBox, aBox) = (UncheckedBox(starts), UncheckedBox(at))
                parallel(p.n * blocks) { job in
                    let (img, ob) = (job / blocks, job % blocks)
                    let xi = xBox.value + img * p.c * plane, at = aBox.value
                    let wb = pw + ob * p.c
                    let lanes = min(block, p.oc - ob * block)
                    let yo = yBox.value + (img * p.oc + ob * block) * oplane
                    let zero = Lanes(repeating: 0)
                    var k = 0
                    while k < oplane {
                        let m = min(4, oplane - k)
                        // Past the last position the lanes repeat it (and are not stored).
                        let i0 = at[k], i1 = at[k + min(1, m - 1)], i2 = at[k + min(2, m - 1)], i3 = at[k + m - 1]
                        var a0 = sBox.value[ob], a1 = a0, a2 = a0, a3 = a0
                        var c0 = 0
                        while c0 < p.c {
                            let c1 = min(c0 + chunk, p.c)
                            var b0 = c0 == 0 ? a0 : zero, b1 = c0 == 0 ? a1 : zero
                            var b2 = c0 == 0 ? a2 : zero, b3 = c0 == 0 ? a3 : zero
                            for c in c0..<c1 {
                                let xc = xi + c * plane, wv = wb[c]
                                b0 = b0.addingProduct(Lanes(repeating: xc[i0]), wv)
                                b1 = b1.addingProduct(Lanes(repeating: xc[i1]), wv)
                                b2 = b2.addingProduct(Lanes(repeating: xc[i2]), wv)
                                b3 = b3.addingProduct(Lanes(repeating: xc[i3]), wv)
                            }
                            if c0 == 0 {
                                (a0, a1, a2, a3) = (b0, b1, b2, b3)
                            } else {
                                a0 = b0 + a0; a1 = b1 + a1; a2 = b2 + a2; a3 = b3 + a3
                            }
                            c0 = c1
                        }
                        func store(_ v: Lanes, _ u: Int) {
                            if u < m { for l in 0..<lanes { yo[l * oplane + k + u] = v[l] } }
                        }
                        store(a0, 0); store(a1, 1); store(a2, 2); store(a3, 3)
                        k += m
                    }
                }
            }
        }
    }

    /// Input gradient at unit stride: output channels go by chunks of `chunk` (64 for
    /// `jit_1x1:avx2`); each chunk is a chain from zero, added to the sum of the chunks
    /// before it. Eight input channels run in the lanes; images and channel blocks are
    /// shared between threads.
    static func gradInput1x1(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                             into gx: UnsafeMutablePointer<Float>, chunk: Int = 64) {
        let plane = p.h * p.w
        let blocks = (p.c + block - 1) / block
        // Weights as [oc][c / 8] × 8 lanes.
        let pw = interleave(w, count: p.oc, rows: p.c, cols: 1)
        defer { pw.deallocate() }
        let (gBox, xBox) = (UncheckedBox(gy), UncheckedBox(gx))
        parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.oc * plane
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * plane
            for k in 0..<plane {
                var total = Lanes(repeating: 0)
                var o0 = 0
                while o0 < p.oc {
                    var acc = Lanes(repeating: 0)
                    for o in o0..<min(o0 + chunk, p.oc) {
                        acc = acc.addingProduct(Lanes(repeating: gi[o * plane + k]), pw[o * blocks + cb])
                    }
                    total = o0 == 0 ? acc : acc + total
                    o0 += chunk
                }
                for l in 0..<lanes { xo[l * plane + k] = total[l] }
            }
        }
    }

    /// oneDNN's `reduce_balancer_t::balance` for 2 threads: how many threads share one
    /// job's reduction (see `parts`, which is this with the generic kernel's 2 MiB buffer).
    static func reducerThreads(jobs: Int, jobSize: Int, reduction: Int, maxBuffer: Int, threads: Int = IntraOpThreads.count) -> Int {
        let minJobsPerGroup = max(1, jobs / threads)
        let maxJobsPerGroup = max(1, maxBuffer / (threads * jobSize))
        let groups = min(jobs / minJobsPerGroup, threads)
        var perGroup = min(threads / groups, reduction)
        var best = jobs * jobSize * reduction
        for jobsPerGroup in stride(from: minJobsPerGroup, to: jobs, by: 1) {
            let g = min(jobs / jobsPerGroup, threads)
            let t = min(threads / g, reduction)
            let groupJobs = (jobs + g - 1) / g
            if t > 1 && groupJobs > maxJobsPerGroup { continue }
            let cost = jobSize * groupJobs * ((reduction + t - 1) / t + (t != 1 ? 1 : 0))
            if cost < best {
                perGroup = t
                best = cost
            }
        }
        return perGroup
    }

    /// The 1×1 weight kernel's channel blocking (`init_conf`): a count of blocks of 8,
    /// halved or divided by 3 while it is above `limit`.
    static func blocking1x1(_ blocks: Int, limit: Int) -> Int {
        var b = blocks
        while b > limit {
            if b % 2 == 0 { b /= 2 } else if b % 3 == 0 { b /= 3 } else { break }
        }
        return b
    }

    /// One chain of the weight gradient: positions `range` of image `image`.
    struct Piece1x1 { let image: Int; let range: Range<Int> }

    /// The weight gradient's chains, per thread of a reduction group: the threads share the
    /// images' positions (`balance211` over images × positions); each thread cuts its part
    /// at image boundaries, then into pieces of 128 positions (the rest whole where under
    /// 192). Empty when the whole reduction is a single thread's.
    static func pieces1x1(_ p: Convolution.Plan, threads: Int) -> [[Piece1x1]] {
        let oplane = p.oh * p.ow
        return imageRanges(p.n * oplane, parts: threads).map { r in
            var out: [Piece1x1] = []
            var at = r.lowerBound
            while at < r.upperBound {
                let img = at / oplane
                let end = min(r.upperBound, (img + 1) * oplane)
                var sp = at
                while sp < end {
                    let step = end - sp < 192 ? end - sp : 128
                    out.append(Piece1x1(image: img, range: (sp - img * oplane)..<(sp - img * oplane + step)))
                    sp += step
                }
                at = end
            }
            return out
        }
    }

    /// Weight gradient (`jit_avx2_1x1_convolution_bwd_weights_t`): per thread one chain
    /// from zero per piece (see `pieces1x1`), each added to the thread's sum so far; where
    /// two threads share a job, the reducer then adds their sums to zero in thread order.
    /// Eight output channels run in the lanes, four input channels side by side; channel
    /// blocks are shared between threads (the position split above is oneDNN's).
    static func gradWeight1x1(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                              into gw: UnsafeMutablePointer<Float>) {
        let plane = p.h * p.w, oplane = p.oh * p.ow
        let blocks = (p.oc + block - 1) / block, icBlocks = (p.c + block - 1) / block
        let ocBlocking = blocking1x1(blocks, limit: 32), icBlocking = blocking1x1(icBlocks, limit: 9)
        let jobs = (blocks + ocBlocking - 1) / ocBlocking * ((icBlocks + icBlocking - 1) / icBlocking)
        let jobSize = ocBlocking * icBlocking * block * block
        let threads = reducerThreads(jobs: jobs, jobSize: jobSize, reduction: p.n * oplane, maxBuffer: 2 * jobSize * 8)
        let pieces = pieces1x1(p, threads: threads)
        let at = positions1x1(p)
        let gp = interleave(gy, count: p.n, rows: p.oc, cols: oplane)
        defer { gp.deallocate() }
        let quads = (p.c + 3) / 4
        let (xBox, wBox) = (UncheckedBox(x), UncheckedBox(gw))
        at.withUnsafeBufferPointer { at in
            let aBox = UncheckedBox(at)
            parallel(blocks * quads) { job in
                let (ob, q) = (job / quads, job % quads)
                let lanes = min(block, p.oc - ob * block)
                let c0 = q * 4, cn = min(4, p.c - q * 4)
                // Channels past the last read channel c0 (their sums are dropped).
                let p1 = cn > 1 ? plane : 0, p2 = cn > 2 ? 2 * plane : 0, p3 = cn > 3 ? 3 * plane : 0
                let zero = Lanes(repeating: 0)
                var t0 = zero, t1 = zero, t2 = zero, t3 = zero
                for (t, mine) in pieces.enumerated() {
                    var a0 = zero, a1 = zero, a2 = zero, a3 = zero
                    for (i, piece) in mine.enumerated() {
                        let g = gp + (piece.image * blocks + ob) * oplane
                        let xc = xBox.value + (piece.image * p.c + c0) * plane
                        var b0 = zero, b1 = zero, b2 = zero, b3 = zero
                        for k in piece.range {
                            let gv = g[k], xr = xc + aBox.value[k]
                            b0 = b0.addingProduct(gv, Lanes(repeating: xr[0]))
                            b1 = b1.addingProduct(gv, Lanes(repeating: xr[p1]))
                            b2 = b2.addingProduct(gv, Lanes(repeating: xr[p2]))
                            b3 = b3.addingProduct(gv, Lanes(repeating: xr[p3]))
                        }
                        if i == 0 {
                            (a0, a1, a2, a3) = (b0, b1, b2, b3)
                        } else {
                            a0 = b0 + a0; a1 = b1 + a1; a2 = b2 + a2; a3 = b3 + a3
                        }
                    }
                    if pieces.count == 1 {
                        (t0, t1, t2, t3) = (a0, a1, a2, a3)
                    } else {
                        // The 2-d reducer starts from zero.
                        t0 = t0 + a0; t1 = t1 + a1; t2 = t2 + a2; t3 = t3 + a3
                    }
                }
                let sums = [t0, t1, t2, t3]
                for k in 0..<cn {
                    let out = wBox.value + (ob * block) * p.c + c0 + k
                    for l in 0..<lanes { out[l * p.c] = sums[k][l] }
                }
            }
        }
    }

    /// Bias gradient beside the 1×1 weight kernel (`ker_bias`): as `gradBias`, with the
    /// 1×1 reducer's buffer size in the thread split.
    static func gradBias1x1(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, into gb: UnsafeMutablePointer<Float>) {
        let oplane = p.oh * p.ow
        let blocks = (p.oc + block - 1) / block, icBlocks = (p.c + block - 1) / block
        let jobSize = blocking1x1(blocks, limit: 32) * blocking1x1(icBlocks, limit: 9) * block * block
        let ranges = imageRanges(p.n, parts: reducerThreads(jobs: blocks, jobSize: block, reduction: p.n,
                                                            maxBuffer: 2 * jobSize * 8))
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
