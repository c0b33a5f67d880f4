import CBLAS
import Interpreter
import Tensors

extension String {
    /// NumPy's reshape error prints an unknown dimension as `newaxis`.
    func replacingMinusOne() -> String {
        String(split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            var p = String(part)
            if p == "-1" { p = "newaxis" } else if p == "(-1" { p = "(newaxis" } else if p == "-1)" { p = "newaxis)" } else if p == "(-1)" { p = "(newaxis)" }
            return p
        }.joined(separator: ","))
    }
}

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
                throw PyError.valueError("cannot reshape array of size \(a.size) into shape \(ArrayPrinter.shapeText(shapeIn).replacingSpaces().replacingMinusOne())")
            }
            shape[u] = a.size / known
        }
        if shape.reduce(1, *) != a.size {
            throw PyError.valueError("cannot reshape array of size \(a.size) into shape \(ArrayPrinter.shapeText(shapeIn).replacingSpaces().replacingMinusOne())")
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
        if t == .float64 || t == .float32 {
            return try blasMatmul(x, y, a, b, batch: batch, n: n, k: k, m: m, dtype: t)
        }
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

extension NumPyRuntime {
    /// How NumPy's matmul loop can hand an operand to BLAS: C order, Fortran order
    /// (a transposed C array, passed with a Trans flag), or not at all.
    private enum BlasLayout { case c, f, none }

    private func layout(_ v: NDArray) -> BlasLayout {
        if v.ndim == 1 { return v.size <= 1 || v.elementStrides[0] == 1 ? .c : .none }
        if v.ndim != 2 { return .c }
        if v.isCContiguous { return .c }
        if v.isFContiguous { return .f }
        return .none
    }

    /// float64/float32 matmul as NumPy's matmul loops do it: `dot` for vector·vector,
    /// `gemv`/`gemm` on OpenBLAS when the operands are blasable (with Trans flags for
    /// Fortran-ordered ones), and the plain loop otherwise.
    func blasMatmul(_ x: NDArray, _ y: NDArray, _ a: NDArray, _ b: NDArray, batch: [Int], n: Int, k: Int, m: Int,
                    dtype t: DType) throws -> NDArray {
        let nb = batch.reduce(1, *)
        var out = [Double](repeating: 0, count: nb * n * m)
        let single = t == .float32
        let round: (Double) -> Double = single ? { Double(Float($0)) } : { $0 }
        var shape = batch
        if x.ndim > 1 { shape.append(n) }
        if y.ndim > 1 { shape.append(m) }
        let lx = layout(x), ly = layout(y)
        if nb == 1 && x.ndim <= 2 && y.ndim <= 2 && k > 0 && n > 0 && m > 0 {
            if x.ndim == 1 && y.ndim == 1 {
                // dot: strided vectors go to BLAS with their increments
                let sx = x.elementStrides[0] > 0 ? x.elementStrides[0] : 1, sy = y.elementStrides[0] > 0 ? y.elementStrides[0] : 1
                let xv = x.doubles(), yv = y.doubles()
                var X = [Double](repeating: 0, count: (k - 1) * sx + 1), Y = [Double](repeating: 0, count: (k - 1) * sy + 1)
                for i in 0..<k { X[i * sx] = xv[i]; Y[i * sy] = yv[i] }
                if single {
                    let Xf = X.map { Float($0) }, Yf = Y.map { Float($0) }
                    out[0] = Double(cblas_sdot(Int32(k), Xf, Int32(sx), Yf, Int32(sy)))
                } else {
                    out[0] = cblas_ddot(Int32(k), X, Int32(sx), Y, Int32(sy))
                }
                return try NDArray.make(doubles: out, shape: shape, dtype: t)
            }
            if x.ndim == 1 && y.ndim == 2 && lx == .none && ly == .c && x.elementStrides[0] > 0 && !single {
                // strided vector · matrix: gemv on the transposed matrix with the vector's increment
                let inc = x.elementStrides[0]
                let xv = x.doubles(), yd = y.doubles()
                var X = [Double](repeating: 0, count: (k - 1) * inc + 1)
                for i in 0..<k { X[i * inc] = xv[i] }
                cblas_dgemv(CblasRowMajor, CblasTrans, Int32(k), Int32(m), 1, yd, Int32(m), X, Int32(inc), 0, &out, 1)
                return try NDArray.make(doubles: out, shape: shape, dtype: t)
            }
            if y.ndim == 1 && x.ndim == 2 && lx != .none && ly == .none && y.elementStrides[0] > 0 {
                // matrix · strided vector: gemv takes the vector's increment
                let inc = y.elementStrides[0]
                let xd = lx == .f ? transpose(x, nil).doubles() : x.doubles()
                let yv = y.doubles()
                var Y = [Double](repeating: 0, count: (k - 1) * inc + 1)
                for i in 0..<k { Y[i * inc] = yv[i] }
                let n32 = Int32(n), k32 = Int32(k)
                if single {
                    let A = xd.map { Float($0) }, B = Y.map { Float($0) }
                    var C = [Float](repeating: 0, count: n)
                    if lx == .c { cblas_sgemv(CblasRowMajor, CblasNoTrans, n32, k32, 1, A, k32, B, Int32(inc), 0, &C, 1) }
                    else { cblas_sgemv(CblasRowMajor, CblasTrans, k32, n32, 1, A, n32, B, Int32(inc), 0, &C, 1) }
                    out = C.map { Double($0) }
                } else {
                    if lx == .c { cblas_dgemv(CblasRowMajor, CblasNoTrans, n32, k32, 1, xd, k32, Y, Int32(inc), 0, &out, 1) }
                    else { cblas_dgemv(CblasRowMajor, CblasTrans, k32, n32, 1, xd, n32, Y, Int32(inc), 0, &out, 1) }
                }
                return try NDArray.make(doubles: out, shape: shape, dtype: t)
            }
            if lx != .none && ly != .none {
                // the operands' data in C order of themselves or of their transposes
                let xd = lx == .f ? transpose(x, nil).doubles() : x.doubles()
                let yd = ly == .f ? transpose(y, nil).doubles() : y.doubles()
                let n32 = Int32(n), k32 = Int32(k), m32 = Int32(m)
                if single {
                    let A = xd.map { Float($0) }, B = yd.map { Float($0) }
                    var C = [Float](repeating: 0, count: n * m)
                    if y.ndim == 1 {
                        if lx == .c { cblas_sgemv(CblasRowMajor, CblasNoTrans, n32, k32, 1, A, k32, B, 1, 0, &C, 1) }
                        else { cblas_sgemv(CblasRowMajor, CblasTrans, k32, n32, 1, A, n32, B, 1, 0, &C, 1) }
                    } else if x.ndim == 1 {
                        if ly == .c { cblas_sgemv(CblasColMajor, CblasNoTrans, m32, k32, 1, B, m32, A, 1, 0, &C, 1) }
                        else { cblas_sgemv(CblasRowMajor, CblasNoTrans, m32, k32, 1, B, k32, A, 1, 0, &C, 1) }
                    } else {
                        cblas_sgemm(CblasRowMajor, lx == .c ? CblasNoTrans : CblasTrans, ly == .c ? CblasNoTrans : CblasTrans,
                                    n32, m32, k32, 1, A, lx == .c ? k32 : n32, B, ly == .c ? m32 : k32, 0, &C, m32)
                    }
                    out = C.map { Double($0) }
                } else {
                    if y.ndim == 1 {
                        if lx == .c { cblas_dgemv(CblasRowMajor, CblasNoTrans, n32, k32, 1, xd, k32, yd, 1, 0, &out, 1) }
                        else { cblas_dgemv(CblasRowMajor, CblasTrans, k32, n32, 1, xd, n32, yd, 1, 0, &out, 1) }
                    } else if x.ndim == 1 {
                        if ly == .c { cblas_dgemv(CblasColMajor, CblasNoTrans, m32, k32, 1, yd, m32, xd, 1, 0, &out, 1) }
                        else { cblas_dgemv(CblasRowMajor, CblasNoTrans, m32, k32, 1, yd, k32, xd, 1, 0, &out, 1) }
                    } else {
                        cblas_dgemm(CblasRowMajor, lx == .c ? CblasNoTrans : CblasTrans, ly == .c ? CblasNoTrans : CblasTrans,
                                    n32, m32, k32, 1, xd, lx == .c ? k32 : n32, yd, ly == .c ? m32 : k32, 0, &out, m32)
                    }
                }
                return try NDArray.make(doubles: out, shape: shape, dtype: t)
            }
        }
        // the loop NumPy uses when BLAS cannot take the operands
        let av = Broadcast.doubles(a, to: batch + [n, k]), bv = Broadcast.doubles(b, to: batch + [k, m])
        for p in 0..<nb {
            for i in 0..<n {
                for j in 0..<m {
                    var acc = 0.0
                    for q in 0..<k {
                        let u: Double = av[p * n * k + i * k + q], w: Double = bv[p * k * m + q * m + j]
                        // NumPy's inner loop is compiled with FMA contraction
                        acc = single ? Double(Float(acc).addingProduct(Float(u), Float(w))) : acc.addingProduct(u, w)
                    }
                    out[p * n * m + i * m + j] = acc
                }
            }
        }
        return try NDArray.make(doubles: out, shape: shape, dtype: t)
    }
}
