#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The continuous and discrete distributions of NumPy's `Generator`
/// (numpy/random/src/distributions/distributions.c), step for step: the same draws in the same
/// order and the same floating-point operations, so results match to the last bit.
extension BitGenerator {
    /// `random_standard_gamma`: Marsaglia–Tsang for shape >= 1, Johnk-like rejection below.
    public func standardGamma(_ shape: Double) -> Double {
        if shape == 1.0 { return standardExponentialZiggurat() }
        if shape == 0.0 { return 0.0 }
        if shape < 1.0 {
            while true {
                let u = nextDouble()
                let v = standardExponentialZiggurat()
                if u <= 1.0 - shape {
                    let x = pow(u, 1.0 / shape)
                    if x <= v { return x }
                } else {
                    let y = -log((1 - u) / shape)
                    let x = pow(1.0 - shape + shape * y, 1.0 / shape)
                    if x <= v + y { return x }
                }
            }
        }
        let b = shape - 1.0 / 3.0
        let c = 1.0 / (9 * b).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = standardNormalZiggurat()
                v = 1.0 + c * x
            } while v <= 0.0
            v = v * v * v
            let u = nextDouble()
            if u < 1.0 - 0.0331 * (x * x) * (x * x) { return b * v }
            if log(u) < 0.5 * x * x + b * (1.0 - v + log(v)) { return b * v }
        }
    }

    /// `random_beta`: Johnk's algorithm when both shapes are <= 1, else a ratio of gammas.
    public func beta(_ a: Double, _ b: Double) -> Double {
        if a <= 1.0 && b <= 1.0 {
            while true {
                let u = nextDouble(), v = nextDouble()
                let x = pow(u, 1.0 / a), y = pow(v, 1.0 / b)
                let xpy = x + y
                if xpy <= 1.0 && xpy > 0.0 {
                    return x / xpy
                }
            }
        }
        let ga = standardGamma(a), gb = standardGamma(b)
        return ga / (ga + gb)
    }

    /// `random_poisson`: multiplication of uniforms below 10, Hörmann's PTRS above.
    public func poisson(_ lam: Double) -> Int64 {
        if lam >= 10 { return poissonPTRS(lam) }
        if lam == 0 { return 0 }
        let enlam = exp(-lam)
        var x: Int64 = 0
        var product = 1.0
        while true {
            product *= nextDouble()
            if product > enlam { x += 1 } else { return x }
        }
    }

    private func poissonPTRS(_ lam: Double) -> Int64 {
        let slam = lam.squareRoot()
        let loglam = log(lam)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextDouble() - 0.5
            let v = nextDouble()
            let us = 0.5 - abs(u)
            let k = cInt64(floor((2 * a / us + b) * u + lam + 0.43))
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + Double(k) * loglam - logGamma(Double(k) + 1) {
                return k
            }
        }
    }

    /// `random_binomial`: 0 without a draw when n or p is 0, else inversion or BTPE on the
    /// smaller of p and 1 - p.
    public func binomial(_ n: Int64, _ p: Double) -> Int64 {
        if n == 0 || p == 0.0 { return 0 }
        return binomialNoShortcut(n, p)
    }

    /// The legacy choice between inversion and BTPE (RandomState draws even for n == 0).
    func binomialNoShortcut(_ n: Int64, _ p: Double) -> Int64 {
        if p <= 0.5 {
            return p * Double(n) <= 30.0 ? binomialInversion(n, p) : binomialBTPE(n, p)
        }
        let q = 1.0 - p
        return q * Double(n) <= 30.0 ? n - binomialInversion(n, q) : n - binomialBTPE(n, q)
    }

    func binomialInversion(_ n: Int64, _ p: Double) -> Int64 {
        let q = 1.0 - p
        let qn = exp(Double(n) * log(q))
        let np = Double(n) * p
        let bound = cInt64(min(Double(n), np + 10.0 * (np * q + 1).squareRoot()))
        var x: Int64 = 0
        var px = qn
        var u = nextDouble()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = nextDouble()
            } else {
                u -= px
                px = (Double(n - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return x
    }

    /// Kachitvichyanukul and Schmeiser's BTPE, with NumPy's constants and step order.
    func binomialBTPE(_ n: Int64, _ p: Double) -> Int64 {
        let dn = Double(n)
        let r = min(p, 1.0 - p)
        let q = 1.0 - r
        let fm = dn * r + r
        let m = cInt64(floor(fm))
        let dm = Double(m)
        let p1 = floor(2.195 * (dn * r * q).squareRoot() - 4.6 * q) + 0.5
        let xm = dm + 0.5
        let xl = xm - p1
        let xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + dm)
        var a = (fm - xl) / (fm - xl * r)
        let laml = a * (1.0 + a / 2.0)
        a = (xr - fm) / (xr * q)
        let lamr = a * (1.0 + a / 2.0)
        let p2 = p1 * (1.0 + 2.0 * c)
        let p3 = p2 + c / laml
        let p4 = p3 + c / lamr

        var y: Int64 = 0
        draw: while true {
            let nrq = dn * r * q
            let u = nextDouble() * p4
            var v = nextDouble()
            if u <= p1 {
                y = cInt64(floor(xm - p1 * v + u))
                break draw
            }
            if u <= p2 {
                let x = xl + (u - p1) / c
                v = v * c + 1.0 - abs(dm - x + 0.5) / p1
                if v > 1.0 { continue draw }
                y = cInt64(floor(x))
            } else if u <= p3 {
                y = cInt64(floor(xl + log(v) / laml))
                if y < 0 || v == 0.0 { continue draw }
                v = v * (u - p2) * laml
            } else {
                y = cInt64(floor(xr - log(v) / lamr))
                if y > n || v == 0.0 { continue draw }
                v = v * (u - p3) * lamr
            }
            // Step 50: explicit evaluation or the squeeze.
            let k = abs(y - m)
            if !(k > 20 && Double(k) < nrq / 2.0 - 1) {
                let s = r / q
                let aa = s * (dn + 1)
                var f = 1.0
                if m < y {
                    var i = m + 1
                    while i <= y { f *= (aa / Double(i) - s); i += 1 }
                } else if m > y {
                    var i = y + 1
                    while i <= m { f /= (aa / Double(i) - s); i += 1 }
                }
                if v > f { continue draw }
                break draw
            }
            let dk = Double(k)
            let rho = (dk / nrq) * ((dk * (dk / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
            let t = Double(-k * k) / (2 * nrq)
            let logV = log(v)
            if logV < t - rho { break draw }
            if logV > t + rho { continue draw }
            let x1 = Double(y + 1), f1 = dm + 1, z = dn + 1 - dm, w = Double(n - y + 1)
            let x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w
            func stirling(_ v: Double, _ v2: Double) -> Double {
                (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / v2) / v2) / v2) / v2) / v / 166320.0
            }
            let bound = xm * log(f1 / x1) + (dn - dm + 0.5) * log(z / w) + Double(y - m) * log(w * r / (x1 * q))
                + stirling(f1, f2) + stirling(z, z2) + stirling(x1, x2) + stirling(w, w2)
            if logV > bound { continue draw }
            break draw
        }
        if p > 0.5 { y = n - y }
        return y
    }

    /// `random_interval`: uniform in [0, max] by masked rejection, 32-bit words when they suffice
    /// (what `shuffle` and `permutation` draw with).
    public func randomInterval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = BoundedIntegers.mask(max)
        if max <= 0xffff_ffff {
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= max { return value }
            }
        }
        while true {
            let value = nextUInt64() & mask
            if value <= max { return value }
        }
    }

    /// `random_multinomial`: successive binomials on the remaining count and probability.
    public func multinomial(_ n: Int64, _ p: [Double]) -> [Int64] {
        var counts = [Int64](repeating: 0, count: p.count)
        var remainingP = 1.0
        var dn = n
        for j in 0..<max(p.count - 1, 0) {
            counts[j] = binomial(dn, p[j] / remainingP)
            dn -= counts[j]
            if dn <= 0 { break }
            remainingP -= p[j]
        }
        if dn > 0 && !p.isEmpty { counts[p.count - 1] = dn }
        return counts
    }
}

/// `random_loggam`: log Γ(x) by Zhang and Jin's SPECFUN series, as NumPy evaluates it.
func logGamma(_ x: Double) -> Double {
    let a: [Double] = [8.333333333333333e-02, -2.777777777777778e-03,
                       7.936507936507937e-04, -5.952380952380952e-04,
                       8.417508417508418e-04, -1.917526917526918e-03,
                       6.410256410256410e-03, -2.955065359477124e-02,
                       1.796443723688307e-01, -1.39243221690590e+00]
    if x == 1.0 || x == 2.0 { return 0.0 }
    var x0 = x
    var n: Int64 = 0
    if x <= 7.0 {
        n = cInt64(7 - x)
        x0 = x + Double(n)
    }
    let x2 = 1.0 / (x0 * x0)
    let xp = 2 * Double.pi
    var gl0 = a[9]
    for k in stride(from: 8, through: 0, by: -1) {
        gl0 *= x2
        gl0 += a[k]
    }
    var gl = gl0 / x0 + 0.5 * log(xp) + (x0 - 0.5) * log(x0) - x0
    if x <= 7.0 {
        var k: Int64 = 1
        while k <= n {
            gl -= log(x0 - 1.0)
            x0 -= 1.0
            k += 1
        }
    }
    return gl
}
