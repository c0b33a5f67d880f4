/// The weight and bias gradients of grouped float32 convolutions that oneDNN 3.13 runs as
/// `jit:avx512_core` on AVX-512 machines: its weight kernel takes only whole 16-channel
/// blocks of input and output channels a group (groups of 8 or 4 fall to `jit:avx2`'s,
/// OneDNNGroupedConvolution.swift; others to `gemm:jit`). Each group is the plain AVX-512
/// weight gradient (OneDNNConvolutionAVX512Weights.swift) of its own channels, but
/// `balance` gives every group its own thread (`nthr_g` = the groups, or the 2 threads
/// where there are more groups), so no thread splits a group's reduction: each weight is
/// one chain over all images (and output rows), the bias one over the same. Checked
/// against PyTorch on an AVX-512 machine (OneDNNGroupedConvAVX512Goldens.json and
/// OneDNNDilatedConvAVX512Goldens.json, the cases whose log names `jit:avx512_core`).
extension OneDNNGroupedConvolutionAVX512 {
    /// Whether oneDNN runs the weight gradient as grouped `jit:avx512_core`.
    static func weightApplies(_ p: Convolution.Plan) -> Bool {
        isSelected(p, dtype: .float32) && p.cg % 16 == 0 && p.ocg % 16 == 0
            && OneDNNConvolutionAVX512.weightApplies(groupPlan(p))
    }

    /// One thread's share: every (image[, output row]) unit of the group.
    static func wholeReduction(_ q: Convolution.Plan) -> [Range<Int>] {
        [0..<(q.n * (OneDNNConvolutionAVX512.sharesRows(q) ? q.oh : 1))]
    }

    /// Copies group `grp`'s channels of `n` images of `total` channels into `into`.
    static func gather(_ src: UnsafePointer<Float>, images n: Int, total: Int, group grp: Int, per: Int, plane: Int,
                       into dst: UnsafeMutablePointer<Float>) {
        for img in 0..<n {
            (dst + img * per * plane).update(from: src + (img * total + grp * per) * plane, count: per * plane)
        }
    }

    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafePointer<Float>, _ x: UnsafePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>) {
        let q = groupPlan(p), plane = p.h * p.w, oplane = p.oh * p.ow, size = p.ocg * p.cg * p.kh * p.kw
        let gs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * p.ocg * oplane)
        let xs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * p.cg * plane)
        defer { gs.deallocate(); xs.deallocate() }
        for grp in 0..<p.g.groups {
            gather(gy, images: p.n, total: p.oc, group: grp, per: p.ocg, plane: oplane, into: gs)
            gather(x, images: p.n, total: p.c, group: grp, per: p.cg, plane: plane, into: xs)
            OneDNNConvolutionAVX512.gradWeight(q, gs, xs, into: gw + grp * size, ranges: wholeReduction(q))
        }
    }

    static func gradBias(_ p: Convolution.Plan, _ gy: UnsafePointer<Float>, into gb: UnsafeMutablePointer<Float>) {
        let q = groupPlan(p), oplane = p.oh * p.ow
        let gs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * p.ocg * oplane)
        defer { gs.deallocate() }
        for grp in 0..<p.g.groups {
            gather(gy, images: p.n, total: p.oc, group: grp, per: p.ocg, plane: oplane, into: gs)
            OneDNNConvolutionAVX512.gradBias(q, gs, into: gb + grp * p.ocg, ranges: wholeReduction(q), groups: p.g.groups)
        }
    }
}
