/// Elementwise kernels ATen runs through `cpu_kernel_vec` with a SLEEF function in the
/// vector lanes and the C library's in the scalar tail, found by probing PyTorch 2.15 on
/// AVX2 (lanes of whole two-vector blocks match SLEEF's purecfma scalar exactly, the rest
/// libm):
///
/// - `atanh` (float32 and float64): `Vectorized<T>::atanh()`, Sleef_atanh*_u10;
/// - `sinh`, `cosh` in float64: Sleef_sinhd4_u10 / Sleef_coshd4_u10 (float32 `sinh` and
///   `cosh` match `sinhf`/`coshf` in every element, so they stay on libm);
/// - `hypot` (both): `Vectorized<T>::hypot()`, Sleef_hypot*_u05, `std::hypot` in the tail.
extension SLEEFLibrary {
    func hypot<T: RealElement>(_ t: T.Type) -> (T, T) -> T {
        if T.self == Float.self {
            let f = hypotf
            return { unsafeBitCast(f(unsafeBitCast($0, to: Float.self), unsafeBitCast($1, to: Float.self)), to: T.self) }
        }
        let d = hypotd
        return { unsafeBitCast(d(unsafeBitCast($0, to: Double.self), unsafeBitCast($1, to: Double.self)), to: T.self) }
    }

    /// The lane/tail pair of a unary op listed above; nil for other ops and dtypes.
    func vectorizedUnary<T: RealElement>(_ op: UnaryOp, _ t: T.Type) -> PlainFunction<T>? {
        switch op {
        case .atanh: PlainFunction<T>(sleef: unary("atanh", T.self), libm: { T.m_atanh($0) })
        case .sinh where T.self == Double.self: PlainFunction<T>(sleef: unary("sinh", T.self), libm: { T.m_sinh($0) })
        case .cosh where T.self == Double.self: PlainFunction<T>(sleef: unary("cosh", T.self), libm: { T.m_cosh($0) })
        default: nil
        }
    }
}

/// `hypot(a, b)`: SLEEF's u05 hypot in lanes, libm's in the tail.
struct HypotFunction<T: RealElement>: VectorizedBinaryFunction {
    let hypot: (T, T) -> T
    @inline(__always) func lane(_ a: T, _ b: T) -> T { hypot(a, b) }
    @inline(__always) func tail(_ a: T, _ b: T) -> T { T.m_hypot(a, b) }
}
