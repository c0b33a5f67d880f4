#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Two-input elementwise math PyTorch's BinaryOpsKernel.cpp computes one element at a
/// time (`xlogy`, `copysign`, `nextafter`, `heaviside`, `zeta`, `gcd`, `lcm`, the
/// polynomials), and `logaddexp`/`logaddexp2`, which it vectorises (SLEEF lanes, libm tail).
enum ElementwisePairs {
    static func xlogy<T: RealElement>(_ x: T, _ y: T) -> T {
        if y.isNaN { return .nan }
        if x == 0 { return 0 }
        return x * T.m_log(y)
    }

    static func xlog1py<T: RealElement>(_ x: T, _ y: T) -> T {
        if y.isNaN { return .nan }
        if x == 0 { return 0 }
        return x * T.m_log1p(y)
    }

    static func copysign<T: RealElement>(_ a: T, _ b: T) -> T {
        b.sign == .minus ? -Swift.abs(a) : Swift.abs(a)
    }

    static func nextafter<T: RealElement>(_ a: T, _ b: T) -> T {
        if a.isNaN || b.isNaN { return .nan }
        if a == b { return b }
        return b > a ? a.nextUp : a.nextDown
    }

    static func heaviside<T: RealElement>(_ a: T, _ b: T) -> T {
        a == 0 ? b : (a > 0 ? 1 : 0)
    }

    static func gcd(_ a0: Int64, _ b0: Int64) -> Int64 {
        var a = a0 < 0 ? 0 &- a0 : a0, b = b0 < 0 ? 0 &- b0 : b0
        while a != 0 { let c = a; a = b % a; b = c }
        return b
    }

    static func lcm(_ a: Int64, _ b: Int64) -> Int64 {
        let g = gcd(a, b)
        if g == 0 { return 0 }
        let v = a / g &* b
        return v < 0 ? 0 &- v : v
    }
}

/// `logaddexp`: lanes `max(a, b) + log1p(exp(−|a − b|))` with SLEEF (NaN-propagating max),
/// keeping `a` where a == b is infinite; the tail with libm and `std::max`.
struct LogAddExpFunction<T: RealElement>: VectorizedBinaryFunction {
    let exp: (T) -> T, log1p: (T) -> T
    @inline(__always) func lane(_ a: T, _ b: T) -> T {
        if a == b && Swift.abs(a) == .infinity { return a }
        let m: T = a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        return m + log1p(exp(-Swift.abs(a - b)))
    }
    @inline(__always) func tail(_ a: T, _ b: T) -> T {
        if a.isInfinite && a == b { return a }
        let m = a < b ? b : a
        return m + T.m_log1p(T.m_exp(-Swift.abs(a - b)))
    }
}

/// `logaddexp2`: as `logaddexp` in base 2, the log1p scaled by 1/ln 2 (the multiply-add
/// fused, as GCC contracts it in PyTorch's AVX2 build).
struct LogAddExp2Function<T: RealElement>: VectorizedBinaryFunction {
    let exp2: (T) -> T, log1p: (T) -> T
    let invLog2 = T(1.4426950408889634)
    @inline(__always) func lane(_ a: T, _ b: T) -> T {
        if a == b && Swift.abs(a) == .infinity { return a }
        let m: T = a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        return m.addingProduct(log1p(exp2(-Swift.abs(a - b))), invLog2)
    }
    @inline(__always) func tail(_ a: T, _ b: T) -> T {
        if a.isInfinite && a == b { return a }
        let m = a < b ? b : a
        return m.addingProduct(T.m_log1p(T.m_exp2(-Swift.abs(a - b))), invLog2)
    }
}

/// A tail-only function: every element as the scalar formula (no SLEEF available).
struct ScalarOnly<F: VectorizedBinaryFunction>: VectorizedBinaryFunction {
    let f: F
    @inline(__always) func lane(_ a: F.T, _ b: F.T) -> F.T { f.tail(a, b) }
    @inline(__always) func tail(_ a: F.T, _ b: F.T) -> F.T { f.tail(a, b) }
}

extension Tensor {
    /// `frexp`: mantissa (this dtype) and int32 exponent, as C's `frexp` splits each element.
    public func frexp() throws(TensorError) -> (Tensor, Tensor) {
        let host = try to(device: .cpu)
        var mantissas: [Double] = [], exponents: [Int64] = []
        if dtype == .float64 {
            for v in try host.elements(as: Double.self) {
                var e: Int32 = 0
                mantissas.append(Glibc.frexp(v, &e)); exponents.append(Int64(e))
            }
        } else {
            for v in try host.elements(as: Float.self) {
                var e: Int32 = 0
                mantissas.append(Double(frexpf(v, &e))); exponents.append(Int64(e))
            }
        }
        let m = try Tensor(values: mantissas, shape: sizes, dtype: dtype, device: device)
        let e = try Tensor(values: exponents, shape: sizes, dtype: .int32, device: device)
        return (m, e)
    }
}
