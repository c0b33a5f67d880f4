/// oneDNN 3.13's `gemm:jit` convolution (gemm_convolution.cpp, plain NCHW "ncsp" layout),
/// which PyTorch 2.15 runs for float32 grouped convolutions whose groups are not whole
/// 8-channel blocks (and depthwise layers with a channel multiplier), for dilated weight
/// gradients and for the depthwise passes `jit_dw` does not take. Each pass is im2col /
/// col2im around oneDNN's own sgemm (`OneDNNSgemm`), group by group and image by image,
/// with oneDNN's split of the work between PyTorch's 2 threads, which decides whether each
/// sgemm sees 1 thread (inside the convolution's parallel region) or 2:
/// - data gradient (`execute_backward_data_ncsp`): per (group, image) the columns
///   `col = gy·Wᵀ` (`sgemm("N", "T", os, ic·ks, oc)`, beta 0), then col2im adds each
///   column into the input plane from zero, over kernel row, output row, kernel column,
///   output column (a 1×1 kernel at stride 1 without padding writes the plane directly).
///   `init_conf` runs the images and groups on 2 threads ("outer threading", sgemm on 1)
///   when `os / 2 < 512 || ks < 64`, there is more than one image or more than 2 groups,
///   and the outer work balances at least as well as the inner or `is·ic·oc / 2 < 65536`.
/// - weight gradient (`execute_backward_weights_ncsp`): per group and image
///   `gw += colᵀ·gy` (`sgemm("T", "N", ic·ks, oc, os)`, beta 0 on a thread's first image,
///   1 after). On 2 threads (`os / 2 < 256` and more than one image or more than 2 groups)
///   `bwd_weights_balance` gives each thread whole groups, or, with one group, half the
///   images each into its own buffer, the buffers then added (`0 + ws0 + ws1`).
/// - bias gradient: per output row a sum from zero, rows added in order over images (the
///   row's `omp simd` reduction starts a private sum at 0).
/// The forward pass's blocking heuristic is not reproduced yet (it stays on the slow path).
enum OneDNNGemmConvolution {
    /// The threads PyTorch gives oneDNN: its intra-op count (`omp_get_max_threads()`),
    /// which `torch.set_num_threads` changes and which changes the sums' split.
    static var threads: Int { IntraOpThreads.count }

    /// oneDNN's `balance211`: `count` items over `team` threads, the first ones one more.
    static func balance211(_ count: Int, team: Int, id: Int) -> Range<Int> {
        guard team > 1, count > 0 else { return 0..<count }
        let big = (count + team - 1) / team, small = big - 1, bigTeams = count - small * team
        let start = id <= bigTeams ? id * big : bigTeams * big + (id - bigTeams) * small
        return start..<(start + (id < bigTeams ? big : small))
    }

    /// oneDNN's sgemm in the order of the ISA it runs on: `OneDNNSgemmAVX512` where it
    /// reproduces the product (the convolutions never force its no-copy kernel), else
    /// `OneDNNSgemm` (AVX2's order).
    static func sgemm(avx512: Bool, transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
                      c: UnsafeMutablePointer<Float>, ldc: Int, threads: Int) {
        if avx512 && OneDNNSgemmAVX512.isReproduced(transA: transA, transB: transB, m: m, n: n, k: k,
                                                     lda: lda, ldb: ldb, ldc: ldc, threads: threads) {
            OneDNNSgemmAVX512.gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                                   beta: beta, c: c, ldc: ldc, threads: threads)
        } else {
            OneDNNSgemm.gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                             beta: beta, c: c, ldc: ldc, threads: threads)
        }
    }

    /// Whether the pass needs columns (im2col / col2im) at all.
    static func needsColumns(_ p: Convolution.Plan) -> Bool {
        !(p.oh == p.h && p.ow == p.w && p.g.stride == (1, 1) && p.kh * p.kw == 1)
    }

    /// The columns of one image's group: `col[(c·kh + i)·kw + j][oy·ow + ox]`, zero where
    /// the tap falls in the padding.
    static func im2col(_ p: Convolution.Plan, _ x: UnsafePointer<Float>, into col: UnsafeMutablePointer<Float>) {
        let os = p.oh * p.ow, (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        let top = p.g.padding.0.0, left = p.g.padding.1.0
        for c in 0..<p.cg {
            let plane = x + c * p.h * p.w
            for i in 0..<p.kh {
                for j in 0..<p.kw {
                    let row = col + ((c * p.kh + i) * p.kw + j) * os
                    for oy in 0..<p.oh {
                        let y = oy * sh - top + i * dh
                        for ox in 0..<p.ow {
                            let xx = ox * sw - left + j * dw
                            row[oy * p.ow + ox] = y >= 0 && y < p.h && xx >= 0 && xx < p.w ? plane[y * p.w + xx] : 0
                        }
                    }
                }
            }
        }
    }

    /// col2im (`jit_gemm_convolution_utils::col2im`, unblocked): each input plane from
    /// zero, adding the columns over kernel row, output row, kernel column, output column.
    static func col2im(_ p: Convolution.Plan, _ col: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>) {
        let os = p.oh * p.ow, ks = p.kh * p.kw, (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        let top = p.g.padding.0.0, left = p.g.padding.1.0
        for c in 0..<p.cg {
            let plane = x + c * p.h * p.w, cc = col + c * ks * os
            plane.update(repeating: 0, count: p.h * p.w)
            for i in 0..<p.kh {
                for oy in 0..<p.oh {
                    let y = oy * sh - top + i * dh
                    guard y >= 0 && y < p.h else { continue }
                    for j in 0..<p.kw {
                        let src = cc + (i * p.kw + j) * os + oy * p.ow
                        for ox in 0..<p.ow {
                            let xx = ox * sw - left + j * dw
                            if xx >= 0 && xx < p.w { plane[y * p.w + xx] += src[ox] }
                        }
                    }
                }
            }
        }
    }

    /// `init_conf`'s outer threading for the ncsp data gradient (`simd_w`: 8 floats on
    /// AVX2, 16 on AVX-512).
    static func dataGradientOnOuterThreads(_ p: Convolution.Plan, avx512: Bool = OneDNNISA.avx512Core) -> Bool {
        let os = p.oh * p.ow, ks = p.kh * p.kw, inputSize = p.h * p.w, simd = simdWidth(avx512: avx512)
        func efficiency(_ work: Int) -> Double { Double(work) / Double((work + threads - 1) / threads * threads) }
        let outer = efficiency(p.g.groups * p.n)
        let inner = efficiency(divUp(inputSize, simd) * divUp(p.cg, simd))
        return (os / threads < 512 || ks < 64) && (p.n != 1 || p.g.groups > 2)
            && (outer / inner >= 1 || inputSize * p.cg * p.ocg / threads < 65536)
    }

    /// `init_conf`'s outer threading for the ncsp weight gradient.
    static func weightGradientOnOuterThreads(_ p: Convolution.Plan) -> Bool {
        p.oh * p.ow / threads < 256 && (p.n != 1 || p.g.groups > 2)
    }

    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>, avx512: Bool = OneDNNISA.avx512Core) {
        let os = p.oh * p.ow, ks = p.kh * p.kw, cols = p.cg * ks, plane = p.h * p.w
        let sgemmThreads = dataGradientOnOuterThreads(p, avx512: avx512) ? 1 : threads
        let columns = needsColumns(p)
        let col = UnsafeMutablePointer<Float>.allocate(capacity: max(1, columns ? cols * os : 0))
        defer { col.deallocate() }
        for grp in 0..<p.g.groups {
            for img in 0..<p.n {
                let dst = gx + (img * p.c + grp * p.cg) * plane
                sgemm(avx512: avx512, transA: false, transB: true, m: os, n: cols, k: p.ocg,
                                 a: gy + (img * p.oc + grp * p.ocg) * os, lda: os,
                                 b: w + grp * p.ocg * cols, ldb: cols, beta: 0,
                                 c: columns ? col : dst, ldc: os, threads: sgemmThreads)
                if columns { col2im(p, col, into: dst) }
            }
        }
    }

    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafePointer<Float>, _ x: UnsafePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>, avx512: Bool = OneDNNISA.avx512Core) {
        let os = p.oh * p.ow, ks = p.kh * p.kw, m = p.cg * ks, size = p.ocg * m, plane = p.h * p.w
        let outer = weightGradientOnOuterThreads(p)
        let teams = outer ? threads : 1, sgemmThreads = outer ? 1 : threads
        let imagesSplit = p.n != 1 && teams != 1
        let groupTeams = min(p.g.groups, teams)
        let imageTeams = min(imagesSplit ? p.n : 1, teams / groupTeams)
        let columns = needsColumns(p)
        let col = UnsafeMutablePointer<Float>.allocate(capacity: max(1, columns ? m * os : 0))
        let partial = UnsafeMutablePointer<Float>.allocate(capacity: max(1, imageTeams > 1 ? teams * size : 0))
        defer { col.deallocate(); partial.deallocate() }
        for thread in 0..<teams where thread / imageTeams < p.g.groups {
            let groupTeam = thread / imageTeams, imageTeam = thread % imageTeams
            let images = balance211(p.n, team: imageTeams, id: imageTeam)
            for grp in balance211(p.g.groups, team: groupTeams, id: groupTeam) {
                let dst = imageTeams > 1 ? partial + (groupTeam * imageTeams + imageTeam) * size : gw + grp * size
                for img in images {
                    let src = x + (img * p.c + grp * p.cg) * plane
                    if columns { im2col(p, src, into: col) }
                    sgemm(avx512: avx512, transA: true, transB: false, m: m, n: p.ocg, k: os,
                                     a: columns ? UnsafePointer(col) : src, lda: os,
                                     b: gy + (img * p.oc + grp * p.ocg) * os, ldb: os,
                                     beta: img == images.lowerBound ? 0 : 1, c: dst, ldc: m, threads: sgemmThreads)
                }
            }
        }
        // `bwd_weights_reduction_par_ncsp`: one group (the only way images are split).
        if imageTeams > 1 {
            for s in 0..<size {
                var total: Float = 0
                for t in 0..<imageTeams { total = total + partial[t * size + s] }
                gw[s] = total
            }
        }
    }

    /// Bias gradient (`execute_backward_weights_ncsp`): per output channel, each output
    /// row is summed from zero, left to right (the row's `omp simd` reduction starts a
    /// private sum at 0), and the rows' sums are added in order over images and rows.
    static func gradBias(n: Int, channels: Int, rows: Int, cols: Int, _ gy: UnsafeMutablePointer<Float>,
                         into gb: UnsafeMutablePointer<Float>) {
        for o in 0..<channels {
            var total: Float = 0
            for img in 0..<n {
                let plane = gy + (img * channels + o) * rows * cols
                for r in 0..<rows {
                    var row: Float = 0
                    for k in 0..<cols { row += plane[r * cols + k] }
                    total += row
                }
            }
            gb[o] = total
        }
    }
}

extension Convolution {
    /// The bias gradient in `gemm:jit`'s order (see `OneDNNGemmConvolution`).
    static func gemmBiasGradient(_ p: Plan, _ gradOutput: Tensor) throws(TensorError) -> Tensor {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let t = try Tensor(empty: [p.oc], dtype: gradOutput.dtype, device: gradOutput.device)
        withExtendedLifetime(gkeep) {
            OneDNNGemmConvolution.gradBias(n: p.n, channels: p.oc, rows: p.oh, cols: p.ow, gy, into: NNBuffer.pointer(t, as: Float.self))
        }
        return t
    }

    /// `gemm:jit`'s data gradient (see `OneDNNGemmConvolution`).
    static func gemmInputGradient(_ p: Plan, _ gradOutput: Tensor, _ input: Tensor, _ weight: Tensor) throws(TensorError) -> Tensor {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
        let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
        withExtendedLifetime((gkeep, wkeep)) {
            OneDNNGemmConvolution.gradInput(p, gy, w, into: NNBuffer.pointer(t, as: Float.self))
        }
        return t
    }

    /// `gemm:jit`'s weight gradient (see `OneDNNGemmConvolution`).
    static func gemmWeightGradient(_ p: Plan, _ gradOutput: Tensor, _ input: Tensor, _ weight: Tensor) throws(TensorError) -> Tensor {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
        let t = try Tensor(empty: weight.sizes, dtype: weight.dtype, device: weight.device)
        withExtendedLifetime((gkeep, xkeep)) {
            OneDNNGemmConvolution.gradWeight(p, gy, x, into: NNBuffer.pointer(t, as: Float.self))
        }
        return t
    }

    /// Groups that are not whole 8-channel blocks (and depthwise layers with a channel
    /// multiplier): oneDNN's `gemm:jit` for every pass; the gradients in its order.
    static func gemmGroupedBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                    needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        (needInput ? try gemmInputGradient(p, gradOutput, input, weight) : nil,
         needWeight ? try gemmWeightGradient(p, gradOutput, input, weight) : nil,
         hasBias ? try gemmBiasGradient(p, gradOutput) : nil)
    }
}
