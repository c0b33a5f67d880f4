/// The CPU backend's MKL paths: taken when `MKLLibrary.shared` loaded, for float32 and
/// float64; everything else stays on the Swift kernels and OpenBLAS.
extension CPUBackend {
    /// Runs `op` as PyTorch's CPU build does when that needs a vendor library: on VML
    /// (with MKL), or in PyTorch's vector loop with SLEEF lanes (with SLEEF). False when
    /// this op, dtype or machine has no such path.
    func vendorUnary(_ op: UnaryOp, _ a: Tensor, into out: Tensor) -> Bool {
        guard a.dtype == out.dtype, a.dtype == .float32 || a.dtype == .float64 else { return false }
        // pow_tensor_scalar_kernel sends these exponents to the sqrt, rsqrt and reciprocal
        // kernels (so sqrt is VML's).
        switch op {
        case .powScalar(0.5): return vendorUnary(.sqrt, a, into: out)
        case .powScalar(-0.5): return vendorUnary(.rsqrt, a, into: out)
        case .powScalar(-1): return vendorUnary(.reciprocal, a, into: out)
        default: break
        }
        if let mkl = MKLLibrary.shared, let name = op.vmlName, let fns = mkl.vml[name] {
            if a.dtype == .float32 {
                VMLKernels.run(fns, Float.self, out.sizes, Operand(out), Operand(a))
            } else {
                VMLKernels.run(fns, Double.self, out.sizes, Operand(out), Operand(a))
            }
            return true
        }
        if op == .gelu && a.dtype == .float32 && a.isContiguous && a.numel > 1 {
            // oneDNN's eltwise kernel: Abramowitz–Stegun on AVX2, a minimax table on avx512_core.
            if OneDNNISA.avx512Core {
                VectorizedLoops.map(OneDNNGeluMinimaxFunction(), out.sizes, Operand(out), Operand(a), grain: Self.geluGrain(out.numel))
            } else {
                VectorizedLoops.map(OneDNNGeluFunction(), out.sizes, Operand(out), Operand(a), grain: Self.geluGrain(out.numel))
            }
            return true
        }
        guard let sleef = SLEEFLibrary.shared else { return false }
        return a.dtype == .float32 ? sleefUnary(op, sleef, Float.self, a, out) : sleefUnary(op, sleef, Double.self, a, out)
    }

    private func sleefUnary<T: RealElement>(_ op: UnaryOp, _ sleef: SLEEFLibrary, _ t: T.Type, _ a: Tensor, _ out: Tensor) -> Bool {
        if let f = sleef.vectorizedUnary(op, T.self) {
            VectorizedLoops.map(f, out.sizes, Operand(out), Operand(a))
            return true
        }
        switch op {
        case .sigmoid:
            VectorizedLoops.map(SigmoidFunction<T>(exp: sleef.exp(T.self)), out.sizes, Operand(out), Operand(a))
        case let .powScalar(e) where ![0, 1, 2, 3, -2, 0.5, -0.5, -1].contains(e):
            // pow_tensor_scalar_optimized_kernel: x*x, x*x*x, 1/(x*x), sqrt, rsqrt and
            // reciprocal are special cases; every other exponent, x**4 included, is pow.
            VectorizedLoops.map(PowFunction<T>(pow: sleef.pow(T.self), e: e), out.sizes, Operand(out), Operand(a))
        case .expm1, .log1p:
            // VML-style ops that MKL does not take in ATen: `vec::map`, SLEEF in every lane
            // (the last partial vector included), so no libm tail.
            let f = sleef.unary(op == .expm1 ? "expm1" : "log1p", T.self)
            VectorizedLoops.map(PlainFunction<T>(sleef: f, libm: f), out.sizes, Operand(out), Operand(a))
        case .exp2:
            VectorizedLoops.map(PlainFunction<T>(sleef: sleef.unary("exp2", T.self), libm: { T.m_exp2($0) }), out.sizes, Operand(out), Operand(a))
        case .lgamma:
            // ATen's `vml::vlgamma` without MKL's LGamma: `vec::map` of
            // `Vectorized<T>::lgamma()`, Sleef_lgamma*_u10 in every lane (the last partial
            // vector included).
            let f = sleef.unary("lgamma", T.self)
            VectorizedLoops.map(PlainFunction<T>(sleef: f, libm: f), out.sizes, Operand(out), Operand(a))
        case .silu:
            VectorizedLoops.map(SiLUFunction<T>(exp: sleef.exp(T.self)), out.sizes, Operand(out), Operand(a))
        case .logSigmoid:
            VectorizedLoops.map(LogSigmoidFunction<T>(exp: sleef.exp(T.self), log1p: sleef.unary("log1p", T.self)),
                                out.sizes, Operand(out), Operand(a))
        case let .softplus(beta, threshold):
            VectorizedLoops.map(SoftplusFunction<T>(exp: sleef.exp(T.self), log1p: sleef.unary("log1p", T.self),
                                                    beta: T(beta), threshold: T(threshold)), out.sizes, Operand(out), Operand(a))
        case .geluTanh:
            VectorizedLoops.map(GeluTanhFunction<T>(tanh: sleef.unary("tanh", T.self)), out.sizes, Operand(out), Operand(a),
                                grain: Self.geluGrain(out.numel))
        case .gelu where T.self == Double.self:
            VectorizedLoops.map(GeluErfFunction<T>(erf: sleef.unary("erf", T.self)), out.sizes, Operand(out), Operand(a),
                                grain: Self.geluGrain(out.numel))
        case .gelu:
            // float32 that oneDNN does not take (above): ATen's own kernel. TensorIterator
            // walks a dense permuted input (a transpose) in memory order, so its vector
            // lanes are those of the memory-order copy.
            if !a.isContiguous, let (source, inverse) = memoryOrderCopy(a),
               let tmp = try? Tensor(empty: source.sizes, dtype: a.dtype) {
                VectorizedLoops.map(ATenGeluFloatFunction(exp: sleef.expf), tmp.sizes, Operand(tmp), Operand(source),
                                    grain: Self.geluGrain(out.numel))
                if let back = try? tmp.permute(inverse), (try? copyCast(from: back, into: out)) != nil { return true }
            }
            VectorizedLoops.map(ATenGeluFloatFunction(exp: sleef.expf), out.sizes, Operand(out), Operand(a),
                                grain: Self.geluGrain(out.numel))
        case .mish:
            VectorizedLoops.map(MishFunction<T>(exp: sleef.exp(T.self), log1p: sleef.unary("log1p", T.self),
                                                tanh: sleef.unary("tanh", T.self)), out.sizes, Operand(out), Operand(a))
        case let .elu(alpha):
            VectorizedLoops.map(ELUFunction<T>(expm1: sleef.unary("expm1", T.self), alpha: T(alpha)),
                                out.sizes, Operand(out), Operand(a))
        default:
            return false
        }
        return true
    }

    /// GeluKernelImpl's grain: above 16,384 elements, numel / threads.
    static func geluGrain(_ numel: Int) -> Int {
        numel > 16384 ? Swift.max(1, numel / IntraOpThreads.count) : VectorizedLoops.grain
    }

    /// `atan2`, `hypot` and `pow` with a tensor exponent (or a scalar base) in PyTorch's vector loop
    /// with SLEEF lanes; false without SLEEF, for other ops or dtypes.
    func vendorBinary(_ op: BinaryOp, _ dtype: DType, _ out: Tensor, _ a: Operand, _ b: Operand) -> Bool {
        guard op == .atan2 || op == .pow || op == .hypot, dtype == out.dtype, dtype == .float32 || dtype == .float64,
              let sleef = SLEEFLibrary.shared else { return false }
        func run<T: RealElement>(_ t: T.Type) {
            if op == .hypot {
                VectorizedLoops.map2(HypotFunction<T>(hypot: sleef.hypot(T.self)), out.sizes, Operand(out), a, b)
            } else if op == .atan2 {
                VectorizedLoops.map2(Atan2Function<T>(atan2: sleef.atan2(T.self)), out.sizes, Operand(out), a, b)
            } else {
                VectorizedLoops.map2(PowTensorFunction<T>(pow: sleef.pow(T.self)), out.sizes, Operand(out), a, b)
            }
        }
        if dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return true
    }

    /// A batched product on MKL; false without MKL or for other dtypes.
    func mklMatmul(_ a: Tensor, _ b: Tensor, into out: Tensor) -> Bool {
        guard let mkl = MKLLibrary.shared, out.dtype == .float32 || out.dtype == .float64 else { return false }
        MKLProducts.gemm(mkl, a, b, out, isBatched: out.sizes[0] > 1)
        return true
    }

    public func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor? {
        if (mat1.dtype == .float16 || mat1.dtype == .bfloat16) && input.dtype == mat1.dtype && mat2.dtype == mat1.dtype {
            // addmm_impl_cpu_: beta·input + alpha·product in float, rounded once.
            let n = mat1.sizes[0], m = mat2.sizes[1]
            let out = try Tensor(empty: [n, m], dtype: mat1.dtype)
            let b = Float(beta.doubleValue)
            ReducedMatmul.product(try mat1.unsqueeze(0), try mat2.unsqueeze(0), into: try out.unsqueeze(0), isBatched: false,
                                  addend: b == 0 ? nil : try input.expand(to: [n, m], forCopyInto: false).unsqueeze(0),
                                  beta: b, alpha: Float(alpha.doubleValue))
            return out
        }
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
        if (mat.dtype == .float16 || mat.dtype == .bfloat16) && vec.dtype == mat.dtype {
            let out = try Tensor(empty: [mat.sizes[0]], dtype: mat.dtype)
            ReducedMatmul.mv(mat, vec, into: out)
            return out
        }
        guard let mkl = MKLLibrary.shared, mat.dtype == .float32 || mat.dtype == .float64,
              vec.dtype == mat.dtype else { return nil }
        let out = try Tensor(empty: [mat.sizes[0]], dtype: mat.dtype)
        if mat.sizes[0] == 0 { return out }
        if mat.sizes[1] == 0 { try fill(out, with: .int(0)); return out }
        if try MKLProducts.atenGemv(mkl, mat, vec, out, alpha: 1, beta: 0) { return out }
        let m2 = BLASLayout(rows: mat.sizes[0], cols: mat.sizes[1], rowStride: mat.strides[0],
                            colStride: mat.strides[1]) == nil ? try mat.contiguous() : mat
        let v = vec.sizes[0] > 1 && vec.strides[0] <= 0 ? try vec.contiguous() : vec
        MKLProducts.gemv(mkl, m2, v, out)
        return out
    }

    public func dot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor? {
        if a.dtype.isComplex, b.dtype == a.dtype { return try MKLProducts.complexDot(a, b, conjugateFirst: false) }
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

    public func softmaxLastDim(_ x: Tensor, log: Bool) throws(TensorError) -> Tensor? {
        if x.dtype == .bfloat16 || x.dtype == .float16 { return try reducedSoftmax(x, dim: x.rank - 1, log: log) }
        guard let sleef = SLEEFLibrary.shared, x.dtype == .float32 || x.dtype == .float64,
              x.rank >= 1, x.numel > 0 else { return nil }
        let input = try x.contiguous()
        let out = try Tensor(empty: x.sizes, dtype: x.dtype)
        let n = x.sizes[x.rank - 1], rows = x.numel / n
        if x.dtype == .float32 {
            SoftmaxKernels.forward(sleef, Float.self, log: log, input.pointer(Float.self), out.pointer(Float.self), rows: rows, rowLength: n)
        } else {
            SoftmaxKernels.forward(sleef, Double.self, log: log, input.pointer(Double.self), out.pointer(Double.self), rows: rows, rowLength: n)
        }
        return out
    }

    public func softmaxBackwardLastDim(grad: Tensor, output: Tensor, log: Bool) throws(TensorError) -> Tensor? {
        if output.dtype == .bfloat16 || output.dtype == .float16 {
            return try reducedSoftmaxBackward(grad: grad, output: output, dim: output.rank - 1, log: log)
        }
        guard let sleef = SLEEFLibrary.shared, output.dtype == .float32 || output.dtype == .float64,
              grad.dtype == output.dtype, grad.sizes == output.sizes, output.rank >= 1, output.numel > 0 else { return nil }
        let g = try grad.contiguous(), y = try output.contiguous()
        let out = try Tensor(empty: output.sizes, dtype: output.dtype)
        let n = output.sizes[output.rank - 1], rows = output.numel / n
        if output.dtype == .float32 {
            SoftmaxKernels.backward(sleef, Float.self, log: log, grad: g.pointer(Float.self), output: y.pointer(Float.self),
                                    into: out.pointer(Float.self), rows: rows, rowLength: n)
        } else {
            SoftmaxKernels.backward(sleef, Double.self, log: log, grad: g.pointer(Double.self), output: y.pointer(Double.self),
                                    into: out.pointer(Double.self), rows: rows, rowLength: n)
        }
        return out
    }
}

extension CPUBackend {
    /// A contiguous copy of a dense, non-overlapping `t` with its dimensions in memory
    /// order (largest stride first), and the permutation that views it back in `t`'s
    /// order; nil when `t` is not such a permutation.
    func memoryOrderCopy(_ t: Tensor) -> (Tensor, [Int])? {
        let order = (0..<t.rank).sorted { (t.strides[$0], $1) > (t.strides[$1], $0) }
        var expected = 1
        for d in order.reversed() where t.sizes[d] != 1 {
            if t.strides[d] != expected { return nil }
            expected *= t.sizes[d]
        }
        var inverse = [Int](repeating: 0, count: order.count)
        for (i, d) in order.enumerated() { inverse[d] = i }
        guard let view = try? t.permute(order), let copy = try? view.contiguous() else { return nil }
        return (copy, inverse)
    }
}
