/// `polygamma(n ≥ 2, x)` of float16/bfloat16 tensors. ATen's kernel runs `calc_polygamma`
/// with `scalar_t` the reduced type itself, and `zeta<scalar_t>` accumulates in
/// `acc_type<Half/BFloat16>`, which is float on the CPU (double for a float32 input): so
/// ζ(n + 1, x) sums in float with `powf`, n + 1 is rounded to the element type, and
/// ζ is rounded to it before the final product (measured against PyTorch 2.15: 2,400
/// values of each type, n = 2, 3, 4, all equal; the float32 route differs in about 4%).
enum ReducedPolygamma {
    /// ψ⁽ⁿ⁾(x) = (−1)ⁿ⁺¹ · exp(lgamma(n + 1)) · ζ(n + 1, x), before the result's rounding.
    static func value(_ n: Int, _ x: Float, round: (Float) -> Float) -> Float {
        let sign: Float = n % 2 != 0 ? 1 : -1
        let factorial = Float.m_exp(Float.m_lgamma(round(Float(n) + 1)))
        return sign * factorial * zeta(round(Float(n + 1)), x, round: round)
    }

    /// Cephes' Hurwitz zeta as ATen's `zeta` computes it with a float accumulator.
    static func zeta(_ x: Float, _ q: Float, round: (Float) -> Float) -> Float {
        let machep = Float(1.11022302462515654042E-16)
        if x == 1 { return .infinity }
        if x < 1 { return .nan }
        if q <= 0 {
            if q == q.rounded(.down) { return .infinity }
            if x != x.rounded(.down) { return .nan }
        }
        var s = Float.m_pow(q, -x)
        var a = q, b: Float = 0
        var i = 0
        while i < 9 || a <= 9 {
            i += 1
            a += 1
            b = Float.m_pow(a, -x)
            s += b
            if -machep * s < b && b < machep * s { return round(s) }
        }
        let w = a
        s += b * w / (x - 1)
        s -= 0.5 * b
        a = 1
        var k: Float = 0
        for j in 0..<12 {
            a *= x + k
            b /= w
            var t = a * b / Float(GammaFamily.zetaA[j])
            s = s + t
            t = Swift.abs(t / s)
            if t < machep { return round(s) }
            k += 1
            a *= x + k
            b /= w
            k += 1
        }
        return round(s)
    }
}

extension Tensor {
    /// `polygamma(n, self)` for n ≥ 2 and a float16/bfloat16 `self`.
    func reducedPolygamma(_ n: Int) throws(TensorError) -> Tensor {
        let round: (Float) -> Float = dtype == .bfloat16 ? { BFloat16($0).float } : { Float(Float16($0)) }
        let x = try to(device: .cpu).to(.float32).contiguous().elements(as: Float.self)
        let r = x.map { Double(ReducedPolygamma.value(n, $0, round: round)) }
        let out = try Tensor(values: r, shape: sizes, dtype: .float32).to(dtype)
        return device == .cpu ? out : try out.to(device: device)
    }
}
