/// float32 `gelu` (approximate='none') as PyTorch's CPU build computes it for a contiguous
/// tensor of more than one element: not in ATen but in oneDNN (v3.13), whose JIT eltwise
/// kernel evaluates, on AVX2, Abramowitz and Stegun's erf with oneDNN's own exp polynomial
/// and ends with a fused multiply-add (S + S·erf, S = s/2), so a large negative input gives
/// +0 where ATen's formula gives −0. Every element, tail included, takes the same path.
/// The constants are the float bit patterns of oneDNN's table.
enum OneDNNGelu {
    private static func f(_ bits: UInt32) -> Float { Float(bitPattern: bits) }
    private static let lnFltMin = f(0xc2aeac50), lnFltMax = f(0x42b17218)
    private static let log2e = f(0x3fb8aa3b), ln2 = f(0x3f317218)
    private static let expPolynomial: [Float] = [f(0x3f7ffffb), f(0x3efffee3), f(0x3e2aad40), f(0x3d2b9d0d), f(0x3c07cfce)]
    private static let approx = f(0x3ea7ba05), oneOverSqrt2 = f(0x3f3504f3)
    private static let erfPolynomial: [Float] = [f(0x3e827906), f(0xbe91a98e), f(0x3fb5f0e3), f(0xbfba00e3), f(0x3f87dc22)]

    /// oneDNN's `exp_compute_vector_fwd`: x = n·ln2 + r with n = floor(x·log2e + ½),
    /// a degree-5 polynomial in r, times 2^(n−1) and 2; zero below ln(FLT_MIN).
    @inline(__always) static func exp(_ v: Float) -> Float {
        let underflow = v < lnFltMin
        // vminps/vmaxps return the table operand when the input is NaN.
        var x = v < lnFltMax ? v : lnFltMax
        x = x > lnFltMin ? x : lnFltMin
        let fx = x * log2e + 0.5
        let n = fx.rounded(.down)
        let r = x.addingProduct(-n, ln2)
        let twoN: Float = underflow ? 0 : Float(bitPattern: UInt32(bitPattern: Int32((n - 1).rounded(.toNearestOrEven)) + 127) << 23)
        var p = expPolynomial[4]
        p = p.addingProduct2(r, expPolynomial[3])
        p = p.addingProduct2(r, expPolynomial[2])
        p = p.addingProduct2(r, expPolynomial[1])
        p = p.addingProduct2(r, expPolynomial[0])
        p = p.addingProduct2(r, 1)
        return p * twoN * 2
    }

    @inline(__always) static func gelu(_ s: Float) -> Float {
        let x = s * oneOverSqrt2
        let t = 1 / approx.addingProduct2(Swift.abs(x), 1)
        var e = -exp(-(x * x)) * t
        var r = erfPolynomial[4]
        r = r.addingProduct2(t, erfPolynomial[3])
        r = r.addingProduct2(t, erfPolynomial[2])
        r = r.addingProduct2(t, erfPolynomial[1])
        r = r.addingProduct2(t, erfPolynomial[0])
        e = e.addingProduct2(r, 1)
        if s.sign == .minus { e = -e }
        let half = 0.5 * s
        return e.addingProduct2(half, half)
    }
}

extension OneDNNGelu {
    private static let oneOverSqrtPi = Float(bitPattern: 0x3f10_6eba)

    /// d gelu / ds as oneDNN's `gelu_erf_compute_vector_bwd` evaluates it (PyTorch's
    /// `gelu_backward` for a contiguous float32 input of more than one element):
    /// with R = s/√2 and Q = exp(−R²), ½·erf(R) + ((R/√π)·Q + ½), erf by the same
    /// polynomial as the forward.
    @inline(__always) static func derivative(_ s: Float) -> Float {
        let x = s * Float(bitPattern: 0x3f35_04f3)
        let q = exp(-(x * x))
        let tail = x * oneOverSqrtPi * q
        let w = 1 / Float(bitPattern: 0x3ea7_ba05).addingProduct2(Swift.abs(x), 1)
        let negQW = -q * w
        var p = Float(bitPattern: 0x3f87_dc22)
        p = p.addingProduct2(w, Float(bitPattern: 0xbfba_00e3))
        p = p.addingProduct2(w, Float(bitPattern: 0x3fb5_f0e3))
        p = p.addingProduct2(w, Float(bitPattern: 0xbe91_a98e))
        p = p.addingProduct2(w, Float(bitPattern: 0x3e82_7906))
        var erf = negQW.addingProduct2(p, 1)
        if x.sign == .minus { erf = -erf }
        // oneDNN adds ½ to the second term first, then ½·erf in one multiply-add.
        return erf.addingProduct2(0.5, tail + 0.5)
    }
}

/// oneDNN's GELU backward in every element: dy · derivative(x).
struct OneDNNGeluBackwardFunction: VectorizedBinaryFunction {
    @inline(__always) func lane(_ dy: Float, _ x: Float) -> Float { dy * OneDNNGelu.derivative(x) }
    @inline(__always) func tail(_ dy: Float, _ x: Float) -> Float { dy * OneDNNGelu.derivative(x) }
}

extension Float {
    /// fma(self, b, c): self·b + c rounded once, as `vfmadd213ps`.
    @inline(__always) func addingProduct2(_ b: Float, _ c: Float) -> Float { c.addingProduct(self, b) }
}

/// oneDNN's GELU in every element.
struct OneDNNGeluFunction: VectorizedFunction {
    @inline(__always) func lane(_ x: Float) -> Float { OneDNNGelu.gelu(x) }
    @inline(__always) func tail(_ x: Float) -> Float { OneDNNGelu.gelu(x) }
}

/// ATen's own float32 GELU (a non-contiguous tensor, or one element): in vector lanes
/// `Vectorized<float>::erf`, ATen's AVX2 polynomial (Abramowitz and Stegun with SLEEF's
/// exp and fused multiply-adds); in the tail glibc's `erff`.
struct ATenGeluFloatFunction: VectorizedFunction {
    let exp: (Float) -> Float
    @inline(__always) func erf(_ x: Float) -> Float {
        let a = Swift.abs(x)
        let t = 1 / Float(0.3275911).addingProduct2(a, 1)
        var r = Float(1.061405429).addingProduct2(t, -1.453152027)
        r = r.addingProduct2(t, 1.421413741)
        r = r.addingProduct2(t, -0.284496736)
        r = r.addingProduct2(t, 0.254829592)
        let v = (-exp(-(x * x)) * t).addingProduct2(r, 1)
        return x.sign == .minus ? -v : v
    }
    @inline(__always) func lane(_ x: Float) -> Float { x * 0.5 * (1 + erf(x * Float(0.70710678118654752440))) }
    @inline(__always) func tail(_ x: Float) -> Float { x * 0.5 * (1 + Float.m_erf(x * Float(0.70710678118654752440))) }
}
