/// `a * b + c` rounded once, element by element: what PyTorch's CPU kernels compute where
/// the compiler contracts a product and a sum into one FMA instruction (the linear
/// `linalg.cross` kernel), so the same last bits come out.
extension LinalgKernels {
    public static func fusedMultiplyAdd(_ a: Tensor, _ b: Tensor, _ c: Tensor) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(try Shape.broadcast(a.sizes, b.sizes), c.sizes)
        func run<T: TensorElement & BinaryFloatingPoint>(_: T.Type) throws(TensorError) -> Tensor {
            let x = try a.expand(shape).elements(as: T.self), y = try b.expand(shape).elements(as: T.self)
            let z = try c.expand(shape).elements(as: T.self)
            var out = [Double](repeating: 0, count: x.count)
            for i in 0..<x.count { out[i] = Double(z[i].addingProduct(x[i], y[i])) }
            return try Tensor(values: out, shape: shape, dtype: a.dtype)
        }
        guard a.dtype == b.dtype, b.dtype == c.dtype else { throw .runtime("fused multiply-add needs one dtype") }
        return try typed(a.dtype) { t throws(TensorError) in try run(t) }
    }
}
