/// Scalar replicas of the `log256_ps` and `sincos256_ps` polynomials (`avx_mathfun.h`, after
/// Cephes) that PyTorch's AVX2 build uses for float32 `randn`/`normal_` on 16 or more
/// elements.
///
/// Every `addingProduct` below is a multiply-add that GCC fused into an FMA instruction in
/// PyTorch 2.15's x86-64 `libtorch_cpu.so` (read off its disassembly); every plain `*`
/// followed by `+` stayed two roundings. Changing either changes printed digits.
enum AVX2MathFun {
    /// `log256_ps` for one positive, finite lane.
    @inline(__always)
    static func log(_ input: Float) -> Float {
        let x0 = max(input, Float(bitPattern: 0x0080_0000))
        let bits = x0.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 0x7f) + 1
        var x = Float(bitPattern: (bits & ~0x7f80_0000) | Float(0.5).bitPattern)
        let below = x < 0.707106781186547524
        let tmp: Float = below ? x : 0
        x = x + -1
        e = e - (below ? 1 : 0)
        x = tmp + x
        let z = x * x
        var y: Float = 7.0376836292E-2
        y = (-1.1514610310E-1 as Float).addingProduct(y, x)
        y = (1.1676998740E-1 as Float).addingProduct(y, x)
        y = (-1.2420140846E-1 as Float).addingProduct(y, x)
        y = (1.4249322787E-1 as Float).addingProduct(y, x)
        y = (-1.6668057665E-1 as Float).addingProduct(y, x)
        y = (2.0000714765E-1 as Float).addingProduct(y, x)
        y = (-2.4999993993E-1 as Float).addingProduct(y, x)
        y = (3.3333331174E-1 as Float).addingProduct(y, x)
        y = x * y
        y = (e * -2.12194440e-4).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        x = x + y
        return x.addingProduct(e, 0.693359375)
    }

    /// `sincos256_ps` for one finite lane: `(sin, cos)`.
    @inline(__always)
    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        var x = abs(input)
        var signSin = input.bitPattern & 0x8000_0000
        var j = Int32(x * 1.27323954473516)
        j = (j &+ 1) & ~1
        let y0 = Float(j)
        signSin ^= UInt32(bitPattern: j & 4) << 29
        let useSinPolynomial = (j & 2) == 0
        x = x.addingProduct(y0, -0.78515625)
        x = x.addingProduct(-2.4187564849853515625e-4, y0)
        x = x.addingProduct(y0, -3.77489497744594108e-8)
        let signCos = UInt32(bitPattern: ~(j &- 2) & 4) << 29
        let z = x * x
        let half = z * 0.5
        var c: Float = 2.443315711809948E-005
        c = (-1.388731625493765E-003 as Float).addingProduct(c, z)
        c = (4.166664568298827E-002 as Float).addingProduct(c, z)
        c = c * z
        c = (-half).addingProduct(c, z)
        c = c + 1
        var s: Float = -1.9515295891E-4
        s = (8.3321608736E-3 as Float).addingProduct(s, z)
        s = (-1.6666654611E-1 as Float).addingProduct(s, z)
        s = z * s
        s = x.addingProduct(x, s)
        // Both polynomials are computed; the masks pick one for sin and the other for cos.
        let sinPart: Float = useSinPolynomial ? s : 0
        let cosPart: Float = useSinPolynomial ? 0 : c
        let sinValue = cosPart + sinPart
        let cosValue = (c - cosPart) + (s - sinPart)
        return (Float(bitPattern: sinValue.bitPattern ^ signSin),
                Float(bitPattern: cosValue.bitPattern ^ signCos))
    }
}
