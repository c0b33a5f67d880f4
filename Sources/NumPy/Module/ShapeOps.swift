import Interpreter
import Tensors

extension NumPyRuntime {
    func builtin(_ interp: Interpreter, _ name: String) throws -> PyValue {
        try interp.getAttribute(.object(try interp.importModule("builtins")), name)
    }

    /// Fills in one `-1` and checks the element count, with NumPy's message.
    func resolveReshape(_ a: NDArray, _ shapeIn: [Int]) throws -> [Int] {
        var shape = shapeIn
        let unknown = shape.indices.filter { shape[$0] == -1 }
        if unknown.count > 1 { throw PyError.valueError("can only specify one unknown dimension") }
        let known = shape.filter { $0 != -1 }.reduce(1, *)
        if let u = unknown.first {
            if known == 0 || a.size % known != 0 {
                throw PyError.valueError("cannot reshape array of size \(a.size) into shape \(ArrayPrinter.shapeText(shapeIn).replacingSpaces())")
            }
            shape[u] = a.size / known
        }
        if shape.reduce(1, *) != a.size {
            throw PyError.valueError("cannot reshape array of size \(a.size) into shape \(ArrayPrinter.shapeText(shapeIn).replacingSpaces())")
        }
        return shape
    }

    /// `reshape`: a view when the layout allows (contiguous input), else a copy.
    func reshape(_ a: NDArray, _ shapeIn: [Int], order: String = "C") throws -> NDArray {
        let shape = try resolveReshape(a, shapeIn)
        if order == "F" {
            let t = transpose(a, nil)
            let r = try reshape(t, Array(shape.reversed()))
            return transpose(r, nil)
        }
        if a.isCContiguous { return a.reshapedView(shape) }
        return try a.copy().reshapedView(shape)
    }

    func transpose(_ a: NDArray, _ perm: [Int]?) -> NDArray {
        let p = perm ?? Array((0..<a.ndim).reversed())
        return a.view(shape: p.map { a.shape[$0] }, strides: p.map { a.elementStrides[$0] }, offset: a.tensor.offset)
    }

    /// `np.round(a, decimals)`: NumPy scales, rounds half to even, and scales back.
    func roundArray(_ a: NDArray, _ decimals: Int) throws -> NDArray {
        if !a.dtype.isFloatingPoint {
            if decimals >= 0 { return try a.copy() }
            var p: Int64 = 1
            for _ in 0..<(-decimals) { p *= 10 }
            let r = a.int64s().map { v -> Int64 in
                let q = Double(v) / Double(p)
                return Int64(q.rounded(.toNearestOrEven)) * p
            }
            return try NDArray.make(int64s: r, shape: a.shape, dtype: a.dtype)
        }
        let f32 = a.dtype != .float64
        let r = a.doubles().map { x -> Double in
            if decimals == 0 { return x.rounded(.toNearestOrEven) }
            if f32 {
                var f: Float = 1
                for _ in 0..<abs(decimals) { f *= 10 }
                let xf = Float(x)
                return decimals > 0 ? Double((xf * f).rounded(.toNearestOrEven) / f) : Double((xf / f).rounded(.toNearestOrEven) * f)
            }
            var f = 1.0
            for _ in 0..<abs(decimals) { f *= 10 }
            return decimals > 0 ? (x * f).rounded(.toNearestOrEven) / f : (x / f).rounded(.toNearestOrEven) * f
        }
        return try NDArray.make(doubles: r, shape: a.shape, dtype: a.dtype)
    }

    /// `np.matmul` for 1-d and (batched) 2-d operands; float64 products go through BLAS
    /// order-insensitive loops summed left to right per output element.
    func matmul(_ interp: Interpreter, _ x: NDArray, _ y: NDArray) throws -> NDArray {
        if x.ndim == 0 || y.ndim == 0 {
            throw PyError.valueError("matmul: Input operand \(x.ndim == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
        }
        let a = x.ndim == 1 ? x.view(shape: [1, x.shape[0]], strides: [0, x.elementStrides[0]], offset: x.tensor.offset) : x
        let b = y.ndim == 1 ? y.view(shape: [y.shape[0], 1], strides: [y.elementStrides[0], 0], offset: y.tensor.offset) : y
        let n = a.shape[a.ndim - 2], k = a.shape[a.ndim - 1], k2 = b.shape[b.ndim - 2], m = b.shape[b.ndim - 1]
        if k != k2 {
            throw PyError.valueError("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(k2) is different from \(k))")
        }
        let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
        let batch = try Broadcast.shape([batchA, batchB])
        let t = DType.numpyPromote(x.dtype, y.dtype)
        let av = t.isFloatingPoint ? Broadcast.doubles(a, to: batch + [n, k]) : Broadcast.ints(a, to: batch + [n, k]).map { Double($0) }
        let bv = t.isFloatingPoint ? Broadcast.doubles(b, to: batch + [k, m]) : Broadcast.ints(b, to: batch + [k, m]).map { Double($0) }
        let nb = batch.reduce(1, *)
        var out = [Double](repeating: 0, count: nb * n * m)
        var outInt = [Int64](repeating: 0, count: t.isFloatingPoint ? 0 : nb * n * m)
        let ai = t.isFloatingPoint ? [] : Broadcast.ints(a, to: batch + [n, k])
        let bi = t.isFloatingPoint ? [] : Broadcast.ints(b, to: batch + [k, m])
        let round: (Double) -> Double = t == .float32 ? { Double(Float($0)) } : { $0 }
        for p in 0..<nb {
            for i in 0..<n {
                for j in 0..<m {
                    if t.isFloatingPoint {
                        var s = 0.0
                        for q in 0..<k {
                            let x: Double = av[p * n * k + i * k + q], y: Double = bv[p * k * m + q * m + j]
                            s = round(s + round(x * y))
                        }
                        out[p * n * m + i * m + j] = s
                    } else {
                        var s: Int64 = 0
                        for q in 0..<k {
                            let x: Int64 = ai[p * n * k + i * k + q], y: Int64 = bi[p * k * m + q * m + j]
                            s = s &+ x &* y
                        }
                        outInt[p * n * m + i * m + j] = s
                    }
                }
            }
        }
        var shape = batch
        if x.ndim > 1 { shape.append(n) }
        if y.ndim > 1 { shape.append(m) }
        if t.isFloatingPoint { return try NDArray.make(doubles: out, shape: shape, dtype: t) }
        return try NDArray.make(int64s: outInt, shape: shape, dtype: t)
    }
}
