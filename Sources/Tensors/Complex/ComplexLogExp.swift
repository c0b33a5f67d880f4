/// Complex log2, log10, exp2 and expm1 as PyTorch 2.15's CPU kernels compute them (each
/// checked bit for bit against it, contiguous and strided, at both capabilities):
/// - `log2`/`log10`: `Vectorized::log2()` divides both parts of `std::log(z)` (glibc's
///   `clog`) by `std::log(2)` / `std::log(10)` (a double, rounded to float for complex64);
/// - `exp2`: `exp(z * ln 2)`, both parts scaled by `c10::ln_2<T>` first;
/// - `expm1`: c10's `expm1(x + iy) = expm1(x)·cos(y) - 2·sin(y/2)² + i·exp(x)·sin(y)`,
///   whose real part GCC contracts into one fused multiply-add.
enum ComplexLogExp {
    @inline(__always) static func log2<P: ComplexPart>(_ re: P, _ im: P) -> (P, P) {
        let (r, i) = complexLogParts(re, im)
        let c = P(0.6931471805599453)
        return (r / c, i / c)
    }

    @inline(__always) static func log10<P: ComplexPart>(_ re: P, _ im: P) -> (P, P) {
        let (r, i) = complexLogParts(re, im)
        let c = P(2.302585092994046)
        return (r / c, i / c)
    }

    @inline(__always) static func exp2<P: ComplexPart>(_ re: P, _ im: P) -> (P, P) {
        let ln2 = P(0.6931471805599453)
        return complexExpParts(re * ln2, im * ln2)
    }

    @inline(__always) static func expm1<P: ComplexPart>(_ x: P, _ y: P) -> (P, P) {
        let a = P.m_sin(y / 2)
        let real = ((-2 * a) * a).addingProduct(P.m_expm1(x), P.m_cos(y))
        return (real, P.m_exp(x) * P.m_sin(y))
    }
}
