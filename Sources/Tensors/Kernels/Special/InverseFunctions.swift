/// Inverses of the error and normal functions as PyTorch's `calc_erfinv` (a rational
/// first guess and two Newton steps with libm's erf; used when MKL's VML is absent) and `calc_ndtri` (Cephes) compute them.
enum InverseFunctions {
    static func erfinv<T: RealElement>(_ y: T) -> T {
        let a: [T] = [T(0.886226899), T(-1.645349621), T(0.914624893), T(-0.140543331)]
        let b: [T] = [T(-2.118377725), T(1.442710462), T(-0.329097515), T(0.012229801)]
        let c: [T] = [T(-1.970840454), T(-1.624906493), T(3.429567803), T(1.641345311)]
        let d: [T] = [T(3.543889200), T(1.637067800)]
        let yAbs = Swift.abs(y)
        if yAbs > 1 { return .nan }
        if yAbs == 1 { return y.sign == .minus ? -.infinity : .infinity }
        var x: T
        if yAbs <= T(0.7) {
            let z = y * y
            let num = a[0].addingProduct(a[1].addingProduct(a[2].addingProduct(a[3], z), z), z)
            let dem = (1 as T).addingProduct(b[0].addingProduct(b[1].addingProduct(b[2].addingProduct(b[3], z), z), z), z)
            x = y * num / dem
        } else {
            let z = (-T.m_log((1 - yAbs) / 2)).squareRoot()
            let num = c[0].addingProduct(c[1].addingProduct(c[2].addingProduct(c[3], z), z), z)
            let dem = (1 as T).addingProduct(d[0].addingProduct(d[1], z), z)
            // copysign(num, y) / dem
            x = (y.sign == .minus ? -Swift.abs(num) : Swift.abs(num)) / dem
        }
        let twoOverSqrtPi = 2 * T(0.564189583547756286948079451560772586)
        x = x - (T.m_erf(x) - y) / (twoOverSqrtPi * T.m_exp(-x * x))
        x = x - (T.m_erf(x) - y) / (twoOverSqrtPi * T.m_exp(-x * x))
        return x
    }

    static let ndtriP0: [Double] = [-5.99633501014107895267E1, 9.80010754185999661536E1, -5.66762857469070293439E1,
                                    1.39312609387279679503E1, -1.23916583867381258016E0]
    static let ndtriQ0: [Double] = [1.00000000000000000000E0, 1.95448858338141759834E0, 4.67627912898881538453E0,
                                    8.63602421390890590575E1, -2.25462687854119370527E2, 2.00260212380060660359E2,
                                    -8.20372256168333339912E1, 1.59056225126211695515E1, -1.18331621121330003142E0]
    static let ndtriP1: [Double] = [4.05544892305962419923E0, 3.15251094599893866154E1, 5.71628192246421288162E1,
                                    4.40805073893200834700E1, 1.46849561928858024014E1, 2.18663306850790267539E0,
                                    -1.40256079171354495875E-1, -3.50424626827848203418E-2, -8.57456785154685413611E-4]
    static let ndtriQ1: [Double] = [1.00000000000000000000E0, 1.57799883256466749731E1, 4.53907635128879210584E1,
                                    4.13172038254672030440E1, 1.50425385692907503408E1, 2.50464946208309415979E0,
                                    -1.42182922854787788574E-1, -3.80806407691578277194E-2, -9.33259480895457427372E-4]
    static let ndtriP2: [Double] = [3.23774891776946035970E0, 6.91522889068984211695E0, 3.93881025292474443415E0,
                                    1.33303460815807542389E0, 2.01485389549179081538E-1, 1.23716634817820021358E-2,
                                    3.01581553508235416007E-4, 2.65806974686737550832E-6, 6.23974539184983293730E-9]
    static let ndtriQ2: [Double] = [1.00000000000000000000E0, 6.02427039364742014255E0, 3.67983563856160859403E0,
                                    1.37702099489081330271E0, 2.16236993594496635890E-1, 1.34204006088543189037E-2,
                                    3.28014464682127739104E-4, 2.89247864745380683936E-6, 6.79019408009981274425E-9]

    @inline(__always) static func polevl<T: RealElement>(_ x: T, _ c: [Double]) -> T {
        var r: T = 0
        for v in c { r = T(v).addingProduct(r, x) }
        return r
    }

    static func ndtri<T: RealElement>(_ y0: T) -> T {
        let s2pi = T(2.50662827463100050242E0)
        if y0 == 0 { return -.infinity }
        if y0 == 1 { return .infinity }
        if y0 < 0 || y0 > 1 { return .nan }
        var code = true
        var y = y0
        let expMinus2 = T(0.13533528323661269189)
        if y > 1 - expMinus2 { y = 1 - y; code = false }
        if y > expMinus2 {
            y = y - T(0.5)
            let y2 = y * y
            let x = y.addingProduct(y, y2 * polevl(y2, ndtriP0) / polevl(y2, ndtriQ0))
            return x * s2pi
        }
        var x: T, x0: T
        if T.self == Float.self {
            // `::sqrt`/`::log` are C's double functions: float32 goes through double here.
            x = T((-2.0 * Double.m_log(Double(y))).squareRoot())
            x0 = T(Double(x) - Double.m_log(Double(x)) / Double(x))
        } else {
            x = (T(-2.0) * T.m_log(y)).squareRoot()
            x0 = x - T.m_log(x) / x
        }
        let z = 1 / x
        let x1: T
        if x < 8 {
            x1 = z * polevl(z, ndtriP1) / polevl(z, ndtriQ1)
        } else {
            x1 = z * polevl(z, ndtriP2) / polevl(z, ndtriQ2)
        }
        x = x0 - x1
        if code { x = -x }
        return x
    }
}
