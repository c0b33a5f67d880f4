import Tensors

extension Differentiable {
    /// `tensordot(a, b, dimsA, dimsB)` as ATen's composite (Linear.cpp), so the graph carries
    /// the nodes PyTorch records: a contracted dim of size 1 on one side sums the other
    /// side's dim first (SumBackward1), both operands are permuted (PermuteBackward0, even
    /// when the order is unchanged) and reshaped to matrices, multiplied with one `mm`,
    /// or with `dot` over the flattened operands when both free parts have one element
    /// (DotBackward0), and the product is viewed to the free dims (ViewBackward0).
    public static func tensordot(_ a: Tensor, _ b: Tensor, _ dimsA: [Int], _ dimsB: [Int]) throws(TensorError) -> Tensor {
        guard dimsA.count == dimsB.count else { throw .runtime("both dimensions lists should have same length") }
        func wrap(_ d: Int, _ rank: Int) throws(TensorError) -> Int {
            let w = d < 0 ? d + rank : d
            guard w >= 0 && w < Swift.max(rank, 1) else {
                throw .index("Dimension out of range (expected to be in range of [\(-Swift.max(rank, 1)), \(Swift.max(rank, 1) - 1)], but got \(d))")
            }
            return w
        }
        var ca: [Int] = [], cb: [Int] = []
        for (x, y) in zip(dimsA, dimsB) { ca.append(try wrap(x, a.rank)); cb.append(try wrap(y, b.rank)) }
        var t1 = a, t2 = b
        var csize = 1
        for (x, y) in zip(ca, cb) {
            let s1 = a.sizes[x], s2 = b.sizes[y]
            if s2 == 1 {
                t1 = try sum(t1, dims: [x], keepdim: true)
            } else if s1 == 1 {
                t2 = try sum(t2, dims: [y], keepdim: true)
            } else {
                guard s1 == s2 else {
                    throw .runtime("contracted dimensions need to match, but first has size \(s1) in dim \(dimsA[ca.firstIndex(of: x)!]) and second has size \(s2) in dim \(dimsB[cb.firstIndex(of: y)!])")
                }
                csize *= s1
            }
        }
        let freeA = (0..<a.rank).filter { !ca.contains($0) }, freeB = (0..<b.rank).filter { !cb.contains($0) }
        let size1 = freeA.reduce(1) { $0 * t1.sizes[$1] }, size2 = freeB.reduce(1) { $0 * t2.sizes[$1] }
        let rsizes = freeA.map { t1.sizes[$0] } + freeB.map { t2.sizes[$0] }
        let p1 = try permute(t1, freeA + ca), p2 = try permute(t2, cb + freeB)
        if size1 == 1 && size2 == 1 {
            // flatten: a 1-d operand is used as it is (no view recorded).
            let v2 = p2.rank == 1 ? p2 : try reshape(p2, [csize])
            let v1 = p1.rank == 1 ? p1 : try reshape(p1, [csize])
            return try view(try dot(v1, v2), rsizes)
        }
        let m1 = try reshape(p1, [size1, csize]), m2 = try reshape(p2, [csize, size2])
        return try view(try mm(m1, m2), rsizes)
    }
}
