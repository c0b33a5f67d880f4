/// The float64 error function of the SLEEF that PyTorch links into libtorch_cpu (a 3.6-era
/// build of `Sleef_erfd4_u10`, which `Vectorized<double>::erf` calls on AVX2), one lane at
/// a time. Debian's libsleef 3.5.1 rounds about 1 input in 45 one ulp differently (measured
/// on 320,000 inputs in [-6, 6] against the AVX2 function exported by libtorch_cpu.so of
/// PyTorch 2.15), so float64 GELU and its gradient use this instead of the loaded library.
///
/// The algorithm (SLEEF's published `erf_u1`): for |x| ≤ 2.5, Abramowitz and Stegun's form
/// erf(x) = 1 − 1/(1 + x·p(x))¹⁶ with p a degree-23 polynomial whose 21 high coefficients
/// are evaluated in double by Estrin's scheme and the last three in double-double; above
/// 2.5, 1 − exp(q(x)) with another polynomial q and SLEEF's double-double `expk`. Every
/// multiply-add is fused (the AVX2 build uses FMA), every other operation rounded on its own.
enum BundledSLEEFErf {
    /// A double-double value hi + lo.
    struct DD {
        var hi: Double
        var lo: Double
    }

    @inline(__always) static func fma(_ a: Double, _ b: Double, _ c: Double) -> Double { c.addingProduct(a, b) }

    // Double-double arithmetic, each in the FMA form SLEEF's AVX2 build compiles.
    @inline(__always) static func add(_ x: Double, _ y: DD) -> DD {
        let s = x + y.hi
        return DD(hi: s, lo: ((x - s) + y.hi) + y.lo)
    }

    @inline(__always) static func add(_ x: DD, _ y: DD) -> DD {
        let s = x.hi + y.hi
        return DD(hi: s, lo: (((x.hi - s) + y.hi) + x.lo) + y.lo)
    }

    /// Addition without an ordering assumption on magnitudes (SLEEF's `ddadd2`).
    @inline(__always) static func add2(_ x: DD, _ y: Double) -> DD {
        let s = x.hi + y, v = s - x.hi
        let w = (x.hi - (s - v)) + (y - v)
        return DD(hi: s, lo: w + x.lo)
    }

    @inline(__always) static func mul(_ x: DD, _ y: Double) -> DD {
        let s = x.hi * y
        return DD(hi: s, lo: fma(x.lo, y, fma(x.hi, y, -s)))
    }

    @inline(__always) static func square(_ x: DD) -> DD {
        let s = x.hi * x.hi
        return DD(hi: s, lo: fma(x.hi + x.hi, x.lo, fma(x.hi, x.hi, -s)))
    }

    @inline(__always) static func reciprocal(_ d: DD) -> DD {
        let s = 1 / d.hi
        return DD(hi: s, lo: s * fma(-d.lo, s, fma(-d.hi, s, 1)))
    }

    @inline(__always) static func normalized(_ t: DD) -> DD {
        let s = t.hi + t.lo
        return DD(hi: s, lo: (t.hi - s) + t.lo)
    }

    /// z + y·x in double-double.
    @inline(__always) static func mulAdd(_ x: Double, _ y: DD, _ z: DD) -> DD { add(z, mul(y, x)) }

    /// c3·x³ + c2·x² + c1·x + c0 with c3 a double and the rest double-double, as SLEEF's
    /// `poly4dd` groups it: (c3·x + c2)·x² + (c1·x + c0).
    @inline(__always) static func poly4(_ x: Double, _ c3: Double, _ c2: DD, _ c1: DD, _ c0: DD) -> DD {
        mulAdd(x * x, mulAdd(x, DD(hi: c3, lo: 0), c2), mulAdd(x, c1, c0))
    }

    // Estrin's scheme with fused multiply-adds; coefficients highest degree first.
    @inline(__always) static func estrin4(_ x: Double, _ x2: Double, _ c: UnsafePointer<Double>) -> Double {
        fma(x2, fma(x, c[0], c[1]), fma(x, c[2], c[3]))
    }

    @inline(__always) static func estrin8(_ x: Double, _ x2: Double, _ x4: Double, _ c: UnsafePointer<Double>) -> Double {
        fma(x4, estrin4(x, x2, c), estrin4(x, x2, c + 4))
    }

    /// Degree 20: the top five coefficients times x¹⁶ plus the 16 below.
    static func estrin21(_ x: Double, _ c: UnsafePointer<Double>) -> Double {
        let x2 = x * x, x4 = x2 * x2, x8 = x4 * x4, x16 = x8 * x8
        let top = fma(x4, c[0], estrin4(x, x2, c + 1))
        let low = fma(x8, estrin8(x, x2, x4, c + 5), estrin8(x, x2, x4, c + 13))
        return fma(x16, top, low)
    }

    static let ln2Inverse = 1.442695040888963407359924681001892137426645954152985934135449406931
    static let ln2Upper = 0.69314718055966295651160180568695068359375
    static let ln2Lower = 0.28235290563031577122588448175013436025525412068e-12

    /// 2^q as a double (q within the normal exponent range).
    @inline(__always) static func pow2(_ q: Int32) -> Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: q &+ 0x3ff)) << 52)
    }

    /// SLEEF's `expk`: e^(hi + lo), the exponent split between two scalings.
    static func expk(_ d: DD) -> Double {
        let dq = ((d.hi + d.lo) * ln2Inverse).rounded(.toNearestOrEven)
        // cvtpd2dq: NaN and out-of-range give the "integer indefinite" 0x80000000.
        let q: Int32 = dq.isNaN || Swift.abs(dq) > 2147483647 ? .min : Int32(dq)
        var s = add2(d, dq * -ln2Upper)
        s = add2(s, dq * -ln2Lower)
        s = normalized(s)
        let s2 = s.hi * s.hi, s4 = s2 * s2, s8 = s4 * s4
        let u = expCoefficients.withUnsafeBufferPointer { c in
            fma(s8, fma(s.hi, c[0], c[1]), estrin8(s.hi, s2, s4, c.baseAddress! + 2))
        }
        let t = add(add(1, s), mul(square(s), u))
        let e = q >> 1
        let r = (t.hi + t.lo) * pow2(e) * pow2(q &- e)
        return d.hi < -1000 ? 0 : r
    }

    static let expCoefficients: [Double] = [
        2.51069683420950419527139e-08, 2.76286166770270649116855e-07, 2.75572496725023574143864e-06,
        2.48014973989819794114153e-05, 0.000198412698809069797676111, 0.0013888888939977128960529,
        0.00833333333332371417601081, 0.0416666666665409524128449, 0.166666666666666740681535,
        0.500000000000000999200722,
    ]

    /// |x| ≤ 2.5.
    static let nearCoefficients: [Double] = [
        -0.2083271002525222097e-14, +0.7151909970790897009e-13, -0.1162238220110999364e-11, +0.1186474230821585259e-10,
        -0.8499973178354613440e-10, +0.4507647462598841629e-9, -0.1808044474288848915e-8, +0.5435081826716212389e-8,
        -0.1143939895758628484e-7, +0.1215442362680889243e-7, +0.1669878756181250355e-7, -0.9808074602255194288e-7,
        +0.1389000557865837204e-6, +0.2945514529987331866e-6, -0.1842918273003998283e-5, +0.3417987836115362136e-5,
        +0.3860236356493129101e-5, -0.3309403072749947546e-4, +0.1060862922597579532e-3, +0.2323253155213076174e-3,
        +0.1490149719145544729e-3,
    ]

    /// |x| > 2.5.
    static let farCoefficients: [Double] = [
        -0.4024015130752621932e-18, +0.3847193332817048172e-16, -0.1749316241455644088e-14, +0.5029618322872872715e-13,
        -0.1025221466851463164e-11, +0.1573695559331945583e-10, -0.1884658558040203709e-9, +0.1798167853032159309e-8,
        -0.1380745342355033142e-7, +0.8525705726469103499e-7, -0.4160448058101303405e-6, +0.1517272660008588485e-5,
        -0.3341634127317201697e-5, -0.2515023395879724513e-5, +0.6539731269664907554e-4, -0.3551065097428388658e-3,
        +0.1210736097958368864e-2, -0.2605566912579998680e-2, +0.1252823202436093193e-2, +0.1820191395263313222e-1,
        -0.1021557155453465954e+0,
    ]

    static func erf(_ a: Double) -> Double {
        let x = Swift.abs(a)
        var t2: DD
        if x <= 2.5 {
            let t = nearCoefficients.withUnsafeBufferPointer { estrin21(x, $0.baseAddress!) }
            t2 = poly4(x, t, DD(hi: 0.0092877958392275604405, lo: 7.9287559463961107493e-19),
                       DD(hi: 0.042275531758784692937, lo: 1.3785226620501016138e-19),
                       DD(hi: 0.07052369794346953491, lo: 9.5846628070792092842e-19))
            t2 = add(1, mul(t2, x))
            t2 = reciprocal(square(square(square(square(t2)))))
        } else {
            // Also NaN, whose comparisons are false, as in the vector code.
            let t = farCoefficients.withUnsafeBufferPointer { estrin21(x, $0.baseAddress!) }
            t2 = poly4(x, t, DD(hi: -0.63691044383641748361, lo: -2.4249477526539431839e-17),
                       DD(hi: -1.1282926061803961737, lo: -6.2970338860410996505e-17),
                       DD(hi: -1.2261313785184804967e-05, lo: -5.5329707514490107044e-22))
            t2 = DD(hi: expk(t2), lo: 0)
        }
        t2 = add2(t2, -1)
        var z = -(t2.hi + t2.lo)
        if x < 1e-8 { z = x * 1.12837916709551262756245475959 }
        if x >= 6 || a.isInfinite { z = 1 }
        if a == 0 { z = 0 }
        // The sign of a, by flipping z's sign bit (NaNs keep their payload).
        return Double(bitPattern: z.bitPattern ^ (a.bitPattern & (1 << 63)))
    }
}
