import Tensors

/// A `DeviceBackend` whose kernels are generated C sources run by a `KernelDevice`.
///
/// With a `CUDADevice` it is the CUDA backend (`device` is `.cuda(i)`, storage addresses are
/// device memory). With a `HostKernelDevice` and `device == .cpu` it runs the very same
/// kernels on host memory, which is how tests compare every family with the CPU backend.
///
/// New kernel families follow one pattern: a `...Source` enum generating the C text per op
/// and dtype, and a method here that packs `KernelArgs` (shape, strides, addresses,
/// scalar slots) and launches.
public final class GeneratedKernelBackend: DeviceBackend, @unchecked Sendable {
    public let device: Device
    let kernels: KernelDevice
    /// PyTorch's CUDA generator state for this device (seed, Philox offset).
    public let generator = PhiloxGenerator()

    static let threadsPerBlock = 256

    init(device: Device, kernels: KernelDevice) {
        self.device = device
        self.kernels = kernels
    }

    // MARK: Memory

    public func allocate(byteCount: Int) throws(TensorError) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(bitPattern: UInt(try kernels.allocate(byteCount: byteCount)))!
    }

    public func deallocate(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        kernels.free(UInt64(UInt(bitPattern: pointer)))
    }

    public func copyToHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int) {
        // The protocol's copies cannot throw: a failed copy here is a lost device, fatal as in PyTorch.
        do { try kernels.copyToHost(UInt64(UInt(bitPattern: source)), destination, byteCount: byteCount) }
        catch { fatalError("\(error)") }
    }

    public func copyFromHost(_ source: UnsafeRawPointer, _ destination: UnsafeMutableRawPointer, byteCount: Int) {
        do { try kernels.copyFromHost(source, UInt64(UInt(bitPattern: destination)), byteCount: byteCount) }
        catch { fatalError("\(error)") }
    }

    /// The device address of a tensor's first element.
    static func address(_ t: Tensor) -> UInt64 { UInt64(UInt(bitPattern: t.dataPointerAddress)) }

    // MARK: Launch helpers

    private func blocks(for work: Int) -> Int {
        let resident = max(1, kernels.multiprocessorCount * kernels.maxThreadsPerMultiprocessor / Self.threadsPerBlock)
        return max(1, min((work + Self.threadsPerBlock - 1) / Self.threadsPerBlock, resident * 4))
    }

    /// Runs an elementwise kernel over `shape`; operand k walks `operands[k]`'s strides.
    private func elementwise(_ source: KernelSource, shape: [Int], operands: [Tensor], scalars: [Int64] = []) throws(TensorError) {
        try Self.refuseComplex(operands)
        let n = shape.reduce(1, *)
        if n == 0 { return }
        let (sizes, strides) = DimCoalescing.coalesce(shape, operands.map(\.strides))
        guard sizes.count <= KernelPrelude.maxRank else {
            throw .runtime("CUDA kernels take at most \(KernelPrelude.maxRank) non-mergeable dimensions, got \(sizes.count)")
        }
        var args = KernelArgs()
        args.count = n
        args.setShape(sizes, strides: strides)
        for (k, t) in operands.enumerated() { args.setPointer(k, Self.address(t)) }
        for (k, s) in scalars.enumerated() { args.setScalar(k, s) }
        try kernels.launch(source.name, in: source, args: args, blocks: blocks(for: n), threadsPerBlock: Self.threadsPerBlock)
    }

    /// Gradbook's generated kernels have no complex arithmetic (PyTorch's CUDA build does).
    static func refuseComplex(_ tensors: [Tensor]) throws(TensorError) {
        if let t = tensors.first(where: { $0.dtype.isComplex }) {
            throw .notImplemented("Gradbook's CUDA backend does not support complex tensors yet (\(t.dtype)); compute on the CPU")
        }
    }

    // MARK: Elementwise families

    public func copyCast(from source: Tensor, into destination: Tensor) throws(TensorError) {
        try elementwise(ElementwiseSource.cast(from: source.dtype, to: destination.dtype),
                        shape: destination.sizes, operands: [destination, source])
    }

    public func fill(_ tensor: Tensor, with value: Scalar) throws(TensorError) {
        try elementwise(ElementwiseSource.fill(tensor.dtype), shape: tensor.sizes, operands: [tensor],
                        scalars: [ScalarBits.bits(value, as: tensor.dtype)])
    }

    public func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError) {
        try elementwise(ElementwiseSource.binary(op, input: a.dtype, output: out.dtype, scalar: nil),
                        shape: out.sizes, operands: [out, a, b])
    }

    public func binaryScalar(_ op: BinaryOp, _ a: Tensor, _ b: Scalar, scalarOnLeft: Bool, into out: Tensor) throws(TensorError) {
        try elementwise(ElementwiseSource.binary(op, input: a.dtype, output: out.dtype, scalar: scalarOnLeft ? .left : .right),
                        shape: out.sizes, operands: [out, a], scalars: [ScalarBits.bits(b, as: a.dtype)])
    }

    public func unary(_ op: UnaryOp, _ a: Tensor, into out: Tensor) throws(TensorError) {
        try elementwise(ElementwiseSource.unary(op, input: a.dtype, output: out.dtype),
                        shape: out.sizes, operands: [out, a], scalars: UnaryExpression.parameters(op, CType(a.dtype)))
    }

    // MARK: Reductions

    public func reduce(_ op: ReduceOp, _ a: Tensor, dims: [Int], into out: Tensor) throws(TensorError) {
        try Self.refuseComplex([a, out])
        var keptSizes = a.sizes, reducedSizes: [Int] = [], reducedStrides: [Int] = []
        for d in dims.sorted() {
            keptSizes[d] = 1
            reducedSizes.append(a.sizes[d])
            reducedStrides.append(a.strides[d])
        }
        let outputs = keptSizes.reduce(1, *)
        if outputs == 0 { return }
        let kept = DimCoalescing.coalesce(keptSizes, [out.strides, a.strides])
        let reduced = DimCoalescing.coalesce(reducedSizes, [reducedStrides])
        guard kept.sizes.count <= KernelPrelude.maxRank, reduced.sizes.count <= KernelPrelude.maxRank else {
            throw .runtime("CUDA reductions take at most \(KernelPrelude.maxRank) non-mergeable dimensions")
        }
        let count = reducedSizes.reduce(1, *)
        let parts = Self.partCount(outputs: outputs, reduced: count)
        let (source, partial, final) = ReduceSource.source(op, input: a.dtype, output: out.dtype)
        var args = KernelArgs()
        args.count = outputs
        args.setShape(kept.sizes, strides: kept.strides)
        args.setReduced(reduced.sizes, strides: reduced.strides.first ?? [], parts: parts)
        args.setPointer(0, Self.address(out))
        args.setPointer(1, Self.address(a))
        if case let .normPower(p) = op { args.setScalar(0, ScalarBits.double(p)) }
        if parts == 1 {
            try kernels.launch(partial, in: source, args: args, blocks: blocks(for: outputs), threadsPerBlock: Self.threadsPerBlock)
            return
        }
        let scratch = try kernels.allocate(byteCount: outputs * parts * ReduceSource.accByteSize(op, input: a.dtype, output: out.dtype))
        defer { kernels.free(scratch) }
        args.setPointer(2, scratch)
        try kernels.launch(partial, in: source, args: args, blocks: blocks(for: outputs * parts), threadsPerBlock: Self.threadsPerBlock)
        try kernels.launch(final, in: source, args: args, blocks: blocks(for: outputs), threadsPerBlock: Self.threadsPerBlock)
    }

    /// How many threads share one output's elements: one when there are enough outputs to
    /// fill the device or few elements each, up to 1024 for a full reduction.
    static func partCount(outputs: Int, reduced: Int) -> Int {
        if reduced < 2048 || outputs >= 65536 { return 1 }
        return max(1, min(1024, reduced / 1024, 262_144 / outputs))
    }

    /// argmax/argmin along `dim` (PyTorch's first-index and NaN rules): indices (int64) and,
    /// when given, values are in keepdim form (size 1 at `dim`). A kernel family for the
    /// device seam's arg-reduction entry point.
    public func argExtreme(_ a: Tensor, dim: Int, isMax: Bool, values: Tensor?, indices: Tensor) throws(TensorError) {
        var keptSizes = a.sizes
        keptSizes[dim] = 1
        let outputs = keptSizes.reduce(1, *)
        if outputs == 0 { return }
        let valueStrides = values?.strides ?? indices.strides
        let kept = DimCoalescing.coalesce(keptSizes, [indices.strides, a.strides, valueStrides])
        guard kept.sizes.count <= KernelPrelude.maxRank else {
            throw .runtime("CUDA reductions take at most \(KernelPrelude.maxRank) non-mergeable dimensions")
        }
        let count = a.sizes[dim]
        let parts = Self.partCount(outputs: outputs, reduced: count)
        let (source, partial, final) = ArgReduceSource.source(isMax: isMax, input: a.dtype)
        var args = KernelArgs()
        args.count = outputs
        args.setShape(kept.sizes, strides: kept.strides)
        args.setReduced([count], strides: [a.strides[dim]], parts: parts)
        args.setPointer(0, Self.address(indices))
        args.setPointer(1, Self.address(a))
        if let values { args.setPointer(3, Self.address(values)) }
        if parts == 1 {
            try kernels.launch(partial, in: source, args: args, blocks: blocks(for: outputs), threadsPerBlock: Self.threadsPerBlock)
            return
        }
        let scratch = try kernels.allocate(byteCount: outputs * parts * 16)
        defer { kernels.free(scratch) }
        args.setPointer(2, scratch)
        try kernels.launch(partial, in: source, args: args, blocks: blocks(for: outputs * parts), threadsPerBlock: Self.threadsPerBlock)
        try kernels.launch(final, in: source, args: args, blocks: blocks(for: outputs), threadsPerBlock: Self.threadsPerBlock)
    }

    // MARK: Softmax

    private func contiguous(_ t: Tensor) throws(TensorError) -> Tensor {
        if t.isContiguous { return t }
        let c = try Tensor(empty: t.sizes, dtype: t.dtype, device: device)
        try copyCast(from: t, into: c)
        return c
    }

    public func softmaxLastDim(_ x: Tensor, log: Bool) throws(TensorError) -> Tensor? {
        guard x.dtype.isFloatingPoint else { return nil }
        let input = try contiguous(x)
        let out = try Tensor(empty: x.sizes, dtype: x.dtype, device: device)
        let cols = x.sizes.last ?? 1
        if x.numel == 0 { return out }
        let source = SoftmaxSource.forward(x.dtype, log: log)
        var args = KernelArgs()
        args.count = x.numel / cols
        args.setPointer(0, Self.address(out))
        args.setPointer(1, Self.address(input))
        args.setScalar(0, Int64(cols))
        try kernels.launch(source.name, in: source, args: args, blocks: blocks(for: args.count), threadsPerBlock: Self.threadsPerBlock)
        return out
    }

    public func softmaxBackwardLastDim(grad: Tensor, output: Tensor, log: Bool) throws(TensorError) -> Tensor? {
        guard output.dtype.isFloatingPoint, grad.dtype == output.dtype else { return nil }
        let g = try contiguous(grad), y = try contiguous(output)
        let gradIn = try Tensor(empty: output.sizes, dtype: output.dtype, device: device)
        let cols = output.sizes.last ?? 1
        if output.numel == 0 { return gradIn }
        let source = SoftmaxSource.backward(output.dtype, log: log)
        var args = KernelArgs()
        args.count = output.numel / cols
        args.setPointer(0, Self.address(gradIn))
        args.setPointer(1, Self.address(g))
        args.setPointer(2, Self.address(y))
        args.setScalar(0, Int64(cols))
        try kernels.launch(source.name, in: source, args: args, blocks: blocks(for: args.count), threadsPerBlock: Self.threadsPerBlock)
        return gradIn
    }

    // MARK: Random

    /// `tensor.normal_(mean, std)` / `torch.randn` with PyTorch's CUDA stream (float types).
    public func normal(_ t: Tensor, mean: Double, std: Double) throws(TensorError) {
        try philox(.normal, t, Float(mean), Float(std))
    }

    /// `tensor.uniform_(from, to)` / `torch.rand` with PyTorch's CUDA stream (float types).
    public func uniform(_ t: Tensor, from: Double, to: Double) throws(TensorError) {
        try philox(.uniform, t, Float(from), Float(to))
    }

    private func philox(_ distribution: PhiloxSource.Distribution, _ t: Tensor, _ p2: Float, _ p3: Float) throws(TensorError) {
        guard t.dtype == .float32 || t.dtype == .float16 || t.dtype == .bfloat16 else {
            throw .notImplemented("CUDA \(distribution.rawValue)_ is implemented for float32, float16 and bfloat16 (float64 draws curand_normal2_double: not yet)")
        }
        if t.numel == 0 { return }
        let launch = PhiloxLaunch(numel: t.numel, unroll: 4, multiprocessors: kernels.multiprocessorCount,
                                  maxThreadsPerMultiprocessor: kernels.maxThreadsPerMultiprocessor)
        let (seed, offset) = generator.reserve(launch.offsetIncrement)
        let source = PhiloxSource.source(distribution, output: t.dtype)
        let (sizes, strides) = DimCoalescing.coalesce(t.sizes, [t.strides])
        var args = KernelArgs()
        args.count = t.numel
        args.setShape(sizes, strides: strides)
        args.setPointer(0, Self.address(t))
        args.setScalar(0, Int64(bitPattern: seed))
        args.setScalar(1, Int64(bitPattern: offset))
        args.setScalar(2, Int64(p2.bitPattern))
        args.setScalar(3, Int64(p3.bitPattern))
        try kernels.launch(source.name, in: source, args: args, blocks: launch.blocks, threadsPerBlock: PhiloxLaunch.blockSize)
    }

    // MARK: Products

    public func matmul(_ a: Tensor, _ b: Tensor, into out: Tensor) throws(TensorError) {
        try Self.refuseComplex([a, b, out])
        switch out.dtype {
        case .float32, .float64:
            try gemm(a, b, out)
        case .float16, .bfloat16:
            // cuBLAS half GEMMs accumulate in float too; widening keeps to the two SGEMM entry points loaded.
            let wa = try Tensor(empty: a.sizes, dtype: .float32, device: device)
            let wb = try Tensor(empty: b.sizes, dtype: .float32, device: device)
            let wo = try Tensor(empty: out.sizes, dtype: .float32, device: device)
            try copyCast(from: a, into: wa)
            try copyCast(from: b, into: wb)
            try gemm(wa, wb, wo)
            try copyCast(from: wo, into: out)
        default:
            throw .runtime("\"addmm_cuda\" not implemented for '\(out.dtype.scalarTypeName)'")
        }
    }

    /// `addmm` as PyTorch's CUDA build computes it: the input is copied into the result and
    /// one GEMM adds alpha·(mat1 @ mat2) with beta, rounding once (float32/float64).
    public func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor? {
        guard mat1.dtype == .float32 || mat1.dtype == .float64, input.dtype == mat1.dtype, mat2.dtype == mat1.dtype,
              mat1.rank == 2, mat2.rank == 2 else { return nil }
        let n = mat1.sizes[0], m = mat2.sizes[1]
        let out = try Tensor(empty: [n, m], dtype: mat1.dtype, device: device)
        let b = beta.doubleValue
        if b != 0 {
            try copyCast(from: try input.expand([n, m]), into: out)
        } else {
            try fill(out, with: .float(0))
        }
        try gemm(try mat1.unsqueeze(0), try mat2.unsqueeze(0), try out.unsqueeze(0), alpha: alpha.doubleValue, beta: b)
        return out
    }

    /// Batched row-major product of 3-D operands through the column-major GEMM:
    /// out^T = b^T · a^T, so b goes first. `beta` scales what `out0` holds.
    private func gemm(_ a0: Tensor, _ b0: Tensor, _ out0: Tensor, alpha: Double = 1, beta: Double = 0) throws(TensorError) {
        let batch = out0.sizes[0], n = out0.sizes[1], m = out0.sizes[2], k = a0.sizes[2]
        if batch == 0 || n == 0 || m == 0 { return }
        let out = try contiguous(out0)
        if k == 0 {
            if beta == 0 { try fill(out, with: .int(0)) } else { try binaryScalar(.mul, out, .float(beta), scalarOnLeft: false, into: out) }
        } else {
            let a = try withLayout(a0), b = try withLayout(b0)
            let la = MatrixLayout(rows: n, cols: k, rowStride: a.strides[1], colStride: a.strides[2])!
            let lb = MatrixLayout(rows: k, cols: m, rowStride: b.strides[1], colStride: b.strides[2])!
            let item = out.dtype.itemSize
            for i in 0..<batch {
                try kernels.gemm(out.dtype, transA: lb.transposed, transB: la.transposed, m: m, n: n, k: k, alpha: alpha,
                                 a: Self.address(b) + UInt64(i * b.strides[0] * item), lda: lb.ld,
                                 b: Self.address(a) + UInt64(i * a.strides[0] * item), ldb: la.ld,
                                 beta: beta, c: Self.address(out) + UInt64(i * out.strides[0] * item), ldc: m)
            }
        }
        if out !== out0 { try copyCast(from: out, into: out0) }
    }

    /// `t` if each of its matrices is BLAS-addressable, else a contiguous copy.
    private func withLayout(_ t: Tensor) throws(TensorError) -> Tensor {
        if MatrixLayout(rows: t.sizes[1], cols: t.sizes[2], rowStride: t.strides[1], colStride: t.strides[2]) != nil { return t }
        let c = try Tensor(empty: t.sizes, dtype: t.dtype, device: device)
        try copyCast(from: t, into: c)
        return c
    }

    public func waitForDevice() throws(TensorError) { try kernels.synchronize() }
}

/// A row-major matrix as BLAS sees it: plain with leading dimension `ld`, or transposed
/// (column-major storage). nil when its strides are neither.
struct MatrixLayout {
    let transposed: Bool
    let ld: Int

    init?(rows: Int, cols: Int, rowStride: Int, colStride: Int) {
        let rs = rows == 1 ? max(rowStride, cols, 1) : rowStride
        let cs = cols == 1 ? max(colStride, rows, 1) : colStride
        if (cols == 1 || cs == 1) && rs >= max(1, cols) {
            transposed = false
            ld = max(rs, 1)
        } else if (rows == 1 || rs == 1) && cs >= max(1, rows) {
            transposed = true
            ld = max(cs, 1)
        } else {
            return nil
        }
    }
}
