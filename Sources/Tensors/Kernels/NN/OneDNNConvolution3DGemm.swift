/// `Conv3d`'s forward and data gradient where oneDNN 3.13 runs `x64:gemm:jit` on float32
/// `ncdhw` (gemm_convolution.cpp, `execute_forward_ncsp` / `execute_backward_data_ncsp`):
/// grouped layers whose groups are not whole channel blocks of the ISA's jit kernels
/// (8 on AVX2, 4 on AVX-512; not depthwise, whose forward is `brdgmm_dw`), and plain
/// layers whose padding reaches the kernel (seen with ONEDNN_VERBOSE). For 3-d,
/// `init_conf` blocks nothing: every sgemm covers one output depth slice of one image
/// and group, all its channels, so the order is decided by the sgemm's shape and by
/// whether it runs inside the convolution's parallel region (1 thread) or not:
/// - forward: per image, group, output depth, `im2col_3d` of that slice, then
///   `sgemm("N", "N", oh·ow, oc, ic·ks)` (beta 0) and the bias added, `d = d + b`.
///   Outer threading when `os / threads < 512`, (with one output depth) more than one
///   image or more than 2 groups, and the outer work (`groups·n·od`) balances as well as
///   the inner or `os·ic·oc / threads < 65536`.
/// - data gradient: per group, image the input planes zeroed, then per output depth
///   `sgemm("N", "T", oh·ow, ic·ks, oc)` into columns and `col2im_3d` adding them over
///   kernel depth, output row, kernel row, output column, kernel column. Outer threading
///   as in 2-d, with `ks` counting the kernel depth and `is` one input depth slice.
/// The weight gradient is `gradWeightGemm` (OneDNNConvolution3DGemmWeights.swift).
extension OneDNNConvolution3D {
    typealias G = OneDNNGemmConvolution

    /// Whether oneDNN runs every pass of this float32 layer as `gemm:jit` and these
    /// kernels follow it: dilated layers (any groups, depthwise too; except the forward and
    /// unit-stride data gradient of ungrouped layers the jit kernels take, which the callers
    /// check first: `dilatedJitForwardSelected`, `dilatedJitDataSelected`), grouped layers whose
    /// groups the jit kernels refuse (one image too: ATen's slow path takes only ungrouped
    /// single images), and plain batches with a padding as large as the kernel. One
    /// stride, and every sgemm of a shape `OneDNNSgemm` reproduces.
    public static func gemmSelected(input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int], groups: Int,
                                    dtype: DType, avx512: Bool = OneDNNISA.avx512Core) -> Bool {
        guard dtype == .float32, input.count == 5, weight.count == 5, atenTakesOneDNN(input: input, weight: weight, groups: groups), groups >= 1, input[1] % groups == 0,
              weight[0] % groups == 0, weight[1] * groups == input[1], dilation.count == 3, dilation.allSatisfy({ $0 >= 1 }),
              stride.count == 3, padding.count == 3 else { return false }
        let cg = input[1] / groups, ocg = weight[0] / groups, unit = avx512 ? 4 : 8
        let dilated = dilation != [1, 1, 1]
        let runs = dilated ? true : groups == 1 ? (0..<3).contains { padding[$0] >= weight[2 + $0] }
            : !(cg == 1 && ocg == 1) && (cg % unit != 0 || ocg % unit != 0)  // depthwise: brdgmm_dw forward
        return runs && gemmIsReproduced(plan(input, weight, stride: stride, padding: padding, groups: groups, dilation: dilation))
    }

    static func simd(_ avx512: Bool) -> Int { G.simdWidth(avx512: avx512) }

    static func efficiency(_ work: Int, _ threads: Int) -> Float {
        Float(work) / Float(G.roundUp(work, threads))
    }

    /// No columns: a 1×1×1 kernel at unit stride without padding.
    static func needsColumns(_ p: Plan) -> Bool {
        !(p.od == p.d && p.oh == p.h && p.ow == p.w && p.stride == [1, 1, 1] && p.taps == 1)
    }

    /// `init_conf`'s outer threading for the ncsp 3-d forward (no blocking in 3-d).
    static func gemmForwardOnOuterThreads(_ p: Plan, avx512: Bool) -> Bool {
        let threads = G.threads, os = p.oh * p.ow, ic = p.c / p.groups, oc = p.o / p.groups
        let outer = efficiency(p.groups * p.n * p.od, threads)
        let inner = efficiency(G.divUp(os, simd(avx512)) * G.divUp(oc, simd(avx512)), threads)
        return os / threads < 512 && (p.od != 1 || p.n != 1 || p.groups > 2)
            && (outer / inner >= 1 || os * ic * oc / threads < 64 * 1024)
    }

    /// `init_conf`'s outer threading for the ncsp data gradient.
    static func gemmDataOnOuterThreads(_ p: Plan, avx512: Bool) -> Bool {
        let threads = G.threads, os = p.oh * p.ow, inputSize = p.h * p.w, ic = p.c / p.groups, oc = p.o / p.groups
        let outer = efficiency(p.groups * p.n, threads)
        let inner = efficiency(G.divUp(inputSize, simd(avx512)) * G.divUp(ic, simd(avx512)), threads)
        return (os / threads < 512 || p.taps < 64) && (p.n != 1 || p.groups > 2)
            && (outer / inner >= 1 || inputSize * ic * oc / threads < 64 * 1024)
    }

    static func gemmForward(_ p: Plan, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ bias: UnsafePointer<Float>?,
                            into y: UnsafeMutablePointer<Float>, avx512: Bool = OneDNNISA.avx512Core) {
        let os = p.oh * p.ow, cg = p.c / p.groups, ocg = p.o / p.groups, k = cg * p.taps, m = p.od * os
        let threads = gemmForwardOnOuterThreads(p, avx512: avx512) ? 1 : G.threads
        let columns = needsColumns(p)
        let col = UnsafeMutablePointer<Float>.allocate(capacity: max(1, columns ? k * os : 0))
        defer { col.deallocate() }
        for img in 0..<p.n {
            for grp in 0..<p.groups {
                let src = x + (img * p.c + grp * cg) * p.volume
                for z in 0..<p.od {
                    if columns { self.columns(p, src, depth: z, channels: cg, into: col) }
                    let dst = y + (img * p.o + grp * ocg) * m + z * os
                    G.sgemm(avx512: avx512, transA: false, transB: false, m: os, n: ocg, k: k,
                            a: columns ? UnsafePointer(col) : src + z * os, lda: columns ? os : m,
                            b: w + grp * ocg * k, ldb: k, beta: 0, c: dst, ldc: m, threads: threads)
                    if let bias {
                        for o in 0..<ocg {
                            let b = bias[grp * ocg + o], row = dst + o * m
                            for s in 0..<os { row[s] = row[s] + b }
                        }
                    }
                }
            }
        }
    }

    static func gemmGradInput(_ p: Plan, _ gy: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                              into gx: UnsafeMutablePointer<Float>, avx512: Bool = OneDNNISA.avx512Core) {
        let os = p.oh * p.ow, cg = p.c / p.groups, ocg = p.o / p.groups, k = cg * p.taps, m = p.od * os
        let threads = gemmDataOnOuterThreads(p, avx512: avx512) ? 1 : G.threads
        let columns = needsColumns(p)
        let col = UnsafeMutablePointer<Float>.allocate(capacity: max(1, columns ? k * os : 0))
        defer { col.deallocate() }
        for grp in 0..<p.groups {
            for img in 0..<p.n {
                let dst = gx + (img * p.c + grp * cg) * p.volume
                if columns { dst.update(repeating: 0, count: cg * p.volume) }
                for z in 0..<p.od {
                    G.sgemm(avx512: avx512, transA: false, transB: true, m: os, n: k, k: ocg,
                            a: gy + (img * p.o + grp * ocg) * m + z * os, lda: m, b: w + grp * ocg * k, ldb: k, beta: 0,
                            c: columns ? col : dst + z * os, ldc: columns ? os : m, threads: threads)
                    if columns { col2vol(p, col, depth: z, channels: cg, into: dst) }
                }
            }
        }
    }

    /// `col2im_3d` (unblocked) for output depth `z`: per channel and kernel depth inside
    /// the input, over output row, kernel row, output column, kernel column (taps
    /// `p.dilation` apart).
    static func col2vol(_ p: Plan, _ col: UnsafePointer<Float>, depth z: Int, channels: Int, into x: UnsafeMutablePointer<Float>) {
        let (s, pad, dl) = (p.stride, p.padding, p.dilation), os = p.oh * p.ow
        for c in 0..<channels {
            for a in 0..<p.kd {
                let iz = z * s[0] - pad[0] + a * dl[0]
                guard iz >= 0 && iz < p.d else { continue }
                let plane = x + (c * p.d + iz) * p.h * p.w, cc = col + (c * p.kd + a) * p.kh * p.kw * os
                for oy in 0..<p.oh {
                    for i in 0..<p.kh {
                        let iy = oy * s[1] - pad[1] + i * dl[1]
                        guard iy >= 0 && iy < p.h else { continue }
                        for ox in 0..<p.ow {
                            for j in 0..<p.kw {
                                let ix = ox * s[2] - pad[2] + j * dl[2]
                                guard ix >= 0 && ix < p.w else { continue }
                                plane[iy * p.w + ix] += cc[(i * p.kw + j) * os + oy * p.ow + ox]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether every sgemm of the three passes is one `OneDNNSgemm`/`OneDNNSgemmAVX512`
    /// reproduces (the AVX-512 helper falls back to the AVX2 order by itself).
    static func gemmIsReproduced(_ p: Plan) -> Bool {
        let os = p.oh * p.ow, cg = p.c / p.groups, ocg = p.o / p.groups, k = cg * p.taps
        return OneDNNSgemm.isReproduced(transA: false, transB: false, m: os, n: ocg, k: k, threads: G.threads)
            && OneDNNSgemm.isReproduced(transA: false, transB: true, m: os, n: k, k: ocg, threads: G.threads)
            && OneDNNSgemm.isReproduced(transA: true, transB: false, m: k, n: ocg, k: os, threads: G.threads)
    }
}

extension OneDNNConvolution3D {
    /// The `gemm:jit` forward of a layer `gemmSelected` takes.
    public static func gemmForward(input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int],
                                   groups: Int, dilation: [Int] = [1, 1, 1]) throws(TensorError) -> Tensor {
        let p = plan(input.sizes, weight.sizes, stride: stride, padding: padding, groups: groups, dilation: dilation)
        let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
        let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
        let bc = try bias?.contiguous()
        defer { withExtendedLifetime((xkeep, wkeep, bc)) {} }
        let out = try Tensor(empty: [p.n, p.o, p.od, p.oh, p.ow], dtype: .float32, device: input.device)
        gemmForward(p, x, w, bc.map { NNBuffer.pointer($0, as: Float.self) }, into: NNBuffer.pointer(out, as: Float.self))
        return out
    }

    /// The `gemm:jit` data gradient of a layer `gemmSelected` takes.
    public static func gemmGradInput(gradOutput: Tensor, weight: Tensor, inputSizes: [Int], stride: [Int], padding: [Int],
                                     groups: Int, dilation: [Int] = [1, 1, 1]) throws(TensorError) -> Tensor {
        let p = plan(inputSizes, weight.sizes, stride: stride, padding: padding, groups: groups, dilation: dilation)
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
        defer { withExtendedLifetime((gkeep, wkeep)) {} }
        let out = try Tensor(empty: inputSizes, dtype: .float32, device: gradOutput.device)
        gemmGradInput(p, gy, w, into: NNBuffer.pointer(out, as: Float.self))
        return out
    }
}

extension OneDNNConvolution3D {
    /// `conv_transpose3d`'s bias gradient (`ref_deconvolution`'s `compute_bwd_bias`) from
    /// its output gradient `g` (the convolution's input): where that stays plain `ncdhw` —
    /// a `gemm:jit` weight pass, or 1 to 3 channels in the jit kernels' first-convolution
    /// layout (3 on AVX2, as in 2-d) — per image a sum from 0 added to the channel's total
    /// (`compute_bwd_bias_ncdhw`), else one chain per channel over images, then positions
    /// (`nCdhwXc`). `weight` is the transposed layer's, the convolution's as oneDNN sees it.
    public static func transposedGradBias(_ g: Tensor, weight: [Int], stride: [Int], padding: [Int],
                                          dilation: [Int] = [1, 1, 1], groups: Int = 1) throws(TensorError) -> Tensor {
        let pass = weightPass(weight: weight, padding: padding, groups: groups, input: g.sizes, stride: stride, dilation: dilation)
        let c = g.sizes[1]
        let perImage = pass == .gemm || c == 3 || (pass == .jitAVX512 && c <= 3)
        return try TransposedConvolution.referenceBiasSum(g, perImage: perImage)
    }
}
