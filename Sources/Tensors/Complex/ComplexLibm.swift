import CComplexLibm

/// Complex sin, cos, tan, sinh, cosh, tanh, asin, acos, atan, asinh, acosh and atanh. ATen's CPU kernels for
/// these (`Vectorized<c10::complex<T>>::sin()` is `map(std::sin)`, and the scalar loop calls
/// the same) compute element by element with libstdc++'s `std::sin(std::complex<T>)`,
/// which is the C library's `csinf`/`csin`: calling that function is PyTorch's result.
extension Float {
    static func libm(_ fn: gb_complex_fn, _ re: Float, _ im: Float) -> (Float, Float) {
        var out: (Float, Float) = (0, 0)
        withUnsafeMutablePointer(to: &out) {
            $0.withMemoryRebound(to: Float.self, capacity: 2) { gb_complex_libm_f(fn, re, im, $0) }
        }
        return out
    }
}

extension Float {
    static func libmPow(_ re: Float, _ im: Float, _ ere: Float, _ eim: Float) -> (Float, Float) {
        var out: (Float, Float) = (0, 0)
        withUnsafeMutablePointer(to: &out) {
            $0.withMemoryRebound(to: Float.self, capacity: 2) { gb_complex_pow_f(re, im, ere, eim, $0) }
        }
        return out
    }
}

extension Double {
    static func libmPow(_ re: Double, _ im: Double, _ ere: Double, _ eim: Double) -> (Double, Double) {
        var out: (Double, Double) = (0, 0)
        withUnsafeMutablePointer(to: &out) {
            $0.withMemoryRebound(to: Double.self, capacity: 2) { gb_complex_pow_d(re, im, ere, eim, $0) }
        }
        return out
    }
}

extension Double {
    static func libm(_ fn: gb_complex_fn, _ re: Double, _ im: Double) -> (Double, Double) {
        var out: (Double, Double) = (0, 0)
        withUnsafeMutablePointer(to: &out) {
            $0.withMemoryRebound(to: Double.self, capacity: 2) { gb_complex_libm_d(fn, re, im, $0) }
        }
        return out
    }
}

/// The C function computing a unary op on complex elements, or nil when PyTorch's
/// complex kernel for it is not a plain call of one. atan, asinh and acosh are: PyTorch 2.15's
/// results equal glibc's `catan`/`casinh`/`cacosh` (checked contiguous and strided, both
/// capabilities), not the `i/2·ln((i+z)/(i-z))` formula older ATen headers vectorised.
func complexLibmFunction(_ op: UnaryOp) -> gb_complex_fn? {
    switch op {
    case .sin: GB_CSIN
    case .cos: GB_CCOS
    case .tan: GB_CTAN
    case .sinh: GB_CSINH
    case .cosh: GB_CCOSH
    case .tanh: GB_CTANH
    case .asin: GB_CASIN
    case .acos: GB_CACOS
    case .atanh: GB_CATANH
    case .atan: GB_CATAN
    case .asinh: GB_CASINH
    case .acosh: GB_CACOSH
    default: nil
    }
}
