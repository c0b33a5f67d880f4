/// `addmv`, `addr`, `baddbmm` and `addbmm` as ATen's CPU kernels run them, so each rounds
/// as PyTorch does: the input is copied into the result, then BLAS adds the scaled product
/// to it in one pass (gemv / gemm with beta), `baddbmm` of tiny products in ATen's own
/// loop, `addbmm` as one `addmm_` per batch. Without MKL the same formula is composed
/// from separate products and adds (values may then differ in the last digit).
extension Tensor {
    private static func isZero(_ s: Scalar) -> Bool { s.doubleValue == 0 }
    private static func isOne(_ s: Scalar) -> Bool { s.doubleValue == 1 }

    /// beta·input + alpha·(mat @ vec).
    public static func addmv(_ input: Tensor, _ mat: Tensor, _ vec: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor {
        if mat.rank != 2 || vec.rank != 1 {
            throw .runtime("vector + matrix @ vector expected, got \(input.rank), \(mat.rank), \(vec.rank)")
        }
        if mat.sizes[1] != vec.sizes[0] || !(input.numel == 1 || (input.rank == 1 && input.sizes[0] == mat.sizes[0]) || input.rank == 0) {
            throw .runtime("size mismatch, got input (\(input.rank == 0 ? 1 : input.sizes[0])), mat (\(mat.sizes[0])x\(mat.sizes[1])), vec (\(vec.sizes[0]))")
        }
        try checkMatmulTypes(mat, vec)
        let n = mat.sizes[0], k = mat.sizes[1]
        if let mkl = MKLLibrary.shared, mat.dtype == .float32 || mat.dtype == .float64, input.dtype == mat.dtype, k > 0 {
            let out = try Tensor(empty: [n], dtype: mat.dtype)
            if isZero(beta) { try Backends.cpu.fill(out, with: .int(0)) } else {
                try Backends.cpu.copyCast(from: try input.expand(to: [n], forCopyInto: false), into: out)
            }
            if n == 0 { return out }
            if try MKLProducts.atenGemv(mkl, mat, vec, out, alpha: alpha.doubleValue, beta: isZero(beta) ? 0 : beta.doubleValue) {
                return out
            }
            let m2 = BLASLayout(rows: n, cols: k, rowStride: mat.strides[0], colStride: mat.strides[1]) == nil ? try mat.contiguous() : mat
            let v = vec.sizes[0] > 1 && vec.strides[0] <= 0 ? try vec.contiguous() : vec
            let layout = BLASLayout(rows: n, cols: k, rowStride: m2.strides[0], colStride: m2.strides[1])!
            let (t, rows, cols) = layout.transposed ? (MKLProducts.trans, k, n) : (MKLProducts.noTrans, n, k)
            if mat.dtype == .float32 {
                mkl.sgemv(MKLProducts.rowMajor, t, Int32(rows), Int32(cols), Float(alpha.doubleValue), m2.pointer(Float.self), Int32(layout.ld),
                          v.pointer(Float.self), Int32(v.strides[0]), Float(beta.doubleValue), out.pointer(Float.self), 1)
            } else {
                mkl.dgemv(MKLProducts.rowMajor, t, Int32(rows), Int32(cols), alpha.doubleValue, m2.pointer(Double.self), Int32(layout.ld),
                          v.pointer(Double.self), Int32(v.strides[0]), beta.doubleValue, out.pointer(Double.self), 1)
            }
            return out
        }
        return try scaledSum(input, try mat.mv(vec), beta: beta, alpha: alpha)
    }

    /// beta·input + alpha·product, as separate rounded steps (beta 0 ignores the input).
    private static func scaledSum(_ input: Tensor, _ product: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor {
        let p = isOne(alpha) ? product : try product.mul(alpha)
        _ = try input.expand(to: p.sizes, forCopyInto: false)
        if isZero(beta) { return p }
        return try (isOne(beta) ? input : try input.mul(beta)).add(p)
    }

    /// beta·input + alpha·outer(vec1, vec2), element by element as `addr_kernel`:
    /// `beta * self + alpha * vec1 * vec2` (or `alpha * vec1 * vec2` when beta is 0).
    public static func addr(_ input: Tensor, _ vec1: Tensor, _ vec2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor {
        if vec1.rank != 1 { throw .runtime("addr: Expected 1-D argument vec1, but got \(vec1.rank)-D") }
        if vec2.rank != 1 { throw .runtime("addr: Expected 1-D argument vec2, but got \(vec2.rank)-D") }
        let column = try vec1.reshape([vec1.sizes[0], 1])
        var product = isOne(alpha) ? column : try column.mul(alpha)
        product = try product.mul(vec2)
        if isZero(beta) {
            _ = try input.expand(to: product.sizes, forCopyInto: false)
            return product
        }
        _ = try input.expand(to: product.sizes, forCopyInto: false)
        return try (isOne(beta) ? input : try input.mul(beta)).add(product)
    }

    /// beta·input + alpha·(batch1 @ batch2) per batch (`bmm_out_or_baddbmm_`).
    public static func baddbmm(_ input: Tensor, _ batch1: Tensor, _ batch2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor {
        if batch1.rank != 3 { throw .runtime("batch1 must be a 3D tensor") }
        if batch2.rank != 3 { throw .runtime("batch2 must be a 3D tensor") }
        let b = batch1.sizes[0], n = batch1.sizes[1], k = batch1.sizes[2], m = batch2.sizes[2]
        if batch2.sizes[0] != b || batch2.sizes[1] != k {
            throw .runtime("Expected size for first two dimensions of batch2 tensor to be: [\(b), \(k)] but got: [\(batch2.sizes[0]), \(batch2.sizes[1])].")
        }
        try checkMatmulTypes(batch1, batch2)
        guard let mkl = MKLLibrary.shared, batch1.dtype == .float32 || batch1.dtype == .float64, input.dtype == batch1.dtype else {
            return try scaledSum(input, try batch1.bmm(batch2), beta: beta, alpha: alpha)
        }
        let out = try Tensor(empty: [b, n, m], dtype: batch1.dtype)
        if isZero(beta) { try Backends.cpu.fill(out, with: .int(0)) } else {
            try Backends.cpu.copyCast(from: try input.expand(to: [b, n, m], forCopyInto: false), into: out)
        }
        if k * n * m < MKLProducts.smallBatchedWork {
            if out.dtype == .float32 { smallBaddbmm(Float.self, batch1, batch2, out, beta: beta, alpha: alpha) } else {
                smallBaddbmm(Double.self, batch1, batch2, out, beta: beta, alpha: alpha)
            }
            return out
        }
        try MKLProducts.atenBaddbmm(mkl, batch1, batch2, out, alpha: alpha.doubleValue, beta: isZero(beta) ? 0 : beta.doubleValue)
        return out
    }

    /// beta·c + a[g] @ b[g] for every g as ATen's `cpublas::gemm_batched_with_stride` runs it
    /// for `slow_conv3d`'s groups: one `cblas_?gemm_batch` call over all of them where there
    /// are several (MKL's batch routine may sum unlike separate `?gemm` calls), one gemm for
    /// one. `beta` is 0 or 1 there. `aTransposed` / `bTransposed` say which operand ATen
    /// passes transposed: a matrix with one row or column reads either way, and MKL's
    /// result follows the flag. Without MKL, `baddbmm`'s composition.
    public static func gemmBatched(_ c: Tensor, _ a: Tensor, _ b: Tensor, beta: Double, aTransposed: Bool,
                                   bTransposed: Bool) throws(TensorError) -> Tensor {
        guard a.rank == 3, b.rank == 3, c.rank == 3, a.sizes[0] == b.sizes[0], a.sizes[2] == b.sizes[1],
              c.sizes == [a.sizes[0], a.sizes[1], b.sizes[2]] else { throw .runtime("gemm_batched: shapes do not match") }
        try checkMatmulTypes(a, b)
        guard let mkl = MKLLibrary.shared, a.dtype == .float32 || a.dtype == .float64, c.dtype == a.dtype, a.sizes[2] > 0,
              c.numel > 0 else {
            return try baddbmm(c, a, b, beta: .float(beta), alpha: .int(1))
        }
        let out = try c.contiguous().clone()
        let a3 = try stored(a, transposed: aTransposed), b3 = try stored(b, transposed: bTransposed)
        let la = BLASLayout(transposed: aTransposed, rows: a.sizes[1], cols: a.sizes[2], rowStride: a3.strides[1], colStride: a3.strides[2])
        let lb = BLASLayout(transposed: bTransposed, rows: b.sizes[1], cols: b.sizes[2], rowStride: b3.strides[1], colStride: b3.strides[2])
        if a.sizes[0] > 1, MKLProducts.batchedGemm(mkl, a3, b3, out, la, lb, beta: beta) { return out }
        MKLProducts.gemm(mkl, a3, b3, out, beta: beta, isBatched: false, layouts: (la, lb))
        return out
    }

    /// `t` with unit stride along its rows (`transposed`: its columns), copied if need be.
    private static func stored(_ t: Tensor, transposed: Bool) throws(TensorError) -> Tensor {
        if transposed {
            return t.strides[1] == 1 || t.sizes[1] == 1 ? t : try t.transpose(1, 2).contiguous().transpose(1, 2)
        }
        return t.strides[2] == 1 || t.sizes[2] == 1 ? t : try t.contiguous()
    }

    /// beta·input + alpha·Σ_b batch1[b] @ batch2[b]: one gemm per batch into the result,
    /// beta only on the first (`addbmm_impl_`).
    public static func addbmm(_ input: Tensor, _ batch1: Tensor, _ batch2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor {
        if batch1.rank != 3 { throw .runtime("batch1 must be a 3D tensor") }
        if batch2.rank != 3 { throw .runtime("batch2 must be a 3D tensor") }
        let b = batch1.sizes[0], n = batch1.sizes[1], k = batch1.sizes[2], m = batch2.sizes[2]
        if batch2.sizes[0] != b {
            throw .runtime("batch1 and batch2 must have same number of batches, got \(b) and \(batch2.sizes[0])")
        }
        if batch2.sizes[1] != k {
            throw .runtime("Incompatible matrix sizes for bmm (\(n)x\(k) and \(batch2.sizes[1])x\(m))")
        }
        try checkMatmulTypes(batch1, batch2)
        guard let mkl = MKLLibrary.shared, batch1.dtype == .float32 || batch1.dtype == .float64, input.dtype == batch1.dtype, k > 0, b > 0 else {
            return try scaledSum(input, try batch1.bmm(batch2).sum(dims: [0]), beta: beta, alpha: alpha)
        }
        let out = try Tensor(empty: [n, m], dtype: batch1.dtype)
        if isZero(beta) { try Backends.cpu.fill(out, with: .int(0)) } else {
            try Backends.cpu.copyCast(from: try input.expand(to: [n, m], forCopyInto: false), into: out)
        }
        var adjustedBeta = isZero(beta) ? 0 : beta.doubleValue
        let a3 = try blasReady3(batch1), b3 = try blasReady3(batch2), o3 = try out.unsqueeze(0)
        for i in 0..<b {
            MKLProducts.gemm(mkl, try a3.narrow(0, start: i, length: 1), try b3.narrow(0, start: i, length: 1), o3,
                             alpha: alpha.doubleValue, beta: adjustedBeta, isBatched: false)
            adjustedBeta = 1
        }
        return out
    }

    private static func blasReady3(_ t: Tensor) throws(TensorError) -> Tensor {
        if BLASLayout(rows: t.sizes[1], cols: t.sizes[2], rowStride: t.strides[1], colStride: t.strides[2]) != nil { return t }
        return try t.contiguous()
    }

    /// `baddbmm_cpu_kernel<scalar_t, false>`: an in-order sum per element, then
    /// `r * beta + alpha * acc` (`alpha * acc` when beta is 0), in the element type.
    private static func smallBaddbmm<T: BinaryFloatingPoint>(_ t: T.Type, _ a: Tensor, _ b: Tensor, _ out: Tensor, beta: Scalar, alpha: Scalar) {
        let batch = out.sizes[0], n = out.sizes[1], m = out.sizes[2], k = a.sizes[2]
        let pa = a.pointer(T.self), pb = b.pointer(T.self), po = out.pointer(T.self)
        let betaValue = T(beta.doubleValue), alphaValue = T(alpha.doubleValue)
        for bi in 0..<batch {
            for i in 0..<n {
                for j in 0..<m {
                    var acc: T = 0
                    for p in 0..<k {
                        let product = pa[bi * a.strides[0] + i * a.strides[1] + p * a.strides[2]] * pb[bi * b.strides[0] + p * b.strides[1] + j * b.strides[2]]
                        acc = acc + product
                    }
                    let o = (bi * n + i) * m + j
                    if betaValue == 0 { po[o] = alphaValue * acc } else {
                        let kept = po[o] * betaValue
                        let added = alphaValue * acc
                        po[o] = kept + added
                    }
                }
            }
        }
    }
}
