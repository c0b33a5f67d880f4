/// Which NaN `mul` of two NaNs gives in the scalar tail of ATen's contiguous loop. The
/// vector blocks (2 vectors of the AVX2 build at both capabilities) return the second
/// operand's NaN, as add and sub do everywhere; the tail (`basic_loop`, which GCC
/// auto-vectorised with its own operand order) does not: for float32 a tail of m < 4
/// elements gives the second's, else 8-wide steps the second's, one 4-wide step the first's
/// and the last up-to-3 elements second, second, first; for float64 a tail of one element
/// gives the second's, longer tails the first's throughout. Measured with payload NaNs
/// against PyTorch 2.15 (tails of 1 to 15, AVX2 and AVX-512). Only contiguous operands of
/// one shape are modelled; each `parallel_for` piece has its own tail.
enum MulNaNTail {
    /// Whether tail position k of m returns the first operand's NaN.
    static func firstOperand(float: Bool, k: Int, m: Int) -> Bool {
        if float {
            if m < 4 { return false }
            let wide = m / 8 * 8
            if k < wide { return false }
            let rest = m - wide
            if rest >= 4 && k < wide + 4 { return true }
            return (k - wide - (rest >= 4 ? 4 : 0)) == 2
        }
        return m >= 2
    }

    /// Rewrites the tail elements of `out = a * b` (contiguous, `n` elements) where both
    /// operands are NaN and the tail gives the first's.
    static func fix<T: RealElement>(_ t: T.Type, out: UnsafeMutablePointer<T>, a: UnsafePointer<T>, b: UnsafePointer<T>, n: Int) {
        let block = 2 * CPUCapability.lanes(T.self, .avx2)
        for (start, end) in VectorizedLoops.pieces(n) {
            let m = (end - start) % block, tail = end - m
            for k in 0..<m where a[tail + k].isNaN && b[tail + k].isNaN
                && firstOperand(float: T.self == Float.self, k: k, m: m) {
                out[tail + k] = a[tail + k] + 0
            }
        }
    }

    /// Whether every operand walks `shape` in contiguous row-major order.
    static func contiguous(_ shape: [Int], _ operands: [Operand]) -> Bool {
        var expected = 1
        var strides = [Int](repeating: 0, count: shape.count)
        for d in shape.indices.reversed() { strides[d] = expected; expected *= shape[d] }
        return operands.allSatisfy { op in shape.indices.allSatisfy { shape[$0] == 1 || op.strides[$0] == strides[$0] } }
    }
}
