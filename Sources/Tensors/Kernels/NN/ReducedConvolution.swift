/// Convolution of float16/bfloat16 tensors as PyTorch 2.15 computes it on ATen's slow path
/// (`slow_conv2d`, per group on `subtensor` copies): im2col, then `cpublas::gemm` with
/// float32 arithmetic, which for these types is ATen's own fallback gemm (oneDNN's f16/bf16
/// gemm is refused without `avx512_core_fp16` resp. `avx512_core`). Products of two
/// float16/bfloat16 values are exact in float32, so each result depends only on the order of
/// its float32 additions and where it is rounded to the element type, all measured against
/// PyTorch 2.15 (/work/fuzz-convhalf/probe.py crafts sums whose value tells the order apart):
/// - forward, `gemm(N, N)` → `gemm_notrans_`: four partial sums (products l ≡ 0…3 mod 4,
///   leftovers into the first) folded in order, plus the bias (beta = 1), rounded once;
/// - input gradient, `gemm(N, T)` → `gemm_transb_`: products added one at a time to a float
///   buffer, rounded into a reduced-precision columns buffer, then `unfolded2d_acc` adds the
///   columns into the gradient in the element type (one rounding per addition);
/// - weight gradient, `gemm(T, N)` → `gemm_transa_` with `fp16/bf16_dot_with_fp32_arith`
///   (its AVX2 build at every capability: no AVX-512 kernel is registered), image after
///   image, each image's dot product added to the rounded gradient so far (beta = 1).
/// bfloat16 is only on this path where oneDNN has no `avx512_core`: there PyTorch runs
/// oneDNN's bf16 convolution (`jit_bf16:avx512_core_bf16`), which is not modelled.
public enum ReducedConvolution {
    /// Whether PyTorch computes a convolution of `dtype` on the slow path modelled here.
    public static func runsSlowPath(_ dtype: DType) -> Bool {
        dtype == .float16 || (dtype == .bfloat16 && !OneDNNISA.avx512Core)
    }

    /// The error for a reduced-precision convolution PyTorch runs on oneDNN's kernels.
    public static func oneDNNRefusal(_ dtype: DType) -> TensorError {
        .notImplemented("convolution of \(dtype.scalarTypeName) tensors on oneDNN's avx512_core bf16 kernels "
                        + "(PyTorch's path on AVX-512 machines) is not implemented in Gradbook")
    }

    /// Throws `oneDNNRefusal` for a float16/bfloat16 convolution PyTorch runs on oneDNN
    /// (for `F.conv3d` and `F.conv_transpose3d`, whose slow paths are Python).
    public static func requireSlowPath(_ dtype: DType) throws(TensorError) {
        if (dtype == .float16 || dtype == .bfloat16) && !runsSlowPath(dtype) { throw oneDNNRefusal(dtype) }
    }

    /// The element type's rounding of a float32 value (round to nearest even).
    static func rounding(_ dtype: DType) -> (Float) -> Float {
        dtype == .float16 ? { Float(Float16($0)) } : { BFloat16($0).float }
    }

    static func floats(_ t: Tensor) throws(TensorError) -> (Tensor, UnsafeMutablePointer<Float>) {
        let f = try t.to(.float32).contiguous()
        return (f, NNBuffer.pointer(f, as: Float.self))
    }

    static func forward(_ p: Convolution.Plan, input: Tensor, weight: Tensor, bias: Tensor?) throws(TensorError) -> Tensor {
        let (kx, x) = try floats(input), (kw, w) = try floats(weight)
        let kb = try bias.map { b throws(TensorError) in try floats(b) }
        let out = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: .float32)
        let o = NNBuffer.pointer(out, as: Float.self)
        let rows = p.rows, cols = p.cols
        var columns = [Float](repeating: 0, count: rows * cols)
        var transposed = [Float](repeating: 0, count: rows * cols)
        withExtendedLifetime((kx, kw, kb)) {
            for img in 0..<p.n {
                for grp in 0..<p.g.groups {
                    columns.withUnsafeMutableBufferPointer { Convolution.im2col(p, x, image: img, group: grp, into: $0.baseAddress!) }
                    for r in 0..<rows { for c in 0..<cols { transposed[c * rows + r] = columns[r * cols + c] } }
                    transposed.withUnsafeBufferPointer { t in
                        for oc in 0..<p.ocg {
                            let ch = grp * p.ocg + oc
                            let wr = w + ch * rows
                            let start = kb.map { $0.1[ch] }
                            let dst = o + (img * p.oc + ch) * cols
                            for c in 0..<cols {
                                let dot = fourPartials(t.baseAddress! + c * rows, wr, rows)
                                dst[c] = start.map { $0 + dot } ?? dot
                            }
                        }
                    }
                }
            }
        }
        return try out.to(input.dtype)
    }

    static func backward(_ p: Convolution.Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                         needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let round = rounding(input.dtype)
        let (kg, go) = try floats(gradOutput), (kx, x) = try floats(input), (kw, w) = try floats(weight)
        let rows = p.rows, cols = p.cols
        var gx: [Float]? = needInput ? [Float](repeating: 0, count: p.n * p.c * p.h * p.w) : nil
        var gw: [Float]? = needWeight ? [Float](repeating: 0, count: p.oc * rows) : nil
        var columns = [Float](repeating: 0, count: rows * cols)
        withExtendedLifetime((kg, kx, kw)) {
            for grp in 0..<p.g.groups {
                for img in 0..<p.n {
                    let g = go + (img * p.oc + grp * p.ocg) * cols
                    if gx != nil {
                        // fgrad_input = W_gᵀ · G, summed over the output channels in order.
                        for r in 0..<rows {
                            for c in 0..<cols {
                                var acc: Float = 0
                                for oc in 0..<p.ocg { acc = acc + g[oc * cols + c] * w[(grp * p.ocg + oc) * rows + r] }
                                columns[r * cols + c] = round(acc)
                            }
                        }
                        columns.withUnsafeBufferPointer { src in
                            gx!.withUnsafeMutableBufferPointer { dst in
                                accumulate(p, src.baseAddress!, image: img, group: grp, into: dst.baseAddress!, round: round)
                            }
                        }
                    }
                    if gw != nil {
                        columns.withUnsafeMutableBufferPointer { Convolution.im2col(p, x, image: img, group: grp, into: $0.baseAddress!) }
                        columns.withUnsafeBufferPointer { cp in
                            gw!.withUnsafeMutableBufferPointer { gwp in
                                for oc in 0..<p.ocg {
                                    let ch = grp * p.ocg + oc
                                    for r in 0..<rows {
                                        let dot = avx2Dot(cp.baseAddress! + r * cols, g + oc * cols, cols)
                                        gwp[ch * rows + r] = round(gwp[ch * rows + r] + dot)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let dtype = input.dtype
        let inputGrad = try gx.map { v throws(TensorError) in try tensor(v, input.sizes).to(dtype) }
        let weightGrad = try gw.map { v throws(TensorError) in try tensor(v, weight.sizes).to(dtype) }
        let dilated = p.g.dilation != (1, 1)
        let biasGrad = !hasBias ? nil
            : dilated ? try dilatedBiasGradient(gradOutput)
            : try Convolution.slowBiasGradient(gradOutput.contiguous(), groups: p.g.groups)
        return (inputGrad, weightGrad, biasGrad)
    }

    /// One image's step of a weight gradient (`gemm(T, N)` with beta = 1, as `slow_conv3d`
    /// makes it): `c[o][r]` rounded from `c[o][r] + dot(g[o], columns[r])`, the dot product
    /// in `avx2Dot`'s order. `c` is (channels × rows), `g` (channels × positions), `columns`
    /// (rows × positions), all of one float16/bfloat16 type.
    public static func weightGradientStep(_ c: Tensor, _ g: Tensor, _ columns: Tensor) throws(TensorError) -> Tensor {
        let round = rounding(c.dtype)
        let channels = c.sizes[0], rows = c.sizes[1], positions = g.sizes[1]
        let (kc, cp) = try floats(c), (kg, gp) = try floats(g), (kx, xp) = try floats(columns)
        var out = [Float](repeating: 0, count: channels * rows)
        withExtendedLifetime((kc, kg, kx)) {
            for o in 0..<channels {
                for r in 0..<rows {
                    out[o * rows + r] = round(cp[o * rows + r] + avx2Dot(xp + r * positions, gp + o * positions, positions))
                }
            }
        }
        return try tensor(out, c.sizes).to(c.dtype)
    }

    /// `slow_conv_dilated2d`'s bias gradient: image after image, `grad_bias += grad_output_n.sum(dims)`
    /// in the element type (each image's plane sums rounded, then each addition).
    public static func dilatedBiasGradient(_ gradOutput: Tensor) throws(TensorError) -> Tensor {
        var gb = try Tensor.zeros([gradOutput.sizes[1]], dtype: gradOutput.dtype)
        for img in 0..<gradOutput.sizes[0] {
            gb = try gb.add(try gradOutput.select(0, img).sum(dims: Array(1..<gradOutput.rank - 1)))
        }
        return gb
    }

    /// A float32 tensor holding `values` (exact: they are already rounded to the element type).
    static func tensor(_ values: [Float], _ sizes: [Int]) throws(TensorError) -> Tensor {
        let t = try Tensor(empty: sizes, dtype: .float32)
        values.withUnsafeBufferPointer { NNBuffer.pointer(t, as: Float.self).update(from: $0.baseAddress!, count: values.count) }
        return t
    }

    /// `unfolded2d_acc`: the columns added into the gradient in the element type, each
    /// element's contributions in kernel-position order.
    static func accumulate(_ p: Convolution.Plan, _ cols: UnsafePointer<Float>, image: Int, group: Int,
                           into gx: UnsafeMutablePointer<Float>, round: (Float) -> Float) {
        let (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        let top = p.g.padding.0.0, left = p.g.padding.1.0
        var row = 0
        for c in 0..<p.cg {
            let plane = gx + ((image * p.c) + group * p.cg + c) * p.h * p.w
            for i in 0..<p.kh {
                for j in 0..<p.kw {
                    let src = cols + row * p.cols
                    var k = 0
                    for oy in 0..<p.oh {
                        let y = oy * sh - top + i * dh
                        for ox in 0..<p.ow {
                            let xx = ox * sw - left + j * dw
                            if y >= 0 && y < p.h && xx >= 0 && xx < p.w { plane[y * p.w + xx] = round(plane[y * p.w + xx] + src[k]) }
                            k += 1
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// `gemm_notrans_`'s `sum`: four float accumulators, leftovers into the first.
    static func fourPartials(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ k: Int) -> Float {
        var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
        var p = 0
        while p + 4 <= k {
            s0 = s0 + a[p] * b[p]; s1 = s1 + a[p + 1] * b[p + 1]
            s2 = s2 + a[p + 2] * b[p + 2]; s3 = s3 + a[p + 3] * b[p + 3]
            p += 4
        }
        while p < k { s0 = s0 + a[p] * b[p]; p += 1 }
        return ((s0 + s1) + s2) + s3
    }

    /// `dot_with_fp32_arith` as built for AVX2: 64 elements per iteration in eight 8-lane
    /// float registers (each 16-element half vector's low lanes into register 2q, high into
    /// 2q+1), the registers folded in halves (r[i] += r[i+4], += r[i+2], += r[i+1]) and the
    /// lanes likewise (`vec_reduce_all`); then 16-element chunks into one register (low then
    /// high half), reduced and added; then the last elements one by one.
    static func avx2Dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ k: Int) -> Float {
        let lanes = 8
        var regs = [Float](repeating: 0, count: 8 * lanes)
        let aligned = k & ~63
        var j = 0
        while j < aligned {
            for q in 0..<8 {
                let base = j + q * lanes
                for l in 0..<lanes { regs[q * lanes + l] = regs[q * lanes + l] + a[base + l] * b[base + l] }
            }
            j += 64
        }
        var count = 8
        while count > 1 {
            count /= 2
            for r in 0..<count { for l in 0..<lanes { regs[r * lanes + l] = regs[r * lanes + l] + regs[(r + count) * lanes + l] } }
        }
        var reduced = lanesReduced(regs, lanes)
        var tail = [Float](repeating: 0, count: lanes)
        let alignedVector = k & ~15
        while j < alignedVector {
            for l in 0..<lanes { tail[l] = tail[l] + a[j + l] * b[j + l] }
            for l in 0..<lanes { tail[l] = tail[l] + a[j + lanes + l] * b[j + lanes + l] }
            j += 16
        }
        reduced = reduced + lanesReduced(tail, lanes)
        while j < k { reduced = reduced + a[j] * b[j]; j += 1 }
        return reduced
    }

    /// `vec_reduce_all` with `+` on the first `lanes` values: halves folded onto each other.
    static func lanesReduced(_ v: [Float], _ lanes: Int) -> Float {
        var v = Array(v[0..<lanes])
        var half = lanes
        while half > 1 {
            half /= 2
            for i in 0..<half { v[i] = v[i] + v[i + half] }
        }
        return v[0]
    }
}
