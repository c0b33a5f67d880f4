#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensors

/// `_cdist_forward` (CdistBackward0): distances between the rows of `x1` (…, r1, m) and
/// `x2` (…, r2, m), each accumulated over the m columns in order in the element type, as
/// ATen's CPU kernel does; the gradient sums each pair's term row by row.
extension Differentiable {
    public static func cdistDirect(_ x1: Tensor, _ x2: Tensor, p: Double) throws(TensorError) -> Tensor {
        let out = x1.dtype == .float64 ? try cdistValues(Double.self, x1, x2, p) : try cdistValues(Float.self, x1, x2, p)
        guard isRecording(x1, x2) else { return out }
        let m1 = TensorMeta(x1), m2 = TensorMeta(x2)
        return try record("CdistBackward0", [x1, x2], out, save: [x1, x2], saveOutput: true) { ctx in
            let a = try ctx.saved(0), b = try ctx.saved(1), dist = try ctx.saved(2)
            let g = ctx.grad
            let g1 = ctx.needs(0) ? try cdistGradient(a, b, g, dist, p: p, transposed: false) : nil
            let g2 = ctx.needs(1) ? try cdistGradient(b, a, g, dist, p: p, transposed: true) : nil
            return [try g1.map { t throws(TensorError) in try reduce(t, to: m1) }, try g2.map { t throws(TensorError) in try reduce(t, to: m2) }]
        }
    }

    static func cdistValues<T: BinaryFloatingPoint & ElementaryPowers>(_: T.Type, _ x1: Tensor, _ x2: Tensor, _ p: Double) throws(TensorError) -> Tensor {
        let r1 = x1.sizes[x1.rank - 2], r2 = x2.sizes[x2.rank - 2], m = x1.sizes[x1.rank - 1]
        let batch = x1.numel / Swift.max(r1 * m, 1)
        let a = try x1.contiguous().elementsAsDouble().map { T($0) }, b = try x2.contiguous().elementsAsDouble().map { T($0) }
        let tp = T(p)
        var out = [Double](repeating: 0, count: batch * r1 * r2)
        for n in 0..<batch {
            for i in 0..<r1 {
                for j in 0..<r2 {
                    var agg: T = 0
                    for k in 0..<m {
                        let d = Swift.abs(a[(n * r1 + i) * m + k] - b[(n * r2 + j) * m + k])
                        if p == 0 { agg += d != 0 ? 1 : 0 }
                        else if p == 1 { agg += d }
                        else if p == 2 { agg += d * d }
                        else if p.isInfinite { agg = Swift.max(agg, d) }
                        else { agg += T.power(d, tp) }
                    }
                    let v: T = p == 2 ? agg.squareRoot() : (p == 0 || p == 1 || p.isInfinite) ? agg : T.power(agg, 1 / tp)
                    out[(n * r1 + i) * r2 + j] = Double(v)
                }
            }
        }
        var shape = Array(x1.sizes.dropLast(2))
        shape += [r1, r2]
        return try Tensor(values: out, shape: shape, dtype: x1.dtype, device: x1.device)
    }

    /// `_cdist_backward` for the rows of `a` against those of `b`: each row's gradient
    /// is the sum over `b`'s rows, in order, of the pair's term.
    static func cdistGradient(_ a: Tensor, _ b: Tensor, _ grad: Tensor, _ dist: Tensor, p: Double, transposed: Bool) throws(TensorError) -> Tensor {
        func run<T: BinaryFloatingPoint & ElementaryPowers>(_: T.Type) throws(TensorError) -> Tensor {
            let ra = a.sizes[a.rank - 2], rb = b.sizes[b.rank - 2], m = a.sizes[a.rank - 1]
            let batch = a.numel / Swift.max(ra * m, 1)
            let av = try a.contiguous().elementsAsDouble().map { T($0) }, bv = try b.contiguous().elementsAsDouble().map { T($0) }
            let gv = try grad.contiguous().elementsAsDouble().map { T($0) }, dv = try dist.contiguous().elementsAsDouble().map { T($0) }
            let tp = T(p)
            var out = [Double](repeating: 0, count: av.count)
            for n in 0..<batch {
                for i in 0..<ra {
                    for k in 0..<m {
                        var acc: T = 0
                        for j in 0..<rb {
                            // grad and dist are (…, r1, r2): a transposed call reads them by column.
                            let at = transposed ? (n * rb + j) * ra + i : (n * ra + i) * rb + j
                            let g = gv[at], d = dv[at]
                            let diff = av[(n * ra + i) * m + k] - bv[(n * rb + j) * m + k]
                            let term: T
                            if p == 1 { term = g * (diff > 0 ? 1 : diff < 0 ? -1 : 0) }
                            else if p == 2 { term = d == 0 ? 0 : g * diff / d }
                            else if p.isInfinite {
                                let sign: T = diff > 0 ? 1 : diff < 0 ? -1 : 0
                                term = g * sign * (1 - Swift.min(1, (Swift.abs(Swift.abs(diff) - d)).rounded(.up)))
                            } else if p == 0 { term = 0 }
                            else { term = d == 0 ? 0 : diff * T.power(Swift.abs(diff), tp - 2) * g / T.power(d, tp - 1) }
                            acc = acc + term
                        }
                        out[(n * ra + i) * m + k] = Double(acc)
                    }
                }
            }
            return try Tensor(values: out, shape: a.sizes, dtype: a.dtype, device: a.device)
        }
        return a.dtype == .float64 ? try run(Double.self) : try run(Float.self)
    }
}

/// `pow` from the C library for the element type.
public protocol ElementaryPowers { static func power(_ x: Self, _ y: Self) -> Self }
extension Float: ElementaryPowers { public static func power(_ x: Float, _ y: Float) -> Float { powf(x, y) } }
extension Double: ElementaryPowers { public static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) } }
