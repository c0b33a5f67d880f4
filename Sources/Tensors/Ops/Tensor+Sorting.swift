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

    /// `topk(k, dim=-1, largest=True, sorted=True)`.
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = rank == 0 ? 1 : sizes[d]
        if k < 0 || k > size { throw .runtime("selected index k out of range") }
        let (v, i) = try sort(dim: d, descending: largest, stable: true)   // not yet ATen's TopKImpl order
        if rank == 0 { return (v, i) }
        return (try v.narrow(d, start: 0, length: k).contiguous(), try i.narrow(d, start: 0, length: k).contiguous())
    }

    /// `kthvalue(k, dim=-1, keepdim=False)`: the k-th smallest (1-based).
    public func kthvalue(_ k: Int, dim: Int = -1, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = rank == 0 ? 1 : sizes[d]
        if k < 1 || k > size {
            throw .runtime("kthvalue(): selected number k out of range for dimension \(d)")
        }
        let (v, i) = try sort(dim: d, stable: true)   // not yet ATen's TopKImpl order
        if rank == 0 { return (v, i) }
        var vv = try v.narrow(d, start: k - 1, length: 1)
        var ii = try i.narrow(d, start: k - 1, length: 1)
        if !keepdim { vv = vv.removingDims([d]); ii = ii.removingDims([d]) }
        return (try vv.contiguous(), try ii.contiguous())
    }
}
