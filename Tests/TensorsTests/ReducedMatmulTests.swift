import Testing
@testable import Tensors

/// bfloat16 products whose float32 sum depends on the order ATen adds in: [1, 2²⁴, −2²⁴, 0,
/// 2⁻⁸] · ones is 2 with ATen's four partial sums (1 + 2⁻⁸ shares the first partial and
/// survives 2²⁴) and 2⁻⁸ when the products are added one at a time (1 is lost against 2²⁴).
/// Expected values printed by PyTorch 2.15 at ATEN_CPU_CAPABILITY=avx2 (oneDNN off).
@Suite struct ReducedMatmulTests {
    static let row: [Double] = [1, 16_777_216, -16_777_216, 0, 0.00390625]

    func operands() throws -> (Tensor, Tensor) {
        let a = try tensor(Self.row, [1, 5]).to(.bfloat16)
        let b = try Tensor.ones([5, 3], dtype: .bfloat16)
        return (a, b)
    }

    @Test func mmAndAddmmSumInFourPartials() throws {
        let (a, b) = try operands()
        #expect(try a.mm(b).elementsAsDouble() == [2, 2, 2])
        #expect(try Tensor.addmm(try Tensor.zeros([3], dtype: .bfloat16), a, b).elementsAsDouble() == [2, 2, 2])
        // A column-major first operand is still gemm_transa_/notrans: four partials.
        let columnMajor = try a.t().contiguous().t()
        #expect(try columnMajor.mm(b).elementsAsDouble() == [2, 2, 2])
    }

    @Test func transposedFirstOperandAddsOneAtATime() throws {
        let (a, b) = try operands()
        // g.t() @ x, as in a weight gradient: gemm_transb_'s float buffer.
        let g = try Tensor.cat([a, a], dim: 0).t().contiguous()
        #expect(try g.t().mm(b).elementsAsDouble() == Array(repeating: 0.00390625, count: 6))
    }

    @Test func smallBmmAddsOneAtATime() throws {
        let (a, b) = try operands()
        #expect(try a.unsqueeze(0).bmm(try b.unsqueeze(0)).elementsAsDouble() == [0.00390625, 0.00390625, 0.00390625])
    }

    @Test func oneDNNKBlocks() {
        #expect([300, 512, 513, 1000, 1024, 1025, 3000].map(ReducedMatmul.oneDNNKBlock) == [300, 512, 512, 512, 512, 1024, 1024])
        // The pairs of vdpbf16ps: the odd product first, so 2²⁴ absorbs the 1.
        let x: [Float] = [1, 16_777_216, -16_777_216, 0, 0.00390625], y = [Float](repeating: 1, count: 5)
        #expect(ReducedMatmul.sum(.oneDNNPairs(kBlock: 5), x, y) == 0.00390625)
        #expect(ReducedMatmul.sum(.fourPartials, x, y) == 2)
    }
}
