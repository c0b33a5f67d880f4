/// Index-driven copies along one dimension: `gather`, `scatter_`, `scatter_add_`,
/// `index_select`.
extension Tensor {
    private func checkIndexTensor(_ index: Tensor, _ name: String) throws(TensorError) {
        if index.dtype != .int64 {
            throw .runtime("\(name)(): Expected dtype int64 for index")
        }
    }

    /// `gather(dim, index)`: output has index's shape.
    public func gather(_ dim: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        try checkIndexTensor(index, "gather")
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.rank != rank && !(index.rank <= 1 && rank <= 1) {
            throw .runtime("Index tensor must have the same number of dimensions as input tensor")
        }
        for k in 0..<index.rank where k != d && index.sizes[k] > sizes[k] {
            throw .runtime("Size does not match at dimension \(k) expected index \(Shape.describe(index.sizes)) to be no larger than self \(Shape.describe(sizes)) apart from dimension \(d)")
        }
        _ = try Tensor.commonDevice([self, index], method: "gather_out", names: ["self", "index"])
        // A 0-dim input gathers as a one-element vector (the kernel walks a dim).
        if rank == 0 {
            return try reshape([1]).gather(0, index.reshape([index.numel])).reshape(index.sizes)
        }
        return try backend.index(.gather(dim: d), [self, index])[0]!
    }

    /// `scatter_(dim, index, src)`.
    @discardableResult
    public func scatter_(_ dim: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        try scatterImpl(dim, index, source: source, value: nil, add: false, name: "scatter")
    }

    /// `scatter_(dim, index, value)`.
    @discardableResult
    public func scatter_(_ dim: Int, _ index: Tensor, value: Scalar) throws(TensorError) -> Tensor {
        try scatterImpl(dim, index, source: nil, value: value, add: false, name: "scatter")
    }

    /// `scatter_add_(dim, index, src)`: duplicates accumulate.
    @discardableResult
    public func scatterAdd_(_ dim: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        try scatterImpl(dim, index, source: source, value: nil, add: true, name: "scatter_add")
    }

    public func scatter(_ dim: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        try clone().scatter_(dim, index, source)
    }

    public func scatterAdd(_ dim: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        try clone().scatterAdd_(dim, index, source)
    }

    private func scatterImpl(_ dim: Int, _ index: Tensor, source: Tensor?, value: Scalar?, add: Bool, name: String) throws(TensorError) -> Tensor {
        try checkIndexTensor(index, name)
        let d = try Shape.wrapDim(dim, rank: rank)
        if index.rank != rank && !(index.rank <= 1 && rank <= 1) {
            throw .runtime("Index tensor must have the same number of dimensions as self tensor")
        }
        if let source {
            if source.dtype != dtype {
                throw .runtime("\(name)(): Expected self.dtype to be equal to src.dtype")
            }
            for k in 0..<index.rank where index.sizes[k] > (source.rank > k ? source.sizes[k] : 1) {
                throw .runtime("Size does not match at dimension \(k) expected index \(Shape.describe(index.sizes)) to be no larger than src \(Shape.describe(source.sizes))")
            }
        }
        for k in 0..<index.rank where k != d && index.sizes[k] > sizes[k] {
            throw .runtime("Size does not match at dimension \(k) expected index \(Shape.describe(index.sizes)) to be no larger than self \(Shape.describe(sizes)) apart from dimension \(d)")
        }
        _ = try Tensor.commonDevice([self, index, source], method: "\(name)_", names: ["self", "index", "src"])
        if index.numel == 0 { return self }
        do {
            _ = try backend.index(.scatter(dim: d, value: value, add: add), [self, index, source])
        } catch {
            bumpVersion()
            throw error
        }
        bumpVersion()
        return self
    }

    /// `index_select(dim, index)`: a copy with the chosen slices along dim.
    public func indexSelect(_ dim: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        if index.rank > 1 { throw .index("index_select(): Index is supposed to be a vector") }
        if !(index.dtype == .int64 || index.dtype == .int32) {
            throw .runtime("index_select(): Expected dtype int32 or int64 for index")
        }
        let d = try Shape.wrapDim(dim, rank: rank)
        _ = try Tensor.commonDevice([self, index], method: "wrapper_CUDA__index_select", names: ["self", "index"])
        let size = rank == 0 ? 1 : sizes[d]
        // index_select_out_cpu_: an empty input of rank > 1 has its own check on the dim.
        if rank > 1 && index.numel > 0 && numel == 0 && size == 0 {
            throw .runtime("index_select(): self indexing axis dim should be positive")
        }
        for v in try index.elementsAsInt64() where v < 0 || Int(v) >= size {
            throw .index("index out of range in self")
        }
        if rank == 0 { return try clone() }
        var list = [Tensor?](repeating: nil, count: d + 1)
        list[d] = try index.reshape([-1])
        return try self.index(list)
    }
}
