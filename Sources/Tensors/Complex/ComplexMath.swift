import CComplexLibm
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Element functions of complex numbers as PyTorch's CPU build computes them. Most go
/// through `std::exp`/`std::log`/`std::sqrt` of `std::complex`, which libstdc++ hands to
/// glibc's `cexp`/`clog`/`csqrt`: those algorithms are followed here step by step for
/// finite inputs, with the same real functions of glibc (`exp`, `sin`, `cos`, `hypot`,
/// `log1p`, `atan2`). Non-finite parts take C99 Annex G's special values.
protocol ComplexPart: RealElement where Exponent == Int {
    /// `x·x + y·y - 1` without cancellation (glibc's `__x2y2m1`), for |z| near 1.
    static func x2y2m1(_ x: Self, _ y: Self) -> Self
    /// glibc's overflow threshold `(int) ((MAX_EXP - 1) * M_LN2)` for `cexp`.
    static var expLimit: Self { get }
    /// The C library's complex function `fn` of `re + i·im` (ComplexLibm.swift).
    static func libm(_ fn: gb_complex_fn, _ re: Self, _ im: Self) -> (Self, Self)
    /// The C library's `cpow` of `re + i·im` to the power `ere + i·eim`.
    static func libmPow(_ re: Self, _ im: Self, _ ere: Self, _ eim: Self) -> (Self, Self)
}

extension Float: ComplexPart {
    /// glibc's float version works in double, where the sum is exact enough.
    static func x2y2m1(_ x: Float, _ y: Float) -> Float {
        Float((Double(x) - 1) * (Double(x) + 1) + Double(y) * Double(y))
    }
    static var expLimit: Float { 88 }
}

extension Double: ComplexPart {
    /// glibc's `__x2y2m1`: the exact products x², y² (split in two doubles each) and -1,
    /// summed smallest first with exact two-sums, re-sorting by magnitude after each step.
    static func x2y2m1(_ x: Double, _ y: Double) -> Double {
        let xx = x * x, yy = y * y
        var vals = [(-xx).addingProduct(x, x), xx, (-yy).addingProduct(y, y), yy, -1.0]
        vals.sort { Swift.abs($0) < Swift.abs($1) }
        for i in 0...3 {
            let hi = vals[i + 1] + vals[i]
            let lo = (vals[i + 1] - hi) + vals[i]
            vals[i + 1] = hi
            vals[i] = lo
            vals[(i + 1)...].sort { Swift.abs($0) < Swift.abs($1) }
        }
        return vals[4] + vals[3] + vals[2] + vals[1] + vals[0]
    }
    static var expLimit: Double { 709 }
}

/// glibc `cexp` for finite parts: `exp(re)·(cos(im) + i·sin(im))`.
@inline(__always) func complexExpParts<P: ComplexPart>(_ re: P, _ im: P) -> (P, P) {
    guard re.isFinite && im.isFinite else { return complexExpSpecial(re, im) }
    let sinIm: P, cosIm: P
    if Swift.abs(im) > P.leastNormalMagnitude { sinIm = P.m_sin(im); cosIm = P.m_cos(im) } else { sinIm = im; cosIm = 1 }
    if re > P.expLimit {
        // Scaled to avoid a spurious overflow, as glibc does.
        let expT = P.m_exp(P.expLimit)
        var x = re - P.expLimit, s = sinIm * expT, c = cosIm * expT
        if x > P.expLimit { x -= P.expLimit; s *= expT; c *= expT }
        if x > P.expLimit { return (P.greatestFiniteMagnitude * c, P.greatestFiniteMagnitude * s) }
        let e = P.m_exp(x)
        return (e * c, e * s)
    }
    let e = P.m_exp(re)
    return (e * cosIm, e * sinIm)
}

/// C99 Annex G special values of `cexp`.
func complexExpSpecial<P: ComplexPart>(_ re: P, _ im: P) -> (P, P) {
    if re.isNaN { return im == 0 ? (re, im) : (.nan, .nan) }
    if re.isInfinite {
        if re < 0 { return im.isFinite ? (0 * P.m_cos(im), 0 * P.m_sin(im)) : (0, 0) }
        if im == 0 { return (re, im) }
        if !im.isFinite { return (.infinity, .nan) }
        return (P.infinity * P.m_cos(im), P.infinity * P.m_sin(im))
    }
    return (.nan, .nan)
}

/// glibc `clog` for finite parts: `log|z| + i·arg z`, with `log1p` where |z| is near 1.
@inline(__always) func complexLogParts<P: ComplexPart>(_ re: P, _ im: P) -> (P, P) {
    let imag = P.m_atan2(im, re)
    if re.isNaN || im.isNaN { return (re.isInfinite || im.isInfinite ? .infinity : .nan, .nan) }
    if re.isInfinite || im.isInfinite { return (.infinity, imag) }
    if re == 0 && im == 0 { return (-1 / Swift.abs(re), imag) }
    var absx = Swift.abs(re), absy = Swift.abs(im)
    if absx < absy { swap(&absx, &absy) }
    var scale: P = 0
    let maxExp = P(P.greatestFiniteMagnitude.exponent + 1)
    let minExp = P(P.leastNormalMagnitude.exponent)
    let mant = P(P.significandBitCount + 1)
    if absx > P.greatestFiniteMagnitude / 2 {
        scale = -1
        absx = absx / 2; absy = absy / 2
    } else if absx < P.leastNormalMagnitude && absy < P.leastNormalMagnitude {
        scale = mant
        absx = absx * P(sign: .plus, exponent: Int(mant), significand: 1)
        absy = absy * P(sign: .plus, exponent: Int(mant), significand: 1)
    }
    _ = maxExp; _ = minExp
    let eps = P.ulpOfOne
    let real: P
    if absx == 1 && scale == 0 {
        real = P.m_log1p(absy * absy) / 2
    } else if absx > 1 && absx < 2 && absy < 1 && scale == 0 {
        var d2m1 = (absx - 1) * (absx + 1)
        if absy >= eps { d2m1 += absy * absy }
        real = P.m_log1p(d2m1) / 2
    } else if absx < 1 && absx >= 0.5 && absy < eps / 2 && scale == 0 {
        real = P.m_log1p((absx - 1) * (absx + 1)) / 2
    } else if absx < 1 && absx >= 0.5 && scale == 0 && absx * absx + absy * absy >= 0.5 {
        real = P.m_log1p(P.x2y2m1(absx, absy)) / 2
    } else {
        let d = P.m_hypot(absx, absy)
        real = P.m_log(d) - scale * P(0.6931471805599453)
    }
    return (real, imag)
}

/// glibc `csqrt` for finite parts.
@inline(__always) func complexSqrtParts<P: ComplexPart>(_ re: P, _ im: P) -> (P, P) {
    if re.isNaN || im.isNaN || re.isInfinite || im.isInfinite {
        if im.isInfinite { return (.infinity, im) }
        if re.isInfinite {
            if re < 0 { return (im.isNaN ? .nan : 0, im.isNaN ? P.infinity : P.infinity.magnitude * (im.sign == .minus ? -1 : 1)) }
            return (re, im.isNaN ? .nan : (im.sign == .minus ? -0.0 : 0))
        }
        return (.nan, .nan)
    }
    if im == 0 {
        if re < 0 { return (0, (-re).squareRoot() * (im.sign == .minus ? -1 : 1)) }
        return (Swift.abs(re.squareRoot()), im.sign == .minus ? -0.0 : 0)
    }
    if re == 0 {
        let r: P = Swift.abs(im) >= 2 * P.leastNormalMagnitude
            ? P(0.7071067811865476) * Swift.abs(im).squareRoot()
            : (2 * Swift.abs(im)).squareRoot() / 2
        return (r, im.sign == .minus ? -r : r)
    }
    var x = re, y = im
    var scale = 0
    let maxHalf = P.greatestFiniteMagnitude / 4
    if Swift.abs(x) > maxHalf {
        scale = 1
        x = x * P(sign: .plus, exponent: -2, significand: 1)
        y = y * P(sign: .plus, exponent: -2, significand: 1)
    } else if Swift.abs(y) > maxHalf {
        scale = 1
        if Swift.abs(x) >= 4 * P.leastNormalMagnitude { x = x * P(sign: .plus, exponent: -2, significand: 1) } else { x = 0 }
        y = y * P(sign: .plus, exponent: -2, significand: 1)
    } else if Swift.abs(x) < 2 * P.leastNormalMagnitude && Swift.abs(y) < 2 * P.leastNormalMagnitude {
        scale = -((P.significandBitCount + 1 + 1) / 2)
        x = x * P(sign: .plus, exponent: -2 * scale, significand: 1)
        y = y * P(sign: .plus, exponent: -2 * scale, significand: 1)
    }
    let d = P.m_hypot(x, y)
    var r: P, s: P
    if x > 0 {
        r = (0.5 * (d + x)).squareRoot()
        if scale == 1 && Swift.abs(y) < 1 {
            s = y / r
            r = r * P(sign: .plus, exponent: scale, significand: 1)
            scale = 0
        } else {
            s = 0.5 * (y / r)
        }
    } else {
        s = (0.5 * (d - x)).squareRoot()
        if scale == 1 && Swift.abs(y) < 1 {
            r = Swift.abs(y / s)
            s = s * P(sign: .plus, exponent: scale, significand: 1)
            scale = 0
        } else {
            r = Swift.abs(0.5 * (y / s))
        }
    }
    if scale != 0 {
        r = r * P(sign: .plus, exponent: scale, significand: 1)
        s = s * P(sign: .plus, exponent: scale, significand: 1)
    }
    return (r, im.sign == .minus ? -Swift.abs(s) : Swift.abs(s))
}
