/// `add(a, b, alpha=)` / `sub(..., alpha=)` of float16/bfloat16 tensors as ATen's add kernel
/// computes them: alpha is read as the element type (`alpha_scalar.to<scalar_t>()`); its
/// vector lambda widens both operands and computes `a + alpha·b` in float, rounding once;
/// its scalar lambda multiplies in the element type (`alpha * b` rounded) before adding.
/// The kernel's AVX2 build runs at both capabilities: blocks of 2 × 16 elements of a
/// contiguous (or broadcast) row in the vector lambda, the rest, and every element of a
/// strided row, in the scalar one (measured against PyTorch 2.15: 300-element rows, both
/// types, three alphas, AVX2 and AVX-512).
enum ReducedAddScaled {
    static func run(_ a: Tensor, _ b: Tensor, alpha: Double, into out: Tensor) {
        if out.dtype == .bfloat16 {
            let w = BFloat16(Float(alpha)).float
            apply(Operand(a), Operand(b), Operand(out), out.sizes, w, BFloat16.self, load: { $0.float }, store: { BFloat16($0) })
        } else {
            let w = Float(Float16(Float(alpha)))
            apply(Operand(a), Operand(b), Operand(out), out.sizes, w, Float16.self, load: { Float($0) }, store: { Float16($0) })
        }
    }

    private static func apply<R>(_ a: Operand, _ b: Operand, _ out: Operand, _ shape: [Int], _ alpha: Float, _ r: R.Type,
                                 load: @escaping (R) -> Float, store: @escaping (Float) -> R) {
        let pa = a.typed(R.self), pb = b.typed(R.self), po = out.typed(R.self)
        let block = 2 * CPUCapability.lanes(R.self, .avx2)
        VectorizedLoops.segments(StridedLoop.iteratorOrdered(shape: shape, out.strides, a.strides, b.strides),
                                 grain: VectorizedLoops.grain) { oo, oa, ob, n, io, ia, ib in
            var i = 0
            if io == 1 && (ia == 1 || ia == 0) && (ib == 1 || ib == 0) {
                while i + block <= n {
                    for j in i..<(i + block) { po[oo + j] = store(load(pa[oa + j * ia]) + alpha * load(pb[ob + j * ib])) }
                    i += block
                }
            }
            while i < n {
                po[oo + i * io] = store(load(pa[oa + i * ia]) + load(store(alpha * load(pb[ob + i * ib]))))
                i += 1
            }
        }
    }
}
