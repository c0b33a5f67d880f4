/// TensorIterator's dim order for an elementwise op (`reorder_dimensions`): the dims sorted
/// so that the operand with the smallest stride runs innermost, comparing operands in
/// order (output first) and skipping one where either dim is broadcast (stride 0); ties
/// broken by size. PyTorch walks a transposed (dense) tensor in memory order this way,
/// so its vector lanes and scalar tail fall on other elements than a row-major walk's.
/// `StridedLoop` then merges neighbours as `coalesce_dimensions` does.
extension StridedLoop {
    /// A loop over `shape` whose dims are in TensorIterator's order (last = innermost).
    static func iteratorOrdered(shape: [Int], _ s0: [Int], _ s1: [Int] = [], _ s2: [Int] = []) -> StridedLoop {
        let n = shape.count
        guard n > 1 else { return StridedLoop(shape: shape, s0, s1, s2) }
        let operands = [s0, s1, s2].filter { !$0.isEmpty }
        func shouldSwap(_ d0: Int, _ d1: Int) -> Int {
            for strides in operands {
                let a = strides[d0], b = strides[d1]
                if a == 0 || b == 0 { continue }
                if a < b { return -1 }
                if a > b { return 1 }
                if shape[d0] > shape[d1] { return 1 }
            }
            return 0
        }
        // Innermost first, starting from the reversed dims; an insertion sort, as ATen's.
        var perm = Array((0..<n).reversed())
        for i in 1..<n {
            var d1 = i
            var d0 = i - 1
            while d0 >= 0 {
                let c = shouldSwap(perm[d0], perm[d1])
                if c > 0 {
                    perm.swapAt(d0, d1)
                    d1 = d0
                } else if c < 0 {
                    break
                }
                d0 -= 1
            }
        }
        let order = Array(perm.reversed())
        if order == Array(0..<n) { return StridedLoop(shape: shape, s0, s1, s2) }
        func permuted(_ s: [Int]) -> [Int] { s.isEmpty ? s : order.map { s[$0] } }
        return StridedLoop(shape: order.map { shape[$0] }, permuted(s0), permuted(s1), permuted(s2))
    }
}
