import Testing
@testable import Tensors

/// float16 convolutions whose float32 sums tell ATen's three gemm orders apart: 83 products
/// of small values around a +2¹⁶ and a −2¹⁶ (at 3 and 78), so which small products survive
/// depends on which partial sum holds the large ones. Expected values printed by PyTorch 2.15
/// (the same at ATEN_CPU_CAPABILITY=avx2 and natively at AVX-512; crafted in
/// /work/fuzz-convhalf/unit.py): the forward sums in four partials (−0.01953125), the input
/// gradient one product at a time (−0.0087890625), the weight gradient in
/// `dot_with_fp32_arith`'s AVX2 order (0.01123046875).
@Suite struct ReducedConvolutionTests {
    static let k = 83

    static func operands() -> ([Double], [Double]) {
        var a = (0..<k).map { 0.03125 * [1, 1.5, -1, -1.25][($0 * 7) % 4] }
        var b = (0..<k).map { 0.0625 * [1, 1.5, -1.5][($0 * 5) % 3] }
        a[3] = 256; b[3] = 256; a[k - 5] = 256; b[k - 5] = -256
        return (a, b)
    }

    static let plain = ConvolutionGeometry(stride: (1, 1), padding: ((0, 0), (0, 0)), dilation: (1, 1), groups: 1)

    @Test func forwardSumsInFourPartials() throws {
        let (a, b) = Self.operands()
        let x = try tensor(a, [1, Self.k, 1, 1], dtype: .float16), w = try tensor(b, [1, Self.k, 1, 1], dtype: .float16)
        let y = try Convolution.forward(input: x, weight: w, bias: nil, geometry: Self.plain)
        #expect(y.dtype == .float16)
        #expect(try y.elementsAsDouble() == [-0.01953125])
    }

    @Test func inputGradientAddsOneProductAtATime() throws {
        let (a, b) = Self.operands()
        let x = try Tensor.zeros([1, 1, 1, 1], dtype: .float16), w = try tensor(a, [Self.k, 1, 1, 1], dtype: .float16)
        let g = try tensor(b, [1, Self.k, 1, 1], dtype: .float16)
        let r = try Convolution.backward(gradOutput: g, input: x, weight: w, hasBias: false, geometry: Self.plain, needWeight: false)
        #expect(try r.input!.elementsAsDouble() == [-0.0087890625])
    }

    @Test func weightGradientTakesTheAVX2DotOrder() throws {
        let (a, b) = Self.operands()
        let x = try tensor(a, [1, 1, 1, Self.k], dtype: .float16), w = try Tensor.ones([1, 1, 1, 1], dtype: .float16)
        let g = try tensor(b, [1, 1, 1, Self.k], dtype: .float16)
        let r = try Convolution.backward(gradOutput: g, input: x, weight: w, hasBias: false, geometry: Self.plain, needInput: false)
        #expect(try r.weight!.elementsAsDouble() == [0.01123046875])
    }

    /// slow_conv_dilated2d rounds each image's bias sum before adding it (2049 → 2048, then
    /// + 1); the undilated path sums all images at once (2050). PyTorch 2.15 prints 2048 / 2050.
    @Test func dilatedBiasGradientRoundsImageByImage() throws {
        let x = try Tensor.zeros([2, 1, 1, 2], dtype: .float16), w = try Tensor.ones([1, 1, 1, 1], dtype: .float16)
        let g = try tensor([2048, 1, 1, 0], [2, 1, 1, 2], dtype: .float16)
        for (dilation, want) in [(1, 2050.0), (2, 2048.0)] {
            let geometry = ConvolutionGeometry(stride: (1, 1), padding: ((0, 0), (0, 0)), dilation: (1, dilation), groups: 1)
            let r = try Convolution.backward(gradOutput: g, input: x, weight: w, hasBias: true, geometry: geometry)
            #expect(try r.bias!.elementsAsDouble() == [want])
        }
    }
}
