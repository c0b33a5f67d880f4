/// `embedding_bag` on the CPU: bags of rows of `weight` summed (each times its
/// per-sample weight), averaged or max-reduced in index order, skipping `padding_idx`;
/// an empty bag gives zeros. Backward adds into the rows in sorted-index order (the order
/// ATen's unstable `indices.sort()` leaves ties in), as ATen's `_embedding_bag_dense_backward` does (y += scale·g as one multiply-add).
public enum EmbeddingBagKernel {
    public enum Mode: Int, Sendable { case sum = 0, mean = 1, max = 2 }

    public struct Bags: Sendable {
        /// The bag of each input position.
        public let bagOf: [Int]
        public let indices: [Int]
        /// Positions counted in each bag (padding skipped).
        public let counts: [Int]
        /// For max: the row chosen per (bag, feature), -1 for an empty bag.
        public var argmax: [Int] = []
    }

    public static func forward(weight: Tensor, indices: Tensor, offsets: Tensor, mode: Mode, perSampleWeights: Tensor?,
                               includeLastOffset: Bool, paddingIdx: Int) throws(TensorError) -> (Tensor, Bags) {
        try requireFloat(weight.dtype, op: "embedding_bag")
        let rows = weight.sizes[0], dim = weight.sizes[1]
        let idx = try indices.contiguous().elementsAsInt64().map { Int($0) }
        let offs = try offsets.contiguous().elementsAsInt64().map { Int($0) }
        if let first = offs.first, first != 0 {
            throw .runtime("offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got \(first)")
        }
        if let last = offs.last, last > idx.count {
            throw .runtime("offsets[-1] can not be greater than input's length \(idx.count) but got offsets[-1] of \(last)")
        }
        for (k, v) in idx.enumerated() where v < 0 || v >= rows {
            throw .runtime("Index \(k) of input takes value \(v) which is not in the valid range [0, \(rows))")
        }
        let bags = includeLastOffset ? Swift.max(offs.count - 1, 0) : offs.count
        var bagOf = [Int](repeating: 0, count: idx.count)
        for b in 0..<bags {
            let end = b + 1 < offs.count ? offs[b + 1] : idx.count
            for i in offs[b]..<Swift.max(offs[b], end) { bagOf[i] = b }
        }
        let w = try weight.contiguous()
        let psw = try perSampleWeights?.to(weight.dtype).contiguous()
        let out = try NNBuffer.zeros([bags, dim], like: w)
        var counts = [Int](repeating: 0, count: bags)
        var argmax = mode == .max ? [Int](repeating: -1, count: bags * dim) : []
        // Per-sample weights: float32 without a padding index takes fbgemm's SpMDM kernel
        // (multiply-adds fused); a padding index, or float64, ATen's plain loop
        // (`out += src * scale`, built for the baseline ISA: unfused).
        let fusedWeights = w.dtype == .float32 && paddingIdx < 0
        func run<T: NNFloat>(_: T.Type) {
            let pw = NNBuffer.pointer(w, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            let ps = psw.map { NNBuffer.pointer($0, as: T.self) }
            for b in 0..<bags {
                let end = b + 1 < offs.count ? offs[b + 1] : idx.count
                let o = po + b * dim
                for i in offs[b]..<Swift.max(offs[b], end) where idx[i] != paddingIdx {
                    let row = pw + idx[i] * dim
                    counts[b] += 1
                    for j in 0..<dim {
                        switch mode {
                        case .sum, .mean:
                            if let ps {
                                o[j] = fusedWeights ? o[j].addingProduct(ps[i], row[j]) : o[j] + row[j] * ps[i]
                            } else {
                                o[j] += row[j]
                            }
                        case .max:
                            if argmax[b * dim + j] < 0 || row[j] > o[j] { o[j] = row[j]; argmax[b * dim + j] = idx[i] }
                        }
                    }
                }
                if mode == .mean && counts[b] > 0 {
                    for j in 0..<dim { o[j] /= T(counts[b]) }
                }
            }
        }
        if w.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (out, Bags(bagOf: bagOf, indices: idx, counts: counts, argmax: argmax))
    }

    public static func backward(_ gradOutput: Tensor, bags: Bags, weightSizes: [Int], mode: Mode, perSampleWeights: Tensor?,
                                paddingIdx: Int, scaleGradByFreq: Bool = false) throws(TensorError) -> Tensor {
        let dim = weightSizes[1]
        let g = try gradOutput.contiguous()
        let gw = try NNBuffer.zeros(weightSizes, like: g)
        let psw = try perSampleWeights?.to(g.dtype).contiguous()
        func run<T: NNFloat>(_: T.Type) {
            let pg = NNBuffer.pointer(g, as: T.self), pd = NNBuffer.pointer(gw, as: T.self)
            if mode == .max {
                for b in 0..<bags.counts.count {
                    for j in 0..<dim where bags.argmax[b * dim + j] >= 0 {
                        pd[bags.argmax[b * dim + j] * dim + j] += pg[b * dim + j]
                    }
                }
                return
            }
            let ps = psw.map { NNBuffer.pointer($0, as: T.self) }
            let order = sortedOrder(bags.indices)
            var counts: [Int: Int] = [:]
            for v in bags.indices { counts[v, default: 0] += 1 }
            // With scale_grad_by_freq each index's gradient is divided by its own count
            // (PyTorch 2.15). The scale is a double, rounded to the element type for the
            // multiply-add, as ATen's `_embedding_bag_dense_backward` computes it.
            for i in order where bags.indices[i] != paddingIdx {
                let b = bags.bagOf[i]
                var scale = ps.map { Double($0[i]) } ?? 1
                if scaleGradByFreq { scale /= Double(counts[bags.indices[i]] ?? 1) }
                if mode == .mean && bags.counts[b] != 0 { scale /= Double(bags.counts[b]) }
                let row = pd + bags.indices[i] * dim, src = pg + b * dim
                for j in 0..<dim { row[j] = row[j].addingProduct(T(scale), src[j]) }
            }
        }
        if g.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return gw
    }

    /// The order ATen's `indices_.sort()` (unstable, ascending) leaves the positions in; rows
    /// are accumulated in it, so it fixes the float sums. Below 32768 indices that is
    /// libstdc++'s `std::sort`; from there fbgemm's radix sort, which is stable (`SortAlgorithm`).
    static func sortedOrder(_ indices: [Int]) -> [Int] {
        let positions = Array(indices.indices)
        if indices.count >= 32768 {
            return positions.sorted { (indices[$0], $0) < (indices[$1], $1) }
        }
        return LibstdcxxIntroSort.sorted(positions) { indices[$0] < indices[$1] }
    }
}
