/// The gamma family of PyTorch's CPU kernels (`aten/src/ATen/native/Math.h`): digamma,
/// trigamma, polygamma and Hurwitz zeta, written step for step as the C++ computes them,
/// in the element's own precision (float32 digamma reflects through a double `tan`, zeta
/// accumulates in double because `acc_type<float>` is double on the CPU), so the digits agree.
enum GammaFamily {
    static let psi10 = 2.25175258906672110764
    /// Cephes' asymptotic digamma coefficients, highest power first.
    static let digammaSeries: [Double] = [
        8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
        -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
        8.33333333333333333333E-2,
    ]
    static let digammaSeriesFloat: [Float] = [
        8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
        -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
        8.33333333333333333333E-2,
    ]

    @inline(__always) static func polevl<T: BinaryFloatingPoint>(_ x: T, _ a: [T]) -> T {
        var r: T = 0
        for c in a { r = r * x + c }
        return r
    }

    /// `polevl` as GCC compiles it in PyTorch's AVX2 kernels: `r·x + c` contracted into one
    /// fused multiply-add (digamma's series; float64 `digamma(1.5052298731931317)` differs
    /// in its last bit without it).
    @inline(__always) static func polevlFused<T: BinaryFloatingPoint>(_ x: T, _ a: [T]) -> T {
        var r: T = 0
        for c in a { r = c.addingProduct(r, x) }
        return r
    }

    static func digamma(_ x0: Double) -> Double {
        var x = x0
        if x == 0 { return (-x).sign == .minus ? -.infinity : .infinity }
        if x < 0 {
            if x == x.rounded(.towardZero) { return .nan }
            let r = x - x.rounded(.towardZero)
            return digamma(1 - x) - Double.pi / Double.m_tan(Double.pi * r)
        }
        var result = 0.0
        while x < 10 { result -= 1 / x; x += 1 }
        if x == 10 { return result + psi10 }
        var y = 0.0
        if x < 1.0e17 {
            let z = 1.0 / (x * x)
            y = z * polevlFused(z, digammaSeries)
        }
        return result + Double.m_log(x) - (0.5 / x) - y
    }

    static func digamma(_ x0: Float) -> Float {
        var x = x0
        if x == 0 { return (-x).sign == .minus ? -.infinity : .infinity }
        if x < 0 {
            if x == x.rounded(.towardZero) { return .nan }
            let xd = Double(x)
            let r = xd - xd.rounded(.towardZero)
            let piOverTan = Float(Double.pi / Double.m_tan(Double.pi * r))
            return digamma(1 - x) - piOverTan
        }
        var result: Float = 0
        while x < 10 { result -= 1 / x; x += 1 }
        if x == 10 { return result + Float(psi10) }
        var y: Float = 0
        if x < 1.0e17 {
            let z = 1 / (x * x)
            y = z * polevlFused(z, digammaSeriesFloat)
        }
        return result + Float.m_log(x) - (0.5 / x) - y
    }

    static func trigamma(_ x0: Double) -> Double {
        var x = x0, sign = 1.0, result = 0.0
        if x < 0.5 {
            sign = -1
            let s = Double.m_sin(Double.pi * x)
            result -= (Double.pi * Double.pi) / (s * s)
            x = 1 - x
        }
        for _ in 0..<6 { result += 1 / (x * x); x += 1 }
        let ixx = 1 / (x * x)
        result += (1 + 1 / (2 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x
        return sign * result
    }

    static func trigamma(_ x0: Float) -> Float {
        var x = x0, sign: Float = 1, result: Float = 0
        let pi = Float(Double.pi)  // c10::pi<float>, rounded to nearest (Swift's Float.pi rounds down)
        if x < 0.5 {
            sign = -1
            let s = Float.m_sin(pi * x)
            result -= (pi * pi) / (s * s)
            x = 1 - x
        }
        for _ in 0..<6 { result += 1 / (x * x); x += 1 }
        let ixx = 1 / (x * x)
        result += (1 + 1 / (2 * x) + ixx * (Float(1) / 6 - ixx * (Float(1) / 30 - ixx * (Float(1) / 42)))) / x
        return sign * result
    }

    static let zetaA: [Double] = [
        12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10,
        -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15,
        1.8152105401943546773e17, -7.1661652561756670113e18,
    ]

    /// Hurwitz zeta ζ(x, q), accumulated in double; `pow(q, -x)` first in T (C++ picks the
    /// `float` overload for float arguments).
    static func zeta<T: RealElement>(_ xT: T, _ qT: T) -> T {
        let machep = 1.11022302462515654042E-16
        let x = Double(xT), q = Double(qT)
        if x == 1 { return .infinity }
        if x < 1 { return .nan }
        if q <= 0 {
            if q == q.rounded(.down) { return .infinity }
            if x != x.rounded(.down) { return .nan }
        }
        var s = Double(T.m_pow(qT, -xT))
        var a = q, b = 0.0
        var i = 0
        while i < 9 || a <= 9 {
            i += 1
            a += 1
            b = Double.m_pow(a, -x)
            s += b
            if -machep * s < b && b < machep * s { return T(s) }
        }
        let w = a
        s += b * w / (x - 1)
        s -= 0.5 * b
        a = 1
        var k = 0.0
        for j in 0..<12 {
            a *= x + k
            b /= w
            var t = a * b / zetaA[j]
            s = s + t
            t = Swift.abs(t / s)
            if t < machep { return T(s) }
            k += 1
            a *= x + k
            b /= w
            k += 1
        }
        return T(s)
    }

    /// ψ⁽ⁿ⁾(x) for n ≥ 2: (−1)ⁿ⁺¹ n! ζ(n + 1, x).
    static func polygamma<T: RealElement>(_ n: Int, _ x: T) -> T {
        let one: T = 1
        let sign: T = n % 2 != 0 ? one : -one
        return sign * T.m_exp(T.m_lgamma(T(n) + one)) * zeta(T(n + 1), x)
    }
}

extension GammaFamily {
    /// `mvlgamma(x, p)`: Σⱼ lgamma(x − j/2) + p(p−1)/4 · log π, as PyTorch composes it
    /// (`args = arange(-p/2 + 0.5, 0.5, 0.5)`, `(x.unsqueeze(-1) + args).lgamma().sum(-1)`).
    static func multigammaln<T: RealElement>(_ x: T, _ p: Int, logPiTerm: T) -> T {
        var sum: T = 0
        var j = 0
        while j < p {
            let arg = T(-Double(p) / 2 + 0.5 + 0.5 * Double(j))
            sum += T.m_lgamma(x + arg)
            j += 1
        }
        return sum + logPiTerm
    }
}
