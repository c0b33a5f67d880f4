/// Sorting and selection along a dimension: `sort`, `argsort`, `topk`, `kthvalue`.
extension Tensor {
    /// `sort(dim=-1, descending=False, stable=False)`; NaN counts as the largest value. With
    /// `stable: false` tied keys come out in the order PyTorch's CPU kernel gives them
    /// (`SortAlgorithm`), as `torch.sort` does by default.
    public func sort(dim: Int = -1, descending: Bool = false, stable: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        if rank == 0 {
            return (try clone(), try Tensor.zeros([], dtype: .int64, device: device))
        }
        let r = try backend.line(.sort(dim: d, descending: descending, stable: stable), [self])
        return (r[0]!, r[1]!)
    }

    public func argsort(dim: Int = -1, descending: Bool = false, stable: Bool = false) throws(TensorError) -> Tensor {
        try sort(dim: dim, descending: descending, stable: stable).indices
    }

    /// `topk(k, dim=-1, largest=True, sorted=True)`: ATen's TopKImpl (partial sort when
    /// `k * 64 <= n`, else nth_element then sort of the first k-1), so ties come out as in
    /// PyTorch.
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true, sorted: Bool = true) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = rank == 0 ? 1 : sizes[d]
        if k < 0 || k > size { throw .runtime("selected index k out of range") }
        let line = rank == 0 ? try reshape([1]) : self
        let r = try backend.line(.select(dim: d, selection: .topk(k: k, largest: largest, sorted: sorted)), [line])
        if rank == 0 { return (try r[0]!.reshape([]), try r[1]!.reshape([])) }
        return (r[0]!, r[1]!)
    }

    /// `kthvalue(k, dim=-1, keepdim=False)`: the k-th smallest (1-based), by ATen's
    /// quick_select_template, whose moves decide which of tied elements' index is reported.
    public func kthvalue(_ k: Int, dim: Int = -1, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = rank == 0 ? 1 : sizes[d]
        if k < 1 || k > size {
            throw .runtime("kthvalue(): selected number k out of range for dimension \(d)")
        }
        return try reducedSelection(.kthvalue(k: k), dim: d, keepdim: keepdim)
    }

    /// `median(dim, keepdim=False)` without autograd: ATen's median_with_indices_impl (the
    /// first NaN, else the lower middle by value then index).
    public func medianAlong(_ dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        if rank > 0 && sizes[d] == 0 {
            throw .index("median(): Expected reduction dim \(d) to have non-zero size.")
        }
        return try reducedSelection(.median, dim: d, keepdim: keepdim)
    }

    /// The value libstdc++'s `std::nth_element(first, first + nth, last)` with `<` leaves at
    /// `nth` of this 1-d tensor, shape [1] (`median()` of all elements).
    public func nthElement(_ nth: Int) throws(TensorError) -> Tensor {
        try backend.line(.select(dim: 0, selection: .nthElement(nth: nth)), [self])[0]!
    }

    private func reducedSelection(_ s: LineSelection, dim d: Int, keepdim: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        if rank == 0 { return (try clone(), try Tensor.zeros([], dtype: .int64, device: device)) }
        let r = try backend.line(.select(dim: d, selection: s), [self])
        if keepdim { return (r[0]!, r[1]!) }
        return (r[0]!.removingDims([d]), r[1]!.removingDims([d]))
    }
}
