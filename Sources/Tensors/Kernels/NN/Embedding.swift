
/// Embedding lookup (rows of a weight matrix picked by integer indices) and its backward,
/// which adds each output row's gradient into the row it came from.
public enum Embedding {
    public static func forward(weight: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        if indices.dtype != .int64 && indices.dtype != .int32 {
            throw .runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got \(indices.dtype.legacyTypeName) instead (while checking arguments for embedding)")
        }
        if weight.rank != 2 { throw .runtime("'weight' must be 2-D") }
        let rows = weight.sizes[0]
        let idx = try indices.contiguous().elementsAsInt64()
        for i in idx where i < -rows || i >= rows {
            throw .index("index out of range in self")
        }
        return try weight.index([try indices.to(.int64)])
    }

    /// Rows at `paddingIdx` get no gradient; with `scaleGradByFreq` each row's gradient is
    /// divided by how often its index occurs in the batch.
    public static func backward(_ gradOutput: Tensor, indices: Tensor, numWeights: Int, paddingIdx: Int,
                                scaleGradByFreq: Bool) throws(TensorError) -> Tensor {
        let dim = gradOutput.sizes.last!
        let idx = try indices.contiguous().elementsAsInt64().map { Int($0) < 0 ? Int($0) + numWeights : Int($0) }
        var counts = [Int](repeating: 0, count: numWeights)
        for i in idx { counts[i] += 1 }
        if gradOutput.dtype == .float32 || gradOutput.dtype == .float64, gradOutput.device == .cpu {
            // embedding_dense_backward_cpu: each row added into its weight row in index
            // order, in the element type (add_stub with alpha = 1, or 1/count).
            let g = try gradOutput.contiguous()
            let out = try Tensor.zeros([numWeights, dim], dtype: gradOutput.dtype)
            func run<T: RealElement>(_ t: T.Type) {
                let pg = g.pointer(T.self), po = out.pointer(T.self)
                for (row, i) in idx.enumerated() where i != paddingIdx {
                    let dst = po + i * dim, src = pg + row * dim
                    if scaleGradByFreq {
                        let scale = T(1 / Double(counts[i]))
                        for j in 0..<dim { dst[j] = dst[j].addingProduct(src[j], scale) }
                    } else {
                        for j in 0..<dim { dst[j] = dst[j] + src[j] }
                    }
                }
            }
            if gradOutput.dtype == .float32 { run(Float.self) } else { run(Double.self) }
            return out
        }
        let g = try gradOutput.contiguous().elementsAsDouble()
        var out = [Double](repeating: 0, count: numWeights * dim)
        for (row, i) in idx.enumerated() where i != paddingIdx {
            let scale = scaleGradByFreq ? 1 / Double(counts[i]) : 1
            for j in 0..<dim { out[i * dim + j] += g[row * dim + j] * scale }
        }
        return try Tensor(values: out, shape: [numWeights, dim], dtype: gradOutput.dtype, device: gradOutput.device)
    }

    /// `F.one_hot`: int64 (..., num_classes) with a 1 at each index.
    public static func oneHot(_ indices: Tensor, numClasses: Int) throws(TensorError) -> Tensor {
        if indices.dtype != .int64 {
            throw .runtime("one_hot is only applicable to index tensor of type LongTensor.")
        }
        let idx = try indices.contiguous().elementsAsInt64()
        var classes = numClasses
        if classes == -1 {
            if idx.isEmpty { throw .runtime("Can not infer total number of classes from empty tensor.") }
            classes = Int(idx.max()!) + 1
        }
        if let low = idx.min(), low < 0 { throw .runtime("Class values must be non-negative.") }
        if let high = idx.max(), Int(high) >= classes { throw .runtime("Class values must be smaller than num_classes.") }
        var out = [Int64](repeating: 0, count: idx.count * classes)
        for (k, i) in idx.enumerated() { out[k * classes + Int(i)] = 1 }
        return try Tensor(values: out, shape: indices.sizes + [classes], dtype: .int64, device: indices.device)
    }
}
