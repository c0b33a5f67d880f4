/// ATen's `RowwiseMoments` (moments_utils.h), the mean and variance `layer_norm` (and
/// group norm) use: Welford's update in each of L vector lanes over chunks of 16 vectors,
/// chunk results merged through a binary cascade of depth ⌈log₂ chunks⌉, the lanes merged
/// into the scalar Welford of the elements left over, in the element type and with the
/// fused multiply-adds ATen writes (and those GCC contracts in its scalar code).
enum RowwiseMoments {
    static let chunkSize = 16

    private struct Stack<T: RealElement> {
        var m0: Int
        var m1: [T]
        var m2: [T]
    }

    /// `AddMomentsVec`: merges (m0Add, m1Add, m2Add) into `into`.
    @inline(__always)
    private static func addVec<T: RealElement>(_ m0Add: Int, _ m1Add: [T], _ m2Add: [T], _ into: inout Stack<T>) {
        let n = into.m0 + m0Add
        let c: T = n == 0 ? 0 : T(m0Add) / T(n)
        let m0 = T(into.m0)
        for l in 0..<m1Add.count {
            let delta = m1Add[l] - into.m1[l]
            let m2tmp = into.m2[l] + m2Add[l]
            let cDelta = c * delta
            let m0Delta = delta * m0
            into.m1[l] = into.m1[l] + cDelta
            into.m2[l] = m2tmp.addingProduct(m0Delta, cDelta)
        }
        into.m0 = n
    }

    /// (mean, variance / (N − ddof)) of `x[0..<n]`.
    static func compute<T: RealElement>(_ x: UnsafePointer<T>, _ count: Int, ddof: Int = 0) -> (T, T) {
        let lanes = CPUCapability.lanes(T.self, .avx2)
        let n = count / lanes
        let m = (n + chunkSize - 1) / chunkSize
        let depth = m <= 2 ? 1 : (Int.bitWidth - (m - 1).leadingZeroBitCount)
        let zero = [T](repeating: 0, count: lanes)
        var stack = [Stack<T>](repeating: Stack(m0: 0, m1: zero, m2: zero), count: Swift.max(depth, 1))
        let c = (0..<chunkSize).map { T(1) / T($0 + 1) }
        var m1v = zero, m2v = zero
        for i in 0..<m {
            let base = x + i * chunkSize * lanes
            let m0 = Swift.min(chunkSize, n - i * chunkSize)
            for l in 0..<lanes { m1v[l] = 0; m2v[l] = 0 }
            for j in 0..<m0 {
                for l in 0..<lanes {
                    let v = base[j * lanes + l]
                    let delta = v - m1v[l]
                    m1v[l] = m1v[l].addingProduct(c[j], delta)
                    m2v[l] = m2v[l].addingProduct(delta, v - m1v[l])
                }
            }
            addVec(m0, m1v, m2v, &stack[0])
            var mask = i + 1, j = 1
            while j < depth && mask & 1 == 0 {
                let below = stack[j - 1]
                addVec(below.m0, below.m1, below.m2, &stack[j])
                stack[j - 1] = Stack(m0: 0, m1: zero, m2: zero)
                mask >>= 1
                j += 1
            }
        }
        if depth > 1 {
            for i in 1..<depth { let s = stack[i]; addVec(s.m0, s.m1, s.m2, &stack[0]) }
        }
        var m0 = 0
        var m1: T = 0, m2: T = 0
        for i in (n * lanes)..<count {
            let v = x[i]
            let delta = v - m1
            m0 += 1
            m1 += delta / T(m0)
            // Not fused in PyTorch's build (measured), unlike the merge below.
            let product = delta * (v - m1)
            m2 = m2 + product
        }
        let m0Add = n
        for l in 0..<lanes {
            let total = m0 + m0Add
            let cc: T = total == 0 ? 0 : T(m0Add) / T(total)
            let delta = stack[0].m1[l] - m1
            m1 = m1.addingProduct(cc, delta)
            m2 = m2 + stack[0].m2[l].addingProduct(delta * delta * cc, T(m0))
            m0 = total
        }
        return (m1, m2 / T(count - ddof))
    }
}

/// `layer_norm`'s forward as ATen's kernel computes it per row: RowwiseMoments, then
/// rstd = 1/√(var + eps) and y = (x − mean)·rstd, times weight plus bias as one fused
/// multiply-add when both are given.
public enum LayerNormKernel {
    /// Output and per-row mean and rstd (as Double) for a float32 or float64 input whose
    /// rows are its trailing `rowLength` elements; nil for other dtypes.
    public static func forward(_ input: Tensor, rowLength d: Int, weight: Tensor?, bias: Tensor?, eps: Double) throws(TensorError)
        -> (output: Tensor, mean: [Double], rstd: [Double])? {
        guard input.dtype == .float32 || input.dtype == .float64, d > 0, input.device == .cpu,
              weight.map({ $0.dtype == input.dtype && $0.numel == d }) ?? true,
              bias.map({ $0.dtype == input.dtype && $0.numel == d }) ?? true else { return nil }
        let x = try input.contiguous()
        let w = try weight?.contiguous(), b = try bias?.contiguous()
        let out = try Tensor(empty: input.sizes, dtype: input.dtype)
        let rows = input.numel / d
        var means = [Double](repeating: 0, count: rows), rstds = [Double](repeating: 0, count: rows)
        func run<T: RealElement>(_ t: T.Type) {
            let px = x.pointer(T.self), po = out.pointer(T.self)
            let pw = w?.pointer(T.self), pb = b?.pointer(T.self)
            for r in 0..<rows {
                let row = UnsafePointer(px + r * d), o = po + r * d
                let (mean, variance) = RowwiseMoments.compute(row, d)
                let rstd = 1 / (variance + T(eps)).squareRoot()
                means[r] = mean.doubleValue; rstds[r] = rstd.doubleValue
                for j in 0..<d {
                    let normal = (row[j] - mean) * rstd
                    switch (pw, pb) {
                    case let (w?, b?): o[j] = b[j].addingProduct(normal, w[j])
                    case let (w?, nil): o[j] = normal * w[j]
                    case let (nil, b?): o[j] = normal + b[j]
                    case (nil, nil): o[j] = normal
                    }
                }
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (out, means, rstds)
    }
}
