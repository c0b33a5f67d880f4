/// `cdist_backward_stub` (ATen's `Dist<scalar_t>::run_backward_parallel_cdist`): for each
/// row i of x1 and each column, 0 + term(row 0 of x2) + term(row 1) + … in x2's row order.
/// The kernel works on `Vectorized<T>` columns (threads split whole column chunks, and the
/// last m mod lanes columns are a partial vector), but every lane computes the same formula
/// independently, so the values do not depend on the width; what matters is that each term
/// is the vector formula, with `Vectorized<T>::pow` = SLEEF's u10 pow in every column.
/// Registered with `REGISTER_DISPATCH`: the AVX2 build on AVX-512 CPUs too.
///
/// Terms, with diff = x1 − x2, g the incoming gradient and dist the forward's distance
/// (the case chosen by the double p, the formulas with p as the element type):
/// - p = 1: g · sign(diff);
/// - p < 2 (`lttdist_calc`): 0 if dist = 0, else sign(diff) · pow(|diff|, p−1) · g /
///   pow(dist, p−1), then 0 where diff = 0 and p < 1;
/// - p = 2: 0 if dist = 0, else g · diff / dist;
/// - p = ∞: g · sign(diff) · (1 − min(1, ceil(||diff| − dist|)));
/// - other p: 0 if dist = 0, else diff · pow(|diff|, p−2) · g / pow(dist, p−1);
/// - p = 0: no term (the gradient is zero).
/// sign(v) is ATen's min(max(0, ceil v), 1) + min(max(−1, floor v), 0).
struct CdistBackwardTerm<T: RealElement> {
    enum Norm { case one, belowTwo, two, infinity, general }
    /// Chosen from the double p (`apply_backward_cdist`); the formula uses p as T.
    let norm: Norm
    let p: T
    let pow: (T, T) -> T

    init(p: Double, pow: @escaping (T, T) -> T) {
        norm = p == 1 ? .one : p < 2 ? .belowTwo : p == 2 ? .two : p.isInfinite ? .infinity : .general
        self.p = T(p)
        self.pow = pow
    }

    /// `vec::minimum` / `vec::maximum`: NaN when either side is NaN.
    @inline(__always) static func minimum(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
    @inline(__always) static func maximum(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }

    @inline(__always) static func sign(_ v: T) -> T {
        minimum(maximum(0, v.rounded(.up)), 1) + minimum(maximum(-1, v.rounded(.down)), 0)
    }

    @inline(__always) func callAsFunction(_ diff: T, _ g: T, _ dist: T) -> T {
        let sign = Self.sign
        switch norm {
        case .one: return g * sign(diff)
        case .infinity: return g * sign(diff) * (1 - Self.minimum(1, Swift.abs(Swift.abs(diff) - dist).rounded(.up)))
        case .belowTwo:
            if diff == 0 && p < 1 { return 0 }
            return dist == 0 ? 0 : sign(diff) * pow(Swift.abs(diff), p - 1) * g / pow(dist, p - 1)
        case .two: return dist == 0 ? 0 : g * diff / dist
        case .general: return dist == 0 ? 0 : diff * pow(Swift.abs(diff), p - 2) * g / pow(dist, p - 1)
        }
    }
}

enum CdistBackward {
    static func run<T: RealElement>(_: T.Type, grad: UnsafePointer<T>, x1: UnsafePointer<T>, x2: UnsafePointer<T>, dist: UnsafePointer<T>,
                                    out: UnsafeMutablePointer<T>, batch: Int, r1: Int, r2: Int, m: Int, p: Double) {
        guard p != 0 else {
            out.update(repeating: 0, count: batch * r1 * m)
            return
        }
        let term = CdistBackwardTerm<T>(p: p, pow: SLEEFLibrary.shared?.pow(T.self) ?? { T.m_pow($0, $1) })
        for l in 0..<batch {
            for i in 0..<r1 {
                let a = x1 + (l * r1 + i) * m
                let pair = (l * r1 + i) * r2
                for x in 0..<m {
                    var acc: T = 0
                    for j in 0..<r2 {
                        acc = acc + term(a[x] - x2[(l * r2 + j) * m + x], grad[pair + j], dist[pair + j])
                    }
                    out[(l * r1 + i) * m + x] = acc
                }
            }
        }
    }
}

extension Tensor {
    /// `_cdist_backward(grad, x1, x2, p, cdist)` for float32/float64: the gradient for the
    /// rows of `x1` (…, r1, m) against `x2` (…, r2, m) (same batch dimensions), `grad` and
    /// `dist` shaped (…, r1, r2). The x2 gradient is this with the operands swapped and
    /// `grad`, `dist` transposed, as derivatives.yaml calls it.
    public static func cdistBackwardValues(_ grad: Tensor, _ x1: Tensor, _ x2: Tensor, p: Double, dist: Tensor) throws(TensorError) -> Tensor {
        let (a, b) = try cdistOperands(x1, x2)
        let r1 = a.sizes[a.rank - 2], r2 = b.sizes[b.rank - 2], m = a.sizes[a.rank - 1]
        let pairs = Array(a.sizes.dropLast(2)) + [r1, r2]
        guard grad.dtype == a.dtype, dist.dtype == a.dtype else {
            throw .runtime("expected scalar type \(a.dtype.scalarTypeName) but found \((grad.dtype == a.dtype ? dist : grad).dtype.scalarTypeName)")
        }
        guard a.sizes.dropLast(2) == b.sizes.dropLast(2), b.sizes.last == m, grad.sizes == pairs, dist.sizes == pairs else {
            throw .shape("_cdist_backward: x1 \(a.sizes), x2 \(b.sizes), grad \(grad.sizes) and cdist \(dist.sizes) do not agree")
        }
        let g = try grad.to(device: .cpu).contiguous(), d = try dist.to(device: .cpu).contiguous()
        let batch = a.sizes.dropLast(2).reduce(1, *)
        let out = try Tensor(empty: a.sizes, dtype: a.dtype)
        if a.dtype == .float32 {
            CdistBackward.run(Float.self, grad: g.pointer(Float.self), x1: a.pointer(Float.self), x2: b.pointer(Float.self),
                              dist: d.pointer(Float.self), out: out.pointer(Float.self), batch: batch, r1: r1, r2: r2, m: m, p: p)
        } else {
            CdistBackward.run(Double.self, grad: g.pointer(Double.self), x1: a.pointer(Double.self), x2: b.pointer(Double.self),
                              dist: d.pointer(Double.self), out: out.pointer(Double.self), batch: batch, r1: r1, r2: r2, m: m, p: p)
        }
        return x1.device == .cpu ? out : try out.to(device: x1.device)
    }
}
