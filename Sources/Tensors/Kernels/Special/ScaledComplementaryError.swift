/// erfcx(x) = exp(x²)·erfc(x) and log Φ(x) (`special.erfcx`, `special.log_ndtr`) as
/// PyTorch's `calc_erfcx`/`calc_log_ndtr` compute them: Johnson's piecewise Chebyshev fits
/// (their double coefficients make float32 evaluate the polynomial in double) and a continued
/// fraction above 50, without fused multiply-adds (measured: PyTorch's erfcx has none);
/// nor has log_ndtr.
enum ScaledComplementaryError {
    /// `erfcx_y100`: the fit on the subinterval of 100·y, y = 4/(4 + |x|).
    static func y100<T: RealElement>(_ y100: T) -> T {
        let k = Int(Double(y100).rounded(.towardZero))
        guard k >= 0 && k < 100 else { return 1 }
        let c = ScaledComplementaryErrorTable.rows[k]
        let t = Double(2 * y100 - T(2 * k + 1))
        var r = c[6]
        for j in stride(from: 5, through: 0, by: -1) { r = c[j] + r * t }
        return T(r)
    }

    static func erfcx<T: RealElement>(_ x: T) -> T {
        if x.isNaN { return x }
        if x >= 0 {
            if x > 50 {
                let ispi = T(0.56418958354775628694807945156)
                if Double(x) > 5e7 { return ispi / x }
                let xx = x * x
                if T.self == Double.self {
                    return ispi * (xx * (xx + T(4.5)) + 2) / (x * (xx * (xx + 5) + T(3.75)))
                }
                let xd = Double(xx)
                let num = Double(ispi) * (xd * (xd + 4.5) + 2)
                let den = Double(x) * (Double(xx * (xx + 5)) + 3.75)
                return T(num / den)
            }
            return y100(400 / (4 + x))
        }
        if Double(x) < -26.7 { return .infinity }
        // Unqualified `exp` is C's double exp: float32 computes this line in double.
        let e = 2 * Double.m_exp(Double(x * x))
        if Double(x) < -6.1 { return T(e) }
        return T(e - Double(y100(400 / (4 - x))))
    }

    static func logNdtr<T: RealElement>(_ x: T) -> T {
        let t = x * T(0.7071067811865476)
        if x < -1 {
            return T.m_log(erfcx(-t) / 2) - t * t
        }
        return T.m_log1p(-T.m_erfc(t) / 2)
    }
}
