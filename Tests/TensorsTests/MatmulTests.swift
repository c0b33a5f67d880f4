import Testing
@testable import Tensors

@Suite struct MatmulTests {
    @Test func shapesAndValues() throws {
        let a = try tensor([1, 2, 3, 4, 5, 6], [2, 3])
        let b = try tensor([1, 0, 0, 1, 1, 1], [3, 2])
        #expect(try a.matmul(b).elementsAsDouble() == [4, 5, 10, 11])
        #expect(try a.matmul(try tensor([1, 1, 1])).elementsAsDouble() == [6, 15])
        #expect(try tensor([1, 1]).matmul(a).elementsAsDouble() == [5, 7, 9])
        #expect(try tensor([1, 2]).matmul(try tensor([3, 4])).elementsAsDouble() == [11])
        // transposed operand goes to BLAS without a copy
        #expect(try a.t().matmul(a).sizes == [3, 3])
        #expect(try a.t().matmul(a).elementsAsDouble() == [17, 22, 27, 22, 29, 36, 27, 36, 45])
    }

    @Test func batchedBroadcasting() throws {
        let a = try Tensor.ones([4, 1, 2, 3])
        let b = try Tensor.ones([5, 3, 2])
        let r = try a.matmul(b)
        #expect(r.sizes == [4, 5, 2, 2])
        #expect(try r.elementsAsDouble().allSatisfy { $0 == 3 })
        #expect(try Tensor.ones([2, 2, 3]).matmul(try Tensor.ones([3])).sizes == [2, 2])
    }

    @Test func integerMatmul() throws {
        let a = try itensor([1, 2, 3, 4], [2, 2])
        #expect(try a.matmul(a).elementsAsInt64() == [7, 10, 15, 22])
    }

    @Test func errors() throws {
        #expect(errorText { try Tensor.ones([2, 3]).matmul(try Tensor.ones([2, 3])) } == "RuntimeError: mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")
        #expect(errorText { try Tensor.ones([2, 3]).mm(try Tensor.ones([3, 2], dtype: .float64)) } == "RuntimeError: expected m1 and m2 to have the same dtype, but got: float != double")
        #expect(errorText { try Tensor.ones([3]).matmul(try Tensor.ones([2])) } == "RuntimeError: inconsistent tensor size, expected tensor [3] and src [2] to have the same number of elements, but got 3 and 2 elements respectively")
        #expect(errorText { try Tensor.ones([2, 3]).matmul(try Tensor.ones([2])) } == "RuntimeError: size mismatch, got input (2), mat (2x3), vec (2)")
        #expect(errorText { try Tensor.ones([2, 2, 3]).matmul(try Tensor.ones([2, 4, 5])) } == "RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].")
    }

    @Test func addmm() throws {
        let r = try Tensor.addmm(try Tensor.ones([3]), try Tensor.ones([2, 3]), try Tensor.ones([3, 3]))
        #expect(try r.elementsAsDouble() == [4, 4, 4, 4, 4, 4])
    }

    /// PyTorch 2.15: `torch.bmm(a, b)` of one small matrix with a lone -0 product prints
    /// `[0.0, 0.0, -2.0, 3.0, 0.0, 0.0]` (ATen's `baddbmm_cpu_kernel` sums from +0), while
    /// `torch.mm` of the same matrices keeps -0 (`[-0.0, 0.0, -2.0, 3.0, 0.0, -0.0]`).
    @Test func bmmOfOneSmallMatrixSumsFromPositiveZero() throws {
        let a = try tensor([0, 1, -0.0], [1, 3, 1]), b = try tensor([-2, 3], [1, 1, 2])
        let signs = { (t: Tensor) throws -> [Bool] in try t.elementsAsDouble().map { $0.sign == .minus } }
        #expect(try signs(try a.bmm(b)) == [false, false, true, false, false, false])
        #expect(try signs(try a.squeeze([0]).mm(try b.squeeze([0]))) == [true, false, true, false, false, true])
    }
}
