#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rsqrt` of a float16/bfloat16 tensor as ATen's `rsqrt_kernel` computes it. Its vector
/// lambda widens to float, takes `1 / sqrt(x)` there and rounds once; its scalar lambda,
/// `scalar_t(1) / std::sqrt(a)`, calls c10's reduced-type `sqrt`, which rounds the root to
/// the element type before the division rounds again (`rsqrt(bfloat16(1.0078))` is 1.0 there,
/// 0.9961 in a lane). The kernel is registered with plain `REGISTER_DISPATCH`, so both
/// capabilities run the AVX2 build: 16 elements a vector, two vectors a step, the rest of a
/// contiguous row (and every element of a strided one) in the scalar lambda (measured on
/// contiguous rows of 5 to 200 and a sliced input, both types, AVX2 and AVX-512).
enum ReducedRsqrt {
    /// out = rsqrt(a) for a float16/bfloat16 `a` and `out` of the same dtype and shape.
    static func run(_ a: Tensor, into out: Tensor) {
        if a.dtype == .bfloat16 {
            apply(Operand(a), Operand(out), out.sizes, BFloat16.self, load: { $0.float }, store: { BFloat16($0) })
        } else {
            apply(Operand(a), Operand(out), out.sizes, Float16.self, load: { Float($0) }, store: { Float16($0) })
        }
    }

    private static func apply<R>(_ a: Operand, _ out: Operand, _ shape: [Int], _ r: R.Type,
                                 load: @escaping (R) -> Float, store: @escaping (Float) -> R) {
        let pa = a.typed(R.self), po = out.typed(R.self)
        let block = 2 * CPUCapability.lanes(R.self, .avx2)
        let lane = { (x: Float) -> R in store(1 / x.squareRoot()) }
        let tail = { (x: Float) -> R in store(1 / load(store(x.squareRoot()))) }
        VectorizedLoops.segments(StridedLoop.iteratorOrdered(shape: shape, out.strides, a.strides),
                                 grain: VectorizedLoops.grain) { oo, oa, _, n, io, ia, _ in
            var i = 0
            if io == 1 && (ia == 1 || ia == 0) {
                while i + block <= n {
                    for j in i..<(i + block) { po[oo + j] = lane(load(pa[oa + j * ia])) }
                    i += block
                }
            }
            while i < n { po[oo + i * io] = tail(load(pa[oa + i * ia])); i += 1 }
        }
    }
}
