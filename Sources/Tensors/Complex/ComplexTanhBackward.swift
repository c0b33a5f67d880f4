/// ATen's complex `tanh_backward(grad, output)`: `a * conj(1 - b * b)` in one loop over
/// same-shaped tensors. The kernel is dispatched at the CPU's own capability (blocks of 16
/// complex64 / 8 complex128 on AVX-512, half that on AVX2) and computes those blocks with
/// `Vectorized`'s separately rounded products; the scalar tail after them is GCC's code,
/// measured to compute `b * b` fused (its outer product is taken fused as well).
enum ComplexTanhBackward {
    static func run(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        switch g.dtype {
        case .complex64: return try run(Complex64.self, g, y)
        default: return try run(Complex128.self, g, y)
        }
    }

    private static func run<C: ComplexTensorElement>(_ t: C.Type, _ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        let gc = try g.contiguous(), yc = try y.contiguous()
        let out = try Tensor(empty: g.sizes, dtype: g.dtype)
        let pa = NNBuffer.pointer(gc, as: C.self), pb = NNBuffer.pointer(yc, as: C.self)
        let po = NNBuffer.pointer(out, as: C.self)
        let n = out.numel
        let block = 2 * CPUCapability.lanes(C.self, .avx512)
        let head = n - n % block
        for i in 0..<n {
            let a = pa[i], b = pb[i]
            let fused = i >= head
            let bb = fused ? complexMulFused(b, b) : complexMul(b, b)
            let u = C(re: 1 - bb.re, im: 0 - bb.im)
            let conjU = C(re: u.re, im: -u.im)
            po[i] = fused ? complexMulFused(a, conjU) : complexMul(a, conjU)
        }
        return out
    }
}
