/// Elementwise special functions with one tensor input (`digamma`, `erfinv`, `i0`, the
/// `torch.special` Bessel family...). Integer and bool inputs compute in float32, as
/// PyTorch's "unary float" ops promote them; float16/bfloat16 compute in float32 and round
/// back, as PyTorch's `calc_*` overloads for reduced types do.
public enum SpecialUnaryOp: Sendable, Equatable {
    case digamma, trigamma, polygamma(Int), erfinv, i0, i0e, i1, i1e, ndtri, sinc
    case besselJ0, besselJ1, besselY0, besselY1
    case modifiedBesselI0, modifiedBesselI1, modifiedBesselK0, modifiedBesselK1
    case scaledModifiedBesselK0, scaledModifiedBesselK1, airyAi, sphericalBesselJ0
    case erfcx, logNdtr
    /// `special.entr`: −x·ln x, one element at a time with the C library's log, as
    /// PyTorch's `entr_kernel` (not vectorised) computes it.
    case entr
    /// `mvlgamma(x, p)` (p ≥ 1; the caller checks the domain).
    case multigammaln(Int)
}

/// Elementwise functions of two tensors computed by the special kernels.
public enum SpecialBinaryOp: Sendable, Equatable {
    case xlogy, xlog1py, logaddexp, logaddexp2, copysign, nextafter, heaviside, zeta
    /// Regularized lower and upper incomplete gamma P(a, x), Q(a, x).
    case igamma, igammac
    case polynomial(PolynomialKind)
    case gcd, lcm
}

extension SpecialUnaryOp {
    func apply<T: RealElement>(_ x: T) -> T {
        switch self {
        case .digamma: return Self.digamma(x)
        case .trigamma:
            if let f = x as? Float { return GammaFamily.trigamma(f) as! T }
            return GammaFamily.trigamma(x as! Double) as! T
        case let .polygamma(n):
            if n == 0 { return Self.digamma(x) }
            if n == 1 { return SpecialUnaryOp.trigamma.apply(x) }
            return GammaFamily.polygamma(n, x)
        case .erfinv: return InverseFunctions.erfinv(x)
        case .i0: return BesselFamily.i0(x)
        case .i0e: return BesselFamily.i0e(x)
        case .i1: return BesselFamily.i1(x)
        case .i1e: return BesselFamily.i1e(x)
        case .ndtri: return InverseFunctions.ndtri(x)
        case .sinc:
            if x == 0 { return 1 }
            let product = T(Double.pi) * x
            return T.m_sin(product) / product
        case .besselJ0: return CephesBessel.j0(x)
        case .besselJ1: return CephesBessel.j1(x)
        case .besselY0: return CephesBessel.y0(x)
        case .besselY1: return CephesBessel.y1(x)
        case .modifiedBesselI0: return CephesBessel.modifiedI0(x)
        case .modifiedBesselI1: return CephesBessel.modifiedI1(x)
        case .modifiedBesselK0: return CephesBessel.modifiedK0(x)
        case .modifiedBesselK1: return CephesBessel.modifiedK1(x)
        case .scaledModifiedBesselK0: return CephesBessel.scaledModifiedK0(x)
        case .scaledModifiedBesselK1: return CephesBessel.scaledModifiedK1(x)
        case .airyAi: return CephesBessel.airyAi(x)
        case .sphericalBesselJ0: return CephesBessel.sphericalJ0(x)
        case .erfcx: return ScaledComplementaryError.erfcx(x)
        case .logNdtr: return ScaledComplementaryError.logNdtr(x)
        case .entr:
            if x.isNaN { return x }
            if x > 0 { return -x * T.m_log(x) }
            return x == 0 ? 0 : -.infinity
        case let .multigammaln(p):
            let term = T(Double(p * (p - 1)) * Double.m_log(Double.pi) * 0.25)
            return GammaFamily.multigammaln(x, p, logPiTerm: term)
        }
    }

    private static func digamma<T: RealElement>(_ x: T) -> T {
        if let f = x as? Float { return GammaFamily.digamma(f) as! T }
        return GammaFamily.digamma(x as! Double) as! T
    }
}

extension Tensor {
    /// The dtype a float-valued elementwise op computes in: floats keep theirs, the rest
    /// become float32 (PyTorch's default dtype).
    public static func specialResultType(_ dtype: DType) -> DType { dtype.floatResult() }

    /// `op` applied to every element.
    public func special(_ op: SpecialUnaryOp) throws(TensorError) -> Tensor {
        if op == .entr && (dtype == .float16 || dtype == .bfloat16) { return try reducedEntr() }
        if case let .polygamma(n) = op, n >= 2, dtype == .float16 || dtype == .bfloat16 { return try reducedPolygamma(n) }
        let result = Tensor.specialResultType(dtype)
        let compute: DType = result == .float64 ? .float64 : .float32
        let out: Tensor
        if op == .erfinv, let fns = MKLLibrary.shared?.vml["ErfInv"] {
            // PyTorch with MKL computes erfinv with VML's vsErfInv/vdErfInv (ATen's vml.h).
            let x = try to(compute).to(device: .cpu).contiguous()
            out = try Tensor(empty: sizes, dtype: compute)
            withExtendedLifetime(x) {
                if compute == .float32 {
                    VMLKernels.run(fns, Float.self, sizes, Operand(out), Operand(x))
                } else {
                    VMLKernels.run(fns, Double.self, sizes, Operand(out), Operand(x))
                }
            }
        } else if compute == .float32 {
            let v = try elements(as: Float.self)
            let r = v.map { op.apply($0) }
            out = try Tensor(values: r.map(Double.init), shape: sizes, dtype: .float32)
        } else {
            let v = try elements(as: Double.self)
            out = try Tensor(values: v.map { op.apply($0) }, shape: sizes, dtype: .float64)
        }
        let typed = result == compute ? out : try out.to(result)
        return device == .cpu ? typed : try typed.to(device: device)
    }

    /// `op(self, other)` after broadcasting, both operands already in `dtype`
    /// (float32/float64, or an integer dtype for gcd/lcm).
    public static func special(_ op: SpecialBinaryOp, _ a: Tensor, _ b: Tensor, dtype: DType) throws(TensorError) -> Tensor {
        if let complex = [dtype, a.dtype, b.dtype].first(where: { $0.isComplex }) {
            // PyTorch has no complex kernel for these; its errors, rather than a real-part result.
            if op == .heaviside { throw .notImplemented("heaviside is not yet implemented for complex tensors.") }
            throw .notImplemented("\"\(op)_cpu\" not implemented for '\(complex.scalarTypeName)'")
        }
        if op == .nextafter && (dtype == .float16 || dtype == .bfloat16) {
            return try reducedNextafter(a, b, dtype: dtype)
        }
        if (op == .xlogy || op == .xlog1py) && (dtype == .float16 || dtype == .bfloat16) {
            return try reducedXlogy(op, a, b, dtype: dtype)
        }
        if dtype == .float16 || dtype == .bfloat16 {
            return try special(op, a, b, dtype: .float32).to(dtype)
        }
        let shape = try Shape.broadcast(a.sizes, b.sizes)
        let device = a.device
        let ea = try a.to(dtype).to(device: .cpu).expand(shape), eb = try b.to(dtype).to(device: .cpu).expand(shape)
        let out: Tensor
        let integral = op == .gcd || op == .lcm || (op == .heaviside && !dtype.isFloatingPoint)
        switch op {
        case _ where integral:
            let va = try ea.contiguous().elements(as: Int64.self), vb = try eb.contiguous().elements(as: Int64.self)
            let f: (Int64, Int64) -> Int64 = switch op {
            case .gcd: ElementwisePairs.gcd
            case .lcm: ElementwisePairs.lcm
            default: { a, b in a == 0 ? b : (a > 0 ? 1 : 0) }
            }
            out = try Tensor(values: zip(va, vb).map(f), shape: shape, dtype: .int64).to(dtype)
        case .logaddexp, .logaddexp2:
            // The result takes its inputs' layout, and the loop walks them in TensorIterator's
            // order, so a transposed pair runs in memory order with vector lanes, as in PyTorch.
            out = try Tensor.iteratorOutput(shape, dtype: dtype, device: .cpu, inputs: [a, b])
            func run<T: RealElement>(_ t: T.Type) {
                let o = Operand(out), oa = Operand(ea), ob = Operand(eb)
                if op == .logaddexp {
                    if let s = SLEEFLibrary.shared {
                        VectorizedLoops.map2(LogAddExpFunction<T>(exp: s.exp(T.self), log1p: s.unary("log1p", T.self)), shape, o, oa, ob)
                    } else {
                        VectorizedLoops.map2(ScalarOnly(f: LogAddExpFunction<T>(exp: T.m_exp, log1p: T.m_log1p)), shape, o, oa, ob)
                    }
                } else {
                    if let s = SLEEFLibrary.shared {
                        VectorizedLoops.map2(LogAddExp2Function<T>(exp2: s.unary("exp2", T.self), log1p: s.unary("log1p", T.self)), shape, o, oa, ob)
                    } else {
                        VectorizedLoops.map2(ScalarOnly(f: LogAddExp2Function<T>(exp2: T.m_exp2, log1p: T.m_log1p)), shape, o, oa, ob)
                    }
                }
            }
            withExtendedLifetime((ea, eb)) { if dtype == .float32 { run(Float.self) } else { run(Double.self) } }
        default:
            if dtype == .float32 {
                let va = try ea.contiguous().elements(as: Float.self), vb = try eb.contiguous().elements(as: Float.self)
                let r = zip(va, vb).map { op.apply($0, $1) }
                out = try Tensor(values: r.map(Double.init), shape: shape, dtype: .float32)
            } else {
                let va = try ea.contiguous().elements(as: Double.self), vb = try eb.contiguous().elements(as: Double.self)
                out = try Tensor(values: zip(va, vb).map { op.apply($0, $1) }, shape: shape, dtype: .float64)
            }
        }
        return device == .cpu ? out : try out.to(device: device)
    }
}

extension SpecialBinaryOp {
    func apply<T: RealElement>(_ a: T, _ b: T) -> T {
        switch self {
        case .xlogy: ElementwisePairs.xlogy(a, b)
        case .xlog1py: ElementwisePairs.xlog1py(a, b)
        case .copysign: ElementwisePairs.copysign(a, b)
        case .nextafter: ElementwisePairs.nextafter(a, b)
        case .heaviside: ElementwisePairs.heaviside(a, b)
        case .zeta: GammaFamily.zeta(a, b)
        case .igamma: IncompleteGamma.igamma(a, b)
        case .igammac: IncompleteGamma.igammac(a, b)
        case let .polynomial(kind): OrthogonalPolynomials.evaluate(kind, a, b)
        case .logaddexp: LogAddExpFunction<T>(exp: T.m_exp, log1p: T.m_log1p).tail(a, b)
        case .logaddexp2: LogAddExp2Function<T>(exp2: T.m_exp2, log1p: T.m_log1p).tail(a, b)
        case .gcd, .lcm: preconditionFailure("integer op on floats")
        }
    }
}

extension Tensor {
    /// `nextafter` in float16/bfloat16: c10's overloads for the reduced types step one unit
    /// in the last place of the 16-bit format on its bit pattern (musl's algorithm), not of
    /// float32, so the neighbour is the next representable half or bfloat16.
    static func reducedNextafter(_ a: Tensor, _ b: Tensor, dtype: DType) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(a.sizes, b.sizes)
        let device = a.device
        func bits(_ t: Tensor) throws(TensorError) -> [Int16] {
            let c = try t.to(dtype).to(device: .cpu).expand(shape).contiguous()
            return try Tensor(storage: c.storage, sizes: c.sizes, strides: c.strides, offset: c.offset, dtype: .int16).elements(as: Int16.self)
        }
        let from = try bits(a), to = try bits(b)
        let exponentMask: UInt16 = dtype == .bfloat16 ? 0x7F80 : 0x7C00
        let quietNaN: UInt16 = dtype == .bfloat16 ? 0x7FC0 : 0x7E00
        let sign: UInt16 = 0x8000
        let r = zip(from, to).map { (f: Int16, t: Int16) -> Int16 in
            var x = UInt16(bitPattern: f)
            let y = UInt16(bitPattern: t)
            let absX = x & ~sign, absY = y & ~sign
            if absX > exponentMask || absY > exponentMask { return Int16(bitPattern: quietNaN) }
            if x == y { return f }
            if absX == 0 {
                if absY == 0 { return t }
                return Int16(bitPattern: (y & sign) | 1)
            }
            if absX > absY || (x ^ y) & sign != 0 { x &-= 1 } else { x &+= 1 }
            return Int16(bitPattern: x)
        }
        let raw = try Tensor(values: r.map(Double.init), shape: shape, dtype: .int16)
        let out = Tensor(storage: raw.storage, sizes: raw.sizes, strides: raw.strides, offset: raw.offset, dtype: dtype)
        return device == .cpu ? out : try out.to(device: device)
    }
}

extension Tensor {
    /// `xlogy`/`xlog1py` in float16/bfloat16. ATen's kernels are scalar `cpu_kernel`s over the
    /// reduced type itself: `std::log(y)` of a Half or BFloat16 returns that type (rounded),
    /// and `x * it` rounds again; one rounding of the float product differs in the last bit.
    static func reducedXlogy(_ op: SpecialBinaryOp, _ a: Tensor, _ b: Tensor, dtype: DType) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(a.sizes, b.sizes)
        let device = a.device
        func floats(_ t: Tensor) throws(TensorError) -> [Float] {
            try t.to(dtype).to(device: .cpu).to(.float32).expand(shape).contiguous().elements(as: Float.self)
        }
        let x = try floats(a), y = try floats(b)
        let inner = y.map { op == .xlogy ? Float.m_log($0) : Float.m_log1p($0) }
        let rounded = try Tensor(values: inner.map(Double.init), shape: shape, dtype: .float32).to(dtype).to(.float32).elements(as: Float.self)
        var r = [Double](repeating: 0, count: x.count)
        for i in r.indices {
            r[i] = y[i].isNaN ? .nan : (x[i] == 0 ? 0 : Double(x[i] * rounded[i]))
        }
        let out = try Tensor(values: r, shape: shape, dtype: .float32).to(dtype)
        return device == .cpu ? out : try out.to(device: device)
    }

    /// `entr` in float16/bfloat16: ATen's scalar `cpu_kernel` over the reduced type, where
    /// `std::log(x)` returns that type (rounded) before `-x * it` rounds again.
    func reducedEntr() throws(TensorError) -> Tensor {
        let x = try to(device: .cpu).to(.float32).contiguous().elements(as: Float.self)
        let logs = try Tensor(values: x.map { Double(Float.m_log($0)) }, shape: sizes, dtype: .float32)
            .to(dtype).to(.float32).elements(as: Float.self)
        var r = [Double](repeating: 0, count: x.count)
        for i in r.indices {
            let v = x[i]
            r[i] = v.isNaN ? Double(v) : (v > 0 ? Double(-v * logs[i]) : (v == 0 ? 0 : -.infinity))
        }
        let out = try Tensor(values: r, shape: sizes, dtype: .float32).to(dtype)
        return device == .cpu ? out : try out.to(device: device)
    }
}
