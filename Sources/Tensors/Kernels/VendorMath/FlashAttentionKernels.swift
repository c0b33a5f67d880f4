#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `scaled_dot_product_attention` as PyTorch's CPU build computes it for 4-D inputs
/// without dropout (`_scaled_dot_product_flash_attention_for_cpu`, ATen's
/// `FlashAttentionKernel.cpp`): per (batch, head) and block of 32 queries (64 from 192,
/// 256 from 768), one column-major BLAS gemm for q·kᵀ per block of 512 keys, the scale
/// applied afterwards (with the mask added), an online softmax whose exponentials are
/// PyTorch's `exp_u20` polynomial in vector lanes and the double `exp` rounded in the scalar tail,
/// a second gemm for ·v, and the rows multiplied by 1/sum. The backward recomputes the
/// probabilities from the saved log-sum-exp with SLEEF's `exp` and runs four gemms per block.
/// The numbers, so, are PyTorch's bit for bit, not those of the softmax-then-matmul path.
public enum FlashAttention {
    /// Inputs in PyTorch's (batch, heads, length, head size) order; `mask` is additive, of
    /// the inputs' dtype, already broadcastable as (B or 1, H or 1, L, S).
    public struct Problem {
        public let q: Tensor, k: Tensor, v: Tensor
        public let mask: Tensor?
        public let isCausal: Bool
        public let scale: Double?

        public init(q: Tensor, k: Tensor, v: Tensor, mask: Tensor?, isCausal: Bool, scale: Double?) {
            self.q = q; self.k = k; self.v = v; self.mask = mask; self.isCausal = isCausal; self.scale = scale
        }
    }

    /// (output (B, H, L, E), logsumexp (B, H, L)), both contiguous.
    public static func forward(_ p: Problem) throws(TensorError) -> (Tensor, Tensor) {
        let q = try lastDimContiguous(p.q), k = try lastDimContiguous(p.k), v = try lastDimContiguous(p.v)
        let (b, h, l, e) = (q.sizes[0], q.sizes[1], q.sizes[2], q.sizes[3])
        let out = try Tensor.empty([b, h, l, e], dtype: q.dtype, device: q.device)
        let lse = try Tensor.empty([b, h, l], dtype: q.dtype, device: q.device)
        let mask = try p.mask.map { m throws(TensorError) in try expandedMask(m, b, h, l, k.sizes[2], q.dtype) }
        if q.dtype == .float32 {
            try forwardKernel(Float.self, q, k, v, mask, p.isCausal, p.scale, out, lse)
        } else if q.dtype == .float64 {
            try forwardKernel(Double.self, q, k, v, mask, p.isCausal, p.scale, out, lse)
        } else {
            throw .runtime("\"flash_attention\" not implemented for '\(q.dtype.legacyTypeName)'")
        }
        return (out, lse)
    }

    /// (grad_q, grad_k, grad_v), each (B, H, *, E).
    public static func backward(_ p: Problem, gradOut: Tensor, out: Tensor, lse: Tensor) throws(TensorError) -> (Tensor, Tensor, Tensor) {
        let q = try lastDimContiguous(p.q), k = try lastDimContiguous(p.k), v = try lastDimContiguous(p.v)
        let (b, h, l, e) = (q.sizes[0], q.sizes[1], q.sizes[2], q.sizes[3])
        let s = k.sizes[2]
        // ATen's backward hands the kernel grad_out.transpose(1, 2), which the kernel makes
        // contiguous: a (B, L, H, E) copy unless that view already is, so the gemms read it
        // with PyTorch's leading dimension (H·E) and where PyTorch's copy sits.
        let go = try gradOut.transpose(1, 2).contiguous()
        let gq = try Tensor.zeros([b, l, h, e], dtype: q.dtype, device: q.device)
        // Grouped-query attention (fewer key/value heads): the gradients have k's head count.
        let hk = k.sizes[1]
        let gk = try Tensor.zeros([b, s, hk, e], dtype: q.dtype, device: q.device)
        let gv = try Tensor.zeros([b, s, hk, e], dtype: q.dtype, device: q.device)
        let mask = try p.mask.map { m throws(TensorError) in try expandedMask(m, b, h, l, s, q.dtype) }
        if q.dtype == .float32 {
            try backwardKernel(Float.self, q, k, v, mask, p.isCausal, p.scale, go, out, lse, gq, gk, gv)
        } else {
            try backwardKernel(Double.self, q, k, v, mask, p.isCausal, p.scale, go, out, lse, gq, gk, gv)
        }
        return (try gq.transpose(1, 2), try gk.transpose(1, 2), try gv.transpose(1, 2))
    }

    private static func lastDimContiguous(_ t: Tensor) throws(TensorError) -> Tensor {
        t.strides[3] == 1 || t.sizes[3] == 1 ? t : try t.contiguous()
    }

    /// The mask as a contiguous (B, H, L, S) tensor of the inputs' dtype.
    private static func expandedMask(_ m: Tensor, _ b: Int, _ h: Int, _ l: Int, _ s: Int, _ dtype: DType) throws(TensorError) -> Tensor {
        var m4 = m
        while m4.rank < 4 { m4 = try m4.unsqueeze(0) }
        return try m4.to(dtype).expand([b, h, l, s]).contiguous()
    }

    // MARK: - Split sizes and PyTorch's vector helpers

    /// (query block, key block) as `flash_attention_kernel_impl` picks them by query length.
    private static func splits(_ qLength: Int) -> (Int, Int) {
        if qLength >= 768 { return (256, 512) }
        if qLength >= 192 { return (64, 512) }
        return (32, 512)
    }

    /// `Vectorized<float>::exp_u20` (AVX2/AVX-512): a degree-5 polynomial of the reduced
    /// argument, scaled by 2^(n-1)·2. `Vectorized<double>::exp_u20` is SLEEF's exp.
    @inline(__always)
    static func expU20(_ x: Float) -> Float {
        let lnMin = Float(bitPattern: 0xc2ae_ac50), lnMax = Float(bitPattern: 0x42b1_7218)
        let log2e = Float(bitPattern: 0x3fb8_aa3b), ln2 = Float(bitPattern: 0x3f31_7218)
        let below = x < lnMin
        // _mm256_min_ps / max_ps return their second operand when either is NaN.
        var src = x < lnMax ? x : lnMax
        src = src > lnMin ? src : lnMin
        let fx = floorf(Float(0.5).addingProduct(src, log2e))
        let r = src.addingProduct(-fx, ln2)
        var y = Float(0.0418978221).addingProduct(r, Float(0.00828929059))
        y = Float(0.166676521).addingProduct(r, y)
        y = Float(0.499991506).addingProduct(r, y)
        y = Float(0.999999701).addingProduct(r, y)
        y = Float(1).addingProduct(r, y)
        let n = Int32((fx - 1).rounded(.toNearestOrEven))
        let twoPow = below ? Float(0) : Float(bitPattern: UInt32(bitPattern: (n &+ 127) &<< 23))
        return y * twoPow * 2
    }

    /// `vec_reduce_all(+)` of a full vector: the halving tree for float, lane order for double.
    @inline(__always)
    private static func fold<T: RealElement>(_ acc: UnsafeMutablePointer<T>, _ lanes: Int) -> T {
        if T.self == Float.self {
            var h = lanes / 2
            while h >= 1 {
                for i in 0..<h { acc[i] = acc[i] + acc[i + h] }
                h /= 2
            }
            return acc[0]
        }
        var s = acc[0]
        for i in 1..<lanes { s = s + acc[i] }
        return s
    }

    /// The scalar tail of `_exp_reduce_sum_fusion_kernel` (`exp(tmp1)` per element, added
    /// to the float sum): for float, PyTorch's values are the double exponential rounded to
    /// float, summed in float. Gradbook's `Float.m_exp` differed from them in the last bit for
    /// some arguments (found element by element against PyTorch; summing in double did not
    /// match), which put the S=7/9/40 and E=24 float cases apart.
    @inline(__always)
    private static func tailExp<T: RealElement>(_ x: T, into sum: inout T) -> T {
        if T.self == Float.self {
            let y = unsafeBitCast(Float(Double.m_exp(Double(unsafeBitCast(x, to: Float.self)))), to: T.self)
            sum = sum + y
            return y
        }
        let y = T.m_exp(x)
        sum = sum + y
        return y
    }

    private static func maxOf<T: RealElement>(_ p: UnsafeMutablePointer<T>, _ n: Int) -> T {
        var m = -T.infinity
        for i in 0..<n {
            let x = p[i]
            if x.isNaN || m.isNaN { m = .nan } else if x > m { m = x }
        }
        return m
    }

    // MARK: - BLAS

    /// cpublas::gemm: column-major C = alpha·op(A)·op(B) + beta·C (MKL's gemm when loaded).
    private static func gemm<T: RealElement>(_ t: T.Type, _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                                             _ alpha: T, _ a: UnsafePointer<T>, _ lda: Int, _ b: UnsafePointer<T>, _ ldb: Int,
                                             _ beta: T, _ c: UnsafeMutablePointer<T>, _ ldc: Int) {
        if m == 0 || n == 0 { return }
        if CPUBlas.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) { return }
        for j in 0..<n {
            for i in 0..<m {
                var acc: T = 0
                for p in 0..<k {
                    let av = transA ? a[p + i * lda] : a[i + p * lda]
                    let bv = transB ? b[j + p * ldb] : b[p + j * ldb]
                    acc += av * bv
                }
                c[i + j * ldc] = beta == 0 ? alpha * acc : alpha * acc + beta * c[i + j * ldc]
            }
        }
    }

    // MARK: - Kernels

    private static func forwardKernel<T: RealElement>(_ t: T.Type, _ q: Tensor, _ k: Tensor, _ v: Tensor, _ mask: Tensor?,
                                                      _ isCausal: Bool, _ scale: Double?, _ out: Tensor, _ lse: Tensor) throws(TensorError) {
        let (batch, heads, qSize, headSize) = (q.sizes[0], q.sizes[1], q.sizes[2], q.sizes[3])
        let kvSize = k.sizes[2], reps = heads / k.sizes[1]
        // ATen's `accum_t scaling_factor = calculate_scale(query, scale).as_float_unchecked()`:
        // a SymFloat holds a double, so float64 scales by the double 1/√d (not a float-rounded one).
        let factor = T(scale ?? 1 / Double(headSize).squareRoot())
        let (qSplitMax, kvSplitMax) = splits(qSize)
        let qSplit = min(qSplitMax, qSize), kvSplit = min(kvSplitMax, kvSize)
        let qSlices = (qSize + qSplit - 1) / qSplit
        let lanes = CPUCapability.lanes(T.self, .avx512)
        let sleefExp: ((T) -> T)? = T.self == Double.self ? SLEEFLibrary.shared?.exp(T.self) : nil
        func vecExp(_ x: T) -> T {
            if T.self == Float.self { return unsafeBitCast(expU20(unsafeBitCast(x, to: Float.self)), to: T.self) }
            return sleefExp?(x) ?? T.m_exp(x)
        }
        let qp = q.pointer(T.self), kp = k.pointer(T.self), vp = v.pointer(T.self)
        let op = out.pointer(T.self), lp = lse.pointer(T.self)
        let mp = mask?.pointer(T.self)
        // ATen's per-thread buffer: qk, qk_max, qk_sum, dst, one row of them per thread.
        let buffers = try ThreadBuffers(T.self, items: batch * heads * qSlices,
                                    sizePerThread: qSplit * kvSplit + 2 * qSplit + qSplit * headSize)
        let acc = UnsafeMutablePointer<T>.allocate(capacity: lanes)
        var qkMax = [T](repeating: 0, count: qSplit), qkSum = [T](repeating: 0, count: qSplit)
        defer { buffers.deallocate(); acc.deallocate() }
        // ATen calls MKL inside its parallel_for region, where MKL runs on one thread.
        func work() {
            for i in 0..<batch {
                for j in 0..<heads {
                    for slice in 0..<qSlices {
                        let qk = buffers.base(forItem: (i * heads + j) * qSlices + slice)
                        let dst = qk + qSplit * kvSplit + 2 * qSplit
                        let m = slice * qSplit, qBlock = min(qSplit, qSize - m)
                        for r in 0..<qBlock { qkMax[r] = -T.infinity; qkSum[r] = 0 }
                        let numKeys = isCausal ? min(m + qBlock, kvSize) : kvSize
                        var n = 0
                        while n < numKeys {
                            let kvBlock = min(kvSplit, kvSize - n)
                            let qBase = qp + i * q.strides[0] + j * q.strides[1] + m * q.strides[2]
                            let kBase = kp + i * k.strides[0] + (j / reps) * k.strides[1] + n * k.strides[2]
                            gemm(T.self, true, false, kvBlock, qBlock, headSize, 1, kBase, k.strides[2], qBase, q.strides[2], 0, qk, kvBlock)
                            if isCausal && numKeys - n <= kvSplit {
                                for r in 0..<qBlock {
                                    let last = m + r - n
                                    if last + 1 < kvBlock { for c in (last + 1)..<kvBlock { qk[r * kvBlock + c] = -T.infinity } }
                                }
                            }
                            if let mp {
                                for r in 0..<qBlock {
                                    let row = qk + r * kvBlock
                                    let mrow = mp + ((i * heads + j) * qSize + m + r) * kvSize + n
                                    for c in 0..<kvBlock { row[c] = mrow[c].addingProduct(row[c], factor) }
                                }
                            }
                            for r in 0..<qBlock {
                                let row = qk + r * kvBlock
                                var tmpMax: T
                                if mp != nil {
                                    tmpMax = maxOf(row, kvBlock)
                                } else {
                                    for c in 0..<kvBlock { row[c] = row[c] * factor }
                                    tmpMax = maxOf(row, kvBlock)
                                }
                                tmpMax = qkMax[r] > tmpMax ? qkMax[r] : tmpMax
                                if tmpMax == -T.infinity {
                                    for c in 0..<kvBlock { row[c] = 0 }
                                } else {
                                    let full = kvBlock - kvBlock % lanes
                                    for l in 0..<lanes { acc[l] = 0 }
                                    var c = 0
                                    while c < full {
                                        for l in 0..<lanes {
                                            let y = vecExp(row[c + l] - tmpMax)
                                            acc[l] = acc[l] + y
                                            row[c + l] = y
                                        }
                                        c += lanes
                                    }
                                    var sum = fold(acc, lanes)
                                    for c in full..<kvBlock { row[c] = tailExp(row[c] - tmpMax, into: &sum) }
                                    let expTmp = T.m_exp(qkMax[r] - tmpMax)
                                    qkSum[r] = sum.addingProduct(expTmp, qkSum[r])
                                    qkMax[r] = tmpMax
                                    if n > 0 { for d in 0..<headSize { dst[r * headSize + d] = dst[r * headSize + d] * expTmp } }
                                }
                            }
                            let vBase = vp + i * v.strides[0] + (j / reps) * v.strides[1] + n * v.strides[2]
                            gemm(T.self, false, false, headSize, qBlock, kvBlock, 1, vBase, v.strides[2], qk, kvBlock, n == 0 ? 0 : 1, dst, headSize)
                            n += kvSplit
                        }
                        for r in 0..<qBlock {
                            if qkMax[r] == -T.infinity { qkMax[r] = 0 }
                            if qkSum[r] == 0 { qkSum[r] = 1 }
                            let reciprocal = 1 / qkSum[r]
                            // out is (B, H, L, E) contiguous.
                            let o = op + ((i * heads + j) * qSize + m + r) * headSize
                            for d in 0..<headSize { o[d] = dst[r * headSize + d] * reciprocal }
                            lp[(i * heads + j) * qSize + m + r] = qkMax[r] + T.m_log(qkSum[r])
                        }
                    }
                }
            }
        }
        if let mkl = MKLLibrary.shared { mkl.sequentially(over: batch * heads * qSlices, work) } else { work() }
    }

    private static func backwardKernel<T: RealElement>(_ t: T.Type, _ q: Tensor, _ k: Tensor, _ v: Tensor, _ mask: Tensor?,
                                                       _ isCausal: Bool, _ scale: Double?, _ gradOut: Tensor, _ out: Tensor,
                                                       _ lse: Tensor, _ gq: Tensor, _ gk: Tensor, _ gv: Tensor) throws(TensorError) {
        let (batch, heads, qSize, headSize) = (q.sizes[0], q.sizes[1], q.sizes[2], q.sizes[3])
        let kvSize = k.sizes[2], kvHeads = k.sizes[1], reps = heads / kvHeads
        let factor = T(scale ?? 1 / Double(headSize).squareRoot())  // as the forward's
        let (qSplitMax, kvSplitMax) = splits(qSize)
        let qSplit = min(qSplitMax, qSize), kvSplit = min(kvSplitMax, kvSize)
        let lanes = CPUCapability.lanes(T.self, .avx512)
        let exp: (T) -> T = SLEEFLibrary.shared?.exp(T.self) ?? { T.m_exp($0) }
        let qp = q.pointer(T.self), kp = k.pointer(T.self), vp = v.pointer(T.self)
        let gop = gradOut.pointer(T.self), op = out.pointer(T.self), lp = lse.pointer(T.self)
        let gqp = gq.pointer(T.self), gkp = gk.pointer(T.self), gvp = gv.pointer(T.self)
        let mp = mask?.pointer(T.self)
        // ATen's per-thread buffer: attn then grad_attn, one row of them per thread.
        let buffers = try ThreadBuffers(T.self, items: batch * kvHeads, sizePerThread: 2 * qSplit * kvSplit)
        let acc = UnsafeMutablePointer<T>.allocate(capacity: lanes)
        var dsum = [T](repeating: 0, count: qSplit)
        defer { buffers.deallocate(); acc.deallocate() }
        // gradOut is the contiguous (B, L, H, E) one; gq/gk/gv are (B, *, H, E) contiguous.
        let goStrideB = gradOut.strides[0], goStrideM = gradOut.strides[1], goStrideH = gradOut.strides[2]
        let gStrideM = heads * headSize, gkvStrideM = kvHeads * headSize
        // ATen calls MKL inside its parallel_for region, where MKL runs on one thread. With
        // grouped heads a key/value head's gradients are one gemm chain over its group's
        // query heads (each adding into them with beta 1), not per-head gradients summed.
        func work() {
            for i in 0..<batch {
                for jk in 0..<kvHeads {
                  for j in (jk * reps)..<((jk + 1) * reps) {
                    let attn = buffers.base(forItem: i * kvHeads + jk), gradAttn = attn + qSplit * kvSplit
                    var m = 0
                    while m < qSize {
                        let qBlock = min(qSplit, qSize - m)
                        for r in 0..<qBlock {
                            let g = gop + i * goStrideB + j * goStrideH + (m + r) * goStrideM
                            let o = op + i * out.strides[0] + j * out.strides[1] + (m + r) * out.strides[2]
                            dsum[r] = dotReduce(g, o, out.strides[3], headSize, lanes, acc)
                        }
                        let numKeys = isCausal ? min(m + qBlock, kvSize) : kvSize
                        var n = 0
                        while n < numKeys {
                            let kvBlock = min(kvSplit, kvSize - n)
                            let qBase = qp + i * q.strides[0] + j * q.strides[1] + m * q.strides[2]
                            let kBase = kp + i * k.strides[0] + jk * k.strides[1] + n * k.strides[2]
                            let vBase = vp + i * v.strides[0] + jk * v.strides[1] + n * v.strides[2]
                            let goBase = gop + i * goStrideB + j * goStrideH + m * goStrideM
                            gemm(T.self, true, false, kvBlock, qBlock, headSize, factor, kBase, k.strides[2], qBase, q.strides[2], 0, attn, kvBlock)
                            if let mp {
                                for r in 0..<qBlock {
                                    let row = attn + r * kvBlock
                                    let mrow = mp + ((i * heads + j) * qSize + m + r) * kvSize + n
                                    for c in 0..<kvBlock { row[c] = row[c] + mrow[c] }
                                }
                            }
                            for r in 0..<qBlock {
                                let normalizer = lp[i * lse.strides[0] + j * lse.strides[1] + (m + r) * lse.strides[2]]
                                let row = attn + r * kvBlock
                                for c in 0..<kvBlock { row[c] = exp(row[c] - normalizer) }
                            }
                            if isCausal && numKeys - n <= kvSplit {
                                for r in 0..<qBlock {
                                    let last = m + r - n
                                    if last + 1 < kvBlock { for c in (last + 1)..<kvBlock { attn[r * kvBlock + c] = 0 } }
                                }
                            }
                            gemm(T.self, false, true, headSize, kvBlock, qBlock, 1, goBase, goStrideM, attn, kvBlock, 1,
                                 gvp + ((i * kvSize + n) * kvHeads + jk) * headSize, gkvStrideM)
                            gemm(T.self, true, false, kvBlock, qBlock, headSize, 1, vBase, v.strides[2], goBase, goStrideM, 0, gradAttn, kvBlock)
                            for r in 0..<qBlock {
                                let d = dsum[r]
                                for c in 0..<kvBlock { gradAttn[r * kvBlock + c] = attn[r * kvBlock + c] * (gradAttn[r * kvBlock + c] - d) }
                            }
                            gemm(T.self, false, false, headSize, qBlock, kvBlock, factor, kBase, k.strides[2], gradAttn, kvBlock, 1,
                                 gqp + ((i * qSize + m) * heads + j) * headSize, gStrideM)
                            gemm(T.self, false, true, headSize, kvBlock, qBlock, factor, qBase, q.strides[2], gradAttn, kvBlock, 1,
                                 gkp + ((i * kvSize + n) * kvHeads + jk) * headSize, gkvStrideM)
                            n += kvSplit
                        }
                        m += qSplit
                    }
                  }
                }
            }
        }
        if let mkl = MKLLibrary.shared { mkl.sequentially(over: batch * kvHeads, work) } else { work() }
    }

    /// `map2_reduce_all(x * y, +)` over one row: lane sums over full vectors, the partial
    /// last vector added into its first lanes, then `vec_reduce_all`; shorter rows in order.
    private static func dotReduce<T: RealElement>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ bStride: Int, _ n: Int,
                                                  _ lanes: Int, _ acc: UnsafeMutablePointer<T>) -> T {
        if n < lanes {
            var s = a[0] * b[0]
            for i in 1..<n { s = s + a[i] * b[i * bStride] }
            return s
        }
        for l in 0..<lanes { acc[l] = a[l] * b[l * bStride] }
        var d = lanes
        while d + lanes <= n {
            for l in 0..<lanes { acc[l] = acc[l] + a[d + l] * b[(d + l) * bStride] }
            d += lanes
        }
        for l in 0..<(n - d) { acc[l] = acc[l] + a[d + l] * b[(d + l) * bStride] }
        return fold(acc, lanes)
    }
}
