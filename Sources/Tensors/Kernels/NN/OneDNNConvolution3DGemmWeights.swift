/// `Conv3d`'s weight gradient where oneDNN 3.13 runs `x64:gemm:jit` (the depth padded):
/// `gemm_convolution_bwd_weights_t::execute_backward_weights_ncsp` on float32 `ncdhw`.
/// Per image and output depth, the columns of that depth slice (`im2col_3d`: one row per
/// channel and kernel tap, one column per output row and column, zero in the padding)
/// times the output gradient's slice, `sgemm("T", "N", c·taps, o, oh·ow)`, accumulated into
/// the weight gradient (beta 0 for a thread's first image and depth, then 1). As in 2-d
/// (`OneDNNGemmConvolution.gradWeight`): with fewer than 256 output positions a slice per
/// thread (and more than one image or more than 2 groups), `bwd_weights_balance` gives
/// each thread whole groups, or with one group the 2 threads split the images and their
/// sums are added in thread order; else one team whose sgemms run on both threads. Groups
/// (`p.groups`) index the channels as in 2-d: per group its own columns and products.
extension OneDNNConvolution3D {
    static func gradWeightGemm(_ p: Plan, _ gy: UnsafePointer<Float>, _ x: UnsafePointer<Float>,
                               into gw: UnsafeMutablePointer<Float>, avx512: Bool = OneDNNISA.avx512Core) {
        typealias G = OneDNNGemmConvolution
        let os = p.oh * p.ow, k = p.od * os, cg = p.c / p.groups, ocg = p.o / p.groups, m = cg * p.taps, size = ocg * m
        let outer = os / G.threads < 256 && (p.n != 1 || p.groups > 2)
        let teams = outer ? G.threads : 1, sgemmThreads = outer ? 1 : G.threads
        // `bwd_weights_balance`: whole groups per thread, then the images split (reduced after)
        let groupTeams = min(p.groups, teams)
        let imageTeams = min(p.n != 1 && teams != 1 ? p.n : 1, teams / groupTeams)
        let col = UnsafeMutablePointer<Float>.allocate(capacity: m * os)
        let partial = UnsafeMutablePointer<Float>.allocate(capacity: max(1, imageTeams > 1 ? teams * size : 0))
        defer { col.deallocate(); partial.deallocate() }
        for thread in 0..<teams where thread / imageTeams < p.groups {
            let groupTeam = thread / imageTeams, imageTeam = thread % imageTeams
            let images = G.balance211(p.n, team: imageTeams, id: imageTeam)
            for grp in G.balance211(p.groups, team: groupTeams, id: groupTeam) {
                let dst = imageTeams > 1 ? partial + (groupTeam * imageTeams + imageTeam) * size : gw + grp * size
                for img in images {
                    let src = x + (img * p.c + grp * cg) * p.volume
                    for z in 0..<p.od {
                        columns(p, src, depth: z, channels: cg, into: col)
                        G.sgemm(avx512: avx512, transA: true, transB: false, m: m, n: ocg, k: os, a: UnsafePointer(col), lda: os,
                                b: gy + (img * p.o + grp * ocg) * k + z * os, ldb: k,
                                beta: img == images.lowerBound && z == 0 ? 0 : 1, c: dst, ldc: m, threads: sgemmThreads)
                    }
                }
            }
        }
        // `bwd_weights_reduction_par_ncsp`: the teams' sums in order (one group then).
        if imageTeams > 1 {
            for s in 0..<size {
                var total: Float = 0
                for t in 0..<imageTeams { total = total + partial[t * size + s] }
                gw[s] = total
            }
        }
    }

    /// `im2col_3d` of one image for output depth `depth`: `col[((c·kd + a)·kh + i)·kw + j][oy·ow + ox]`,
    /// taps `p.dilation` apart.
    static func columns(_ p: Plan, _ x: UnsafePointer<Float>, depth z: Int, channels: Int? = nil, into col: UnsafeMutablePointer<Float>) {
        let (s, pad, dl) = (p.stride, p.padding, p.dilation), os = p.oh * p.ow
        var row = col
        for c in 0..<(channels ?? p.c) {
            for a in 0..<p.kd {
                let iz = z * s[0] - pad[0] + a * dl[0]
                for i in 0..<p.kh {
                    for j in 0..<p.kw {
                        for oy in 0..<p.oh {
                            let iy = oy * s[1] - pad[1] + i * dl[1]
                            for ox in 0..<p.ow {
                                let ix = ox * s[2] - pad[2] + j * dl[2]
                                let inside = iz >= 0 && iz < p.d && iy >= 0 && iy < p.h && ix >= 0 && ix < p.w
                                row[oy * p.ow + ox] = inside ? x[((c * p.d + iz) * p.h + iy) * p.w + ix] : 0
                            }
                        }
                        row += os
                    }
                }
            }
        }
    }
}
