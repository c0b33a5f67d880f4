import Testing
@testable import CUDABackend
import Tensors

@Suite struct SoftmaxAndMatmulKernelTests {
    let gen = HostBackend.shared

    static func rows(_ dtype: DType) throws -> Tensor {
        let values: [Double] = (0..<24).map { (i: Int) -> Double in
            let base = Double((i * 13) % 7)
            return base - 2.5 + Double(i) / 10
        }
        return try Tensor(values: values, shape: [2, 3, 4], dtype: dtype)
    }

    @Test(arguments: [DType.float16, .bfloat16, .float32, .float64])
    func softmaxAndLogSoftmaxMatchTheCPU(dtype: DType) throws {
        for x in [try Self.rows(dtype), try Self.rows(dtype).transpose(0, 1)] {
            for log in [false, true] {
                let expected = log ? try x.logSoftmax(dim: -1) : try x.softmax(dim: -1)
                let actual = try #require(try gen.softmaxLastDim(x, log: log))
                #expect(try mismatch(expected, actual, tolerance: mathTolerance(dtype) * 4) == nil, "\(dtype) log=\(log)")
            }
        }
    }

    @Test(arguments: [DType.float32, .float64])
    func softmaxBackwardMatchesItsFormula(dtype: DType) throws {
        let x = try Self.rows(dtype)
        let g = try Tensor(values: (0..<24).map { Double($0 % 5) - 2 }, shape: [2, 3, 4], dtype: dtype)
        for log in [false, true] {
            let y = log ? try x.logSoftmax(dim: -1) : try x.softmax(dim: -1)
            // softmax: y * (g - sum(g * y)); log_softmax: g - exp(y) * sum(g).
            let expected = log
                ? try g.sub(try y.exp().mul(try g.sum(dims: [-1], keepdim: true)))
                : try y.mul(try g.sub(try g.mul(y).sum(dims: [-1], keepdim: true)))
            let actual = try #require(try gen.softmaxBackwardLastDim(grad: g, output: y, log: log))
            #expect(try mismatch(expected, actual, tolerance: mathTolerance(dtype) * 4) == nil, "log=\(log)")
        }
    }

    @Test(arguments: [DType.float32, .float64, .float16])
    func batchedMatmulWithEveryLayoutMatchesTheCPU(dtype: DType) throws {
        let a = try Tensor(values: (0..<24).map { Double($0 % 7) - 3 }, shape: [2, 3, 4], dtype: dtype)
        let b = try Tensor(values: (0..<40).map { Double($0 % 5) / 2 }, shape: [2, 4, 5], dtype: dtype)
        // Plain, transposed (column-major) and non-BLAS (every other column) operands.
        let bT = try Tensor(values: (0..<40).map { Double($0 % 5) / 2 }, shape: [2, 5, 4], dtype: dtype).transpose(1, 2)
        let aStrided = try Tensor(values: (0..<48).map { Double($0 % 7) - 3 }, shape: [2, 3, 8], dtype: dtype)
            .slice(2, start: 0, end: nil, step: 2)
        for (x, y) in [(a, b), (a, bT), (aStrided, b), (try a.transpose(1, 2).contiguous().transpose(1, 2), bT)] {
            let expected = try Tensor(empty: [2, 3, 5], dtype: dtype), actual = try Tensor(empty: [2, 3, 5], dtype: dtype)
            try Backends.cpu.matmul(x, y, into: expected)
            try gen.matmul(x, y, into: actual)
            #expect(try mismatch(expected, actual, tolerance: dtype == .float16 ? 1e-3 : 1e-6) == nil)
        }
    }

    @Test func integerMatmulRaisesPyTorchsCUDAError() throws {
        let a = try Tensor(values: [Int64](repeating: 1, count: 4), shape: [1, 2, 2])
        let out = try Tensor(empty: [1, 2, 2], dtype: .int64)
        #expect(throws: TensorError.self) { try gen.matmul(a, a, into: out) }
        do { try gen.matmul(a, a, into: out) } catch { #expect("\(error)".contains("\"addmm_cuda\" not implemented for 'Long'")) }
    }
}

@Suite struct AddmmKernelTests {
    @Test(arguments: [DType.float32, .float64])
    func addmmIsOneGemmWithBetaOverTheBroadcastInput(dtype: DType) throws {
        let m1 = try Tensor(values: (0..<12).map { Double($0 % 5) - 2 }, shape: [3, 4], dtype: dtype)
        let m2 = try Tensor(values: (0..<8).map { Double($0) / 4 }, shape: [4, 2], dtype: dtype)
        let bias = try Tensor(values: [0.5, -1], shape: [2], dtype: dtype)
        for (beta, alpha) in [(Scalar.int(1), Scalar.int(1)), (.float(0.5), .float(2)), (.int(0), .int(1))] {
            var expected = try m1.mm(m2).mul(alpha)
            if beta.doubleValue != 0 { expected = try expected.add(try bias.mul(beta)) }
            let actual = try #require(try HostBackend.shared.addmm(bias, m1, m2, beta: beta, alpha: alpha))
            #expect(try mismatch(expected, actual, tolerance: 1e-6) == nil, "beta \(beta) alpha \(alpha)")
        }
        // beta = 0 ignores NaN in the input, as PyTorch does.
        let nanBias = try Tensor(values: [.nan, .nan], shape: [2], dtype: dtype)
        let ignored = try #require(try HostBackend.shared.addmm(nanBias, m1, m2, beta: .int(0), alpha: .int(1)))
        #expect(try ignored.elementsAsDouble().allSatisfy { !$0.isNaN })
    }
}
