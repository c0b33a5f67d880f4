import CBLAS

/// Batched complex product through BLAS's `cgemm`/`zgemm`, as PyTorch computes complex
/// `matmul` on the CPU; `out` is contiguous and each matrix has a BLAS layout.
func complexMatmul(_ a: Tensor, _ b: Tensor, _ out: Tensor) {
    let batch = out.sizes[0], n = out.sizes[1], m = out.sizes[2], k = a.sizes[2]
    let la = BLASLayout(rows: n, cols: k, rowStride: a.strides[1], colStride: a.strides[2])!
    let lb = BLASLayout(rows: k, cols: m, rowStride: b.strides[1], colStride: b.strides[2])!
    BLASThreads.use(forWork: 4 * n * m * k)
    let size = out.dtype.itemSize
    for i in 0..<batch {
        let pa = a.storage.data + (a.offset + i * a.strides[0]) * size
        let pb = b.storage.data + (b.offset + i * b.strides[0]) * size
        let po = out.storage.data + (out.offset + i * out.strides[0]) * size
        if k == 0 { po.initializeMemory(as: UInt8.self, repeating: 0, count: n * m * size); continue }
        if out.dtype == .complex64 {
            var one = Complex64(re: 1, im: 0), zero = Complex64(re: 0, im: 0)
            cblas_cgemm(CblasRowMajor, la.cblas, lb.cblas, Int32(n), Int32(m), Int32(k), &one,
                        pa, Int32(la.ld), pb, Int32(lb.ld), &zero, po, Int32(m))
        } else {
            var one = Complex128(re: 1, im: 0), zero = Complex128(re: 0, im: 0)
            cblas_zgemm(CblasRowMajor, la.cblas, lb.cblas, Int32(n), Int32(m), Int32(k), &one,
                        pa, Int32(la.ld), pb, Int32(lb.ld), &zero, po, Int32(m))
        }
    }
}
