/// PyTorch's CPU floating-point summation order (its "cascade sum"), reproduced so that
/// `x.sum().item()` and `x.mean().item()` print the same last digits as PyTorch does.
///
/// PyTorch adds in the element type (float32 stays float32), in AVX2 vector lanes
/// (8 floats / 4 doubles), four independent accumulators at a time, and folds running sums
/// into coarser levels every 16 rows. Vector lanes are modelled as arrays, so the order
/// of every addition is the same as in the vectorised C++ kernel.
enum CascadeSum {
    /// Lanes of one AVX2 register for T. The sum and nansum kernels are registered with plain
    /// `REGISTER_DISPATCH` (not compiled for AVX512, pytorch#59415), so AVX-512 CPUs run this
    /// AVX2 build too.
    @inline(__always) static func lanes<T: RealElement>(_ t: T.Type) -> Int { T.self == Float.self ? 8 : 4 }

    /// `ceil(log2(x))`, with PyTorch's convention of 1 for x ≤ 2.
    @inline(__always) static func ceilLog2(_ x: Int) -> Int {
        if x <= 2 { return 1 }
        return (Int.bitWidth - (x - 1).leadingZeroBitCount)
    }

    /// Sums `size` rows of `nrows` columns of `width`-lane items, all columns at once,
    /// folding partial sums through four levels. Item (row i, column k, lane l) lives at
    /// `base[i·rowStride + k·colStride + l]`. Returns nrows·width sums (column-major by lane).
    static func multiRowSum<T: RealElement>(_ base: UnsafePointer<T>, size: Int, nrows: Int, width: Int,
                                            rowStride: Int, colStride: Int) -> [T] {
        let levels = 4
        let levelPower = Swift.max(4, ceilLog2(size) / levels)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        let cols = nrows * width
        var acc = [T](repeating: 0, count: levels * cols)
        acc.withUnsafeMutableBufferPointer { a in
            var i = 0
            while i + levelStep <= size {
                for _ in 0..<levelStep {
                    let row = base + i * rowStride
                    for k in 0..<nrows {
                        let item = row + k * colStride
                        for l in 0..<width { a[k * width + l] += item[l] }
                    }
                    i += 1
                }
                for j in 1..<levels {
                    for c in 0..<cols {
                        a[j * cols + c] += a[(j - 1) * cols + c]
                        a[(j - 1) * cols + c] = 0
                    }
                    if i & (levelMask << (j * levelPower)) != 0 { break }
                }
            }
            while i < size {
                let row = base + i * rowStride
                for k in 0..<nrows {
                    let item = row + k * colStride
                    for l in 0..<width { a[k * width + l] += item[l] }
                }
                i += 1
            }
            for j in 1..<levels {
                for c in 0..<cols { a[c] += a[j * cols + c] }
            }
        }
        return Array(acc[0..<cols])
    }

    /// One row of `size` items (item i at `base[i·stride]`, `width` lanes) summed four
    /// items at a time, then the four partial sums folded left to right.
    static func rowSum<T: RealElement>(_ base: UnsafePointer<T>, size: Int, width: Int, stride: Int) -> [T] {
        let ilp = 4
        let sizeIlp = size / ilp
        var partial = multiRowSum(base, size: sizeIlp, nrows: ilp, width: width, rowStride: ilp * stride, colStride: stride)
        for i in (sizeIlp * ilp)..<Swift.max(size, sizeIlp * ilp) {
            for l in 0..<width { partial[l] += base[i * stride + l] }
        }
        for k in 1..<ilp {
            for l in 0..<width { partial[l] += partial[k * width + l] }
        }
        return Array(partial[0..<width])
    }

    /// Sum of `n` elements spaced `stride` apart (a reduction over the innermost dim).
    static func innerSum<T: RealElement>(_ base: UnsafePointer<T>, n: Int, stride: Int) -> T {
        let vs = lanes(T.self)
        if stride == 1 && n >= vs {
            let vecCount = n / vs
            let vacc = rowSum(base, size: vecCount, width: vs, stride: vs)
            var final: T = 0
            for k in (vecCount * vs)..<n { final += base[k] }
            for l in 0..<vs { final += vacc[l] }
            return final
        }
        return rowSum(base, size: n, width: 1, stride: stride)[0]
    }

    /// `vectorized_outer_sum`: column sums of a `rows × cols` block whose columns are
    /// contiguous (cols ≥ one vector), rows `rowStride` apart: blocks of four vectors of
    /// columns summed together, then single vectors (four interleaved row groups), then the
    /// columns left over one at a time. Written to `out[0..<cols]`.
    static func vectorizedOuterSum<T: RealElement>(_ base: UnsafePointer<T>, rows: Int, cols: Int, rowStride: Int,
                                                   into out: UnsafeMutablePointer<T>) {
        let vs = lanes(T.self)
        var j = 0
        while j + 4 * vs <= cols {
            let sums = multiRowSum(base + j, size: rows, nrows: 4, width: vs, rowStride: rowStride, colStride: vs)
            for c in 0..<(4 * vs) { out[j + c] = sums[c] }
            j += 4 * vs
        }
        while j + vs <= cols {
            let sums = rowSum(base + j, size: rows, width: vs, stride: rowStride)
            for c in 0..<vs { out[j + c] = sums[c] }
            j += vs
        }
        while j < cols {
            out[j] = rowSum(base + j, size: rows, width: 1, stride: rowStride)[0]
            j += 1
        }
    }
}
