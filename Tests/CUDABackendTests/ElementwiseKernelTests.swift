import Testing
@testable import CUDABackend
import Tensors

/// Every elementwise family's generated source, compiled by the host C compiler and run as a
/// grid loop, against the CPU backend on the same inputs — for every dtype, with broadcast
/// (zero-stride) and transposed operands.
@Suite struct ElementwiseKernelTests {
    let cpu = Backends.cpu
    let gen = HostBackend.shared

    static let floatTypes: [DType] = [.float16, .bfloat16, .float32, .float64]
    static let intTypes: [DType] = [.uint8, .int8, .int16, .int32, .int64]

    static func binaryOps(_ dtype: DType) -> [BinaryOp] { KernelCatalog.binaryOps(dtype) }

    static func tolerance(_ op: BinaryOp, _ dtype: DType) -> Double {
        KernelCatalog.isExact(op) ? 0 : mathTolerance(dtype)
    }

    @Test(arguments: kernelDTypes)
    func binaryMatchesCPU(dtype: DType) throws {
        let a = try sample(dtype)
        // b broadcast along dim 0 (stride 0) from its first row, and a transposed view.
        let row = try sample(dtype, second: true).narrow(0, start: 0, length: 1).expand([3, 4])
        let transposed = try sample(dtype, second: true).reshape([4, 3]).t()
        for b in [row, transposed] {
            for op in Self.binaryOps(dtype) {
                let outType: DType = op.isComparison ? .bool : dtype
                let expected = try Tensor(empty: [3, 4], dtype: outType), actual = try Tensor(empty: [3, 4], dtype: outType)
                try cpu.binary(op, a, b, into: expected)
                try gen.binary(op, a, b, into: actual)
                let problem = try mismatch(expected, actual, tolerance: Self.tolerance(op, dtype))
                #expect(problem == nil, "\(op) \(dtype): \(problem ?? "")")
            }
        }
    }

    @Test(arguments: kernelDTypes)
    func binaryWithScalarOnEitherSideMatchesCPU(dtype: DType) throws {
        let a = try sample(dtype)
        let scalar: Scalar = dtype == .bool ? .bool(true) : (dtype.isFloatingPoint ? .float(1.5) : .int(3))
        for op in Self.binaryOps(dtype) {
            for left in [false, true] {
                let outType: DType = op.isComparison ? .bool : dtype
                let expected = try Tensor(empty: [3, 4], dtype: outType), actual = try Tensor(empty: [3, 4], dtype: outType)
                if !left || !dtype.isIntegral || ![.div, .truncDivide, .floorDivide, .remainder, .fmod].contains(op) {
                    try cpu.binaryScalar(op, a, scalar, scalarOnLeft: left, into: expected)
                    try gen.binaryScalar(op, a, scalar, scalarOnLeft: left, into: actual)
                    let problem = try mismatch(expected, actual, tolerance: Self.tolerance(op, dtype))
                    #expect(problem == nil, "\(op) \(dtype) scalar on \(left ? "left" : "right"): \(problem ?? "")")
                }
            }
        }
    }

    static var floatUnary: [UnaryOp] { KernelCatalog.floatUnary }
    static var intUnary: [UnaryOp] { KernelCatalog.intUnary }
    static var boolUnary: [UnaryOp] { KernelCatalog.boolUnary }

    @Test(arguments: kernelDTypes)
    func unaryMatchesCPU(dtype: DType) throws {
        let ops = dtype == .bool ? Self.boolUnary : (dtype.isFloatingPoint ? Self.floatUnary : Self.intUnary)
        // Values in (-1, 1) too, so asin/atanh have defined results; the sample has zeros, negatives, -0.
        var inputs = [try sample(dtype).t()]
        if dtype.isFloatingPoint {
            inputs.append(try Tensor(values: [-0.9, -0.5, -0.1, 0, 0.1, 0.3, 0.5, 0.99, 1.5, 3, -4, 20], shape: [3, 4], dtype: dtype))
            inputs.append(try Tensor(values: [.nan, .infinity, -.infinity, 1, 0, -0.0, 1e-3, -7.25, 2, 3, 4, 5], shape: [3, 4], dtype: dtype))
        }
        for a in inputs {
            for op in ops {
                let outType: DType = op.producesBool ? .bool : dtype
                let expected = try Tensor(empty: a.sizes, dtype: outType), actual = try Tensor(empty: a.sizes, dtype: outType)
                try cpu.unary(op, a, into: expected)
                try gen.unary(op, a, into: actual)
                let exact = KernelCatalog.isExact(op)
                let problem = try mismatch(expected, actual, tolerance: exact ? 0 : mathTolerance(dtype) * 4)
                #expect(problem == nil, "\(op) \(dtype): \(problem ?? "")")
            }
        }
    }

    @Test(arguments: kernelDTypes)
    func castsToEveryDTypeMatchCPU(source: DType) throws {
        var inputs = [try sample(source), try sample(source, second: true).t()]
        if source.isFloatingPoint {
            // Rounding edges of the half types: ties, subnormals, overflow, NaN.
            inputs.append(try Tensor(values: [65504, 65519.99, 65520, 1e-8, 6.1e-5, 5.96e-8, 1.0009765625, 1.00048828125,
                                              -2.98e-8, .nan, 3.3895e38, 1 + 1.0 / 256],
                                     shape: [3, 4], dtype: source))
        }
        for (k, input) in inputs.enumerated() {
            for destination in kernelDTypes {
                // NaN, infinities and out-of-range floats cast to an integer are undefined in C++:
                // the CPU build gives cvttsd2si's value (INT_MIN), as PyTorch's x86 kernels do,
                // the CUDA conversion another, as PyTorch's CUDA build does. The edges input has
                // them, so it is compared for floating destinations only.
                if k == 2 && !destination.isFloatingPoint && destination != .bool { continue }
                let expected = try Tensor(empty: input.sizes, dtype: destination), actual = try Tensor(empty: input.sizes, dtype: destination)
                try cpu.copyCast(from: input, into: expected)
                try gen.copyCast(from: input, into: actual)
                let problem = try mismatch(expected, actual)
                #expect(problem == nil, "\(source) -> \(destination): \(problem ?? "")")
            }
        }
    }

    @Test func halfConversionsAgreeWithSwiftFloat16ForEveryBitPattern() throws {
        // All 65536 half values widen exactly; and narrowing float32 values rounds to nearest even.
        let halves = try Tensor(empty: [65536], dtype: .float16)
        let bits = UnsafeMutablePointer<UInt16>(bitPattern: halves.dataPointerAddress)!
        for i in 0..<65536 { bits[i] = UInt16(i) }
        let expected = try Tensor(empty: [65536], dtype: .float32), actual = try Tensor(empty: [65536], dtype: .float32)
        try cpu.copyCast(from: halves, into: expected)
        try gen.copyCast(from: halves, into: actual)
        #expect(try mismatch(expected, actual) == nil)
        for target in [DType.float16, .bfloat16] {
            let back = try Tensor(empty: [65536], dtype: target), backCPU = try Tensor(empty: [65536], dtype: target)
            // Float32 values between the halves: 4097 distinct ones around each exponent.
            let floats = try Tensor(values: (0..<65536).map { i in Double(Float(bitPattern: UInt32(i) &* 65521 &+ 0x3300_0000)) },
                                    shape: [65536], dtype: .float32)
            try cpu.copyCast(from: floats, into: backCPU)
            try gen.copyCast(from: floats, into: back)
            let a = UnsafeBufferPointer(start: UnsafePointer<UInt16>(bitPattern: back.dataPointerAddress)!, count: 65536)
            let e = UnsafeBufferPointer(start: UnsafePointer<UInt16>(bitPattern: backCPU.dataPointerAddress)!, count: 65536)
            // NaN payloads are not compared (PyTorch and CUDA each write their own canonical NaN).
            let source = try floats.elementsAsFloat()
            let firstDifference = (0..<65536).first { a[$0] != e[$0] && !source[$0].isNaN }
            #expect(firstDifference == nil, "\(target): first difference at \(firstDifference ?? -1)")
        }
    }

    @Test(arguments: kernelDTypes)
    func fillMatchesCPU(dtype: DType) throws {
        for value: Scalar in [.int(3), .float(-2.5), .bool(true), .float(0.1)] {
            let expected = try Tensor(empty: [4, 6], dtype: dtype), actual = try Tensor(empty: [4, 6], dtype: dtype)
            try cpu.fill(expected, with: .int(0))
            try cpu.fill(actual, with: .int(0))
            // Fill a strided view (every other column) to check that only it is written.
            try cpu.fill(try expected.slice(1, start: 0, end: nil, step: 2), with: value)
            try gen.fill(try actual.slice(1, start: 0, end: nil, step: 2), with: value)
            #expect(try mismatch(expected, actual) == nil, "fill \(dtype) with \(value)")
        }
    }

    @Test func dimensionCoalescingMergesContiguousRunsOnly() {
        let contiguous = DimCoalescing.coalesce([2, 3, 4], [[12, 4, 1], [12, 4, 1]])
        #expect(contiguous.sizes == [24] && contiguous.strides == [[1], [1]])
        let broadcast = DimCoalescing.coalesce([2, 3, 4], [[12, 4, 1], [0, 4, 1]])
        #expect(broadcast.sizes == [2, 12] && broadcast.strides == [[12, 1], [0, 1]])
        let ones = DimCoalescing.coalesce([1, 5, 1], [[5, 1, 1], [1, 3, 7]])
        #expect(ones.sizes == [5] && ones.strides == [[1], [3]])
    }
}

/// The comparison itself can fail: a kernel of the wrong op is caught.
@Suite struct KernelComparisonSanityTests {
    @Test func aWrongKernelIsReportedAsAMismatch() throws {
        let a = try sample(.float32), b = try sample(.float32, second: true)
        let expected = try Tensor(empty: [3, 4]), actual = try Tensor(empty: [3, 4])
        try Backends.cpu.binary(.add, a, b, into: expected)
        try HostBackend.shared.binary(.sub, a, b, into: actual)
        #expect(try mismatch(expected, actual) != nil)
        let ints = try sample(.int32)
        let e = try Tensor(empty: [3, 4], dtype: .int32), g = try Tensor(empty: [3, 4], dtype: .int32)
        try Backends.cpu.unary(.neg, ints, into: e)
        try HostBackend.shared.unary(.abs, ints, into: g)
        #expect(try mismatch(e, g) != nil)
    }
}
