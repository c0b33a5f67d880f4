/// `lerp`, `addcmul` and `addcdiv` over three broadcast operands, with the formulas and
/// fused multiply-adds of PyTorch's CPU kernels (GCC contracts both the vector lanes and the
/// scalar tail in the AVX2 build, so every element is computed the same way):
/// lerp `fma(w, end − start, start)` for |w| < 0.5, else `fma(w − 1, end − start, end)`;
/// addcmul `fma(value·t1, t2, self)`; addcdiv `self + value·t1/t2`.
public enum PointwiseTernary: Sendable, Equatable {
    case lerp
    case addcmul(value: Double)
    case addcdiv(value: Double)
}

extension Tensor {
    /// `op(a, b, c)` broadcast together, all operands converted to `dtype`. For `lerp`, a is
    /// start, b end and c the weight; for addcmul/addcdiv, a is self and b, c the factors.
    public static func pointwise(_ op: PointwiseTernary, _ a: Tensor, _ b: Tensor, _ c: Tensor, dtype: DType) throws(TensorError) -> Tensor {
        try checkPointwiseDType(op, dtype, scalarWeight: false)
        let shape = try Shape.broadcast(try Shape.broadcast(a.sizes, b.sizes), c.sizes)
        let device = a.device
        // The optimizers' case (operands already of the result's shape and dtype, on the
        // CPU): the typed kernel of PointwiseUpdate, the same formulas without conversions.
        if shape == a.sizes, a.dtype == dtype, dtype == .float32 || dtype == .float64,
           a.device == .cpu, b.device == .cpu, c.device == .cpu {
            switch op {
            case let .addcmul(value): return try PointwiseUpdate.apply(.addcmul(value: value), a, b, c, inPlace: false)
            case let .addcdiv(value): return try PointwiseUpdate.apply(.addcdiv(value: value), a, b, c, inPlace: false)
            case .lerp where c.numel == 1 && c.rank == 0:
                return try PointwiseUpdate.apply(.lerp(weight: try c.item().doubleValue), a, b, b, inPlace: false)
            case .lerp: break
            }
        }
        func host(_ t: Tensor) throws(TensorError) -> Tensor { try t.to(dtype).to(device: .cpu).expand(shape).contiguous() }
        // A float weight of a float16/bfloat16 lerp is lerp.Scalar's number, which ATen reads
        // as float (opmath), never rounded to the element type.
        let floatWeight = op == .lerp && (dtype == .float16 || dtype == .bfloat16) && c.dtype == .float32 && c.rank == 0
        let ha = try host(a), hb = try host(b)
        let hc = floatWeight ? try c.to(device: .cpu).expand(shape).contiguous() : try host(c)
        let out: Tensor
        if dtype.isFloatingPoint {
            let compute: DType = dtype == .float64 ? .float64 : .float32
            if compute == .float32 {
                let r = Self.ternary(op, try ha.elements(as: Float.self), try hb.elements(as: Float.self), try hc.elements(as: Float.self))
                out = try Tensor(values: r.map(Double.init), shape: shape, dtype: .float32).to(dtype)
            } else {
                let r = Self.ternary(op, try ha.elements(as: Double.self), try hb.elements(as: Double.self), try hc.elements(as: Double.self))
                out = try Tensor(values: r, shape: shape, dtype: .float64)
            }
        } else {
            let x = try ha.elements(as: Int64.self), y = try hb.elements(as: Int64.self), z = try hc.elements(as: Int64.self)
            var r = [Int64](repeating: 0, count: x.count)
            switch op {
            case let .addcmul(value):
                let v = Int64(value)
                for i in r.indices { r[i] = x[i] &+ v &* y[i] &* z[i] }
            case .lerp, .addcdiv:
                // checkPointwiseDType refused these above.
                throw TensorError.notImplemented("\"\(op)\" not implemented for '\(dtype.scalarTypeName)'")
            }
            out = try Tensor(values: r, shape: shape, dtype: .int64).to(dtype)
        }
        return device == .cpu ? out : try out.to(device: device)
    }

    /// PyTorch's refusals before its kernels run: lerp has floating kernels only (named
    /// after the weight's kind, `lerp_kernel_scalar` for a number), addcdiv refuses integer
    /// division, addcmul has no bool kernel. Every caller reaches these checks, so an integer
    /// or bool operand raises PyTorch's error instead of reaching an integer loop.
    public static func checkPointwiseDType(_ op: PointwiseTernary, _ dtype: DType, scalarWeight: Bool) throws(TensorError) {
        switch op {
        case .lerp where !dtype.isFloatingOrComplex:
            throw .notImplemented("\"lerp_kernel_\(scalarWeight ? "scalar" : "tensor")\" not implemented for '\(dtype.scalarTypeName)'")
        case .addcdiv where !dtype.isFloatingOrComplex:
            throw .runtime("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.")
        case .addcmul where dtype.isComplex, .addcdiv where dtype.isComplex:
            // PyTorch has complex kernels for these; Gradbook's ternary loops are real only.
            throw .notImplemented("Gradbook has no complex kernel for \(String(describing: op).prefix { $0 != "(" }) yet ('\(dtype.scalarTypeName)')")
        case .addcmul where dtype == .bool:
            throw .notImplemented("\"addcmul_cpu_out\" not implemented for 'Bool'")
        default:
            break
        }
    }

    static func ternary<T: RealElement>(_ op: PointwiseTernary, _ a: [T], _ b: [T], _ c: [T]) -> [T] {
        var r = [T](repeating: 0, count: a.count)
        switch op {
        case .lerp:
            for i in r.indices {
                let w = c[i], d = b[i] - a[i]
                r[i] = Swift.abs(w) < 0.5 ? a[i].addingProduct(w, d) : b[i].addingProduct(w - 1, d)
            }
        case let .addcmul(value):
            let v = T(value)
            for i in r.indices { r[i] = a[i].addingProduct(v * b[i], c[i]) }
        case let .addcdiv(value):
            let v = T(value)
            for i in r.indices { r[i] = a[i] + v * b[i] / c[i] }
        }
        return r
    }
}
