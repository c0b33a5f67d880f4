#if canImport(Glibc)
import Glibc
#endif

/// `abs()` of complex numbers: ATen's vectorised rows compute `Sleef_hypot*_u05` in whole
/// pairs of vectors, the rest `std::abs` (glibc `hypot`), as `cpu_kernel_vec` splits a row.
/// SLEEF's scalar `purecfma` hypot computes what one AVX2 lane does; without SLEEF every
/// element uses glibc.
enum ComplexAbs {
    struct Vector: @unchecked Sendable {
        let hypotf: @convention(c) (Float, Float) -> Float
        let hypotd: @convention(c) (Double, Double) -> Double
    }

    static let vector: Vector? = {
        #if os(Linux)
        guard let path = SLEEFLibrary.shared?.path, let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL),
              let f = dlsym(handle, "Sleef_hypotf1_u05purecfma"), let d = dlsym(handle, "Sleef_hypotd1_u05purecfma") else { return nil }
        return Vector(hypotf: unsafeBitCast(f, to: (@convention(c) (Float, Float) -> Float).self),
                      hypotd: unsafeBitCast(d, to: (@convention(c) (Double, Double) -> Double).self))
        #else
        return nil
        #endif
    }()

    static func kernel<C: ComplexTensorElement>(_ t: C.Type, _ shape: [Int], _ o: Operand, _ a: Operand) where C.Part: ComplexPart {
        let po = o.typed(C.Part.self), pa = a.typed(C.self)
        let lane: ((C.Part, C.Part) -> C.Part)? = vector.map { v in
            C.dtype == .complex64 ? { x, y in unsafeBitCast(v.hypotf(Float(x), Float(y)), to: C.Part.self) }
                                  : { x, y in unsafeBitCast(v.hypotd(Double(x), Double(y)), to: C.Part.self) }
        }
        let block = C.dtype == .complex64 ? 8 : 4
        StridedLoop(shape: shape, o.strides, a.strides).forEachRow { oo, oa, _, n, io, ia, _ in
            let head = lane != nil && ia == 1 && io == 1 ? n - n % block : 0
            for i in 0..<head { let x = pa[oa + i]; po[oo + i] = lane!(x.re, x.im) }
            for i in head..<n { let x = pa[oa + i * ia]; po[oo + i * io] = C.Part.m_hypot(x.re, x.im) }
        }
    }

    /// `sgn` by rows like `kernel`'s (see `Tensor.complexSgn`), but `sgn_stub` is registered
    /// with `ALSO_REGISTER_AVX512_DISPATCH` (`abs_stub` is not): on an AVX-512 CPU its
    /// vectorised blocks are twice as long (16 complex64, 8 complex128 elements).
    static func sgn<C: ComplexTensorElement>(_ t: C.Type, _ shape: [Int], _ o: Operand, _ a: Operand) where C.Part: ComplexPart {
        let po = o.typed(C.self), pa = a.typed(C.self)
        let lane: ((C.Part, C.Part) -> C.Part)? = vector.map { v in
            C.dtype == .complex64 ? { x, y in unsafeBitCast(v.hypotf(Float(x), Float(y)), to: C.Part.self) }
                                  : { x, y in unsafeBitCast(v.hypotd(Double(x), Double(y)), to: C.Part.self) }
        }
        let block = 2 * CPUCapability.lanes(C.self, .avx512)
        StridedLoop(shape: shape, o.strides, a.strides).forEachRow { oo, oa, _, n, io, ia, _ in
            let head = lane != nil && ia == 1 && io == 1 ? n - n % block : 0
            for i in 0..<head {
                let x = pa[oa + i], m = lane!(x.re, x.im)
                po[oo + i] = m == 0 ? C.zero : C(re: x.re / m, im: x.im / m)
            }
            for i in head..<n {
                let x = pa[oa + i * ia]
                if x.re == 0 && x.im == 0 { po[oo + i * io] = C.zero; continue }
                po[oo + i * io] = complexDiv(x, C(re: C.Part.m_hypot(x.re, x.im), im: 0))
            }
        }
    }
}
