/// Complex `neg` as ATen's `neg_kernel` runs it: `Vectorized::neg()` is `0 - x`, the scalar
/// loop `-x`. They differ on zeros (0 - 0 is +0, -(+0) is -0) and on a NaN's sign. The
/// vectorised loop takes a contiguous row in whole pairs of AVX2 vectors (8 complex64 or 4
/// complex128 elements); the rest of the row, and every strided row, is scalar.
func complexNegKernel<C: ComplexTensorElement>(_ t: C.Type, _ shape: [Int], _ o: Operand, _ a: Operand) {
    let block = 2 * CPUCapability.lanes(C.self, .avx2)
    let po = o.typed(C.self), pa = a.typed(C.self)
    func row(_ po: UnsafeMutablePointer<C>, _ pa: UnsafeMutablePointer<C>, _ n: Int, _ io: Int, _ ia: Int) {
        let vectorised = io == 1 && ia == 1 ? n / block * block : 0
        for i in 0..<vectorised { po[i] = C(re: 0 - pa[i].re, im: 0 - pa[i].im) }
        for i in vectorised..<n { po[i * io] = C(re: -pa[i * ia].re, im: -pa[i * ia].im) }
    }
    if o.strides == a.strides, Shape.isDense(shape, a.strides) {
        // One dense layout shared by input and output: TensorIterator walks it as one row.
        let n = shape.reduce(1, *)
        let minOffset = zip(shape, a.strides).reduce(0) { $0 + ($1.0 > 1 && $1.1 < 0 ? ($1.0 - 1) * $1.1 : 0) }
        row(po + minOffset, pa + minOffset, n, 1, 1)
        return
    }
    StridedLoop(shape: shape, o.strides, a.strides).forEachRow { oo, oa, _, n, io, ia, _ in
        row(po + oo, pa + oa, n, io, ia)
    }
}
