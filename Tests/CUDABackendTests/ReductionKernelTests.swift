import Testing
@testable import CUDABackend
import Tensors

/// Reductions over chosen dims (one, several, all, and long rows that take the two-kernel
/// path with partial results) against the CPU backend, for every dtype each op accepts.
@Suite struct ReductionKernelTests {
    let cpu = Backends.cpu
    let gen = HostBackend.shared

    static func ops(_ dtype: DType) -> [ReduceOp] { KernelCatalog.reduceOps(dtype) }
    static func outputType(_ op: ReduceOp, _ dtype: DType) -> DType { KernelCatalog.reduceOutputType(op, dtype) }

    /// Values of a dtype, deterministic, small enough that products stay finite.
    static func input(_ dtype: DType, _ shape: [Int]) throws -> Tensor {
        let n = shape.reduce(1, *)
        switch dtype {
        case .bool: return try Tensor(values: (0..<n).map { $0 % 3 != 0 }, shape: shape)
        case .uint8: return try Tensor(values: (0..<n).map { Int64(($0 * 7) % 11) }, shape: shape, dtype: dtype)
        case _ where dtype.isIntegral: return try Tensor(values: (0..<n).map { Int64(($0 * 7) % 11) - 5 }, shape: shape, dtype: dtype)
        default: return try Tensor(values: (0..<n).map { Double(($0 * 37) % 17) / 8 - 1 }, shape: shape, dtype: dtype)
        }
    }

    static let cases: [(shape: [Int], dims: [Int])] = [([3, 4, 5], [1]), ([3, 4, 5], [0, 2]), ([3, 4, 5], [0, 1, 2]),
                                                       ([3, 4, 5], [2]), ([2, 5000], [1]), ([6000], [0]), ([0, 3], [0])]

    @Test(arguments: kernelDTypes)
    func reductionsMatchCPU(dtype: DType) throws {
        for (shape, dims) in Self.cases {
            // A transposed view too, so reduced dims are not the contiguous ones.
            var inputs = [try Self.input(dtype, shape)]
            if shape.count == 3 { inputs.append(try Self.input(dtype, [5, 4, 3]).permute([2, 1, 0])) }
            for a in inputs {
                for op in Self.ops(dtype) {
                    if shape.contains(0) && [.max, .min, .absMax, .absMin].contains(op) { continue }
                    if shape[0] > 1000 && op == .prod && dtype.isFloatingPoint { continue }
                    var outShape = shape
                    for d in dims { outShape[d] = 1 }
                    let t = Self.outputType(op, dtype)
                    let expected = try Tensor(empty: outShape, dtype: t), actual = try Tensor(empty: outShape, dtype: t)
                    try cpu.reduce(op, a, dims: dims, into: expected)
                    try gen.reduce(op, a, dims: dims, into: actual)
                    // Sums accumulate in float32 here (PyTorch's CUDA acc type) against the CPU's double.
                    let tolerance = dtype.isFloatingPoint ? (dtype == .float64 ? 1e-12 : (dtype == .float32 ? 1e-5 : 1e-2)) : 0
                    let problem = try mismatch(expected, actual, tolerance: tolerance)
                    #expect(problem == nil, "\(op) \(dtype) \(shape) over \(dims): \(problem ?? "")")
                }
            }
        }
    }

    @Test func nanPropagatesThroughMaxMinAcrossPartials() throws {
        var values = [Double](repeating: 1, count: 6000)
        values[4321] = .nan
        let a = try Tensor(values: values, shape: [6000])
        for op in [ReduceOp.max, .min, .absMax, .sum] {
            let out = try Tensor(empty: [1])
            try gen.reduce(op, a, dims: [0], into: out)
            #expect(try out.elementsAsDouble()[0].isNaN, "\(op)")
        }
    }

    @Test func partialCountsSplitOnlyLongReductions() {
        #expect(GeneratedKernelBackend.partCount(outputs: 100, reduced: 100) == 1)
        #expect(GeneratedKernelBackend.partCount(outputs: 1, reduced: 1 << 20) == 1024)
        #expect(GeneratedKernelBackend.partCount(outputs: 2, reduced: 5000) == 4)
        #expect(GeneratedKernelBackend.partCount(outputs: 100_000, reduced: 5000) == 1)
    }
}

@Suite struct ArgReduceKernelTests {
    @Test(arguments: [DType.float32, .float16, .float64, .int64, .uint8, .bool])
    func argmaxAndArgminMatchTheCPU(dtype: DType) throws {
        // Ties (first index wins), NaN (the extreme), and a long row split into partials.
        var rows: [Double] = [3, 1, 3, 0, 2, 1, 0, 0, 1, 5, 5, 1]
        if dtype.isFloatingPoint { rows[5] = .nan; rows[7] = .nan }
        if dtype == .bool { rows = rows.map { $0 > 1 ? 1 : 0 } }
        let small = try Tensor(values: rows, shape: [3, 4], dtype: .float64).to(dtype)
        var long = (0..<6000).map { Double(($0 * 37) % 101) }
        long[4000] = 500
        long[5000] = 500
        let big = try Tensor(values: long, shape: [1, 6000], dtype: .float64).to(dtype == .bool ? .float32 : dtype)
        for (a, dims) in [(small, [0, 1]), (try small.t(), [0, 1]), (big, [1])] {
            for dim in dims {
                for isMax in [true, false] {
                    var kept = a.sizes
                    kept[dim] = 1
                    let indices = try Tensor(empty: kept, dtype: .int64), values = try Tensor(empty: kept, dtype: a.dtype)
                    try HostBackend.shared.argExtreme(a, dim: dim, isMax: isMax, values: values, indices: indices)
                    let expected = isMax ? try a.max(dim: dim, keepdim: true) : try a.min(dim: dim, keepdim: true)
                    #expect(try mismatch(expected.indices, indices) == nil, "\(dtype) dim \(dim) max=\(isMax)")
                    #expect(try mismatch(expected.values, values) == nil, "\(dtype) dim \(dim) max=\(isMax) values")
                }
            }
        }
    }
}
