/// Joining and splitting along a dimension: `cat`, `stack`, `split`, `chunk`, `unbind`,
/// and the rearranging copies `flip`, `roll`, `repeat`, `tile`.
extension Tensor {
    /// `torch.cat(tensors, dim)`: dtypes promote; 1-D empty tensors are skipped, as PyTorch allows.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        if tensors.isEmpty { throw .value("torch.cat(): expected a non-empty list of Tensors") }
        let parts = tensors.filter { !($0.rank == 1 && $0.sizes[0] == 0) }
        let dtype = tensors.dropFirst().reduce(tensors[0].dtype) { DType.promote($0, $1.dtype) }
        guard let first = parts.first else { return try Tensor(empty: [0], dtype: dtype, device: tensors[0].device) }
        if first.rank == 0 { throw .runtime("zero-dimensional tensor (at position 0) cannot be concatenated") }
        let d = try Shape.wrapDim(dim, rank: first.rank)
        var total = 0
        for (i, t) in parts.enumerated() {
            if t.rank == 0 { throw .runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated") }
            if t.rank != first.rank {
                throw .runtime("Tensors must have same number of dimensions: got \(first.rank) and \(t.rank)")
            }
            try checkSameDevice(first, t)
            for k in 0..<t.rank where k != d && t.sizes[k] != first.sizes[k] {
                let index = tensors.firstIndex { $0 === t } ?? i
                throw .shape("Sizes of tensors must match except in dimension \(d). Expected size \(first.sizes[k]) but got size \(t.sizes[k]) for tensor number \(index) in the list.")
            }
            total += t.sizes[d]
        }
        var shape = first.sizes
        shape[d] = total
        let out = try Tensor(empty: shape, dtype: dtype, device: first.device)
        var offset = 0
        for t in parts {
            let n = t.sizes[d]
            if n > 0 { try out.backend.copyCast(from: t, into: try out.narrow(d, start: offset, length: n)) }
            offset += n
        }
        return out
    }

    /// `torch.stack(tensors, dim)`: all tensors must have one shape.
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        if tensors.isEmpty { throw .runtime("stack expects a non-empty TensorList") }
        let d = try Shape.wrapDim(dim, rank: tensors[0].rank + 1)
        for (i, t) in tensors.enumerated() where t.sizes != tensors[0].sizes {
            throw .runtime("stack expects each tensor to be equal size, but got \(Shape.describe(tensors[0].sizes)) at entry 0 and \(Shape.describe(t.sizes)) at entry \(i)")
        }
        var parts: [Tensor] = []
        for t in tensors { parts.append(try t.unsqueeze(d)) }
        return try cat(parts, dim: d)
    }

    /// `split(split_size, dim)`: views of `size` along dim, the last possibly shorter.
    public func split(_ size: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        if rank == 0 { throw .runtime("split expects at least a 1-dimensional tensor") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let length = sizes[d]
        if size < 0 { throw .runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        if size == 0 {
            if length != 0 { throw .runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(length)") }
            return [self.alias()]
        }
        let count = Swift.max((length + size - 1) / size, 1)
        var out: [Tensor] = []
        for i in 0..<count {
            let start = i * size
            out.append(try narrow(d, start: start, length: Swift.min(size, length - start)))
        }
        return out
    }

    /// `split([sizes], dim)` / `split_with_sizes`.
    public func split(sizes parts: [Int], dim: Int = 0) throws(TensorError) -> [Tensor] {
        if rank == 0 { throw .runtime("split expects at least a 1-dimensional tensor") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let total = parts.reduce(0, +)
        if total != sizes[d] || parts.contains(where: { $0 < 0 }) {
            throw .runtime("split_with_sizes expects split_sizes to sum exactly to \(sizes[d]) (input tensor's size at dimension \(d)), but got split_sizes=\(Shape.describe(parts))")
        }
        var out: [Tensor] = []
        var start = 0
        for n in parts {
            out.append(try narrow(d, start: start, length: n))
            start += n
        }
        return out
    }

    /// `chunk(chunks, dim)`: `ceil(size / chunks)` per piece (so possibly fewer pieces).
    public func chunk(_ chunks: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        if rank == 0 { throw .runtime("chunk expects at least a 1-dimensional tensor") }
        if chunks <= 0 { throw .runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = (sizes[d] + chunks - 1) / chunks
        if size == 0 {
            return try split(sizes: [Int](repeating: 0, count: chunks), dim: d)
        }
        return try split(size, dim: d)
    }

    /// `unbind(dim)`: every slice along dim, as views.
    public func unbind(dim: Int = 0) throws(TensorError) -> [Tensor] {
        if rank == 0 { throw .index("Dimension specified as 0 but tensor has no dimensions") }
        let d = try Shape.wrapDim(dim, rank: rank)
        var out: [Tensor] = []
        for i in 0..<sizes[d] { out.append(try select(d, i)) }
        return out
    }

    /// `flip(dims)`: a reversed copy.
    public func flip(_ dims: [Int]) throws(TensorError) -> Tensor {
        var st = strides
        var off = offset
        var seen = Set<Int>()
        for dim in dims {
            let d = try Shape.wrapDim(dim, rank: rank)
            if !seen.insert(d).inserted { throw .runtime("dims has duplicates, original flip dims size=\(dims.count), but unique flip dims size=\(seen.count)") }
            if sizes[d] > 0 { off += (sizes[d] - 1) * st[d] }
            st[d] = -st[d]
        }
        if numel == 0 { return try clone() }
        // flip writes into `empty_like(self)`: the source's layout, not the flipped view's.
        let out = try emptyPreservingLayout()
        try backend.copyCast(from: view(sizes: sizes, strides: st, offset: off), into: out)
        return out
    }

    /// `roll(shifts, dims)`; with no dims the flattened tensor rolls and keeps its shape.
    public func roll(_ shifts: [Int], dims: [Int] = []) throws(TensorError) -> Tensor {
        if dims.isEmpty {
            if shifts.count != 1 { throw .runtime("`shifts` required") }
            return try flatten().roll(shifts, dims: [0]).view(sizes)
        }
        if shifts.count != dims.count {
            throw .runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        var r = self
        for (s, dim) in zip(shifts, dims) {
            let d = try Shape.wrapDim(dim, rank: rank)
            let n = sizes[d]
            if n == 0 { continue }
            let k = ((s % n) + n) % n
            if k == 0 { r = try r.clone(); continue }
            r = try Tensor.cat([try r.narrow(d, start: n - k, length: k), try r.narrow(d, start: 0, length: n - k)], dim: d)
        }
        return r
    }

    /// `repeat(*reps)`: tiles the tensor; reps may add leading dims.
    public func `repeat`(_ reps: [Int]) throws(TensorError) -> Tensor {
        if reps.count < rank {
            throw .runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        if reps.contains(where: { $0 < 0 }) { throw .runtime("Trying to create tensor with negative dimension \(reps.first { $0 < 0 }!): \(Shape.describe(reps))") }
        let padded = [Int](repeating: 1, count: reps.count - rank) + sizes
        // PyTorch sizes the result (int64 products) and allocates it before tiling.
        let finalShape = zip(padded, reps).map { $0 &* $1 }
        try MemoryBudget.current.require(try Shape.contiguousByteCount(finalShape, itemSize: dtype.itemSize))
        var base = try reshape(padded)
        var expandShape: [Int] = []
        var interleaved: [Int] = []
        for (i, s) in padded.enumerated() {
            interleaved += [1, s]
            expandShape += [reps[i], s]
        }
        base = try base.reshape(interleaved)
        return try base.expand(expandShape).contiguous().reshape(finalShape)
    }

    /// `tile(reps)`: like repeat, padding reps with leading ones.
    public func tile(_ reps: [Int]) throws(TensorError) -> Tensor {
        let r = reps.count < rank ? [Int](repeating: 1, count: rank - reps.count) + reps : reps
        return try `repeat`(r)
    }
}
