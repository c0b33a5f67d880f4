#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The precision ATen's `dirichlet_grad_one<scalar_t, double>` keeps a step in: `scalar_t`
/// (the tensor's float type) or the double accumulator. Float32 tensors run the small-x
/// series in float, as the C++ templates do.
protocol DirichletScalar: BinaryFloatingPoint {
    static func log(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
    init(_ value: Double)
    var double: Double { get }
}

extension Float: DirichletScalar {
    static func log(_ x: Float) -> Float { logf(x) }
    static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    var double: Double { Double(self) }
}

private func cLog(_ x: Double) -> Double { log(x) }
private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func cTan(_ x: Double) -> Double { tan(x) }

extension Double: DirichletScalar {
    static func log(_ x: Double) -> Double { cLog(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    var double: Double { self }
}

/// `_dirichlet_grad(x, alpha, total)`: the reparameterised gradient of a Dirichlet (or Beta)
/// coordinate `x` with respect to its concentration `alpha`, as ATen computes it (series
/// for small `x` or `1 - x`, an asymptotic form for large parameters, a rational fit
/// elsewhere), in ATen's baseline (non-FMA) arithmetic.
public enum DirichletGradient {
    public static func value(x: Double, alpha: Double, total: Double, single: Bool) -> Double {
        single ? Double(one(Float(x), Float(alpha), Float(total))) : one(x, alpha, total)
    }

    static func one<S: DirichletScalar>(_ x: S, _ alpha: S, _ total: S) -> S {
        let xd = x.double, alphad = alpha.double, totald = total.double
        let beta = total - alpha
        let betad = totald - alphad
        let boundary = total * x * (1 - x)
        if x <= S(Double(Float(0.5))) && boundary < S(Double(Float(2.5))) {
            return alphaSmall(x, alpha, beta)
        }
        if x >= S(Double(Float(0.5))) && boundary < S(Double(Float(0.75))) {
            return -betaSmall(1 - x, beta, alpha)
        }
        if alpha > 6 && beta > 6 {
            return S(alphaMid(xd, alphad, betad))
        }
        let c: [[[[Double]]]] = [
            [[[1.003668233, -0.01061107488, -0.0657888334, 0.01201642863],
              [0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033],
              [-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013]],
             [[0.221950385, -0.3187676331, 0.01799915743, 0.01074823814],
              [-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057],
              [0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-05]],
             [[-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565],
              [0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181],
              [0.005900514878, -0.001936558688, -9.495446725e-06, 5.385558597e-05]]],
            [[[1, -0.02924021934, -0.04438342661, 0.007285809825],
              [0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521],
              [-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149]],
             [[0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273],
              [0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956],
              [-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-05]],
             [[0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-05],
              [0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-05],
              [-0.0003477407336, 6.959756487e-05, 1.097287507e-05, -1.650964693e-06]]],
        ]
        let u = cLog(xd)
        let a = cLog(alphad) - u
        let b = cLog(totald) - a
        let powU = [1, u, u * u], powA = [1, a, a * a]
        var p = 0.0, q = 0.0
        for i in 0..<3 {
            for j in 0..<3 {
                let ua = powU[i] * powA[j]
                let cp = c[0][i][j], cq = c[1][i][j]
                p += ua * (cp[0] + b * (cp[1] + b * (cp[2] + b * cp[3])))
                q += ua * (cq[0] + b * (cq[1] + b * (cq[2] + b * cq[3])))
            }
        }
        let approx = xd * (digammaOne(S(totald)).double - digammaOne(S(alphad)).double) / betad
        return S(p / q * approx)
    }

    static func alphaSmall<S: DirichletScalar>(_ x: S, _ alpha: S, _ beta: S) -> S {
        let factor = digammaOne(alpha) - digammaOne(alpha + beta) - S.log(x)
        var numer: S = 1
        var series = numer / alpha * (factor + 1 / alpha)
        for i in 1...10 {
            let ci = S(Double(i))
            numer *= (ci - beta) * x / ci
            let denom = alpha + ci
            series += numer / denom * (factor + 1 / denom)
        }
        let result = x * S.pow(1 - x, -beta) * series
        return result.isNaN ? 0 : result
    }

    static func betaSmall<S: DirichletScalar>(_ x: S, _ alpha: S, _ beta: S) -> S {
        let factor = digammaOne(alpha + beta) - digammaOne(beta)
        var numer: S = 1, betas: S = 1, dbetas: S = 0
        var series = factor / alpha
        for i in 1...8 {
            let ci = S(Double(i))
            numer *= -x / ci
            dbetas = dbetas * (beta - ci) + betas
            betas = betas * (beta - ci)
            series += numer / (alpha + ci) * (dbetas + factor * betas)
        }
        let result = -S.pow(1 - x, 1 - beta) * series
        return result.isNaN ? 0 : result
    }

    static func alphaMid(_ x: Double, _ alpha: Double, _ beta: Double) -> Double {
        let total = alpha + beta
        let mean = alpha / total
        let std = (alpha * beta / (total + 1)).squareRoot() / total
        if mean - 0.1 * std <= x && x <= mean + 0.1 * std {
            let poly = 47 * x * (beta * beta) * (beta * beta) + alpha * (
                (43 + 20 * (16 + 27 * beta) * x) * (beta * beta) * beta + alpha * (
                    3 * (59 + 180 * beta - 90 * x) * (beta * beta) + alpha * (
                        (453 + 1620 * beta * (1 - x) - 455 * x) * beta + alpha * (
                            8 * (1 - x) * (135 * beta - 11)))))
            let prefactorNum = (1 + 12 * alpha) * (1 + 12 * beta) / (total * total)
            let prefactorDen = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total)
            return prefactorNum / (1 - x) * poly / prefactorDen
        }
        let prefactor = -x / (2 * alpha * beta / total).squareRoot()
        let stirling = (1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha))
            * (1 + 1 / (12 * beta) + 1 / (288 * beta * beta))
            / (1 + 1 / (12 * total) + 1 / (288 * total * total))
        let term1Num = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * (beta * beta)
        let axbx = alpha * (x - 1) + beta * x
        let term1Den = (2 * alpha / beta).squareRoot() * cPow(total, 1.5) * axbx * axbx
        let term1 = term1Num / term1Den
        let term2 = 0.5 * cLog(alpha / (total * x))
        let term3Num = (8 * alpha * beta / total).squareRoot()
        let term3Den = beta * x + alpha * (x - 1)
        let term3 = term3Num / term3Den
        let term4Base = beta * cLog(beta / (total * (1 - x))) + alpha * cLog(alpha / (total * x))
        let term4 = cPow(term4Base, -1.5)
        let term1234 = term1 + term2 * (term3 + (x < mean ? term4 : -term4))
        return stirling * prefactor * term1234
    }

    /// `digamma_one<scalar_t, double>`: `x` stays in `scalar_t` (so `1 / x`, `x + 1` and
    /// `log(x)` are float steps for float32), the sums in double.
    static func digammaOne<S: DirichletScalar>(_ x: S) -> S {
        if x == 0 { return .infinity }
        var x = x
        var additional = 0.0
        if x < 0 {
            if x == x.rounded(.down) { return .infinity }
            let pi = S(Double.pi)
            additional = -(pi / S(cTan((pi * x).double))).double
            x = 1 - x
        }
        var result = 0.0
        while x < 10 {
            result -= (1 / x).double
            x += 1
        }
        if x == 10 { return S(result + 2.25175258906672110764 + additional) }
        let a = [8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
                 -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
                 8.33333333333333333333E-2]
        var y = 0.0
        if x.double < Double(Float(1.0e17)) {
            let z = 1.0 / (x * x).double
            var p = 0.0
            for c in a { p = p * z + c }
            y = z * p
        }
        return S(result + S.log(x).double - (0.5 / x).double - y + additional)
    }
}

extension Tensor {
    /// `torch._dirichlet_grad(x, alpha, total)`, element by element (one shape).
    public static func dirichletGrad(x: Tensor, alpha: Tensor, total: Tensor) throws(TensorError) -> Tensor {
        let xs = try x.elementsAsDouble(), alphas = try alpha.expand(x.sizes).elementsAsDouble()
        let totals = try total.expand(x.sizes).elementsAsDouble()
        let single = x.dtype == .float32
        var values: [Double] = []
        values.reserveCapacity(xs.count)
        for i in xs.indices {
            values.append(DirichletGradient.value(x: xs[i], alpha: alphas[i], total: totals[i], single: single))
        }
        return try Tensor(values: values, shape: x.sizes, dtype: x.dtype, device: x.device)
    }
}
