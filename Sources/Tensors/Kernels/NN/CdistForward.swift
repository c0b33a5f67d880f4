#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `cdist_stub` (ATen's `Dist<scalar_t>::run_parallel_cdist`): each distance is one scalar
/// loop over the m columns in order, in the element type (p too: `apply_cdist` takes it as
/// `scalar_t`, so float32 picks the case from p rounded to float). It is plain C++ (no `Vectorized`),
/// registered with `REGISTER_DISPATCH`, so an AVX-512 CPU runs the AVX2 build and both
/// capabilities give the same bits.
///
/// - p = 0: Σ min(ceil|d|, 1); p = 1: Σ |d|; p = ∞: `std::max` in column order.
/// - p = 2: Σ d·d, then the correctly rounded square root. GCC vectorises the multiplies of
///   the first columns in 16-byte groups (4 floats, 2 doubles) and adds them one by one, and
///   contracts the leftover columns into fused multiply-adds: float64 with an odd m ends in
///   one FMA, float32 with m mod 4 ≠ 0 in up to three (found by probing PyTorch 2.15 for
///   m = 1…40 at both capabilities).
/// - other p: Σ `std::pow(|d|, p)` (libm's powf/pow, p rounded to the element type), then
///   `std::pow(agg, 1.0 / p)` — a double 1/p, so float32 sums take libm's double pow and are
///   rounded to float once at the end.
enum CdistForward {
    static func run<T: RealElement>(_: T.Type, _ x1: UnsafePointer<T>, _ x2: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
                                    batch: Int, r1: Int, r2: Int, m: Int, p: Double) {
        let tp = T(p)
        let head = m - m % (16 / MemoryLayout<T>.size)
        let rootExponent = 1.0 / Double(tp)
        for l in 0..<batch {
            for i in 0..<r1 {
                let a = x1 + (l * r1 + i) * m
                for j in 0..<r2 {
                    let b = x2 + (l * r2 + j) * m
                    var agg: T = 0
                    let value: T
                    if tp == 0 {
                        for x in 0..<m { agg += Swift.min(Swift.abs(a[x] - b[x]).rounded(.up), 1) }
                        value = agg
                    } else if tp == 1 {
                        for x in 0..<m { agg += Swift.abs(a[x] - b[x]) }
                        value = agg
                    } else if tp == 2 {
                        for x in 0..<head { let d = Swift.abs(a[x] - b[x]); agg += d * d }
                        for x in head..<m { let d = Swift.abs(a[x] - b[x]); agg = agg.addingProduct(d, d) }
                        value = agg.squareRoot()
                    } else if tp.isInfinite {
                        // std::max(agg, up): `up` only when agg < up.
                        for x in 0..<m { let d = Swift.abs(a[x] - b[x]); if agg < d { agg = d } }
                        value = agg
                    } else {
                        for x in 0..<m { agg += T.m_pow(Swift.abs(a[x] - b[x]), tp) }
                        value = T(Double.m_pow(Double(agg), rootExponent))
                    }
                    out[(l * r1 + i) * r2 + j] = value
                }
            }
        }
    }
}

extension Tensor {
    /// `_cdist_forward`'s direct kernel for float32/float64 rows: `x1` (…, r1, m) against
    /// `x2` (…, r2, m) with the same batch dimensions (broadcast already), giving (…, r1, r2).
    /// No autograd here: torch.nn.functional's cdist records the node (`torch._cdist_values`).
    public static func cdistValues(_ x1: Tensor, _ x2: Tensor, p: Double) throws(TensorError) -> Tensor {
        let (a, b) = try cdistOperands(x1, x2)
        guard a.sizes.dropLast(2) == b.sizes.dropLast(2), a.sizes.last == b.sizes.last else {
            throw .shape("cdist kernel: X1 \(a.sizes) and X2 \(b.sizes) need the same batch dimensions and columns")
        }
        let r1 = a.sizes[a.rank - 2], r2 = b.sizes[b.rank - 2], m = a.sizes[a.rank - 1]
        let batch = a.sizes.dropLast(2).reduce(1, *)
        let out = try Tensor(empty: Array(a.sizes.dropLast(2)) + [r1, r2], dtype: a.dtype)
        if a.dtype == .float32 {
            CdistForward.run(Float.self, a.pointer(Float.self), b.pointer(Float.self), out.pointer(Float.self), batch: batch, r1: r1, r2: r2, m: m, p: p)
        } else {
            CdistForward.run(Double.self, a.pointer(Double.self), b.pointer(Double.self), out.pointer(Double.self), batch: batch, r1: r1, r2: r2, m: m, p: p)
        }
        return x1.device == .cpu ? out : try out.to(device: x1.device)
    }

    /// The float32/float64 operands of the distance kernels on the host, contiguous, at least
    /// 2-d. ATen dispatches on x1's dtype ("not implemented for 'Half'"), then reads x2 as
    /// that type ("expected scalar type Float but found Double").
    static func cdistOperands(_ x1: Tensor, _ x2: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        guard x1.dtype == .float32 || x1.dtype == .float64 else {
            throw .notImplemented("\"cdist\" not implemented for '\(x1.dtype.scalarTypeName)'")
        }
        guard x2.dtype == x1.dtype else {
            throw .runtime("expected scalar type \(x1.dtype.scalarTypeName) but found \(x2.dtype.scalarTypeName)")
        }
        for (t, name) in [(x1, "X1"), (x2, "X2")] where t.rank < 2 {
            throw .runtime("cdist only supports at least 2D tensors, \(name) got: \(t.rank)D")
        }
        return (try x1.to(device: .cpu).contiguous(), try x2.to(device: .cpu).contiguous())
    }
}
