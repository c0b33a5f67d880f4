/// Views: new sizes/strides/offset over the same storage, so writes show through.
extension Tensor {
    /// Resolves a requested shape with at most one -1 against `numel`.
    static func inferShape(_ shape: [Int], numel: Int) throws(TensorError) -> [Int] {
        var inferred: Int? = nil
        var product = 1
        for (i, s) in shape.enumerated() where s < -1 {
            throw .runtime("invalid shape dimension \(s) at index \(i) of shape \(Shape.describe(shape))")
        }
        for (i, s) in shape.enumerated() {
            if s == -1 {
                if inferred != nil { throw .runtime("only one dimension can be inferred") }
                inferred = i
            } else if s < 0 {
                throw .runtime("invalid shape dimension \(s)")
            } else {
                product = product &* s  // PyTorch's infer_size multiplies in int64 without a check
            }
        }
        var out = shape
        if let i = inferred {
            if product == 0 || numel % product != 0 {
                if product == 0 {
                    throw .runtime("cannot reshape tensor of \(numel) elements into shape \(Shape.describe(shape)) because the unspecified dimension size -1 can be any value and is ambiguous")
                }
                throw .invalidShape(shape: shape, numel: numel)
            }
            out[i] = numel / product
        } else if product != numel {
            throw .invalidShape(shape: shape, numel: numel)
        }
        return out
    }

    /// Strides that let `newSizes` view memory laid out as (sizes, strides), or nil
    /// (PyTorch's `computeStride`).
    static func viewStrides(_ oldSizes: [Int], _ oldStrides: [Int], _ newSizes: [Int]) -> [Int]? {
        if oldSizes.isEmpty { return [Int](repeating: 1, count: newSizes.count) }
        let numel = oldSizes.reduce(1, *)
        if numel == 0 {
            return oldSizes == newSizes ? oldStrides : Shape.contiguousStrides(newSizes)
        }
        var newStrides = [Int](repeating: 0, count: newSizes.count)
        var viewD = newSizes.count - 1
        var chunkBaseStride = oldStrides[oldStrides.count - 1]
        var tensorNumel = 1, viewNumel = 1
        var d = oldSizes.count - 1
        while d >= 0 {
            tensorNumel *= oldSizes[d]
            if d == 0 || (oldSizes[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBaseStride) {
                while viewD >= 0 && (viewNumel < tensorNumel || newSizes[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBaseStride
                    viewNumel *= newSizes[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if d > 0 {
                    chunkBaseStride = oldStrides[d - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
            d -= 1
        }
        return viewD == -1 ? newStrides : nil
    }

    /// `view(*shape)`.
    public func view(_ shape: [Int]) throws(TensorError) -> Tensor {
        let newSizes = try Tensor.inferShape(shape, numel: numel)
        guard let newStrides = Tensor.viewStrides(sizes, strides, newSizes) else { throw .viewIncompatibleStrides }
        return view(sizes: newSizes, strides: newStrides, offset: offset)
    }

    /// `view(dtype)` is not supported; `reshape(*shape)`: a view when strides allow, else a copy.
    public func reshape(_ shape: [Int]) throws(TensorError) -> Tensor {
        let newSizes = try Tensor.inferShape(shape, numel: numel)
        if let newStrides = Tensor.viewStrides(sizes, strides, newSizes) {
            return view(sizes: newSizes, strides: newStrides, offset: offset)
        }
        let c = try contiguousCopy()
        return c.view(sizes: newSizes, strides: Shape.contiguousStrides(newSizes), offset: 0)
    }

    /// Whether `reshape` would return a view.
    public func canView(as shape: [Int]) -> Bool {
        guard let s = try? Tensor.inferShape(shape, numel: numel) else { return false }
        return Tensor.viewStrides(sizes, strides, s) != nil
    }

    public func transpose(_ d0: Int, _ d1: Int) throws(TensorError) -> Tensor {
        let a = try Shape.wrapDim(d0, rank: rank), b = try Shape.wrapDim(d1, rank: rank)
        if rank == 0 { return view(sizes: sizes, strides: strides, offset: offset) }
        var sz = sizes, st = strides
        sz.swapAt(a, b); st.swapAt(a, b)
        return view(sizes: sz, strides: st, offset: offset)
    }

    /// `t()`: transpose of a ≤2-D tensor.
    public func t() throws(TensorError) -> Tensor {
        if rank > 2 { throw .runtime("t() expects a tensor with <= 2 dimensions, but self is \(rank)D") }
        return rank < 2 ? view(sizes: sizes, strides: strides, offset: offset) : try transpose(0, 1)
    }

    /// `.T`: reverses all dimensions.
    public func reversedDims() throws(TensorError) -> Tensor {
        try permute(Array((0..<rank).reversed()))
    }

    /// `.mT`: transposes the last two dimensions.
    public func matrixTranspose() throws(TensorError) -> Tensor {
        if rank < 2 { throw .runtime("tensor.mT is only supported on matrices or batches of matrices. Got \(rank)-D tensor.") }
        return try transpose(-2, -1)
    }

    public func permute(_ dims: [Int]) throws(TensorError) -> Tensor {
        if dims.count != rank {
            throw .runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(rank) is not equal to len(dims) = \(dims.count)")
        }
        var seen = [Bool](repeating: false, count: rank)
        var sz = [Int](), st = [Int]()
        sz.reserveCapacity(rank); st.reserveCapacity(rank)
        for d in dims {
            let w = try Shape.wrapDim(d, rank: rank)
            if seen[w] { throw .runtime("permute(): duplicate dims are not allowed.") }
            seen[w] = true
            sz.append(sizes[w]); st.append(strides[w])
        }
        return view(sizes: sz, strides: st, offset: offset)
    }

    public func unsqueeze(_ dim: Int) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank + 1)
        var sz = sizes, st = strides
        let newStride = d < rank ? sizes[d] * strides[d] : 1
        sz.insert(1, at: d); st.insert(newStride, at: d)
        return view(sizes: sz, strides: st, offset: offset)
    }

    /// `squeeze()` with no dims removes every size-1 dimension.
    public func squeeze(_ dims: [Int]? = nil) throws(TensorError) -> Tensor {
        var drop = [Bool](repeating: false, count: rank)
        if let dims {
            for d in dims {
                let w = try Shape.wrapDim(d, rank: rank)
                if rank > 0 && sizes[w] == 1 { drop[w] = true }
            }
        } else {
            for d in 0..<rank where sizes[d] == 1 { drop[d] = true }
        }
        var sz = [Int](), st = [Int]()
        for d in 0..<rank where !drop[d] { sz.append(sizes[d]); st.append(strides[d]) }
        return view(sizes: sz, strides: st, offset: offset)
    }

    /// `expand(*sizes)`: -1 keeps a size; size-1 dims stretch with stride 0.
    public func expand(_ newSizes: [Int]) throws(TensorError) -> Tensor {
        try expand(to: newSizes, forCopyInto: false)
    }

    /// Shared by `expand` and broadcasting; `forCopyInto` reports `copy_`'s broadcast error.
    func expand(to newSizes: [Int], forCopyInto: Bool) throws(TensorError) -> Tensor {
        if newSizes == sizes { return self }
        if newSizes.count < rank {
            if forCopyInto { _ = try Shape.broadcast(newSizes, sizes) }
            // at::Tensor's toString: complex dtypes have no legacy tensor type name.
            let typeName = dtype.isComplex ? "CPU\(dtype.scalarTypeName)Type" : dtype.legacyTypeName
            throw .runtime("expand(\(typeName){\(Shape.describe(sizes))}, size=\(Shape.describe(newSizes))): the number of sizes provided (\(newSizes.count)) must be greater or equal to the number of dimensions in the tensor (\(rank))")
        }
        let lead = newSizes.count - rank
        var sz = [Int](repeating: 0, count: newSizes.count)
        var st = [Int](repeating: 0, count: newSizes.count)
        for i in (0..<newSizes.count).reversed() {
            let target = newSizes[i]
            if i >= lead {
                let j = i - lead
                let have = sizes[j]
                if target == -1 || target == have {
                    sz[i] = have; st[i] = strides[j]
                } else if have == 1 {
                    if target < 0 { throw .runtime("The expanded size of the tensor (\(target)) isn't allowed in a leading, non-existing dimension \(i)") }
                    sz[i] = target; st[i] = 0
                } else {
                    if forCopyInto { throw .broadcastMismatch(sizeA: target, sizeB: have, dim: i) }
                    throw .runtime("The expanded size of the tensor (\(target)) must match the existing size (\(have)) at non-singleton dimension \(i).  Target sizes: \(Shape.describe(newSizes)).  Tensor sizes: \(Shape.describe(sizes))")
                }
            } else {
                if target < 0 { throw .runtime("The expanded size of the tensor (\(target)) isn't allowed in a leading, non-existing dimension \(i)") }
                sz[i] = target; st[i] = 0
            }
        }
        return view(sizes: sz, strides: st, offset: offset)
    }

    public func expand(as other: Tensor) throws(TensorError) -> Tensor { try expand(other.sizes) }

    /// `narrow(dim, start, length)`.
    public func narrow(_ dim: Int, start: Int, length: Int) throws(TensorError) -> Tensor {
        if rank == 0 { throw .runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = sizes[d]
        if start < -size || start > size {
            throw .index("start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let s = start < 0 ? start + size : start
        if length < 0 { throw .runtime("narrow(): length must be non-negative.") }
        if s + length > size { throw .runtime("start (\(s)) + length (\(length)) exceeds dimension size (\(size)).") }
        var sz = sizes
        sz[d] = length
        return view(sizes: sz, strides: strides, offset: offset + s * strides[d])
    }

    /// `select(dim, index)`: removes `dim`, picking one index (negative counts from the end).
    /// `forIndexing` gives the message `x[i]` raises instead of `select()`'s own.
    public func select(_ dim: Int, _ index: Int, forIndexing: Bool = false) throws(TensorError) -> Tensor {
        if rank == 0 { throw .index("select() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let size = sizes[d]
        if index < -size || index >= size {
            if forIndexing { throw .indexOutOfBounds(index: index, dim: d, size: size) }
            throw .index("select(): index \(index) out of range for tensor of size \(Shape.describe(sizes)) at dimension \(d)")
        }
        let i = index < 0 ? index + size : index
        var sz = sizes, st = strides
        sz.remove(at: d); st.remove(at: d)
        return view(sizes: sz, strides: st, offset: offset + i * strides[d])
    }

    /// Python slice `start:stop:step` along `dim`, with Python's clamping.
    public func slice(_ dim: Int, start: Int?, end: Int?, step: Int = 1) throws(TensorError) -> Tensor {
        if rank == 0 { throw .index("slice() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(dim, rank: rank)
        if step <= 0 {
            throw step == 0 ? .value("slice step cannot be zero") : .value("step must be greater than zero")
        }
        let size = sizes[d]
        func clamp(_ v: Int?, _ dflt: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v += size }
            return Swift.min(Swift.max(v, 0), size)
        }
        let s = clamp(start, 0)
        let e = Swift.max(clamp(end, size), s)
        var sz = sizes, st = strides
        sz[d] = (e - s + step - 1) / step
        st[d] = strides[d] * step
        return view(sizes: sz, strides: st, offset: offset + s * strides[d])
    }

    /// `flatten(start_dim, end_dim)`: a view when possible, else a copy (as reshape).
    public func flatten(start: Int = 0, end: Int = -1) throws(TensorError) -> Tensor {
        if rank == 0 { return try reshape([1]) }
        let s = try Shape.wrapDim(start, rank: rank), e = try Shape.wrapDim(end, rank: rank)
        if s > e { throw .runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        var shape = Array(sizes[..<s])
        shape.append(sizes[s...e].reduce(1, *))
        shape.append(contentsOf: sizes[(e + 1)...])
        return try reshape(shape)
    }

    /// `unflatten(dim, sizes)`.
    public func unflatten(_ dim: Int, _ parts: [Int]) throws(TensorError) -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        guard let inner = try? Tensor.inferShape(parts, numel: sizes[d]) else {
            throw .runtime("unflatten: Provided sizes \(Shape.describe(parts)) don't multiply up to the size of dim \(d) (\(sizes[d])) in the input tensor")
        }
        var shape = Array(sizes[..<d])
        shape.append(contentsOf: inner)
        shape.append(contentsOf: sizes[(d + 1)...])
        return try view(shape)
    }

    /// `movedim(source, destination)` for single dims.
    public func movedim(_ source: Int, _ destination: Int) throws(TensorError) -> Tensor {
        let s = try Shape.wrapDim(source, rank: rank), t = try Shape.wrapDim(destination, rank: rank)
        var order = Array(0..<rank)
        order.remove(at: s)
        order.insert(s, at: t)
        return try permute(order)
    }

    /// `diagonal(offset, dim1, dim2)`: a view with the diagonal as the last dimension.
    public func diagonal(offset diagOffset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws(TensorError) -> Tensor {
        let a = try Shape.wrapDim(dim1, rank: rank), b = try Shape.wrapDim(dim2, rank: rank)
        if a == b { throw .runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        var off = offset
        var length: Int
        if diagOffset >= 0 {
            length = Swift.max(Swift.min(sizes[a], sizes[b] - diagOffset), 0)
            if length > 0 { off += diagOffset * strides[b] }
        } else {
            length = Swift.max(Swift.min(sizes[a] + diagOffset, sizes[b]), 0)
            if length > 0 { off -= diagOffset * strides[a] }
        }
        var sz = [Int](), st = [Int]()
        for d in 0..<rank where d != a && d != b { sz.append(sizes[d]); st.append(strides[d]) }
        sz.append(length); st.append(strides[a] + strides[b])
        return view(sizes: sz, strides: st, offset: off)
    }

    /// `as_strided(size, stride, storage_offset)`.
    public func asStrided(_ newSizes: [Int], _ newStrides: [Int], offset newOffset: Int? = nil) throws(TensorError) -> Tensor {
        if newSizes.count != newStrides.count {
            throw .runtime("mismatch in length of strides and shape")
        }
        let off = newOffset ?? offset
        var maxIndex = off
        for (s, st) in zip(newSizes, newStrides) where s > 0 { maxIndex += (s - 1) * st }
        if newSizes.contains(0) == false && (maxIndex + 1) * dtype.itemSize > storage.byteCount {
            throw .runtime("setStorage: sizes \(Shape.describe(newSizes)), strides \(Shape.describe(newStrides)), storage offset \(off), and itemsize \(dtype.itemSize) requiring a storage size of \((maxIndex + 1) * dtype.itemSize) are out of bounds for storage of size \(storage.byteCount)")
        }
        return view(sizes: newSizes, strides: newStrides, offset: off)
    }

    /// `detach()` at this level: a new tensor object sharing storage (autograd clears its meta).
    public func alias() -> Tensor { view(sizes: sizes, strides: strides, offset: offset) }
}
