/// Matrix products: `matmul` with all of PyTorch's shape rules, and the fixed-rank forms.
extension Tensor {
    /// Both operands must share a dtype (matmul does not promote).
    static func checkMatmulTypes(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        _ = try commonDevice([a, b], method: "wrapper_CUDA_mm", names: ["self", "mat2"])
        if a.dtype != b.dtype {
            throw .dtype("expected m1 and m2 to have the same dtype, but got: \(a.dtype.cppName) != \(b.dtype.cppName)")
        }
    }

    /// 3-D batched product on the backend, copying operands that BLAS cannot read as is.
    /// `bmm`: the product is ATen's `bmm` (not an `mm` given a batch dim), whose
    /// `bmm_out_or_baddbmm_` sums products of fewer than 400 multiply-adds in its own loop
    /// even for a batch of one (the backend only tells batches of several apart), and picks
    /// MKL's batched gemm or one product per matrix from the operands' own strides
    /// (`MKLProducts.atenBaddbmm`).
    static func batchedProduct(_ a: Tensor, _ b: Tensor, bmm: Bool = false) throws(TensorError) -> Tensor {
        let batch = a.sizes[0], n = a.sizes[1], m = b.sizes[2]
        if bmm && batch == 1 && a.device == .cpu && (a.dtype == .float32 || a.dtype == .float64)
            && n * m * a.sizes[2] < MKLProducts.smallBatchedWork {
            let out = try Tensor(empty: [batch, n, m], dtype: a.dtype, device: a.device)
            if a.dtype == .float32 { MKLProducts.loopProduct(Float.self, a, b, out) } else { MKLProducts.loopProduct(Double.self, a, b, out) }
            return out
        }
        if bmm && batch == 1 && a.device == .cpu && (a.dtype == .float16 || a.dtype == .bfloat16) {
            let out = try Tensor(empty: [batch, n, m], dtype: a.dtype, device: a.device)
            ReducedMatmul.product(a, b, into: out, isBatched: true)
            return out
        }
        if bmm && a.device == .cpu && (a.dtype == .float32 || a.dtype == .float64), let mkl = MKLLibrary.shared {
            let out = try Tensor(empty: [batch, n, m], dtype: a.dtype, device: a.device)
            if n * m * a.sizes[2] < MKLProducts.smallBatchedWork {
                if a.dtype == .float32 { MKLProducts.loopProduct(Float.self, a, b, out) } else { MKLProducts.loopProduct(Double.self, a, b, out) }
            } else {
                try MKLProducts.atenBaddbmm(mkl, a, b, out, alpha: 1, beta: 0)
            }
            return out
        }
        func blasReady(_ t: Tensor) throws(TensorError) -> Tensor {
            if BLASLayout(rows: t.sizes[1], cols: t.sizes[2], rowStride: t.strides[1], colStride: t.strides[2]) != nil {
                return t
            }
            return try t.contiguousCopy()
        }
        let out = try Tensor(empty: [batch, n, m], dtype: a.dtype, device: a.device)
        try a.backend.matmul(try blasReady(a), try blasReady(b), into: out)
        return out
    }

    /// `mm(mat2)`: 2-D × 2-D.
    public func mm(_ other: Tensor) throws(TensorError) -> Tensor {
        if rank != 2 { throw .runtime("mm: self must be a matrix, got \(rank)-D tensor") }
        if other.rank != 2 { throw .runtime("mm: mat2 must be a matrix, got \(other.rank)-D tensor") }
        if sizes[1] != other.sizes[0] {
            throw .shape("mm: mat1 and mat2 shapes cannot be multiplied (\(sizes[0])x\(sizes[1]) and \(other.sizes[0])x\(other.sizes[1]))")
        }
        try Tensor.checkMatmulTypes(self, other)
        let r = try Tensor.batchedProduct(try unsqueeze(0), try other.unsqueeze(0))
        return r.removingDims([0])
    }

    /// `bmm(mat2)`: 3-D × 3-D with equal batch sizes.
    public func bmm(_ other: Tensor) throws(TensorError) -> Tensor {
        if rank != 3 { throw .runtime("batch1 must be a 3D tensor") }
        if other.rank != 3 { throw .runtime("batch2 must be a 3D tensor") }
        if other.sizes[0] != sizes[0] || other.sizes[1] != sizes[2] {
            throw .runtime("Expected size for first two dimensions of batch2 tensor to be: [\(sizes[0]), \(sizes[2])] but got: [\(other.sizes[0]), \(other.sizes[1])].")
        }
        try Tensor.checkMatmulTypes(self, other)
        return try Tensor.batchedProduct(self, other, bmm: true)
    }

    /// `mv(vec)`: 2-D × 1-D.
    public func mv(_ vec: Tensor) throws(TensorError) -> Tensor {
        if rank != 2 || vec.rank != 1 {
            throw .runtime("vector + matrix @ vector expected, got \(1), \(rank), \(vec.rank)")
        }
        if sizes[1] != vec.sizes[0] {
            throw .runtime("size mismatch, got input (\(sizes[0])), mat (\(sizes[0])x\(sizes[1])), vec (\(vec.sizes[0]))")
        }
        try Tensor.checkMatmulTypes(self, vec)
        if let fused = try backend.mv(self, vec) { return fused }
        let r = try Tensor.batchedProduct(try unsqueeze(0), vec.view(sizes: [1, vec.sizes[0], 1], strides: [0, vec.strides[0], 1], offset: vec.offset))
        return try r.reshape([sizes[0]])
    }

    /// `vdot(other)`: the dot product with this vector conjugated (MKL's `?dotc` for complex
    /// CPU tensors, as ATen; otherwise `conj_physical(self) · other`, whose last bits may differ).
    public func vdot(_ other: Tensor) throws(TensorError) -> Tensor {
        guard dtype.isComplex else { return try dot(other) }
        if device == .cpu, other.device == .cpu, other.dtype == dtype, rank == 1, other.rank == 1,
           !hasMathBits, !other.hasMathBits,
           let r = try MKLProducts.complexDot(self, other, conjugateFirst: true) {
            return r
        }
        return try conjPhysical().dot(other)
    }

    /// `dot(other)`: 1-D · 1-D → 0-dim.
    public func dot(_ other: Tensor) throws(TensorError) -> Tensor {
        if rank != 1 || other.rank != 1 {
            throw .runtime("1D tensors expected, but got \(rank)D and \(other.rank)D tensors")
        }
        if sizes[0] != other.sizes[0] {
            throw .runtime("inconsistent tensor size, expected tensor [\(sizes[0])] and src [\(other.sizes[0])] to have the same number of elements, but got \(sizes[0]) and \(other.sizes[0]) elements respectively")
        }
        if dtype != other.dtype {
            throw .dtype("dot : expected both vectors to have same dtype, but found \(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)")
        }
        try Tensor.checkSameDevice(self, other)
        if let fused = try backend.dot(self, other) { return fused }
        let a = view(sizes: [1, 1, sizes[0]], strides: [0, 0, strides[0]], offset: offset)
        let b = other.view(sizes: [1, sizes[0], 1], strides: [0, other.strides[0], 1], offset: other.offset)
        return try Tensor.batchedProduct(a, b).reshape([])
    }

    /// `outer(vec2)`.
    public func outer(_ other: Tensor) throws(TensorError) -> Tensor {
        if rank != 1 || other.rank != 1 {
            throw .runtime("outer: Expected 1-D argument self, but got \(rank)-D")
        }
        return try reshape([sizes[0], 1]).mul(other)
    }

    /// `matmul(other)` / `@`: dot, mv, mm, or broadcast batched products; 1-D operands
    /// get a dimension added and removed again.
    public func matmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let da = rank, db = other.rank
        if da == 0 || db == 0 {
            throw .runtime("both arguments to matmul need to be at least 1D, but they are \(da)D and \(db)D")
        }
        if da == 1 && db == 1 { return try dot(other) }
        if da == 2 && db == 1 { return try mv(other) }
        if da == 1 && db == 2 {
            if sizes[0] != other.sizes[0] {
                throw .shape("mm: mat1 and mat2 shapes cannot be multiplied (1x\(sizes[0]) and \(other.sizes[0])x\(other.sizes[1]))")
            }
            return try unsqueeze(0).mm(other).squeeze([0])
        }
        if da == 2 && db == 2 { return try mm(other) }
        // Batched: broadcast leading dims.
        let a = da == 1 ? try unsqueeze(0) : self
        let b = db == 1 ? try other.unsqueeze(-1) : other
        let n = a.sizes[a.rank - 2], k = a.sizes[a.rank - 1]
        let k2 = b.sizes[b.rank - 2], m = b.sizes[b.rank - 1]
        let batchA = Array(a.sizes.dropLast(2)), batchB = Array(b.sizes.dropLast(2))
        if k != k2 {
            if db >= 2 && da >= 2 && batchA.isEmpty == false && batchB.isEmpty == false {
                throw .runtime("Expected size for first two dimensions of batch2 tensor to be: [\(batchA.reduce(1, *)), \(k)] but got: [\(batchB.reduce(1, *)), \(k2)].")
            }
            throw .shape("mm: mat1 and mat2 shapes cannot be multiplied (\(batchA.reduce(1, *) * n)x\(k) and \(k2)x\(m))")
        }
        try Tensor.checkMatmulTypes(a, b)
        let batch = try Shape.broadcast(batchA, batchB)
        let bsz = batch.reduce(1, *)
        let a3 = try a.expand(batch + [n, k]).reshape([bsz, n, k])
        let b3 = try b.expand(batch + [k, m]).reshape([bsz, k, m])
        var result = try Tensor.batchedProduct(a3, b3).view(batch + [n, m])
        if da == 1 { result = result.removingDims([result.rank - 2]) }
        if db == 1 { result = result.removingDims([result.rank - 1]) }
        return result
    }

    /// `addmm(input, mat1, mat2, beta, alpha)`: beta·input + alpha·(mat1 @ mat2).
    public static func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor,
                             beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        if mat1.rank == 2, mat2.rank == 2, mat1.sizes[1] == mat2.sizes[0], mat1.device == mat2.device,
           mat1.dtype == mat2.dtype, input.device == mat1.device,
           (try? input.expand(to: [mat1.sizes[0], mat2.sizes[1]], forCopyInto: false)) != nil,
           let fused = try mat1.backend.addmm(input, mat1, mat2, beta: beta, alpha: alpha) {
            return fused
        }
        var product = try mat1.mm(mat2)
        if alpha != .int(1) { product = try product.mul(alpha) }
        let shape = product.sizes
        _ = try input.expand(to: shape, forCopyInto: false)
        if beta == .int(0) || beta == .float(0) { return product }
        let scaled = beta == .int(1) ? input : try input.mul(beta)
        return try scaled.add(product)
    }
}

extension DType {
    /// The C++ type name PyTorch prints in some dtype errors (`float`, `double`, `long int`).
    public var cppName: String {
        switch self {
        case .bool: "bool"
        case .uint8: "unsigned char"
        case .int8: "signed char"
        case .int16: "short int"
        case .int32: "int"
        case .int64: "long int"
        case .float16: "c10::Half"
        case .bfloat16: "c10::BFloat16"
        case .float32: "float"
        case .float64: "double"
        case .complex64: "c10::complex<float>"
        case .complex128: "c10::complex<double>"
        }
    }
}
