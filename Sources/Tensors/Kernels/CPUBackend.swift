#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU backend: Swift loops specialised per dtype, OpenBLAS for matrix products, or
/// MKL's BLAS and Vector Math when MKL is present (CPUBackend+MKL.swift).
/// float16/bfloat16 compute in float32 and round once per op, as PyTorch's CPU kernels do.
/// Each kernel family first checks that no earlier kernel stopped for the cell's deadline
/// (`CellDeadline`), so an op made of several kernels stops at the next one.
public final class CPUBackend: DeviceBackend {
    public var device: Device { .cpu }

    /// Large blocks are reused through `HostBlockCache` (already-mapped pages: no page
    /// faults for the temporaries of an elementwise chain).
    public func allocate(byteCount: Int) throws(TensorError) -> UnsafeMutableRawPointer {
        if let p = HostBlockCache.take(byteCount) { return p }
        if let p = Self.alignedBlock(byteCount) { return p }
        HostBlockCache.trim()
        guard let p = Self.alignedBlock(byteCount) else { throw .outOfMemory(bytes: byteCount) }
        return p
    }

    /// PyTorch's CPU allocator aligns every block to 64 bytes (`c10::alloc_cpu`), and MKL's
    /// small products and matrix-vector kernels sum differently depending on where their
    /// operands start (how many leading elements they peel before aligned vectors): a
    /// tensor and its views must sit where PyTorch's would, modulo 64, to get its bits.
    /// Freed with `free`, as malloc's blocks.
    static func alignedBlock(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        var p: UnsafeMutableRawPointer?
        return posix_memalign(&p, 64, byteCount) == 0 ? p : nil
    }

    public func deallocate(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        if !HostBlockCache.keep(pointer, byteCount) { free(pointer) }
    }

    public func copyToHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int) {
        destination.copyMemory(from: source, byteCount: byteCount)
    }

    public func copyFromHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int) {
        destination.copyMemory(from: source, byteCount: byteCount)
    }

    public func copyCast(from source: Tensor, into destination: Tensor) throws(TensorError) {
        try CellDeadline.check()
        source.dtype.dispatch(CastCopy(source: source, destination: destination))
    }

    public func fill(_ tensor: Tensor, with value: Scalar) throws(TensorError) {
        try CellDeadline.check()
        tensor.dtype.dispatch(Fill(tensor: tensor, value: value))
    }

    public func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError) {
        try CellDeadline.check()
        try binaryOperands(op, a.dtype, out, Operand(a), Operand(b), a, b)
    }

    public func binaryScalar(_ op: BinaryOp, _ a: Tensor, _ b: Scalar, scalarOnLeft: Bool, into out: Tensor) throws(TensorError) {
        try CellDeadline.check()
        var storage: (UInt64, UInt64) = (0, 0)
        try withUnsafeMutableBytes(of: &storage) { raw throws(TensorError) in
            let base = raw.baseAddress!
            let reduced = a.dtype == .float16 || a.dtype == .bfloat16
            let computeType = reduced ? DType.float32 : a.dtype
            // ATen's reduced-type kernels read a CPU scalar as the element type (TensorIterator
            // casts the wrapped number to the common dtype): `x16 + 5.7236` adds 5.7227, and
            // `x16 == 0.1` holds for x16 = 0.1. Only mul and the three divisions read it as a
            // float (`original_scalar_value<opmath_t>`).
            let value = reduced && ![.mul, .div, .floorDivide, .truncDivide].contains(op) ? try Scalar.float(Double(Tensor(scalar: b, dtype: a.dtype).to(.float32).item().doubleValue)) : b
            computeType.dispatch(StoreScalar(value: value, pointer: base))
            let s = Operand(base: base, strides: [Int](repeating: 0, count: out.rank))
            if scalarOnLeft {
                try binaryOperands(op, a.dtype, out, s, Operand(a), nil, a)
            } else {
                try binaryOperands(op, a.dtype, out, Operand(a), s, a, nil)
            }
        }
    }

    /// `ta`/`tb` are the tensors behind the operands (nil for a scalar), needed only when
    /// half-precision inputs are widened first.
    private func binaryOperands(_ op: BinaryOp, _ dtype: DType, _ out: Tensor, _ a: Operand, _ b: Operand,
                                _ ta: Tensor?, _ tb: Tensor?) throws(TensorError) {
        let shape = out.sizes
        if let refusal = Tensor.binaryKernelRefusal(op, dtype, strict: false) { throw refusal }
        if vendorBinary(op, dtype, out, a, b) { return }
        switch dtype {
        case .float32: floatBinary(op, Float.self, shape, Operand(out), a, b)
        case .float64: floatBinary(op, Double.self, shape, Operand(out), a, b)
        case .int64: intBinary(op, Int64.self, shape, Operand(out), a, b)
        case .int32: intBinary(op, Int32.self, shape, Operand(out), a, b)
        case .int16: intBinary(op, Int16.self, shape, Operand(out), a, b)
        case .int8: intBinary(op, Int8.self, shape, Operand(out), a, b)
        case .uint8: intBinary(op, UInt8.self, shape, Operand(out), a, b)
        case .bool: boolBinary(op, shape, Operand(out), a, b)
        case .complex64: try complexBinary(op, Complex64.self, shape, Operand(out), a, b)
        case .complex128: try complexBinary(op, Complex128.self, shape, Operand(out), a, b)
        case .float16, .bfloat16:
            let wa = try ta.map { t throws(TensorError) in try widened(t) }
            let wb = try tb.map { t throws(TensorError) in try widened(t) }
            let result = out.dtype == .bool ? out : try Tensor(empty: shape, dtype: .float32)
            floatBinary(op, Float.self, shape, Operand(result), wa.map(Operand.init) ?? a, wb.map(Operand.init) ?? b)
            if result !== out { try copyCast(from: result, into: out) }
        }
    }

    /// A float32 copy of a half-precision tensor, keeping its shape.
    private func widened(_ t: Tensor) throws(TensorError) -> Tensor {
        let w = try Tensor(empty: t.sizes, dtype: .float32)
        try copyCast(from: t, into: w)
        return w
    }

    public func unary(_ op: UnaryOp, _ a: Tensor, into out: Tensor) throws(TensorError) {
        try CellDeadline.check()
        if !Tensor.unaryLoopExists(op, a.dtype) {
            throw Tensor.unaryKernelRefusal(op, a.dtype) ?? .notImplemented("\"\(op)_cpu\" not implemented for '\(a.dtype.scalarTypeName)'")
        }
        if vendorUnary(op, a, into: out) { return }
        let shape = out.sizes
        switch a.dtype {
        case .float32: floatUnary(op, Float.self, shape, Operand(out), Operand(a))
        case .float64: floatUnary(op, Double.self, shape, Operand(out), Operand(a))
        case .int64: intUnary(op, Int64.self, shape, Operand(out), Operand(a))
        case .int32: intUnary(op, Int32.self, shape, Operand(out), Operand(a))
        case .int16: intUnary(op, Int16.self, shape, Operand(out), Operand(a))
        case .int8: intUnary(op, Int8.self, shape, Operand(out), Operand(a))
        case .uint8: intUnary(op, UInt8.self, shape, Operand(out), Operand(a))
        case .bool: boolUnary(op, shape, Operand(out), Operand(a))
        case .complex64: try complexUnary(op, Complex64.self, shape, Operand(out), Operand(a))
        case .complex128: try complexUnary(op, Complex128.self, shape, Operand(out), Operand(a))
        case .float16 where op == .rsqrt && out.dtype == a.dtype, .bfloat16 where op == .rsqrt && out.dtype == a.dtype:
            ReducedRsqrt.run(a, into: out)
        case .float16, .bfloat16:
            let wa = try widened(a)
            let result = out.dtype == .bool ? out : try Tensor(empty: shape, dtype: .float32)
            floatUnary(op, Float.self, shape, Operand(result), Operand(wa))
            if result !== out { try copyCast(from: result, into: out) }
        }
    }

    public func reduce(_ op: ReduceOp, _ a: Tensor, dims: [Int], into out: Tensor) throws(TensorError) {
        try CellDeadline.check()
        if !Tensor.reduceLoopExists(op, a.dtype) {
            throw .notImplemented("\"\(op)_cpu\" not implemented for '\(a.dtype.scalarTypeName)'")
        }
        var reduced = [Bool](repeating: false, count: a.rank)
        var count = 1
        for d in dims { reduced[d] = true; count *= a.sizes[d] }
        let sizes = a.sizes
        if (op == .sum || op == .mean), a.dtype == .float32 || a.dtype == .float64, out.dtype == a.dtype, a.numel > 0,
           a.strides.allSatisfy({ $0 >= 0 }), a.numel <= IteratorSum.expandedLimit || !a.sizes.indices.contains(where: { a.sizes[$0] > 1 && a.strides[$0] == 0 }) {
            // PyTorch's order of additions for every layout (IteratorSum), expanded
            // (stride-0) inputs included: TensorIterator keeps a broadcast dim apart from
            // its neighbours, so such a sum adds in another order than the sum of a copy.
            // Expanded inputs past `expandedLimit` elements (no lesson's) keep the strided
            // loop, which polls the cell's deadline.
            var outStrides = out.strides
            for d in dims { outStrides[d] = 0 }
            let divisor = op == .mean ? count : nil
            if a.dtype == .float32 {
                IteratorSum.run(Float.self, sizes: sizes, input: UnsafePointer(a.pointer(Float.self)), inStrides: a.strides,
                                output: out.pointer(Float.self), outStrides: outStrides, outCount: out.numel,
                                divisor: divisor, threads: IntraOpThreads.count)
            } else {
                IteratorSum.run(Double.self, sizes: sizes, input: UnsafePointer(a.pointer(Double.self)), inStrides: a.strides,
                                output: out.pointer(Double.self), outStrides: outStrides, outCount: out.numel,
                                divisor: divisor, threads: IntraOpThreads.count)
            }
            return
        }
        if (op == .sum || op == .mean) && a.isContiguous && out.isContiguous && out.dtype == a.dtype && a.numel > 0 {
            let divisor = op == .mean ? count : nil
            if a.dtype == .complex64,
               ComplexCascadeSum.sum(Complex64.self, sizes: sizes, input: a.pointer(Complex64.self), reduced: reduced,
                                     output: out.pointer(Complex64.self), divisor: divisor) { return }
            if a.dtype == .complex128,
               ComplexCascadeSum.sum(Complex128.self, sizes: sizes, input: a.pointer(Complex128.self), reduced: reduced,
                                     output: out.pointer(Complex128.self), divisor: divisor) { return }
        }
        switch a.dtype {
        case .float32: floatReduce(op, Float.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .float64: floatReduce(op, Double.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .int64: intReduce(op, Int64.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .int32: intReduce(op, Int32.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .int16: intReduce(op, Int16.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .int8: intReduce(op, Int8.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .uint8: intReduce(op, UInt8.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .bool: boolReduce(op, sizes, Operand(a), Operand(out), reduced: reduced)
        case .complex64: try complexReduce(op, Complex64.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .complex128: try complexReduce(op, Complex128.self, sizes, Operand(a), Operand(out), reduced: reduced, count: count)
        case .float16, .bfloat16:
            let wa = try widened(a)
            let keepsType = out.dtype == a.dtype
            let result = keepsType ? try Tensor(empty: out.sizes, dtype: .float32) : out
            floatReduce(op, Float.self, sizes, Operand(wa), Operand(result), reduced: reduced, count: count)
            if keepsType { try copyCast(from: result, into: out) }
        }
    }

    public func matmul(_ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError) {
        try CellDeadline.check()
        if a.dtype == .float16 || a.dtype == .bfloat16 {
            ReducedMatmul.product(a, b, into: out, isBatched: out.sizes[0] > 1)
            return
        }
        if mklMatmul(a, b, into: out) { return }
        cpuMatmul(a, b, out)
    }
}
