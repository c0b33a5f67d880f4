/// The CPU backend's MKL paths: taken when `MKLLibrary.shared` loaded, for float32 and
/// float64; everything else stays on the Swift kernels and OpenBLAS.
extension CPUBackend {
    /// Runs `op` on VML when PyTorch does; false when this op or dtype has no VML path.
    func vmlUnary(_ op: UnaryOp, _ a: Tensor, into out: Tensor) -> Bool {
        guard let mkl = MKLLibrary.shared, let name = op.vmlName, let fns = mkl.vml[name],
              a.dtype == out.dtype else { return false }
        switch a.dtype {
        case .float32: VMLKernels.run(fns, Float.self, out.sizes, Operand(out), Operand(a))
        case .float64: VMLKernels.run(fns, Double.self, out.sizes, Operand(out), Operand(a))
        default: return false
        }
        return true
    }

    /// A batched product on MKL; false without MKL or for other dtypes.
    func mklMatmul(_ a: Tensor, _ b: Tensor, into out: Tensor) -> Bool {
        guard let mkl = MKLLibrary.shared, out.dtype == .float32 || out.dtype == .float64 else { return false }
        MKLProducts.gemm(mkl, a, b, out, isBatched: out.sizes[0] > 1)
        return true
    }

    public func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor? {
        guard let mkl = MKLLibrary.shared, mat1.dtype == .float32 || mat1.dtype == .float64,
              input.dtype == mat1.dtype, mat2.dtype == mat1.dtype, mat1.rank == 2, mat2.rank == 2 else { return nil }
        let n = mat1.sizes[0], m = mat2.sizes[1]
        let out = try Tensor(empty: [n, m], dtype: mat1.dtype)
        let b = beta.doubleValue
        // As addmm_impl_cpu_: the input is copied into the result, then gemm adds the
        // product to it in one pass (beta·C + alpha·AB rounds differently from mm + add).
        if b != 0 {
            try copyCast(from: try input.expand(to: [n, m], forCopyInto: false), into: out)
        } else {
            try fill(out, with: .float(0))
        }
        MKLProducts.gemm(mkl, try blasReady(try mat1.unsqueeze(0)), try blasReady(try mat2.unsqueeze(0)),
                         try out.unsqueeze(0), alpha: alpha.doubleValue, beta: b, isBatched: false)
        return out
    }

    public func mv(_ mat: Tensor, _ vec: Tensor) throws(TensorError) -> Tensor? {
        guard let mkl = MKLLibrary.shared, mat.dtype == .float32 || mat.dtype == .float64,
              vec.dtype == mat.dtype else { return nil }
        let out = try Tensor(empty: [mat.sizes[0]], dtype: mat.dtype)
        let m2 = BLASLayout(rows: mat.sizes[0], cols: mat.sizes[1], rowStride: mat.strides[0],
                            colStride: mat.strides[1]) == nil ? try mat.contiguous() : mat
        let v = vec.sizes[0] > 1 && vec.strides[0] <= 0 ? try vec.contiguous() : vec
        MKLProducts.gemv(mkl, m2, v, out)
        return out
    }

    public func dot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor? {
        guard let mkl = MKLLibrary.shared, a.dtype == .float32 || a.dtype == .float64, b.dtype == a.dtype else { return nil }
        let out = try Tensor(empty: [], dtype: a.dtype)
        let x = a.sizes[0] > 1 && a.strides[0] <= 0 ? try a.contiguous() : a
        let y = b.sizes[0] > 1 && b.strides[0] <= 0 ? try b.contiguous() : b
        MKLProducts.dot(mkl, x, y, out)
        return out
    }

    /// `t` itself when each of its matrices has a BLAS layout, else a contiguous copy.
    private func blasReady(_ t: Tensor) throws(TensorError) -> Tensor {
        if BLASLayout(rows: t.sizes[1], cols: t.sizes[2], rowStride: t.strides[1], colStride: t.strides[2]) != nil {
            return t
        }
        return try t.contiguous()
    }
}
