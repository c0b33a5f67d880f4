/// The orthogonal polynomials of `torch.special` (`chebyshev_polynomial_t_forward`... in
/// PyTorch's Math.h): three-term recurrences, with the trigonometric closed forms PyTorch
/// switches to for high degrees inside (−1, 1). `n` arrives in the element dtype and is
/// truncated to an integer the way x86 converts (NaN and ±inf become Int64.min).
public enum PolynomialKind: Sendable, Equatable {
    case chebyshevT, chebyshevU, chebyshevV, chebyshevW
    case shiftedChebyshevT, shiftedChebyshevU, shiftedChebyshevV, shiftedChebyshevW
    case hermiteH, hermiteHe, laguerreL, legendreP
}

enum OrthogonalPolynomials {
    /// `static_cast<int64_t>(n)` as `cvttsd2si` does it: out of range and NaN give Int64.min.
    @inline(__always) static func degree<T: RealElement>(_ n: T) -> Int64 {
        let d = Double(n)
        if d.isNaN || d >= 9.223372036854775807e18 || d < -9.223372036854775807e18 { return Int64.min }
        return Int64(d.rounded(.towardZero))
    }

    static func evaluate<T: RealElement>(_ kind: PolynomialKind, _ x: T, _ nT: T) -> T {
        switch kind {
        case .hermiteH:
            // PyTorch's float overload keeps inf/NaN degrees at −1 (the value 0).
            let n: Int64 = (!nT.isInfinite && !nT.isNaN) ? degree(nT) : -1
            return hermiteH(x, n)
        default:
            return evaluate(kind, x, degree(nT))
        }
    }

    static func evaluate<T: RealElement>(_ kind: PolynomialKind, _ x: T, _ n: Int64) -> T {
        switch kind {
        case .chebyshevT: chebyshevT(x, n)
        case .chebyshevU: chebyshevU(x, n)
        case .chebyshevV: chebyshevV(x, n)
        case .chebyshevW: chebyshevW(x, n)
        case .shiftedChebyshevT: shiftedT(x, n)
        case .shiftedChebyshevU: shiftedU(x, n)
        case .shiftedChebyshevV: shiftedV(x, n)
        case .shiftedChebyshevW: shiftedW(x, n)
        case .hermiteH: hermiteH(x, n)
        case .hermiteHe: hermiteHe(x, n)
        case .laguerreL: laguerreL(x, n)
        case .legendreP: legendreP(x, n)
        }
    }

    @inline(__always) static func t<T: RealElement>(_ n: Int64) -> T { T(n) }

    static func chebyshevT<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if Swift.abs(x) == 1 { return (x > 0 || n % 2 == 0) ? 1 : -1 }
        if n > 6 && Swift.abs(x) < 1 { return T.m_cos(t(n) * T.m_acos(x)) }
        if n == 0 { return 1 }
        if n == 1 { return x }
        var p: T = 1, q = x
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(x + x, q); p = q; q = r; k += 1 }
        return r
    }

    static func chebyshevU<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if Swift.abs(x) == 1 { return (x > 0 || n % 2 == 0) ? t(n + 1) : t(-(n + 1)) }
        if n > 8 && Swift.abs(x) < 1 {
            if T.m_sin(T.m_acos(x)) != 0 { return T.m_sin(t(n + 1) * T.m_acos(x)) / T.m_sin(T.m_acos(x)) }
            return t(n + 1) * T.m_cos(t(n + 1) * T.m_acos(x)) / x
        }
        if n == 0 { return 1 }
        if n == 1 { return x + x }
        var p: T = 1, q = x + x
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(x + x, q); p = q; q = r; k += 1 }
        return r
    }

    static func chebyshevV<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if Swift.abs(x) == 1 {
            if x > 0 { return 1 }
            return n % 2 == 0 ? t(n + n + 1) : t(-(n + n + 1))
        }
        if n > 8 && Swift.abs(x) < 1 {
            if T.m_sin(T.m_acos(x) / 2) != 1 { return T.m_cos((t(n) + T(0.5)) * T.m_acos(x)) / T.m_cos(T.m_acos(x) / 2) }
            return n % 2 == 0 ? t(n + n + 1) : t(-(n + n + 1))
        }
        if n == 0 { return 1 }
        if n == 1 { return x + x - 1 }
        var p: T = 1, q = x + x - 1
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(x + x, q); p = q; q = r; k += 1 }
        return r
    }

    static func chebyshevW<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if Swift.abs(x) == 1 {
            if x > 0 { return t(n + n + 1) }
            return n % 2 == 0 ? 1 : -1
        }
        if n > 8 && Swift.abs(x) < 1 {
            if T.m_cos(T.m_acos(x) / 2) != 1 { return T.m_sin((t(n) + T(0.5)) * T.m_acos(x)) / T.m_sin(T.m_acos(x) / 2) }
            if x > 0 { return t(n + n + 1) }
            return n % 2 == 0 ? 1 : -1
        }
        if n == 0 { return 1 }
        if n == 1 { return x + x + 1 }
        var p: T = 1, q = x + x + 1
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(x + x, q); p = q; q = r; k += 1 }
        return r
    }

    static func shiftedT<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if x == 1 { return 1 }
        if x == 0 { return n % 2 == 0 ? 1 : -1 }
        let y = x + x - 1
        if n > 6 && Swift.abs(y) < 1 { return T.m_cos(t(n) * T.m_acos(y)) }
        if n == 0 { return 1 }
        if n == 1 { return y }
        var p: T = 1, q = y
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(y + y, q); p = q; q = r; k += 1 }
        return r
    }

    static func shiftedU<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if x == 1 { return t(n + 1) }
        if x == 0 { return n % 2 == 0 ? t(n + 1) : t(-(n + 1)) }
        let y = x + x - 1
        if n > 6 && Swift.abs(y) < 1 {
            if T.m_sin(T.m_acos(y)) != 0 { return T.m_sin(t(n + 1) * T.m_acos(y)) / T.m_sin(T.m_acos(y)) }
            return t(n + 1) * T.m_cos(t(n + 1) * T.m_acos(y)) / y
        }
        if n == 0 { return 1 }
        if n == 1 { return y + y }
        var p: T = 1, q = y + y
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(y + y, q); p = q; q = r; k += 1 }
        return r
    }

    static func shiftedV<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if x == 1 { return 1 }
        if x == 0 { return n % 2 == 0 ? t(n + n + 1) : t(-(n + n + 1)) }
        let y = x + x - 1
        if n > 6 && Swift.abs(y) < 1 {
            if T.m_sin(T.m_acos(y) / 2) != 1 { return T.m_cos((t(n) + T(0.5)) * T.m_acos(y)) / T.m_cos(T.m_acos(y) / 2) }
            return n % 2 == 0 ? t(n + n + 1) : t(-(n + n + 1))
        }
        if n == 0 { return 1 }
        if n == 1 { return y + y - 1 }
        var p: T = 1, q = y + y - 1
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(y + y, q); p = q; q = r; k += 1 }
        return r
    }

    static func shiftedW<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if x == 1 { return t(n + n + 1) }
        if x == 0 { return n % 2 == 0 ? 1 : -1 }
        let y = x + x - 1
        if n > 4 && Swift.abs(y) < 1 {
            if T.m_cos(T.m_acos(y) / 2) != 1 { return T.m_sin((t(n) + T(0.5)) * T.m_acos(y)) / T.m_sin(T.m_acos(y) / 2) }
            return n % 2 == 0 ? 1 : -1
        }
        if n == 0 { return 1 }
        if n == 1 { return y + y + 1 }
        var p: T = 1, q = y + y + 1
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k <= n && !q.isNaN { r = (-p).addingProduct(y + y, q); p = q; q = r; k += 1 }
        return r
    }

    static func hermiteLimit<T: RealElement>(_ t: T.Type) -> Int64 { T.self == Float.self ? 128 : 512 }

    static func hermiteH<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if n == 0 { return 1 }
        if n == 1 { return x + x }
        if n > hermiteLimit(T.self) { return .nan }
        var p: T = 1, q = x + x
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 2
        while k < n + n { r = (-(t(k) * p)).addingProduct(x + x, q); p = q; q = r; k += 2 }
        return r
    }

    static func hermiteHe<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if n == 0 { return 1 }
        if n == 1 { return x }
        if n > hermiteLimit(T.self) { return .nan }
        var p: T = 1, q = x
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 1
        while k < n { r = (-(t(k) * p)).addingProduct(x, q); p = q; q = r; k += 1 }
        return r
    }

    static func laguerreL<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if Swift.abs(x) == 0 { return 1 }
        if n == 0 { return 1 }
        if n == 1 { return 1 - x }
        var p: T = 1, q = 1 - x
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 1
        while k < n && !q.isNaN { r = (-(t(k) * p)).addingProduct(t(k + k) + (1 - x), q) / t(k + 1); p = q; q = r; k += 1 }
        return r
    }

    static func legendreP<T: RealElement>(_ x: T, _ n: Int64) -> T {
        if n < 0 { return 0 }
        if Swift.abs(x) == 1 { return (x > 0 || n % 2 == 0) ? 1 : -1 }
        if n == 0 { return 1 }
        if n == 1 { return x }
        var p: T = 1, q = x
        var r = q  // ATen leaves r unset when q starts NaN (x NaN); its build returns NaN.
        var k: Int64 = 1
        while k < n && !q.isNaN { r = (-(t(k) * p)).addingProduct(t(k + k + 1) * x, q) / t(k + 1); p = q; q = r; k += 1 }
        return r
    }
}
