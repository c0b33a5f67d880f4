/// The 2-norm of float32 rows, rounded the way PyTorch's CPU kernel for a contiguous last
/// dimension rounds (found by matching its results bit for bit on an AVX2 machine): squares
/// summed into eight float lanes (multiply, then add), the lanes added in order, the rest
/// of the row added one square at a time — the first four of them with separate rounding,
/// any further ones with a fused multiply-add — then a correctly rounded square root.
/// Summing in double instead shows up in printed output (`tensor(1.)` for PyTorch's
/// `tensor(1.0000)`).
enum NormTwoKernel {
    static func rowNorm(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        var lanes = (Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0), Float(0))
        var d = 0
        while d + 8 <= n {
            lanes.0 += x[d] * x[d]; lanes.1 += x[d + 1] * x[d + 1]
            lanes.2 += x[d + 2] * x[d + 2]; lanes.3 += x[d + 3] * x[d + 3]
            lanes.4 += x[d + 4] * x[d + 4]; lanes.5 += x[d + 5] * x[d + 5]
            lanes.6 += x[d + 6] * x[d + 6]; lanes.7 += x[d + 7] * x[d + 7]
            d += 8
        }
        var sum = lanes.0
        sum += lanes.1; sum += lanes.2; sum += lanes.3; sum += lanes.4
        sum += lanes.5; sum += lanes.6; sum += lanes.7
        if n - d >= 4 {
            for k in d..<(d + 4) { let square = x[k] * x[k]; sum += square }
            d += 4
        }
        while d < n { sum = sum.addingProduct(x[d], x[d]); d += 1 }
        return sum.squareRoot()
    }
}

extension NormTwoKernel {
    /// The float64 row: squares summed into four double lanes (multiply, then add), the
    /// lanes added in order, then every remaining square with a fused multiply-add
    /// (matched bit for bit against PyTorch 2.15 for rows of 1 to 39 elements).
    static func rowNorm(_ x: UnsafePointer<Double>, count n: Int) -> Double {
        var lanes = (0.0, 0.0, 0.0, 0.0)
        var d = 0
        while d + 4 <= n {
            lanes.0 += x[d] * x[d]; lanes.1 += x[d + 1] * x[d + 1]
            lanes.2 += x[d + 2] * x[d + 2]; lanes.3 += x[d + 3] * x[d + 3]
            d += 4
        }
        var sum = lanes.0
        sum += lanes.1; sum += lanes.2; sum += lanes.3
        while d < n { sum = sum.addingProduct(x[d], x[d]); d += 1 }
        return sum.squareRoot()
    }
}
