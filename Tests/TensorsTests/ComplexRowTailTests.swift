import Testing
@testable import Tensors

/// Which complex64 products and quotients PyTorch's CPU build computes with fused
/// multiply-adds, element by element along a row. Each input is built so that the fused
/// and the separately rounded results differ (a real part that cancels exactly when
/// rounded twice and leaves the product's rounding error when fused): "F" marks a
/// fused element, "U" an unfused one. The expected strings are what PyTorch 2.15 gave at
/// both capabilities (AVX2 and AVX-512) for rows of 1 to 13 elements.
@Suite struct ComplexRowTailTests {
    /// a·c rounded: the imaginary part that makes (a + i)(c + i·d) cancel when unfused.
    static func f32Product(_ a: Float, _ c: Float) -> Float { Float(Double(a) * Double(c)) }

    static func pattern(_ t: Tensor) throws -> String {
        try t.viewAsReal().contiguous().elementsAsDouble().enumerated().filter { $0.offset % 2 == 0 }
            .map { $0.element == 0 ? "U" : "F" }.joined()
    }

    /// Deterministic parts in [0.5, 1.5) whose products are not exact in float32.
    static func part(_ i: Int) -> Float { 0.5 + Float((i * 7919 + 13) % 1000) / 1000 + 1e-4 * Float(i % 7 + 1) / 3 }

    @Test func mulWithABroadcastScalarRow() throws {
        // PyTorch: `V * s` with s a one-element tensor (also a Python scalar or [n, 1]).
        let expected = ["U", "UU", "UUU", "UUUU", "UFFFF", "UFFFFU", "UFFFFUU", "UUUUUUUU", "UUUUUUUUU",
                        "UUUUUUUUUU", "UUUUUUUUUUU", "UUUUUUUUUUUU", "UUUUUUUUUFFFF"]
        let a = Self.part(1)
        for m in 1...13 {
            let values = (0..<m).map { i -> Complex128 in
                let c = Self.part(i + 2)
                return Complex128(re: Double(c), im: Double(Self.f32Product(a, c)))
            }
            let v = try Tensor(complexValues: values, shape: [m])
            let s = try Tensor(complexValues: [Complex128(re: Double(a), im: 1)], shape: [1])
            #expect(try Self.pattern(v.mul(s)) == expected[m - 1], "m = \(m)")
        }
    }

    @Test func divisionRowsLeaveTheirOddLastElementUnfused() throws {
        // PyTorch: x / y, y = 1 + i·d, x = -(b·d) + i·b, contiguous; strided and broadcast
        // rows gave the same strings.
        for m in 1...13 {
            var xs: [Complex128] = [], ys: [Complex128] = []
            for i in 0..<m {
                let d = Self.part(i) * 0.6, b = Self.part(i + 5)
                xs.append(Complex128(re: Double(-Self.f32Product(b, d)), im: Double(b)))
                ys.append(Complex128(re: 1, im: Double(d)))
            }
            let x = try Tensor(complexValues: xs, shape: [m]), y = try Tensor(complexValues: ys, shape: [m])
            let expected = String(repeating: "F", count: m / 2 * 2) + (m % 2 == 1 ? "U" : "")
            #expect(try Self.pattern(x.div(y)) == expected, "m = \(m)")
        }
    }
}
